"""Forms for staff records: they parse what was typed into the services' arguments."""

from decimal import Decimal

from django import forms

from core.forms import date_field, parse_id, radios
from staff.choices import EarlyCareer, LeavingReason
from workforce.roles import Role

YES_NO = [("yes", "Yes"), ("no", "No")]
STAFF_ROLES = [
    (r.value, r.label)
    for r in (
        Role.SOCIAL_WORKER,
        Role.TEAM_MANAGER,
        Role.IRO,
        Role.MASH_WORKER,
        Role.PERSONAL_ADVISER,
        Role.PRIVATE_FOSTERING_OFFICER,
        Role.QA_OFFICER,
        Role.SERVICE_MANAGER,
        Role.HEAD_OF_SERVICE,
    )
]


def _decimal(label, *, required=False, max_value=None, hint="", message=""):
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=Decimal("0.01"),
        max_value=max_value,
        decimal_places=2,
        max_digits=6,
        help_text=hint,
        error_messages={
            "required": message or f"Enter {label.lower()}",
            "invalid": f"{label} must be a number",
            "min_value": f"{label} must be more than 0",
            "max_value": f"{label} must be {max_value} or less",
            "max_decimal_places": f"{label} must have 2 decimal places or fewer",
            "max_digits": f"{label} is too large",
        },
    )


class ProfileFields(forms.Form):
    """What the starter form and the profile form share."""

    agency = radios("Employed through an agency?", YES_NO, "Select whether they are an agency worker")
    grade = forms.CharField(label="Grade (optional)", max_length=60, required=False)
    fte = _decimal("Full-time equivalent", required=True, max_value=Decimal("1"), hint="For example, 1 or 0.6")
    agency_name = forms.CharField(label="Agency (if agency)", max_length=120, required=False)
    agency_notice_weeks = forms.IntegerField(
        label="Notice period in weeks (if agency)",
        required=False,
        min_value=0,
        max_value=52,
        error_messages={
            "invalid": "Notice period must be a whole number of weeks",
            "min_value": "Notice period cannot be negative",
            "max_value": "Notice period must be 52 weeks or less",
        },
    )
    agency_hourly_rate = _decimal("Hourly charge rate in pounds (if agency)", max_value=Decimal("999"))
    rate_above_cap_approved_by = forms.CharField(
        label="Rate above the price cap approved by (if it is)", max_length=120, required=False
    )
    swe_number = forms.CharField(
        label="Social Work England registration number (optional)", max_length=20, required=False
    )
    registered_until = date_field(
        "Registration renewed until (optional)",
        required=False,
        errors_label="The date registration is renewed until",
        hint="Registration runs to 30 November each year. For example, 30 11 2027",
    )
    qualified_on = date_field("Date qualified (optional)", required=False, errors_label="The date they qualified")
    early_career = forms.ChoiceField(label="Early career", choices=EarlyCareer.choices, required=False)

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["agency"] = data["agency"] == "yes"
        for name in ("grade", "agency_name", "rate_above_cap_approved_by", "swe_number", "early_career"):
            data[name] = data.get(name) or ""
        return data


class StarterForm(ProfileFields):
    first_name = forms.CharField(
        label="First name", max_length=150, error_messages={"required": "Enter their first name"}
    )
    last_name = forms.CharField(label="Last name", max_length=150, error_messages={"required": "Enter their last name"})
    username = forms.CharField(
        label="Username",
        max_length=150,
        error_messages={"required": "Enter a username"},
        help_text="For signing in, for example j.smith",
    )
    role = radios("Role", STAFF_ROLES, "Select their role")
    team = forms.ChoiceField(label="Team", error_messages={"required": "Select their team"})
    post = forms.ChoiceField(label="Post (optional)", required=False)
    started_on = date_field("First day", errors_label="Their first day")

    field_order = [
        "first_name",
        "last_name",
        "username",
        "role",
        "team",
        "post",
        "started_on",
        "agency",
        "fte",
        "grade",
        "agency_name",
        "agency_notice_weeks",
        "agency_hourly_rate",
        "rate_above_cap_approved_by",
        "swe_number",
        "registered_until",
        "qualified_on",
        "early_career",
    ]

    def __init__(self, *args, teams, posts, **kwargs):
        super().__init__(*args, **kwargs)
        self.teams = {t.pk: t for t in teams}
        self.posts = {p.pk: p for p in posts}
        self.fields["team"].choices = [("", "Select a team")] + [(t.pk, t.name) for t in teams]
        self.fields["post"].choices = [("", "No post")] + [(p.pk, f"{p.title}, {p.team} ({p.fte} FTE)") for p in posts]

    def service_kwargs(self) -> dict:
        data = super().service_kwargs()
        data["team"] = self.teams.get(parse_id(data["team"]))
        data["post"] = self.posts.get(parse_id(data["post"])) if data.get("post") else None
        return data


class LeaverForm(forms.Form):
    left_on = date_field("Last day in the service", errors_label="Their last day")
    leaving_reason = radios("Reason for leaving", LeavingReason.choices, "Select the reason for leaving")


class DoneForm(forms.Form):
    done_on = date_field("Date done", errors_label="The date it was done")


class AttendanceForm(forms.Form):
    course = forms.ChoiceField(label="Course", error_messages={"required": "Select the course"})
    attended_on = date_field("Date attended", errors_label="The date they attended")

    def __init__(self, *args, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.courses = {c.pk: c for c in courses}
        self.fields["course"].choices = [("", "Select a course")] + [(c.pk, c.title) for c in courses]

    def service_kwargs(self) -> dict:
        return {
            "course": self.courses.get(parse_id(self.cleaned_data["course"])),
            "attended_on": self.cleaned_data["attended_on"],
        }
