"""Forms for private fostering: they parse what was typed into the services' arguments."""

from django import forms

from core.forms import date_field, radios, text
from private_fostering.choices import ArrangementEnd, NotificationKind, Notifier


class NotificationForm(forms.Form):
    notified_on = date_field(
        "Date the local authority was notified",
        errors_label="The date of the notification",
        hint="Or the date the authority otherwise became aware of the arrangement",
    )
    notification_kind = radios(
        "Notification of", NotificationKind.choices, "Select whether the arrangement is proposed or has started"
    )
    started_on = date_field(
        "Date the arrangement started",
        required=False,
        errors_label="The date the arrangement started",
        hint="Only for an arrangement that has already started",
    )
    proposed_start_on = date_field(
        "Date the arrangement is due to start (optional)",
        required=False,
        errors_label="The date the arrangement is due to start",
        hint="Only for a proposed arrangement",
    )
    notified_by = radios("Notified by", Notifier.choices, "Select who notified the local authority")
    carer_name = forms.CharField(
        label="Private foster carer’s name",
        max_length=200,
        error_messages={"required": "Enter the private foster carer’s name"},
    )
    carer_address = forms.CharField(
        label="Private foster carer’s address",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the private foster carer’s address"},
    )
    carer_relationship = forms.CharField(
        label="How the carer knows the child (optional)", max_length=200, required=False
    )


class StartForm(forms.Form):
    started_on = date_field("Date the arrangement started", errors_label="The date the arrangement started")


class EndForm(forms.Form):
    ended_on = date_field("Date the arrangement ended", errors_label="The date the arrangement ended")
    reason = radios("Why the arrangement ended", ArrangementEnd.choices, "Select why the arrangement ended")
    notes = text("Notes", rows=3, hint="Required for ‘Other reason’")
