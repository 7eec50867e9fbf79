"""Forms for the looked-after pages. They turn what was typed into Python values; the rules of
the record (dates in order, codes that fit together) are the services', whose refusals the views
put beside the field they are about. `service_kwargs()` is what each form hands its service."""

from __future__ import annotations

import datetime

from django import forms

from casework.times import local_moment
from codelists.local_authorities import LocalAuthority
from codelists.ssda903 import (
    CategoryOfNeed,
    LegalStatus,
    MissingType,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonPlaceChange,
    ReviewParticipation,
    SDQReason,
)
from core.forms import DateField, TimeField
from looked_after.choices import ContactMethod, HealthCheckKind
from looked_after.services import PlacementDetails
from workforce.models import User
from workforce.roles import Role

YES_NO = [("yes", "Yes"), ("no", "No")]
DATE_HINT = "For example, 27 3 2025"
TIME_HINT = "Use the 24-hour clock, for example 09:30 or 14:30"


def _coded(choices) -> list[tuple[str, str]]:
    """Codes shown with their meaning, as the SSDA903 guide names them: "C2: Full care order"."""
    return [("", "Select")] + [(value, f"{value}: {label}") for value, label in choices]


def _date(label: str, errors_name: str, required: bool = True, hint: str = DATE_HINT) -> DateField:
    return DateField(label=label, label_for_errors=errors_name, required=required, help_text=hint)


def _text(label: str, required: bool = False, rows: int = 4, hint: str = "", message: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=hint,
        error_messages={"required": message or f"Enter {label.lower()}"},
    )


def _choice(label: str, choices, message: str, radios: bool = False, required: bool = True, hint: str = ""):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        help_text=hint,
        widget=forms.RadioSelect if radios else forms.Select,
        error_messages={"required": message},
    )


def _yes_no(value: str):
    return {"yes": True, "no": False}.get(value)


class ServiceForm(forms.Form):
    """A form whose cleaned data goes to a service as keyword arguments (less what is listed in
    LOCAL), with the service's field names mapped back to the form's in ALIASES."""

    ALIASES: dict[str, str] = {}
    LOCAL: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form_field in self.fields.values():
            if isinstance(form_field, TimeField):  # a time is five characters: a short box, as casework's
                form_field.widget.attrs["govuk_classes"] = "govuk-input--width-5"

    def service_kwargs(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k not in self.LOCAL}


def combine_moment(form, *, date_field: str, time_field: str) -> datetime.datetime | None:
    """A date and a time typed in England as one moment (the services refuse the future)."""
    day, time = form.cleaned_data.get(date_field), form.cleaned_data.get(time_field)
    return local_moment(day, time) if day is not None and time is not None else None


# --- Periods, placements, episodes --------------------------------------------------------------------


class PlacementFields(ServiceForm):
    """The placement questions shared by starting care and changing placement."""

    placement_type = _choice("Placement type", _coded(PlacementType.choices), "Select the placement type")
    provider = _choice("Placement provider", _coded(PlacementProvider.choices), "Select the placement provider")
    carer_name = forms.CharField(
        label="Carer or home (optional)",
        required=False,
        max_length=200,
        help_text="For example, the foster carers' names or the name of the children's home",
    )
    postcode = forms.CharField(
        label="Placement postcode",
        max_length=10,
        error_messages={"required": "Enter the placement postcode"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "govuk_classes": "govuk-input--width-10"}),
    )
    local_authority = _choice(
        "Local authority the placement is in",
        [("", "Select")] + list(LocalAuthority.choices),
        "Select the local authority the placement is in, or “Not known”",
        hint="The council area of the placement's address. Annex A lists whether each child is placed inside or "
        "outside this authority",
    )
    ofsted_urn = forms.CharField(
        label="Ofsted URN (optional)",
        required=False,
        max_length=10,
        help_text="The provider's Ofsted unique reference number, like SC123456. Leave blank for a placement with "
        "parents, in hospital, in a YOI or other placements without one",
        widget=forms.TextInput(attrs={"govuk_classes": "govuk-input--width-10"}),
    )
    intended_until_18 = forms.BooleanField(
        label="The placement is intended to last until the child is 18",
        required=False,
        help_text="Visits can then be 3-monthly after the first year. Long-term fostering (U1 and U4) always is",
    )
    temporary_approval = forms.BooleanField(
        label="The carer is a connected person approved temporarily (regulation 24)",
        required=False,
        help_text="The child is then visited weekly until the first review",
    )

    PLACEMENT_KEYS = (
        "placement_type",
        "provider",
        "carer_name",
        "postcode",
        "local_authority",
        "ofsted_urn",
        "intended_until_18",
        "temporary_approval",
    )

    def placement(self, same_carers: bool = False) -> PlacementDetails:
        data = self.cleaned_data
        type_ = data["placement_type"]
        return PlacementDetails(
            placement_type=type_,
            provider=data["provider"],
            postcode=data["postcode"],
            ofsted_urn=data["ofsted_urn"],
            local_authority=data["local_authority"],
            carer_name=data["carer_name"],
            intended_until_18=True if data["intended_until_18"] else None,
            temporary_approval=data["temporary_approval"],
            same_carers=same_carers,
        )


class PeriodStartForm(PlacementFields):
    start_date = _date("Date the child started to be looked after", "The start date")
    legal_status = _choice(
        "Legal status", _coded(LegalStatus.choices), "Select the legal status: a child cannot be placed without one"
    )
    category_of_need = _choice("Category of need", _coded(CategoryOfNeed.choices), "Select the category of need")
    home_postcode = forms.CharField(
        label="Child's home postcode",
        max_length=10,
        help_text="Where the child lived before they started to be looked after",
        error_messages={"required": "Enter the child's home postcode"},
        widget=forms.TextInput(attrs={"govuk_classes": "govuk-input--width-10"}),
    )

    field_order = ["start_date", "legal_status", "category_of_need", "home_postcode", *PlacementFields.PLACEMENT_KEYS]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "start_date": data["start_date"],
            "legal_status": data["legal_status"],
            "category_of_need": data["category_of_need"],
            "home_postcode": data["home_postcode"],
            "placement": self.placement(),
        }


class PlacementChangeForm(PlacementFields):
    change_date = _date("Date of the move or change", "The date of the change")
    same_carers = _choice(
        "Are the carers the same as before?",
        YES_NO,
        "Select whether the carers are the same",
        radios=True,
        hint="Yes if only the type of placement changed, for example foster care becoming long-term fostering with the same carers",
    )
    reason_place_change = _choice(
        "Reason for the change of placement",
        _coded(ReasonPlaceChange.choices),
        "Select the reason for the change of placement",
    )
    legal_status = _choice(
        "Legal status from this date",
        _coded(LegalStatus.choices),
        "Select the legal status",
        hint="Change it only if the legal status changed on the same day",
    )

    field_order = ["change_date", *PlacementFields.PLACEMENT_KEYS, "same_carers", "reason_place_change", "legal_status"]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "change_date": data["change_date"],
            "legal_status": data["legal_status"],
            "placement": self.placement(same_carers=data["same_carers"] == "yes"),
            "reason_place_change": data["reason_place_change"],
        }


class LegalStatusChangeForm(ServiceForm):
    change_date = _date("Date of the change", "The date of the change", hint="For example, the date of the court order")
    legal_status = _choice("New legal status", _coded(LegalStatus.choices), "Select the new legal status")


class PeriodEndForm(ServiceForm):
    end_date = _date("Date the child ceased to be looked after", "The end date")
    reason_ceased = _choice(
        "Reason the child ceased to be looked after",
        _coded([c for c in ReasonEpisodeCeased.choices if c[0] != ReasonEpisodeCeased.X1]),
        "Select the reason the child ceased to be looked after",
    )


class UASCForm(ServiceForm):
    uasc_from = _date("Date the child became an unaccompanied asylum-seeking child", "The date UASC status started")
    ceased_on = _date(
        "Date UASC status ceased (optional)",
        "The date UASC status ceased",
        required=False,
        hint="For example, the date leave to remain was granted, or the child's 18th birthday",
    )


class DoLOStartForm(ServiceForm):
    start_date = _date("Date the deprivation of liberty order was made", "The date the order was made")
    court = forms.CharField(label="Court (optional)", max_length=200, required=False)


class DoLOEndForm(ServiceForm):
    end_date = _date("Date the deprivation of liberty order ended", "The date the order ended")


class PlacedWithParentsForm(ServiceForm):
    parent_name = forms.CharField(
        label="Placed with",
        max_length=200,
        help_text="The parent or person with parental responsibility",
        error_messages={"required": "Enter who the child is placed with"},
    )
    agreement_signed_on = _date(
        "Date the placement with parents agreement was signed (optional)",
        "The date the agreement was signed",
        required=False,
    )
    assessment_completed_on = _date(
        "Date the assessment of the parent was completed (optional)",
        "The date the assessment was completed",
        required=False,
        hint="Until it is complete the child is visited weekly until the first review (regulation 28(3))",
    )
    discharge_plan = _text("Plan to discharge the care order (optional)", rows=4)
    discharge_target_date = _date("Target date to apply for discharge (optional)", "The target date", required=False)


# --- The IRO, reviews, care plans ------------------------------------------------------------------------


class IROAssignForm(ServiceForm):
    iro = forms.ModelChoiceField(
        label="Independent reviewing officer",
        queryset=User.objects.none(),
        empty_label="Select",
        error_messages={
            "required": "Select an independent reviewing officer",
            "invalid_choice": "Select an independent reviewing officer",
        },
    )
    start_date = _date("Date appointed", "The date the IRO was appointed")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["iro"].queryset = User.objects.filter(role=Role.IRO, is_active=True).order_by(
            "last_name", "first_name"
        )


class ReviewForm(ServiceForm):
    held_on = _date("Date of the review", "The date of the review")
    participation = _choice(
        "How did the child take part?",
        ReviewParticipation.choices,
        "Select how the child took part in the review",
        radios=True,
    )
    iro_contact_on = _date(
        "Date the IRO met or spoke with the child before the review (optional)",
        "The date the IRO met or spoke with the child",
        required=False,
    )
    summary = _text(
        "Summary of the review (optional)",
        rows=6,
        hint="Record each decision as an action, with who will do it and by when, after saving the review",
    )


class ReviewActionForm(ServiceForm):
    action = _text("Action", required=True, rows=3, message="Enter the action")
    owner = forms.CharField(
        label="Who will do it",
        max_length=200,
        help_text="A name or a role, for example the social worker",
        error_messages={"required": "Enter who will do it"},
    )
    due_date = _date("Due by", "The date it is due by")


class ActionDoneForm(ServiceForm):
    completed_on = _date("Date it was done", "The date it was done")


class IROContactForm(ServiceForm):
    contact_on = _date("Date of the contact", "The date of the contact")
    method = _choice("How", ContactMethod.choices, "Select how the IRO was in contact", radios=True)
    notes = _text("What the child said (optional)")


class CarePlanForm(ServiceForm):
    agreed_on = _date("Date the care plan was agreed", "The date the care plan was agreed")
    summary = _text("Summary of the plan (optional)", rows=6)


# --- Health and education ------------------------------------------------------------------------------


class HealthCheckForm(ServiceForm):
    kind = _choice("What was done", HealthCheckKind.choices, "Select what was done", radios=True)
    done_on = _date("Date", "The date")
    notes = _text("Notes (optional)")


class ImmunisationForm(ServiceForm):
    checked_on = _date("Date checked", "The date checked")
    up_to_date = _choice(
        "Are the child's immunisations up to date?",
        YES_NO,
        "Select whether the child's immunisations are up to date",
        radios=True,
    )
    notes = _text("Notes (optional)")

    def service_kwargs(self) -> dict:
        return super().service_kwargs() | {"up_to_date": _yes_no(self.cleaned_data["up_to_date"])}


class SDQForm(ServiceForm):
    completed_on = _date("Date of the questionnaire", "The date of the questionnaire")
    score = forms.IntegerField(
        label="Total difficulties score (optional)",
        required=False,
        min_value=0,
        max_value=40,
        help_text="From 0 to 40",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "govuk_classes": "govuk-input--width-3"}),
        error_messages={
            "invalid": "Enter the score as a number from 0 to 40",
            "min_value": "The score must be between 0 and 40",
            "max_value": "The score must be between 0 and 40",
        },
    )
    reason = _choice(
        "Reason there is no score (optional)",
        [("", "Select")] + list(SDQReason.choices),
        "Select the reason there is no score",
        required=False,
        hint="Only if there is no score",
    )


class SubstanceMisuseForm(ServiceForm):
    identified_on = _date("Date the substance misuse was identified", "The date identified")
    intervention_offered = _choice(
        "Was an intervention offered?", YES_NO, "Select whether an intervention was offered", radios=True
    )
    intervention_received = _choice(
        "Was an intervention received?", YES_NO, "Select whether an intervention was received", radios=True
    )
    notes = _text("Notes (optional)")

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "identified_on": data["identified_on"],
            "notes": data["notes"],
            "intervention_offered": data["intervention_offered"] == "yes",
            "intervention_received": data["intervention_received"] == "yes",
        }


class ConvictionForm(ServiceForm):
    convicted_on = _date("Date of the conviction, final warning or reprimand", "The date")
    notes = _text("Notes (optional)")


class PEPForm(ServiceForm):
    held_on = _date("Date of the PEP meeting", "The date of the PEP meeting")
    notes = _text("Targets and support agreed (optional)", rows=5)


class SchoolForm(ServiceForm):
    school_name = forms.CharField(
        label="School", max_length=200, error_messages={"required": "Enter the name of the school"}
    )
    school_urn = forms.CharField(
        label="School URN (optional)",
        required=False,
        max_length=6,
        help_text="6 digits, like 123456",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "govuk_classes": "govuk-input--width-10"}),
    )
    start_date = _date("Date the child started at the school", "The start date")


# --- Missing --------------------------------------------------------------------------------------------


class MissingStartForm(ServiceForm):
    kind = _choice(
        "Was the child missing or away?",
        MissingType.choices,
        "Select whether the child was missing or away without authorisation",
        radios=True,
        hint="Missing: whereabouts not known. Away: whereabouts known, but not where they should be",
    )
    started_date = _date("Date the child went missing", "The date the child went missing")
    started_time = TimeField(
        label="Time the child went missing", label_for_errors="The time the child went missing", help_text=TIME_HINT
    )
    reported_to_police = _choice(
        "Was it reported to the police?", YES_NO, "Select whether it was reported to the police", radios=True
    )
    circumstances = _text("Circumstances (optional)")

    ALIASES = {"started_at": "started_date"}

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "started_at": combine_moment(self, date_field="started_date", time_field="started_time"),
            "reported_to_police": data["reported_to_police"] == "yes",
            "circumstances": data["circumstances"],
        }


class MissingReturnForm(ServiceForm):
    returned_date = _date("Date the child returned", "The date the child returned")
    returned_time = TimeField(
        label="Time the child returned", label_for_errors="The time the child returned", help_text=TIME_HINT
    )

    ALIASES = {"returned_at": "returned_date"}

    def service_kwargs(self) -> dict:
        return {"returned_at": combine_moment(self, date_field="returned_date", time_field="returned_time")}


class ReturnInterviewForm(ServiceForm):
    offered_date = _date("Date the interview was offered", "The date the interview was offered")
    offered_time = TimeField(
        label="Time the interview was offered",
        label_for_errors="The time the interview was offered",
        help_text=TIME_HINT,
    )
    accepted = _choice(
        "Did the child accept the interview?", YES_NO, "Select whether the child accepted the interview", radios=True
    )
    held_on = _date(
        "Date of the interview (optional)",
        "The date of the interview",
        required=False,
        hint="If the child accepted and the interview has happened",
    )
    interviewer = forms.CharField(
        label="Who offered it (optional)",
        required=False,
        max_length=200,
        help_text="For example, the independent return interview service",
    )
    learned = _text(
        "What was learned (optional)",
        rows=6,
        hint="Why the child went missing, where they went, who they were with, and any risks",
    )

    ALIASES = {"offered_at": "offered_date"}

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "offered_at": combine_moment(self, date_field="offered_date", time_field="offered_time"),
            "accepted": _yes_no(data["accepted"]),
            "held_on": data["held_on"],
            "interviewer": data["interviewer"],
            "learned": data["learned"],
        }


# --- Corrections after saving -----------------------------------------------------------------------


def _reason_field():
    return _text(
        "Why is this being corrected?",
        required=True,
        rows=3,
        hint="For example, the date was copied wrongly from the placement notice. This is kept with the record",
        message="Enter why the record is being corrected",
    )


class EpisodeCorrectionForm(ServiceForm):
    start_date = _date(
        "Start date of the episode",
        "The start date",
        hint="Moving it also moves the end of the episode before, which ends the day this one starts",
    )
    legal_status = _choice(
        "Legal status", _coded(LegalStatus.choices), "Select the legal status: a child cannot be placed without one"
    )
    category_of_need = _choice("Category of need", _coded(CategoryOfNeed.choices), "Select the category of need")
    home_postcode = forms.CharField(
        label="Child's home postcode",
        max_length=10,
        error_messages={"required": "Enter the child's home postcode"},
        widget=forms.TextInput(attrs={"govuk_classes": "govuk-input--width-10"}),
    )
    reason = _reason_field()


class PlacementCorrectionForm(ServiceForm):
    placement_type = PlacementFields.base_fields["placement_type"]
    provider = PlacementFields.base_fields["provider"]
    carer_name = PlacementFields.base_fields["carer_name"]
    postcode = PlacementFields.base_fields["postcode"]
    local_authority = PlacementFields.base_fields["local_authority"]
    ofsted_urn = PlacementFields.base_fields["ofsted_urn"]
    reason = _reason_field()


class PeriodEndCorrectionForm(ServiceForm):
    end_date = PeriodEndForm.base_fields["end_date"]
    reason_ceased = PeriodEndForm.base_fields["reason_ceased"]
    reason = _reason_field()
