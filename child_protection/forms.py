"""Forms for strategy discussions, section 47 enquiries, conferences, plans and core groups."""

from django import forms

from child_protection.choices import Agency, ConferenceOutcome, PlanEndReason, Section47Outcome, StrategyDecision
from codelists.cin import CategoryOfAbuse
from core.forms import date_field, radios, text

INITIAL_OUTCOMES = [(c.value, c.label) for c in (ConferenceOutcome.PLAN, ConferenceOutcome.NO_PLAN)]
REVIEW_OUTCOMES = [(c.value, c.label) for c in (ConferenceOutcome.CONTINUE, ConferenceOutcome.END)]


class StrategyDiscussionForm(forms.Form):
    held_on = date_field("Date of the strategy discussion", errors_label="The date of the strategy discussion")
    agencies = forms.MultipleChoiceField(
        label="Agencies that took part",
        choices=Agency.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the agencies that took part"},
    )
    decision = radios("Decision", StrategyDecision.choices, "Select the decision")
    notes = text("What was discussed and why", rows=6)


class Section47StartForm(forms.Form):
    start_date = date_field("Start date of the enquiry", errors_label="The start date of the enquiry")


class Section47ConcludeForm(forms.Form):
    end_date = date_field("Date the enquiry concluded", errors_label="The date the enquiry concluded")
    outcome = radios("Outcome", Section47Outcome.choices, "Select the outcome of the enquiry")


class InitialConferenceForm(forms.Form):
    held_on = date_field("Date of the conference", errors_label="The date of the conference")
    outcome = radios("Outcome", INITIAL_OUTCOMES, "Select the outcome of the conference")
    category = radios(
        "Category of abuse",
        CategoryOfAbuse.choices,
        "Select the category of abuse",
        required=False,
        hint="Needed when the child is made subject to a plan",
    )
    notes = text("Decisions and recommendations", rows=6)


class TransferInConferenceForm(forms.Form):
    held_on = date_field("Date of the transfer-in conference", errors_label="The date of the conference")
    previous_authority = forms.CharField(
        label="Authority the child moved from",
        max_length=200,
        error_messages={"required": "Enter the authority the child moved from"},
    )
    category = radios("Category of abuse", CategoryOfAbuse.choices, "Select the category of abuse")
    notes = text("Decisions and recommendations", rows=6)


class ReviewConferenceForm(forms.Form):
    held_on = date_field("Date of the review conference", errors_label="The date of the conference")
    outcome = radios("Outcome", REVIEW_OUTCOMES, "Select the outcome of the conference")
    category = radios("Latest category of abuse", CategoryOfAbuse.choices, "Select the latest category of abuse")
    end_reason = radios(
        "Why the plan ends",
        PlanEndReason.choices,
        "Select why the plan ended",
        required=False,
        hint="Needed only when the plan ends",
    )
    notes = text("Decisions and recommendations", rows=6)


class PlanEndForm(forms.Form):
    end_date = date_field("End date of the plan", errors_label="The end date")
    end_reason = radios("Why the plan ended", PlanEndReason.choices, "Select why the plan ended")


class CoreGroupForm(forms.Form):
    held_on = date_field("Date of the core group meeting", errors_label="The date of the core group meeting")
    notes = text("Progress against the plan", rows=6)
