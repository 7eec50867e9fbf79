"""Form pieces shared by every area: the GOV.UK date input and its validation messages, and the
one way to read a number the user typed or put in a query string."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError

# The largest id PostgreSQL's bigint holds: a bigger number can name no row.
MAX_ID = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_id(value) -> int | None:
    """An id from a query string or a form (`?worker=12`), or None for anything that is not one.

    Only plain ASCII digits count: int() would also take "+1", " 1", "1_0" and other scripts'
    digits, and a number too big for the database makes a query fail instead of finding nothing.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 0 < value <= MAX_ID else None
    text = str(value or "").strip()
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


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


_DATE_PART = re.compile(r"[0-9]{1,4}")


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
        values = list(value) if isinstance(value, (list, tuple)) else []
        parts = [str(p or "").strip() for p in (values + ["", "", ""])[:3]]
        if not any(parts):
            if self.required:
                raise ValidationError(f"Enter {self._name().lower()}", code="required")
            return None
        missing = [n for n, p in zip(["day", "month", "year"], parts) if not p]
        if missing:
            raise ValidationError(f"{self._name()} must include a {' and a '.join(missing)}", code="incomplete")
        # At most four plain digits a box: a twenty-digit year is no date, and int() of it would
        # make datetime.date raise OverflowError instead of ValueError.
        if not all(_DATE_PART.fullmatch(p) for p in parts):
            raise ValidationError(f"{self._name()} must be a real date", code="invalid")
        day, month, year = (int(p) for p in parts)
        try:
            if year < 1000:
                raise ValueError
            return datetime.date(year, month, day)
        except (ValueError, OverflowError):
            raise ValidationError(f"{self._name()} must be a real date", code="invalid") from None

    def compress(self, data_list):  # clean() does the work; required by MultiValueField
        return data_list


def apply_service_errors(form, error: ValidationError, aliases: dict[str, str] | None = None) -> None:
    """Show a service's ValidationError on the form, beside the field it is about (a key the form
    does not have, or `aliases` does not map to one, goes to the top of the error summary)."""
    aliases = aliases or {}
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for key, errors in error.error_dict.items():
        field = aliases.get(key, key)
        form.add_error(field if field in form.fields else None, errors)


# 14:30, 14.30, 1430, 9:05, 2pm, 2:30pm, 12am (midnight).
_TIME = re.compile(r"^(?P<h>\d{1,2})(?:[:.]?(?P<m>\d{2}))?(?P<ampm>am|pm)?$")


class TimeField(forms.Field):
    """A time of day typed as HH:MM (24-hour clock); 2pm and 2:30pm are understood too.

    GOV.UK has no time component; a short text input with a hint is the usual pattern.
    """

    widget = forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"})

    def __init__(self, *, label_for_errors: str, **kwargs):
        self.label_for_errors = label_for_errors
        kwargs.setdefault("error_messages", {"required": f"Enter {label_for_errors.lower()}"})
        super().__init__(**kwargs)

    def to_python(self, value):
        text = re.sub(r"\s+", "", str(value or "")).lower()
        if not text:
            return None
        match = _TIME.match(text)
        if match is None or (match["m"] is None and match["ampm"] is None):
            raise ValidationError(self._invalid(), code="invalid")
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if match["ampm"]:
            if not 1 <= hour <= 12:
                raise ValidationError(self._invalid(), code="invalid")
            hour = hour % 12 + (12 if match["ampm"] == "pm" else 0)
        if hour > 23 or minute > 59:
            raise ValidationError(self._invalid(), code="invalid")
        return datetime.time(hour, minute)

    def _invalid(self) -> str:
        return f"{self.label_for_errors} must be a real time, like 09:30 or 14:30"


# Field builders every area's forms share, so a date, a time or a yes/no reads the same everywhere.
EXAMPLE_DATE = "For example, 27 3 2025"


def date_field(label: str, *, required: bool = True, errors_label: str | None = None, hint: str = EXAMPLE_DATE):
    return DateField(label=label, label_for_errors=errors_label or label, help_text=hint, required=required)


def time_field(label: str, errors_label: str):
    field = TimeField(
        label=label, label_for_errors=errors_label, help_text="Use the 24-hour clock, for example 09:30 or 14:30"
    )
    field.widget.attrs["govuk_classes"] = "govuk-input--width-5"
    return field


def radios(label: str, choices, message: str, *, required: bool = True, hint: str = ""):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        required=required,
        help_text=hint,
        error_messages={"required": message},
    )


def text(label: str, *, required: bool = False, message: str = "", hint: str = "", rows: int = 5):
    return forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": message} if message else {},
    )
