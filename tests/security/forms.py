"""A valid submission built generically from a rendered form (html.parser): text gets a word,
date parts (GOV.UK date inputs: name_0, _1, _2) today's day/month/year, selects and radios their first real option, checkboxes ticked."""

from __future__ import annotations

import datetime
from html.parser import HTMLParser

SKIP = {"csrfmiddlewaretoken"}


class _Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str, str]] = []  # (name, kind, first value)
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            self.fields.append((name, kind, a.get("value") or ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and a.get("value"):
            self.fields.append((self._select, "select", a["value"]))
            self._select = None  # the first real option only
        elif tag == "textarea" and name:
            self.fields.append((name, "textarea", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def field_names(html: str) -> list[str]:
    parser = _Inputs()
    parser.feed(html)
    return sorted({name for name, _, _ in parser.fields if name not in SKIP})


def valid_submission(html: str, today: datetime.date | None = None) -> dict:
    today = today or datetime.date.today()
    parser = _Inputs()
    parser.feed(html)
    data: dict[str, list[str]] = {}
    for name, kind, value in parser.fields:
        if name in SKIP:
            continue
        if kind == "hidden":
            data.setdefault(name, [value])
        elif kind in {"radio", "select"}:
            data.setdefault(name, [value])
        elif kind == "checkbox":
            data.setdefault(name, []).append(value or "on")
        elif name.endswith(("-day", "_day", "_0")):
            data[name] = [str(today.day)]
        elif name.endswith(("-month", "_month", "_1")):
            data[name] = [str(today.month)]
        elif name.endswith(("-year", "_year", "_2")):
            data[name] = [str(today.year)]
        elif kind == "date":
            data[name] = [today.isoformat()]
        elif kind == "time":
            data[name] = ["10:00"]
        elif kind == "number":
            data[name] = ["1"]
        elif kind == "email":
            data[name] = ["someone@example.org"]
        else:
            data.setdefault(name, ["Seen"])
    return data
