"""Forms for LADO allegations: they parse what was typed into the services' arguments."""

from django import forms

from allegations.choices import Category, HarmCriterion, MeetingKind, Outcome, Sector
from core.forms import date_field, radios, text


def line(label: str, *, required: bool = True, message: str = "", hint: str = ""):
    return forms.CharField(
        label=label,
        max_length=200,
        required=required,
        help_text=hint,
        error_messages={"required": message} if message else {},
    )


class AllegationForm(forms.Form):
    received_on = date_field(
        "Date the employer became aware",
        errors_label="The date the employer became aware",
        hint="When the allegation or concern came to the employer’s attention. For example, 27 3 2025",
    )
    referred_on = date_field("Date referred to the LADO", errors_label="The date of the referral")
    referrer_name = line("Referred by", message="Enter who referred the allegation")
    referrer_organisation = line("Referrer’s organisation (optional)", required=False)
    subject_name = line(
        "Name of the person the allegation is about", message="Enter the name of the person the allegation is about"
    )
    subject_role = line(
        "Their role", message="Enter their role", hint="For example, teaching assistant or foster carer"
    )
    subject_employer = line("Employer or organisation", message="Enter their employer or organisation")
    subject_sector = forms.ChoiceField(
        label="Sector",
        choices=[("", "Select a sector"), *Sector.choices],
        error_messages={"required": "Select the sector they work in"},
    )
    subject_la_id = forms.CharField(
        label="Their person ID, if they have a record here (optional)",
        max_length=20,
        required=False,
        help_text="For example, a foster carer or a parent. Leave empty otherwise",
    )
    criteria = forms.MultipleChoiceField(
        label="Why the allegation meets the threshold",
        choices=HarmCriterion.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
        error_messages={"required": "Select why the allegation meets the threshold"},
    )
    category = radios("Category", Category.choices, "Select the category")
    details = text("What is alleged", required=True, message="Enter what is alleged", rows=6)


class ChildForm(forms.Form):
    """The child chosen from the search results on the page (issue 13: the LADO typed an LA child
    ID they had to look up elsewhere). The services' errors about the child land here."""

    ALIASES = {"la_id": "person"}
    person = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "Search for the child, then select them",
            "invalid": "Search for the child, then select them",
        },
    )


class MeetingForm(forms.Form):
    kind = radios("Meeting", MeetingKind.choices, "Select the meeting")
    held_on = date_field("Date of the meeting", errors_label="The date of the meeting")
    attendees = text("Who attended", required=True, message="Enter who attended", rows=3)
    decisions = text("Decisions and actions", required=True, message="Enter the decisions and actions")


class OutcomeForm(forms.Form):
    outcome = radios("Outcome", Outcome.choices, "Select the outcome")
    outcome_on = date_field("Date of the outcome", errors_label="The date of the outcome")
    outcome_notes = text(
        "Actions taken", hint="For example, disciplinary action, a referral to the DBS or the regulator"
    )


class CloseForm(forms.Form):
    closed_on = date_field("Date closed", errors_label="The date closed")
    closure_notes = text("Notes", rows=3)
