import re

from django import forms

_CODE = re.compile(r"[0-9]{6}")


class CodeForm(forms.Form):
    """The six-digit code from an authenticator app. Whether it is right is the device's to say
    (the view asks it), so that a wrong code and a throttled one get their own messages."""

    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code the app shows now for this service.",
        max_length=20,
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        )

    def clean_code(self):
        code = re.sub(r"\s", "", self.cleaned_data["code"])
        if not _CODE.fullmatch(code):
            raise forms.ValidationError("Enter the code as 6 digits, like 123456")
        return code
