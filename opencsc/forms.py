"""Form pieces shared by every area: the GOV.UK date input and its validation messages."""

import datetime

from django import forms
from django.core.exceptions import ValidationError


class DateInput(forms.MultiWidget):
    """Three boxes, day, month and year, as the GOV.UK date input pattern has it."""

    PARTS = [
        {"label": "Day", "width": 2, "autocomplete": ""},
        {"label": "Month", "width": 2, "autocomplete": ""},
        {"label": "Year", "width": 4, "autocomplete": ""},
    ]

    def __init__(self, attrs=None):
        super().__init__([forms.TextInput, forms.TextInput, forms.TextInput], attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A date typed as day, month and year, with the messages the GOV.UK pattern recommends."""

    widget = DateInput

    def __init__(self, *, label_for_errors: str | None = None, **kwargs):
        self.label_for_errors = label_for_errors
        fields = [forms.CharField(), forms.CharField(), forms.CharField()]
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def _name(self):
        return self.label_for_errors or self.label or "Date"

    def clean(self, value):
        parts = [(p or "").strip() for p in (value or ["", "", ""])]
        if not any(parts):
            if self.required:
                raise ValidationError(f"Enter {self._name().lower()}", code="required")
            return None
        missing = [n for n, p in zip(["day", "month", "year"], parts) if not p]
        if missing:
            raise ValidationError(f"{self._name()} must include a {' and a '.join(missing)}", code="incomplete")
        try:
            day, month, year = (int(p) for p in parts)
            if year < 1000:
                raise ValueError
            return datetime.date(year, month, day)
        except ValueError:
            raise ValidationError(f"{self._name()} must be a real date", code="invalid") from None

    def compress(self, data_list):  # clean() does the work; required by MultiValueField
        return data_list
