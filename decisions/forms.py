"""Forms for decisions that need a manager: what was typed, as the services' arguments."""

from django import forms

from core.forms import radios, text
from decisions.models import Kind

CHOICES = [("authorised", "Authorise"), ("returned", "Return it to the worker")]


class SubmitForm(forms.Form):
    kind = radios("Which decision do you need?", Kind.choices, "Select the decision you need")
    proposal = text("What is proposed", required=True, message="Describe what is proposed", rows=4)
    reason = text(
        "Why",
        required=True,
        message="Give the reasons for it",
        rows=4,
        hint="What you weighed: the child's needs, risks and wishes",
    )


class ResubmitForm(forms.Form):
    proposal = text("What is proposed", required=True, message="Describe what is proposed", rows=4)
    reason = text(
        "Why",
        required=True,
        message="Give the reasons for it",
        rows=4,
        hint="Say what has changed since it was returned",
    )


class DecideForm(forms.Form):
    decision = radios("Your decision", CHOICES, "Select whether to authorise or return it")
    rationale = text(
        "Rationale",
        required=True,
        message="Give the rationale for the decision",
        rows=4,
        hint="Written on the child's record: why you authorised it, or what must change",
    )
