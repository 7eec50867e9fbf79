from django import forms

from core.forms import DateField
from returns.models import ReturnKind


class ReturnForm(forms.Form):
    kind = forms.ChoiceField(
        label="Which return",
        choices=ReturnKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select which return to build"},
    )
    year = forms.CharField(
        label="Collection year (CIN census and SSDA903)",
        required=False,
        max_length=4,
        help_text="The year it ends on 31 March: 2026 is 1 April 2025 to 31 March 2026",
    )
    as_of = DateField(
        label="Period ends (Annex A)",
        required=False,
        label_for_errors="The date the period ends",
        help_text="For example, 31 3 2026",
    )
    months = forms.CharField(label="Number of months (Annex A)", required=False, initial="12", max_length=2)

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == ReturnKind.ANNEX_A and not data.get("as_of") and "as_of" not in self.errors:
            self.add_error("as_of", "Enter the date the period ends")
        if kind in (ReturnKind.CIN, ReturnKind.SSDA903) and not data.get("year"):
            self.add_error("year", "Enter the collection year, such as 2026")
        return data
