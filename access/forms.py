from django import forms


class BreakGlassForm(forms.Form):
    la_id = forms.CharField(
        label="LA child ID",
        max_length=20,
        error_messages={"required": "Enter the LA child ID of the record you need to open"},
    )
    reason = forms.CharField(
        label="Why do you need to open this record?",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example the support ticket and what is wrong. Senior leaders see this.",
        error_messages={"required": "Enter why you need to open this record"},
    )


class FindRecordForm(forms.Form):
    la_id = forms.CharField(label="LA ID", max_length=20, error_messages={"required": "Enter the LA ID of the record"})
