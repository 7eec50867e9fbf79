"""The date the figures are as at, and the filters of the children behind a figure (GET forms:
a bad value is a GOV.UK error message or is ignored, never an error page)."""

from __future__ import annotations

from django import forms

from codelists.ssda903 import LegalStatus
from core.forms import DateField
from performance.dates import DateError, check_as_of
from performance.selectors import AGE_BANDS, NOT_LOOKED_AFTER


class AsOfForm(forms.Form):
    as_of = DateField(
        required=False, label="Figures as at", label_for_errors="The date", help_text="For example, 31 3 2026"
    )

    def clean_as_of(self):
        day = self.cleaned_data.get("as_of")
        if day is None:
            return None
        try:
            return check_as_of(day)
        except DateError as error:
            raise forms.ValidationError(str(error)) from None


class ChildrenFilterForm(forms.Form):
    team = forms.TypedChoiceField(required=False, label="Team", coerce=int, empty_value=None)
    age = forms.ChoiceField(
        required=False,
        label="Age at the date",
        choices=[("", "Any age")] + [(k, label) for k, (label, _, _) in AGE_BANDS.items()],
    )
    legal_status = forms.ChoiceField(
        required=False,
        label="Legal status at the date",
        choices=[
            ("", "Any"),
            (NOT_LOOKED_AFTER, "Not looked after"),
            *[(code, f"{code}: {label}") for code, label in LegalStatus.choices],
        ],
    )

    def __init__(self, *args, teams=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", "All teams")] + [(pk, name) for pk, name in teams]

    def filters(self) -> dict:
        """The valid filters; an invalid one is dropped (shown as an error beside it)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "team_id": data.get("team") or None,
            "age_band": data.get("age") or None,
            "legal_status": data.get("legal_status") or None,
        }
