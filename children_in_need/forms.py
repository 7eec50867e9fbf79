"""Forms for CIN plans and closure. Forms only parse what was typed; the services decide whether
the dates are in order."""

from django import forms

from codelists.cin import ReasonForClosure
from core.forms import date_field, radios, text


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
