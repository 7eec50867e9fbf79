"""Forms for permanence. They parse what was typed into the services' arguments (the field names
are the services' keyword arguments); whether dates are in order is for the services to say."""

from django import forms

from codelists.cin import PreProceedingsOutcome
from codelists.ssda903 import AdopterLegalStatus, AdopterSex, ReasonPlacedCeased
from codelists.ssda903 import PreviousPermanence as PreviousPermanenceCode
from core.forms import date_field, radios, text
from permanence.choices import (
    DatePrecision,
    OrderKind,
    PermanenceOption,
    ProceedingsKind,
    ProceedingsOutcome,
    SpecialGuardians,
    StepKind,
)

YES_NO = [("yes", "Yes"), ("no", "No")]


def line(
    label: str, *, required: bool = False, message: str = "", hint: str = "", width: str = "", max_length: int = 200
):
    field = forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        max_length=max_length,
        error_messages={"required": message} if message else {},
    )
    if width:
        field.widget.attrs["govuk_classes"] = width
    return field


def whole_number(label: str, message: str, *, hint: str = "", required: bool = True):
    field = forms.IntegerField(
        label=label,
        help_text=hint,
        required=required,
        widget=forms.TextInput,
        error_messages={"required": message, "invalid": f"{label} must be a whole number"},
    )
    field.widget.attrs["govuk_classes"] = "govuk-input--width-3"
    return field


def _yes(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class MeetingForm(forms.Form):
    held_on = date_field("Date of the meeting", errors_label="The date of the meeting")
    proposed_option = forms.ChoiceField(
        label="Plan recommended (optional)",
        required=False,
        choices=[("", "No recommendation yet"), *PermanenceOption.choices],
    )
    notes = text("What was discussed and agreed")


class DecisionForm(forms.Form):
    option = radios(
        "Decision",
        PermanenceOption.choices,
        "Select the decision",
        hint="For adoption, the decision that the child should be placed for adoption",
    )
    decided_on = date_field("Date of the decision", errors_label="The date of the decision")
    panel_on = date_field("Date of the panel (optional)", errors_label="The date of the panel", required=False)
    decision_maker = line(
        "Decision maker",
        required=True,
        message="Enter who made the decision",
        hint="The agency decision maker's name and role",
    )
    notes = text("Reasons for the decision")


class ReverseForm(forms.Form):
    reversed_on = date_field("Date the decision was reversed", errors_label="The date the decision was reversed")
    reason = radios("Why the decision was reversed", ReasonPlacedCeased.choices, "Select why the decision was reversed")
    notes = text("Explanation", hint="Required when the reason is ‘Any other reason’")


class StepForm(forms.Form):
    kind = radios("Step", StepKind.choices, "Select the step")
    taken_on = date_field("Date of the step", errors_label="The date of the step")
    notes = text("Details", hint="Required for ‘Other step’")


class OrderForm(forms.Form):
    """One form for the four orders; the fields that do not apply to the kind are left out."""

    made_on = date_field("Date the order was made", errors_label="The date the order was made")
    decision = forms.ChoiceField(label="Decision it carries out", required=False)
    court = line("Court (optional)")
    special_guardians = radios(
        "Who the order was made to", SpecialGuardians.choices, "Select who the order was made to"
    )
    consent_dispensed = radios(
        "Did the court dispense with a parent’s consent?",
        YES_NO,
        "Select whether the court dispensed with consent",
        hint="Select ‘No’ if the application was unopposed",
    )
    notes = text("Notes", rows=3)

    def __init__(self, *args, kind: str, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = OrderKind(kind)
        self._decisions = {str(d.pk): d for d in decisions}
        needed = self.kind in (OrderKind.PLACEMENT_ORDER, OrderKind.ADOPTION_ORDER)
        blank = [] if needed and len(self._decisions) == 1 else [("", "None" if not needed else "Select a decision")]
        self.fields["decision"].choices = blank + [
            (pk, f"{d.get_option_display()}, decided {d.decided_on.day} {d.decided_on:%B %Y}")
            for pk, d in self._decisions.items()
        ]
        if not self._decisions:
            del self.fields["decision"]
        if self.kind != OrderKind.SPECIAL_GUARDIANSHIP_ORDER:
            del self.fields["special_guardians"]
        if self.kind != OrderKind.ADOPTION_ORDER:
            del self.fields["consent_dispensed"]

    def clean(self):
        data = super().clean()
        data["kind"] = self.kind
        data["decision"] = self._decisions.get(data.get("decision") or "")
        if "consent_dispensed" in data:
            data["consent_dispensed"] = _yes(data["consent_dispensed"])
        return data


class RevokeForm(forms.Form):
    revoked_on = date_field("Date the order was revoked", errors_label="The date the order was revoked")


class MatchForm(forms.Form):
    matched_on = date_field(
        "Date of the match",
        errors_label="The date of the match",
        hint="The date of the decision that the child should be placed with these prospective adopters",
    )
    number_of_adopters = radios(
        "Number of prospective adopters",
        [("1", "One"), ("2", "Two")],
        "Select whether there is one prospective adopter or two",
    )
    adopter_sex = radios(
        "Sex of the prospective adopters", AdopterSex.choices, "Select the sex of the prospective adopters"
    )
    adopter_legal_status = radios(
        "Legal status of the prospective adopters",
        AdopterLegalStatus.choices,
        "Select the legal status of the prospective adopters",
    )
    foster_carers_adopting = radios(
        "Are the child’s foster carers adopting them?",
        YES_NO,
        "Select whether the child’s foster carers are adopting them",
    )
    fostering_for_adoption = radios(
        "Fostering for adoption or concurrent planning?",
        YES_NO,
        "Select whether this is fostering for adoption or concurrent planning",
    )
    ffa_placed_on = date_field(
        "Date placed with them under fostering for adoption (optional)",
        required=False,
        errors_label="The date placed under fostering for adoption",
    )
    adopters_reference = line("Adopters’ name or agency reference (optional)")

    def clean(self):
        data = super().clean()
        if data.get("number_of_adopters"):
            data["number_of_adopters"] = int(data["number_of_adopters"])
        for name in ("foster_carers_adopting", "fostering_for_adoption"):
            if name in data:
                data[name] = _yes(data[name])
        return data


class PlacementForm(forms.Form):
    placed_on = date_field(
        "Date placed for adoption",
        errors_label="The date placed for adoption",
        hint="The date the child went to live with the prospective adopters, or the date a fostering "
        "for adoption placement became an adoption placement",
    )


class PlacementEndForm(forms.Form):
    ended_on = date_field("Date the placement ended", errors_label="The date the placement ended")
    notes = text("Why the placement ended", required=True, message="Explain why the placement ended")


class AdoptionReviewForm(forms.Form):
    held_on = date_field("Date of the review", errors_label="The date of the review")
    visit_every_weeks = whole_number(
        "Visit the child every (weeks)",
        "Enter how often, in weeks, the child is to be visited until the next review",
        hint="How often the review decided the child and the prospective adopters are to be visited",
    )
    notes = text("Decisions of the review")

    def __init__(self, *args, placed: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not placed:
            del self.fields["visit_every_weeks"]


class ProceedingsForm(forms.Form):
    kind = radios("Application", ProceedingsKind.choices, "Select the application")
    issued_on = date_field("Date the application was issued", errors_label="The date the application was issued")
    court = line("Court (optional)")
    case_number = line("Case number (optional)", width="govuk-input--width-10", max_length=50)


class ExtensionForm(forms.Form):
    granted_on = date_field("Date the court granted the extension", errors_label="The date the extension was granted")
    weeks = whole_number(
        "Length of the extension (weeks)", "Enter the length of the extension in weeks", hint="At most 8 weeks"
    )
    reason = text(
        "Why the court extended the timetable",
        required=True,
        message="Enter why the court extended the timetable",
        rows=3,
    )


class ConcludeForm(forms.Form):
    concluded_on = date_field("Date the proceedings concluded", errors_label="The date the proceedings concluded")
    outcome = radios("Outcome", ProceedingsOutcome.choices, "Select the outcome")


class PreviousPermanenceForm(forms.Form):
    care_started_on = date_field("Date the period of care started", errors_label="The date the period of care started")
    option = radios(
        "Had the child left care before through adoption, special guardianship or a residence or child "
        "arrangements order?",
        PreviousPermanenceCode.choices,
        "Select whether the child had a previous permanence option",
    )
    order_date_known = radios(
        "How much of the date of that order is known?",
        DatePrecision.choices,
        "Select how much of the date of the order is known",
        required=False,
    )
    order_date = date_field(
        "Date of the order",
        required=False,
        errors_label="The date of the order",
        hint="If only the month or year is known, enter 1 for the parts not known",
    )
    arranged_by_la = line(
        "Local authority that arranged it (optional)",
        hint="The authority’s three-digit code, like 201",
        width="govuk-input--width-4",
        max_length=3,
    )


# --- Pre-proceedings -----------------------------------------------------------------------------


def _yes_no(data: dict, name: str) -> None:
    if name in data:
        data[name] = {"yes": True, "no": False}.get(data[name])


class PreProceedingsStartForm(forms.Form):
    started_on = date_field(
        "Date of the decision to start pre-proceedings",
        errors_label="The date of the decision to start pre-proceedings",
        hint="The legal planning meeting or other forum that decided. For example, 27 3 2026",
    )


class PreProceedingsLetterForm(forms.Form):
    letter_sent_on = date_field(
        "Date the letter before proceedings was sent", errors_label="The date the letter was sent"
    )
    fgdm_offered = radios(
        "Did the letter offer a family group decision-making meeting?",
        YES_NO,
        "Select whether the letter offered a family group decision-making meeting",
    )

    def clean(self):
        data = super().clean()
        _yes_no(data, "fgdm_offered")
        return data


class PreProceedingsFGDMForm(forms.Form):
    fgdm_held = radios(
        "Was the family group decision-making meeting held?",
        YES_NO,
        "Select whether the family group decision-making meeting was held",
    )

    def clean(self):
        data = super().clean()
        _yes_no(data, "fgdm_held")
        return data


class PreProceedingsMeetingForm(forms.Form):
    held_on = date_field("Date of the pre-proceedings meeting", errors_label="The date of the meeting")


class PreProceedingsDecisionForm(forms.Form):
    decided_on = date_field("Date of the decision to step down or up", errors_label="The date of the decision")
    outcome = radios("Outcome", PreProceedingsOutcome.choices, "Select the outcome of pre-proceedings")
    court_application_on = date_field(
        "Date the court application was made (stepping up only, optional)",
        required=False,
        errors_label="The date of the court application",
    )
    letter_issue_on = date_field(
        "Date the letter telling the parents of the application was sent (optional)",
        required=False,
        errors_label="The date of the letter",
    )
