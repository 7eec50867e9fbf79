"""Forms for assessments and their authorisation."""

from django import forms

from assessments.choices import AssessmentOutcome, AuthorisationDecision
from codelists.cin import CURRENT_ASSESSMENT_FACTOR_CHOICES
from core.forms import date_field, radios, text


class AssessmentStartForm(forms.Form):
    start_date = date_field("Start date of the assessment", errors_label="The start date")


class AssessmentForm(forms.Form):
    child_seen_on = date_field("Date the child was seen", required=False, errors_label="The date the child was seen",
                               hint="Leave blank if the child has not been seen yet. For example, 27 3 2025")
    factors = forms.MultipleChoiceField(
        label="Factors identified at the assessment", choices=CURRENT_ASSESSMENT_FACTOR_CHOICES,
        widget=forms.CheckboxSelectMultiple, required=False,
        help_text="Select all that apply. These are the CIN census codes",
    )
    analysis = text("Analysis", rows=8, hint="What life is like for the child, the risks and strengths, and why you reached your conclusion")
    outcome = radios("Outcome", AssessmentOutcome.choices, "Select the outcome", required=False)
    late_reason = text("Why the assessment took longer than 45 working days", rows=3,
                       hint="Needed only when the assessment is late")


class AuthorisationForm(forms.Form):
    decision = radios("Your decision", AuthorisationDecision.choices, "Select whether to authorise or return the assessment")
    comments = text("Comments for the social worker", hint="Needed if you return the assessment", rows=4)
    late_reason = text("Why the assessment took longer than 45 working days", rows=3,
                       hint="Needed only when it is authorised after its due date and the social worker did not say why")
