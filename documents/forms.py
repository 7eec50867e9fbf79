"""Forms: a template's wording, the letter a worker makes (which template, about what, to whom),
and a file attached to an item. Each turns what was typed into the service's terms; the service
checks again and its refusal is shown beside the field (core.recording)."""

from django import forms

from casework import documents as uploads
from core.forms import radios, text
from documents import subjects
from documents.kinds import LetterKind


class TemplateForm(forms.Form):
    name = forms.CharField(
        label="Name of the template",
        max_length=120,
        error_messages={
            "required": "Enter a name for the template",
            "max_length": "The name must be 120 characters or fewer",
        },
    )
    kind = radios("What kind of letter it is", LetterKind.choices, "Select what kind of letter it is")
    title = forms.CharField(
        label="Heading of the letter",
        max_length=200,
        error_messages={
            "required": "Enter the heading of the letter",
            "max_length": "The heading must be 200 characters or fewer",
        },
    )
    body = text(
        "Text of the letter",
        required=True,
        message="Enter the text of the letter",
        rows=20,
        hint="Leave a blank line between paragraphs. Placeholders are written like {{ child.first_name }}: "
        "the list below the form says which each kind of letter can use.",
    )
    active = forms.BooleanField(label="Offer this template to workers", required=False)


class LetterForm(forms.Form):
    """Which template, about which of the child's plans or conferences, to whom."""

    template = forms.ChoiceField(
        label="Letter",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the letter to make", "invalid_choice": "Select the letter to make"},
    )
    about = forms.ChoiceField(
        label="What the letter is about",
        help_text="A plan for a plan letter, a conference for an invitation or an outcome letter",
        error_messages={
            "required": "Select what the letter is about",
            "invalid_choice": "Select what the letter is about",
        },
    )
    addressee = text(
        "Who the letter is to",
        required=True,
        message="Enter who the letter is to",
        rows=4,
        hint="Their name on the first line, then their address",
    )

    def __init__(self, data=None, *, child, templates, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["template"].choices = [(str(t.pk), t.name) for t in templates]
        self._templates = {str(t.pk): t for t in templates}
        items = subjects.letter_subjects(child, "plan") + subjects.letter_subjects(child, "conference")
        self.fields["about"].choices = [("", "Select")] + [(i.key, i.label) for i in items]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "template": self._templates.get(data["template"]),
            "about": data["about"],
            "addressee": data["addressee"],
        }


class AttachmentForm(forms.Form):
    upload = forms.FileField(
        label="File",
        widget=forms.FileInput(attrs={"accept": uploads.ACCEPT}),
        error_messages={"required": "Select a file"},
    )
    description = forms.CharField(
        label="What it is (optional)",
        required=False,
        max_length=200,
        error_messages={"max_length": "The description must be 200 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "upload"
        ].help_text = f"A PDF, Word document (.docx), JPEG, PNG or text file, smaller than {uploads.max_upload_mb()}MB"

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        return uploads.check_upload(upload).file if upload else None
