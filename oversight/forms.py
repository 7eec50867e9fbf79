"""Forms for management oversight and the IRO's challenge: they parse what was typed into the
services' arguments; the services decide whether the people named hold the stage's role."""

from django import forms

from core.forms import date_field, radios, text
from oversight.choices import Capacity, Category, Outcome
from workforce.models import User
from workforce.roles import Role

YES_NO = [("yes", "Yes"), ("no", "No")]
# Everyone a stage can be addressed to. The list is the whole line of management so that the
# service, not the list, says who answers at which stage (and why another person cannot).
ADDRESSABLE = (Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE, Role.DIRECTOR)


class StaffChoice(forms.ModelChoiceField):
    def label_from_instance(self, user):
        team = f", {user.team.name}" if user.team_id else ""
        return f"{user.get_full_name()} ({user.role_label}{team})"


def staff_field(label: str, message: str, *, roles=ADDRESSABLE, required: bool = True, hint: str = ""):
    return StaffChoice(
        label=label,
        required=required,
        help_text=hint,
        empty_label="Select a person",
        queryset=User.objects.filter(is_active=True, role__in=roles)
        .select_related("team")
        .order_by("last_name", "first_name"),
        error_messages={"required": message, "invalid_choice": message},
    )


class OversightForm(forms.Form):
    held_on = date_field(
        "Date of the oversight",
        errors_label="The date of the oversight",
        hint="The day you gave it, not today’s date if you record it later",
    )
    decision = text("Decision", required=True, message="Enter the decision", rows=4)
    rationale = text(
        "Rationale",
        required=True,
        message="Enter the rationale for the decision",
        rows=4,
        hint="Why: what you weighed, and the risks and strengths for the child",
    )
    direction = text("Direction (optional)", rows=4, hint="What must happen next, by whom and by when")


class ChallengeForm(forms.Form):
    capacity = radios("Raised as", Capacity.choices, "Select whether you raise it as IRO or as CP chair")
    category = radios("Theme", Category.choices, "Select the theme of the concern")
    concern = text("The concern", required=True, message="Describe the concern", rows=6)
    raised_on = date_field("Date raised", errors_label="The date the concern was raised")
    addressed_to = staff_field(
        "Raised informally with",
        "Select the social worker or team manager to address it to",
        hint="The child’s social worker or team manager",
    )
    escalate_to = staff_field(
        "If there is no response in time, it goes to",
        "Select the team manager who takes it at stage 1",
        hint="The team manager who takes it at stage 1",
    )


class RespondForm(forms.Form):
    responded_on = date_field("Date of the response", errors_label="The date of the response")
    response = text("Response", required=True, message="Enter the response", rows=6)


class EscalateForm(forms.Form):
    raised_on = date_field("Date escalated", errors_label="The date of the escalation")
    addressed_to = staff_field(
        "Addressed to",
        "Select the person the next stage is addressed to",
        hint="Stage 1 goes to a team manager, 2 to a service manager, 3 to a head of service, 4 to the director",
    )
    escalate_to = staff_field(
        "If there is no response in time, it goes to (not at stage 4)",
        "Select who takes it at the following stage",
        required=False,
    )


class CloseForm(forms.Form):
    outcome = radios("Outcome", Outcome.choices, "Select the outcome")
    closed_on = date_field("Date closed", errors_label="The date the challenge closed")
    child_told = radios(
        "Was the child told about the challenge and its outcome?", YES_NO, "Select whether the child was told"
    )
    advocate_offered = radios(
        "Was the child offered an advocate?", YES_NO, "Select whether the child was offered an advocate"
    )
    notes = text("Notes (optional)", rows=4)

    def service_kwargs(self):
        data = dict(self.cleaned_data)
        for name in ("child_told", "advocate_offered"):
            data[name] = {"yes": True, "no": False}.get(data.get(name))
        return data


class GoodPracticeForm(forms.Form):
    noted_on = date_field("Date", errors_label="The date")
    worker = staff_field("Whose practice (optional)", "Select a person from the list", required=False)
    note = text("The good practice", required=True, message="Describe the good practice", rows=6)
