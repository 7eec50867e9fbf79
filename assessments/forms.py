"""Forms for assessments: starting one, each section's page (framework.SECTIONS), submitting,
and the manager's authorisation."""

from django import forms

from assessments.choices import AssessmentOutcome, AuthorisationDecision
from assessments.framework import SIDE_BY_SLUG
from assessments.sections import field_name
from codelists.cin import CURRENT_ASSESSMENT_FACTOR_CHOICES
from core.forms import date_field, radios, text

YES_NO = [("yes", "Yes"), ("no", "No")]


class AssessmentStartForm(forms.Form):
    start_date = date_field("Start date of the assessment", errors_label="The start date")


class SectionForm(forms.Form):
    """Every section page ends with the task list pattern's question."""

    completed = radios(
        "Have you completed this section?",
        YES_NO,
        "Select whether you have completed this section",
        hint="You can come back and change it until you submit the assessment",
    )

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["completed"] = data.get("completed") == "yes"
        return data


class SideForm(SectionForm):
    """One side of the assessment triangle: for each domain, what is going well and what we are
    worried about, or why it was not assessed."""

    def __init__(self, *args, side, **kwargs):
        super().__init__(*args, **kwargs)
        self.side = side
        completed = self.fields.pop("completed")
        for domain in side.domains:
            self.fields[field_name(domain.code, "going_well")] = text("What is going well", rows=3)
            self.fields[field_name(domain.code, "worries")] = text("What we are worried about", rows=3)
            self.fields[field_name(domain.code, "not_assessed")] = text(
                "Not assessed: say why", rows=2, hint="Only if this was not assessed"
            )
        self.fields["completed"] = completed

    def domain_groups(self):
        """(domain, its three bound fields), for the template's fieldsets."""
        return [
            (domain, [self[field_name(domain.code, f)] for f in ("going_well", "worries", "not_assessed")])
            for domain in self.side.domains
        ]


class VoiceForm(SectionForm):
    child_seen_on = date_field("Date the child was seen", required=False, errors_label="The date the child was seen")
    seen_alone = radios("Was the child seen alone?", YES_NO, "Select whether the child was seen alone", required=False)
    not_seen_alone_reason = text("If not, why not", rows=3)
    wishes_and_feelings = text(
        "The child's wishes and feelings, in their own words", rows=6, hint="Write what they said, as they said it"
    )
    how_gathered = text(
        "How their wishes and feelings were gathered",
        rows=3,
        hint="For example, seen alone at school using the three houses tool",
    )
    field_order = [
        "child_seen_on",
        "seen_alone",
        "not_seen_alone_reason",
        "wishes_and_feelings",
        "how_gathered",
        "completed",
    ]

    def service_kwargs(self) -> dict:
        data = super().service_kwargs()
        data["seen_alone"] = {"yes": True, "no": False}.get(data.get("seen_alone"))
        return data


class ParentsViewsForm(SectionForm):
    parents_views = text(
        "Parents' and carers' views",
        rows=8,
        hint="Each parent's and carer's view of the concerns and of what would help, and who said what",
    )
    field_order = ["parents_views", "completed"]


class AgencyForm(SectionForm):
    agency = forms.CharField(
        label="Agency",
        required=False,
        max_length=200,
        help_text="For example, Oak Lane Primary School, the health visitor, the police",
    )
    said = text("What they said", rows=4)
    said_on = date_field("Date of their information", required=False, errors_label="The date of their information")
    field_order = ["agency", "said", "said_on", "completed"]


class AnalysisForm(SectionForm):
    analysis = text(
        "Analysis of risk and strengths",
        rows=8,
        hint="What life is like for the child, what the risks and the strengths are, and what they mean",
    )
    recommendation = text("Recommendation", rows=4, hint="What should happen next, and why")
    factors = forms.MultipleChoiceField(
        label="Factors identified at the assessment",
        choices=CURRENT_ASSESSMENT_FACTOR_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Select all that apply. These are the CIN census codes",
    )
    outcome = radios("Outcome", AssessmentOutcome.choices, "Select the outcome", required=False)
    late_reason = text(
        "Why the assessment took longer than 45 working days", rows=3, hint="Needed only when the assessment is late"
    )
    field_order = ["analysis", "recommendation", "factors", "outcome", "late_reason", "completed"]


SECTION_FORMS = {
    "childs-voice": VoiceForm,
    "parents-views": ParentsViewsForm,
    "other-agencies": AgencyForm,
    "analysis": AnalysisForm,
}


def section_form(slug: str, data=None, initial=None):
    if slug in SIDE_BY_SLUG:
        return SideForm(data, initial=initial, side=SIDE_BY_SLUG[slug])
    return SECTION_FORMS[slug](data, initial=initial)


class RemoveForm(forms.Form):
    """Which agency's information to take out (its place in the list)."""

    remove = forms.IntegerField(min_value=0, max_value=10_000)


class SubmitForm(forms.Form):
    """Submitting takes nothing more: the sections hold the content."""


class AuthorisationForm(forms.Form):
    decision = radios(
        "Your decision", AuthorisationDecision.choices, "Select whether to authorise or return the assessment"
    )
    rationale = text(
        "Your rationale for authorising",
        rows=5,
        hint="Needed to authorise: why the analysis supports the outcome. It is shown on the record and the chronology",
    )
    comments = text("Comments for the social worker", hint="Needed if you return the assessment", rows=4)
    late_reason = text(
        "Why the assessment took longer than 45 working days",
        rows=3,
        hint="Needed only when it is authorised after its due date and the social worker did not say why",
    )
