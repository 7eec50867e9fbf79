"""Forms for booking a conference ahead, holding it, cancelling it and issuing its minutes.
The questions about each family member, agency row and invitee are added per booking."""

from django import forms

from child_protection.choices import Attendance, InviteeAgency, PlanEndReason
from child_protection.forms import INITIAL_OUTCOMES, REVIEW_OUTCOMES
from codelists.cin import CategoryOfAbuse
from core.forms import date_field, radios, text, time_field
from plans.forms import add_progress_fields, progress_from

AGENCY_ROWS = 4  # enough for police, health, school and one more; a fifth is rare and can be booked by phone


class BookingForm(forms.Form):
    booked_for = date_field("Date of the conference", errors_label="The date of the conference")
    starts_at = time_field("Time", "The time of the conference")
    venue = forms.CharField(
        label="Venue",
        required=False,
        max_length=200,
        help_text="Leave blank if the conference is only online",
        error_messages={"max_length": "Write no more than 200 characters"},
    )
    online = forms.BooleanField(label="The conference is online (or hybrid)", required=False)
    chair = forms.ModelChoiceField(
        label="Chair",
        queryset=None,
        empty_label="Select the chair",
        error_messages={"required": "Select the chair", "invalid_choice": "Select a chair from the list"},
    )
    invited_on = date_field("Date the invitations were sent", errors_label="The date the invitations were sent")
    family = forms.MultipleChoiceField(
        label="Family members invited",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="From the child's family network",
        error_messages={"invalid_choice": "Select family members from the list"},
    )

    def __init__(self, *args, chairs, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = chairs
        self.fields["family"].choices = [(str(p.pk), p.full_name) for p in network]
        if not network:
            del self.fields["family"]
        for i in range(1, AGENCY_ROWS + 1):
            self.fields[f"agency_{i}"] = forms.ChoiceField(
                label=f"Agency {i}",
                required=False,
                choices=[("", "Select the agency"), *InviteeAgency.choices],
                error_messages={"invalid_choice": "Select the agency from the list"},
            )
            self.fields[f"agency_{i}_name"] = forms.CharField(
                label=f"Agency {i}: name of the person invited",
                required=False,
                max_length=200,
                error_messages={"max_length": "Write no more than 200 characters"},
            )
            self.fields[f"agency_{i}_report"] = forms.BooleanField(
                label=f"Agency {i}: a report is requested", required=False
            )

    def service_kwargs(self) -> dict:
        """The cleaned answers in the terms of bookings.conference_book."""
        data = dict(self.cleaned_data)
        rows = [
            (data.pop(f"agency_{i}"), data.pop(f"agency_{i}_name"), data.pop(f"agency_{i}_report"))
            for i in range(1, AGENCY_ROWS + 1)
        ]
        data["agencies"] = [row for row in rows if row[0] or row[1].strip()]
        data["family"] = [int(pk) for pk in data.get("family", [])]
        return data


class HoldForm(forms.Form):
    held_on = date_field("Date the conference was held", errors_label="The date of the conference")

    def __init__(self, *args, booking, invitees, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.invitees, self.actions = invitees, actions
        for invitee in invitees:
            who = f"{invitee.name} ({invitee.get_agency_display()})" if invitee.agency else invitee.name
            self.fields[f"attendance_{invitee.pk}"] = radios(
                f"Attendance: {who}", Attendance.choices, f"Select whether {invitee.name} attended"
            )
            if invitee.agency:
                self.fields[f"report_{invitee.pk}"] = forms.BooleanField(
                    label=f"{invitee.name}'s report was received", required=False, initial=invitee.report_received
                )
        self.fields["proceed_reason"] = text(
            "If the conference was not quorate, why it went ahead",
            hint="Quorate means children's social care and at least two other agencies attended or sent a report",
        )
        review = booking.kind == "review"
        self.fields["outcome"] = radios(
            "Decision", REVIEW_OUTCOMES if review else INITIAL_OUTCOMES, "Select the outcome of the conference"
        )
        self.fields["category"] = radios(
            "Latest category of abuse" if review else "Category of abuse",
            CategoryOfAbuse.choices,
            "Select the category of abuse",
            required=review,
            hint="" if review else "Needed when the child is made subject to a plan",
        )
        if review:
            self.fields["end_reason"] = radios(
                "Why the plan ends",
                PlanEndReason.choices,
                "Select why the plan ended",
                required=False,
                hint="Needed only when the plan ends",
            )
        self.fields["notes"] = text("Decisions and recommendations", rows=6)
        add_progress_fields(self, actions)  # a review records progress on the plan's open actions

    def service_kwargs(self) -> dict:
        invitees = self.invitees
        data = {
            k: v
            for k, v in self.cleaned_data.items()
            if not k.startswith(("attendance_", "report_", "progress_", "note_"))
        }
        data["attendance"] = {
            i.pk: (self.cleaned_data.get(f"attendance_{i.pk}"), self.cleaned_data.get(f"report_{i.pk}", False))
            for i in invitees
        }
        if self.actions:
            data["progress"] = progress_from(self.cleaned_data, self.actions)
        return data


class CancelForm(forms.Form):
    reason = text(
        "Why the conference is cancelled", required=True, message="Enter why the conference is cancelled", rows=3
    )


class MinutesForm(forms.Form):
    issued_on = date_field("Date the minutes were issued", errors_label="The date the minutes were issued")
    minutes = text("Minutes", required=True, message="Enter the minutes", rows=12)
