"""Forms for CIN plans and closure, and the form pieces all four journey apps share. Forms only
parse what was typed; the services decide whether the dates are in order."""

from django import forms

from casework.forms import TimeField
from codelists.cin import ReasonForClosure
from opencsc.forms import DateField

EXAMPLE_DATE = "For example, 27 3 2025"


def date_field(label: str, *, required: bool = True, errors_label: str | None = None, hint: str = EXAMPLE_DATE):
    return DateField(label=label, label_for_errors=errors_label or label, help_text=hint, required=required)


def time_field(label: str, errors_label: str):
    field = TimeField(label=label, label_for_errors=errors_label, help_text="Use the 24-hour clock, for example 09:30 or 14:30")
    field.widget.attrs["govuk_classes"] = "govuk-input--width-5"
    return field


def radios(label: str, choices, message: str, *, required: bool = True, hint: str = ""):
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, required=required, help_text=hint,
        error_messages={"required": message},
    )


def text(label: str, *, required: bool = False, message: str = "", hint: str = "", rows: int = 5):
    return forms.CharField(
        label=label, required=required, help_text=hint, widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": message} if message else {},
    )


class CINPlanStartForm(forms.Form):
    start_date = date_field("Start date of the plan", errors_label="The start date of the plan")


class CINPlanReviewForm(forms.Form):
    held_on = date_field("Date of the review", errors_label="The date of the review")
    notes = text("Outcome of the review", hint="What has changed, and whether the plan continues")


class CINPlanEndForm(forms.Form):
    end_date = date_field("End date of the plan", errors_label="The end date")
    reason = text("Why the plan is ending", rows=3)


class EpisodeCloseForm(forms.Form):
    closure_date = date_field("Closure date", errors_label="The closure date")
    closure_reason = radios("Reason for closure", ReasonForClosure.choices, "Select the reason for closure")
