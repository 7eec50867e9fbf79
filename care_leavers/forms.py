"""Forms for care leavers: they parse what was typed into the services' arguments; the services
decide whether the dates and answers fit the young person's age and each other."""

from django import forms

from care_leavers.choices import CareLeaverEnd, Eligibility, ReviewRequestedBy
from care_leavers.selectors import personal_advisers
from codelists.ssda903 import Accommodation, Activity, InTouch
from core.forms import date_field, radios, text


def adviser_field(label: str, *, required: bool):
    return forms.ModelChoiceField(
        label=label,
        queryset=personal_advisers(),
        required=required,
        empty_label="Not allocated yet" if not required else "Select a personal adviser",
        error_messages={
            "required": "Select the personal adviser",
            "invalid_choice": "Select a personal adviser from the list",
        },
    )


class StartForm(forms.Form):
    category = radios("Eligibility category", Eligibility.choices, "Select the eligibility category")
    category_since = date_field("In this category since", errors_label="The date they joined this category")
    eligible_from = date_field(
        "Date they became an eligible child",
        required=False,
        errors_label="The date they became an eligible child",
        hint="When they had been looked after for 13 weeks since the age of 14, and were 16 or over. "
        "Leave empty for a qualifying care leaver",
    )
    personal_adviser = adviser_field("Personal adviser (optional)", required=False)


class CategoryForm(forms.Form):
    category = radios("New eligibility category", Eligibility.choices, "Select the eligibility category")
    since = date_field("Date of the change", errors_label="The date of the change")


class AdviserForm(forms.Form):
    adviser = adviser_field("Personal adviser", required=True)
    since = date_field("Personal adviser from", errors_label="The date the personal adviser started")


class NeedsAssessmentForm(forms.Form):
    completed_on = date_field("Date the assessment was completed", errors_label="The date the assessment was completed")
    notes = text("Needs identified")


class PathwayPlanForm(forms.Form):
    started_on = date_field("Date the pathway plan was prepared", errors_label="The date the plan was prepared")
    notes = text("Summary of the plan")


class PathwayPlanReviewForm(forms.Form):
    reviewed_on = date_field("Date of the review", errors_label="The date of the review")
    requested_by = radios("Why was the review held?", ReviewRequestedBy.choices, "Select why the review was held")
    notes = text("What changed")


class KeepingInTouchForm(forms.Form):
    contact_on = date_field(
        "Date", errors_label="The date", hint="The date of the contact, or of the attempt to make contact"
    )
    in_touch = radios(
        "Is the authority in touch with the young person?",
        InTouch.choices,
        "Select whether the authority is in touch with the young person",
    )
    accommodation = forms.ChoiceField(
        label="Accommodation and whether it is suitable",
        required=False,
        choices=[("", "Not recorded"), *Accommodation.choices],
    )
    activity = forms.ChoiceField(
        label="Main activity", required=False, choices=[("", "Not recorded"), *Activity.choices]
    )
    notes = text("Notes", rows=3)


class EndForm(forms.Form):
    ended_on = date_field("Date support ended", errors_label="The date support ended")
    reason = radios("Why support ended", CareLeaverEnd.choices, "Select why support ended")
