"""Forms for case audits: they parse what was typed into the services' arguments; the services
decide (conflicts of interest, evidence for every grade, the sample against the cohort)."""

from django import forms

from audits.choices import Grade, SampleRule, Service, Theme
from audits.services import OWNER_MANAGER, OWNER_WORKER
from codelists.ssda903 import LegalStatus
from core.forms import date_field, radios, text
from workforce.models import Team, User
from workforce.roles import Role

AUDITOR_ROLES = (
    Role.QA_OFFICER,
    Role.SENIOR_LEADER,
    Role.TEAM_MANAGER,
    Role.SOCIAL_WORKER,
    Role.IRO,
    Role.SERVICE_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.DIRECTOR,
)
ACTION_SLOTS = 3
GRADE_CHOICES = [(str(value), label) for value, label in Grade.choices]


class StaffChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        team = f", {user.team.name}" if user.team_id else ""
        return f"{user.get_full_name()} ({user.role_label}{team})"


def _staff(label, message, required=True):
    return StaffChoices(
        label=label,
        required=required,
        widget=forms.CheckboxSelectMultiple,
        queryset=User.objects.filter(is_active=True, role__in=AUDITOR_ROLES)
        .select_related("team")
        .order_by("last_name", "first_name"),
        error_messages={"required": message, "invalid_choice": message, "invalid_pk_value": message},
    )


def _number(label, *, required=False, hint="", minimum=0, maximum=None, message=""):
    field = forms.IntegerField(
        label=label,
        required=required,
        help_text=hint,
        min_value=minimum,
        max_value=maximum,
        error_messages={
            "required": message or f"Enter {label.lower()}",
            "invalid": f"{label} must be a whole number",
            "min_value": f"{label} must be {minimum} or more",
            "max_value": f"{label} must be {maximum} or less",
        },
    )
    field.widget.attrs["govuk_classes"] = "govuk-input--width-5"
    return field


class ProgrammeForm(forms.Form):
    theme = forms.CharField(
        label="Theme",
        max_length=200,
        help_text="For example, children placed with parents",
        error_messages={"required": "Enter the theme of the audit programme"},
    )
    tool = forms.ModelChoiceField(
        label="Audit tool",
        queryset=None,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the audit tool", "invalid_choice": "Select the audit tool"},
    )
    service = radios(
        "Cohort: children who had", Service.choices, "Select the part of the service the cohort is drawn from"
    )
    teams = forms.ModelMultipleChoiceField(
        label="Teams (optional)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        queryset=Team.objects.order_by("name"),
        help_text="Leave empty for every team",
        error_messages={
            "invalid_choice": "Select teams from the list",
            "invalid_pk_value": "Select teams from the list",
        },
    )
    legal_status = forms.ChoiceField(
        label="Legal status (optional)",
        required=False,
        choices=[("", "Any legal status"), *LegalStatus.choices],
        error_messages={"invalid_choice": "Select a legal status from the list"},
    )
    age_from = _number("Youngest age (optional)", maximum=25)
    age_to = _number("Oldest age (optional)", maximum=25)
    open_from = date_field("Open at any time from", errors_label="The start of the period")
    open_to = date_field("Open at any time until", errors_label="The end of the period")
    sample_rule = radios("Sample", SampleRule.choices, "Select the sample rule")
    sample_size = _number("Number of cases (for a stratified sample)", minimum=1, maximum=10_000)
    seed = _number(
        "Seed (optional)",
        minimum=1,
        maximum=2_000_000_000,
        hint="The same seed draws the same sample; leave it empty for a new one",
    )
    moderation_percent = _number(
        "Share moderated (per cent)",
        required=True,
        maximum=100,
        message="Enter the share of audits to moderate, 0 for none",
    )
    auditors = _staff("Auditors", "Select at least one auditor")
    moderators = _staff("Moderators", "Select the moderators", required=False)
    audit_by = date_field("Audits to be done by", errors_label="The date the audits are to be done by")

    def __init__(self, *args, tools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tool"].queryset = tools


class DrawForm(forms.Form):
    """Drawing the sample needs nothing typed: the programme's seed draws it."""


def _grade_fields(form, key: str, label: str, descriptors: dict, evidence_label: str):
    form.fields[f"{key}_grade"] = forms.ChoiceField(
        label=label,
        choices=GRADE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": f"Select a grade for {label.lower() if key == 'overall' else label}"},
    )
    form.fields[f"{key}_grade"].descriptors = descriptors
    form.fields[f"{key}_evidence"] = forms.CharField(
        label=evidence_label,
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="What in the record supports the grade",
    )


class GradeForm(forms.Form):
    """A grade and its evidence for each domain of the tool, and for the case overall; the
    descriptor of each grade is shown beside it (templates audits/_grade.html)."""

    def __init__(self, *args, domains, actions: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.domains = domains
        for domain in domains:
            _grade_fields(
                self, f"domain_{domain.pk}", domain.name, domain.descriptors, f"Evidence for the grade: {domain.name}"
            )
        _grade_fields(self, "overall", "The case overall", {}, "Evidence for the overall grade")
        if actions:
            self.fields["summary"] = text("Summary of findings (optional)", rows=4)
            self.fields["themes"] = forms.MultipleChoiceField(
                label="Learning themes (optional)",
                required=False,
                choices=Theme.choices,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": "Select themes from the list"},
            )
            self.fields["family_feedback"] = text("The family’s feedback (optional)", rows=3)
            self.fields["child_feedback"] = text("The child’s feedback (optional)", rows=3)
            self.fields["reaudit_on"] = date_field(
                "Re-audit on (optional)", required=False, errors_label="The date of the re-audit"
            )
            for n in range(1, ACTION_SLOTS + 1):
                self.fields[f"action_{n}"] = text(f"Action {n} (optional)", rows=2)
                self.fields[f"owner_{n}"] = forms.ChoiceField(
                    label=f"Who owns action {n}",
                    required=False,
                    widget=forms.RadioSelect,
                    choices=[(OWNER_WORKER, "The child’s social worker"), (OWNER_MANAGER, "Their team manager")],
                )
                self.fields[f"due_on_{n}"] = date_field(
                    f"Action {n} due by (optional)",
                    required=False,
                    errors_label=f"The date action {n} is due",
                    hint="Leave it empty for 4 weeks from today",
                )

    def grade_rows(self):
        """[(grade field, evidence field)] in the tool's order, then overall: for the template."""
        keys = [f"domain_{d.pk}" for d in self.domains] + ["overall"]
        return [
            (
                self[f"{k}_grade"],
                self[f"{k}_evidence"],
                getattr(d, "guidance", ""),
                list(getattr(d, "questions", None).all()) if getattr(d, "questions", None) is not None else [],
            )
            for k, d in zip(keys, [*self.domains, None], strict=True)
        ]

    def other_fields(self):
        graded = {
            f"{p}_{s}" for p in [f"domain_{d.pk}" for d in self.domains] + ["overall"] for s in ("grade", "evidence")
        }
        return [self[name] for name in self.fields if name not in graded]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        out = {
            "grades": {
                d.pk: (data.get(f"domain_{d.pk}_grade"), data.get(f"domain_{d.pk}_evidence", "")) for d in self.domains
            },
            "overall_grade": data.get("overall_grade"),
            "overall_evidence": data.get("overall_evidence", ""),
        }
        if "summary" in self.fields:
            out.update(
                summary=data.get("summary", ""),
                themes=data.get("themes") or [],
                family_feedback=data.get("family_feedback", ""),
                child_feedback=data.get("child_feedback", ""),
                reaudit_on=data.get("reaudit_on"),
                actions=[
                    {
                        "action": data.get(f"action_{n}"),
                        "owner": data.get(f"owner_{n}") or "",
                        "due_on": data.get(f"due_on_{n}"),
                    }
                    for n in range(1, ACTION_SLOTS + 1)
                ],
            )
        return out


class ReflectionForm(forms.Form):
    reflection = text(
        "Your reflection",
        required=True,
        message="Enter your reflection",
        rows=6,
        hint="What you took from the audit conversation, and what you will do differently",
    )


class DoneForm(forms.Form):
    done_on = date_field("Date the action was done", errors_label="The date the action was done")


class AssignForm(forms.Form):
    """The programme's auditors and moderators, whoever they are: the service says who has a
    conflict with this child, beside the field."""

    auditor = forms.ModelChoiceField(
        label="Auditor",
        queryset=User.objects.none(),
        required=False,
        empty_label="Keep the auditor",
        error_messages={"invalid_choice": "Select one of the programme’s auditors"},
    )
    moderator = forms.ModelChoiceField(
        label="Moderator",
        queryset=User.objects.none(),
        required=False,
        empty_label="Keep the moderator",
        error_messages={"invalid_choice": "Select one of the programme’s moderators"},
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["auditor"].queryset = programme.auditors.order_by("last_name", "first_name")
        self.fields["moderator"].queryset = programme.moderators.order_by("last_name", "first_name")
