"""Forms for a plan's content, and the progress questions a meeting's form adds for each open action."""

from django import forms

from core.forms import date_field, radios, text
from plans.choices import OwnerKind, Progress
from plans.selectors import possible_owners


class OutcomeForm(forms.Form):
    what_must_change = text("What must change", message="Enter what must change", required=True, rows=3)
    by_when = date_field("By when", errors_label="The date it must change by")
    how_we_will_know = text(
        "How we will know it has changed", message="Enter how we will know it has changed", required=True, rows=3
    )


class ActionForm(forms.Form):
    action = text("Action", message="Enter the action", required=True, rows=3)
    owner_kind = radios("Who owns the action", OwnerKind.choices, "Select who owns the action")
    owner_staff = forms.ModelChoiceField(
        label="Member of staff (if a member of staff owns it)",
        queryset=None,
        required=False,
        empty_label="Select a member of staff",
        error_messages={"invalid_choice": "Select a member of staff from the list"},
    )
    owner_name = forms.CharField(
        label="Name of the family member or agency (if they own it)",
        required=False,
        max_length=200,
        help_text="For example, “Ms Smith (mother)” or “Oakfield Primary School”",
        error_messages={"max_length": "Write no more than 200 characters"},
    )
    due_on = date_field("Due by", errors_label="The date the action is due by")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_staff"].queryset = possible_owners()


class ContingencyForm(forms.Form):
    contingency = text(
        "What happens if the plan does not work",
        message="Enter what happens if the plan does not work",
        required=True,
        rows=6,
    )


class SectionForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args, section, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = section.label
        self.fields["text"].help_text = section.hint
        self.fields["text"].error_messages["required"] = f"Enter the {section.label.lower()}"


def add_progress_fields(form: forms.Form, actions) -> None:
    """One question for each open action (its progress, and a note), added to a meeting's form."""
    for action in actions:
        form.fields[f"progress_{action.pk}"] = radios(
            f"Progress on: {action.action} ({action.owner}, due {action.due_on:%-d %B %Y})",
            Progress.choices,
            "Select the progress made on this action",
        )
        form.fields[f"note_{action.pk}"] = forms.CharField(
            label="Note on this action (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2})
        )


def progress_from(data: dict, actions) -> dict[int, tuple[str, str]]:
    """The progress answers in the terms of plans.services.progress_record."""
    return {
        a.pk: (data.get(f"progress_{a.pk}"), data.get(f"note_{a.pk}", ""))
        for a in actions
        if f"progress_{a.pk}" in data
    }


def without_progress(data: dict) -> dict:
    """The meeting's own answers, without the progress questions add_progress_fields added."""
    return {k: v for k, v in data.items() if not k.startswith(("progress_", "note_"))}
