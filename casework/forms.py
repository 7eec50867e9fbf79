"""Forms for casework pages. They check what was typed and turn it into Python values; the
rules of the record (not in the future, seen alone only if seen...) live in casework.services,
which the views call, and whose errors `apply_service_errors` puts beside the right field."""

from django import forms
from django.core.exceptions import ValidationError

from casework import chronology, documents
from casework.choices import AllocationChangeReason, CaseNoteType, VisitType
from casework.services import SEEN_ALONE_BUT_NOT_SEEN
from casework.times import local_moment
from core.clock import now, today
from core.forms import DateField, TimeField

YES_NO = [("yes", "Yes"), ("no", "No")]
BEDROOM_CHOICES = [("yes", "Yes"), ("no", "No"), ("n/a", "Does not apply")]


def _in_the_past(form, *, date_field: str, time_field: str, what: str):
    """Combine a date and a time typed in England into one moment, refusing the future.

    The error goes on the date when the day is in the future, on the time when only the time is.
    """
    day, time = form.cleaned_data.get(date_field), form.cleaned_data.get(time_field)
    if day is None or time is None:
        return None
    if day > today():
        form.add_error(date_field, f"The date of the {what} must be today or in the past")
        return None
    moment = local_moment(day, time)
    if moment > now():
        form.add_error(time_field, f"The time of the {what} must be now or in the past")
        return None
    return moment


def _yes_no(value: str):
    return {"yes": True, "no": False}.get(value)


# --- Visits ------------------------------------------------------------------------------


class VisitForm(forms.Form):
    visit_date = DateField(
        label="Date of visit", label_for_errors="The date of the visit", help_text="For example, 27 3 2025"
    )
    visit_time = TimeField(
        label="Time of visit",
        label_for_errors="The time of the visit",
        help_text="Use the 24-hour clock, for example 09:30 or 14:30",
    )
    visit_type = forms.ChoiceField(
        label="Type of visit",
        choices=VisitType.choices,
        widget=forms.RadioSelect,
        # Said on the form because workers believed only "Child in need visit" counted (issue 13).
        help_text="Any visit in which the child is seen counts towards the visiting standard that applies to them "
        "on that day (child in need, child protection, looked after), whatever its type",
        error_messages={"required": "Select the type of visit"},
    )
    child_seen = forms.ChoiceField(
        label="Was the child seen?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the child was seen"},
    )
    seen_alone = forms.ChoiceField(
        label="Was the child seen alone?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
        help_text="Answer if the child was seen",
    )
    bedroom_seen = forms.ChoiceField(
        label="Was the child's bedroom seen?",
        choices=BEDROOM_CHOICES,
        widget=forms.RadioSelect,
        help_text="Select 'Does not apply' for a visit away from where the child lives",
        error_messages={"required": "Select whether the child's bedroom was seen"},
    )
    voice_of_child = forms.CharField(
        label="What the child said",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Their words, wishes and feelings. For a baby or a child who does not talk, what you saw of their experience",
    )
    observations = forms.CharField(
        label="Observations",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter your observations"},
    )
    next_steps = forms.CharField(
        label="Next steps (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    # Service error keys that are not the names of fields on this form.
    SERVICE_ALIASES = {"visited_at": "visit_date"}

    def clean(self):
        data = super().clean()
        data["visited_at"] = _in_the_past(self, date_field="visit_date", time_field="visit_time", what="visit")
        seen = _yes_no(data.get("child_seen", ""))
        alone = _yes_no(data.get("seen_alone", ""))
        if seen and alone is None:
            self.add_error("seen_alone", "Select whether the child was seen alone")
        elif seen is False and alone:
            self.add_error("seen_alone", SEEN_ALONE_BUT_NOT_SEEN)
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "visited_at": data["visited_at"],
            "visit_type": data["visit_type"],
            "child_seen": data["child_seen"] == "yes",
            "seen_alone": data["child_seen"] == "yes" and data["seen_alone"] == "yes",
            "bedroom_seen": _yes_no(data["bedroom_seen"]),
            "voice_of_child": data["voice_of_child"],
            "observations": data["observations"],
            "next_steps": data["next_steps"],
        }


class VisitCorrectionForm(VisitForm):
    """The visit as recorded, to put right, and why (casework.services.visit_correct)."""

    reason = forms.CharField(
        label="Why is the visit being corrected?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, the wrong date was typed. The correction and its reason are kept in the chronology",
        error_messages={"required": "Enter why the visit is being corrected"},
    )

    def __init__(self, *args, visit, **kwargs):
        from django.utils import timezone

        local = timezone.localtime(visit.visited_at)
        initial = {
            "visit_date": local.date(),
            "visit_time": f"{local:%H:%M}",
            "visit_type": visit.visit_type,
            "child_seen": "yes" if visit.child_seen else "no",
            "seen_alone": ("yes" if visit.seen_alone else "no") if visit.child_seen else "",
            "bedroom_seen": {True: "yes", False: "no", None: "n/a"}[visit.bedroom_seen],
            "voice_of_child": visit.voice_of_child,
            "observations": visit.observations,
            "next_steps": visit.next_steps,
        }
        super().__init__(*args, initial=initial, **kwargs)

    def service_kwargs(self) -> dict:
        return super().service_kwargs() | {"reason": self.cleaned_data["reason"]}


# --- Case notes --------------------------------------------------------------------------


class CaseNoteForm(forms.Form):
    note_type = forms.ChoiceField(
        label="Type of case note",
        choices=CaseNoteType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of case note"},
    )
    note_date = DateField(
        label="Date", label_for_errors="The date of the case note", help_text="For example, 27 3 2025"
    )
    note_time = TimeField(
        label="Time", label_for_errors="The time of the case note", help_text="Use the 24-hour clock, for example 14:30"
    )
    subject = forms.CharField(
        label="Subject",
        max_length=200,
        error_messages={
            "required": "Enter a subject",
            "max_length": "Subject must be 200 characters or fewer",
        },
    )
    body = forms.CharField(
        label="Note", widget=forms.Textarea(attrs={"rows": 10}), error_messages={"required": "Enter the note"}
    )
    upload = forms.FileField(
        label="Attach a document (optional)",
        required=False,
        widget=forms.FileInput(attrs={"accept": documents.ACCEPT}),
    )

    SERVICE_ALIASES = {"occurred_at": "note_date"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "upload"
        ].help_text = (
            f"A PDF, Word document (.docx), JPEG, PNG or text file, smaller than {documents.max_upload_mb()}MB"
        )

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        # The service checks again: this is only so the message appears with the others.
        return documents.check_upload(upload).file if upload else None

    def clean(self):
        data = super().clean()
        data["occurred_at"] = _in_the_past(self, date_field="note_date", time_field="note_time", what="case note")
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "note_type": data["note_type"],
            "occurred_at": data["occurred_at"],
            "subject": data["subject"],
            "body": data["body"],
            "upload": data["upload"],
        }


class CaseNoteFilterForm(forms.Form):
    type = forms.ChoiceField(
        label="Type of case note", required=False, choices=[("", "All types"), *CaseNoteType.choices]
    )


# --- Chronology --------------------------------------------------------------------------


class ChronologyFilterForm(forms.Form):
    category = forms.MultipleChoiceField(
        label="Categories", required=False, widget=forms.CheckboxSelectMultiple, choices=[]
    )
    date_from = DateField(
        label="From", label_for_errors="The 'from' date", required=False, help_text="For example, 1 4 2024"
    )
    date_to = DateField(
        label="To", label_for_errors="The 'to' date", required=False, help_text="For example, 31 3 2025"
    )
    significant = forms.BooleanField(label="Significant events only", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read at each request: other apps add categories when they register their events.
        self.fields["category"].choices = list(chronology.CATEGORIES.items())

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The 'to' date must be the same as or after the 'from' date")
        return data

    def filters(self):
        """The filters to apply: those that were valid (an invalid date is ignored, and shown)."""
        from casework.selectors import ChronologyFilters

        if not self.is_bound:
            return ChronologyFilters()
        self.is_valid()
        data = self.cleaned_data
        return ChronologyFilters(
            categories=tuple(data.get("category") or ()),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            significant_only=bool(data.get("significant")),
        )


# --- Allocation --------------------------------------------------------------------------


class AllocationTeamForm(forms.Form):
    """Step one, by GET: which team the case goes to, so the worker list can be that team's."""

    team = forms.ModelChoiceField(label="Team", queryset=None, empty_label=None)

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


UNALLOCATED_LABEL = "No one yet: send to the team’s unallocated tray"


class AllocationChangeForm(forms.Form):
    team = forms.ModelChoiceField(
        queryset=None,
        widget=forms.HiddenInput,
        error_messages={
            "required": "Choose a team",
            "invalid_choice": "Choose a team",
        },
    )
    # No worker sends the case to the team's unallocated tray (trays.selectors.unallocated_for_manager),
    # where the team's manager allocates it: how the front door hands a referral to a team.
    worker = forms.ModelChoiceField(label="Worker", queryset=None, required=False, empty_label=UNALLOCATED_LABEL)
    start_date = DateField(label="Start date", label_for_errors="The start date", help_text="For example, 27 3 2025")
    reason = forms.ChoiceField(
        label="Reason for the change",
        widget=forms.RadioSelect,
        # Closing a case ends its allocation without a new one: that belongs to closure.
        choices=[c for c in AllocationChangeReason.choices if c[0] != AllocationChangeReason.CLOSED],
        error_messages={"required": "Select the reason for the change"},
    )

    def __init__(self, *args, team, teams, workers, **kwargs):
        super().__init__(*args, initial={"team": team}, **kwargs)
        self.fields["team"].queryset = teams
        worker = self.fields["worker"]
        worker.queryset = workers
        worker.label = f"Worker in {team}"
        worker.error_messages = {
            "invalid_choice": f"Select a worker in {team}",
        }

    def clean_start_date(self):
        start = self.cleaned_data["start_date"]
        if start and start > today():
            raise ValidationError("The start date must be today or in the past")
        return start
