"""Forms for contacts and referrals."""

from django import forms

from casework.times import local_moment
from codelists.cin import PrimaryNeed, ReasonForClosure, ReferralSource
from core.forms import date_field, radios, text, time_field
from front_door.choices import ContactDecision, ReferralNextStep


def _with_blank(choices, label="Select one"):
    return [("", label), *choices]


class _Received(forms.Form):
    """Date and time received, combined into one moment in England."""

    what = "contact"

    def clean(self):
        data = super().clean()
        day, time = data.get("received_date"), data.get("received_time")
        data["received_at"] = local_moment(day, time) if day and time else None
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {name: data[name] for name in self.SERVICE_FIELDS} | {"received_at": data["received_at"]}


class ContactForm(_Received):
    SERVICE_FIELDS = ("source", "source_detail", "concerns")

    received_date = date_field("Date the contact was received", errors_label="The date the contact was received")
    received_time = time_field("Time the contact was received", "The time the contact was received")
    source = forms.ChoiceField(
        label="Who made contact",
        choices=_with_blank(ReferralSource.choices),
        error_messages={"required": "Select who made contact"},
    )
    source_detail = forms.CharField(
        label="Name and organisation",
        required=False,
        max_length=200,
        help_text="For example, Mrs Patel, Year 4 teacher, Northshire Primary School",
    )
    concerns = text("Concerns raised", required=True, message="Enter the concerns raised")


class ContactDecisionForm(forms.Form):
    decision = radios("Decision", ContactDecision.choices, "Select the decision")
    reason = text("Reason for the decision", hint="Needed unless the contact becomes a referral", rows=4)


class ReferralForm(_Received):
    SERVICE_FIELDS = ("source", "source_detail", "concerns", "primary_need")

    received_date = date_field("Date the referral was received", errors_label="The date the referral was received")
    received_time = time_field("Time the referral was received", "The time the referral was received")
    source = forms.ChoiceField(
        label="Source of the referral",
        choices=_with_blank(ReferralSource.choices),
        error_messages={"required": "Select the source of the referral"},
    )
    source_detail = forms.CharField(label="Name and organisation of the referrer", required=False, max_length=200)
    primary_need = radios(
        "Primary need",
        PrimaryNeed.choices,
        "Select the primary need",
        hint="The main reason the child may need services (CIN census code)",
    )
    concerns = text("Reason for the referral", required=True, message="Enter the reason for the referral")


class ReferralDecisionForm(forms.Form):
    next_step = radios("Next step", ReferralNextStep.choices, "Select the next step")
    closure_reason = forms.ChoiceField(
        label="Reason for closing the case",
        required=False,
        choices=_with_blank(ReasonForClosure.choices, "Not closing"),
        help_text="Only for no further action: the case closes today with this reason",
    )
