"""Annex A's own labels for the census and SSDA903 codes ("N1" is "a) Abuse or neglect"), read from
the template's schema (specs/annex_a/Annex_A_schema.yml), whose categories list, under each label,
the forms a system may hold it in, our codes among them. Reading them from the schema keeps the
workbook to the template's words without a second copy of them here.

    labels("list_8", "Placement Type")["U6"] -> "a) Foster placement"

The schema is read with a small line parser rather than a YAML library: it is one fixed file
whose layout (four-space levels, `code:` and `name:` lists, `&anchor`/`*alias`/`<<: *alias`
for columns sharing a category) is all this needs.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

SCHEMA = Path(__file__).resolve().parent.parent / "specs" / "annex_a" / "Annex_A_schema.yml"

_LIST = re.compile(r"^    (list_\d+):")
_COLUMN = re.compile(r"^        ([^ ].*?):\s*(?:([&*])(\S+))?\s*$")
_MERGE = re.compile(r"^            <<: \*(\S+)")
_CODE = re.compile(r"^              -   code: (.*)$")
_NAME = re.compile(r"^                    -   (.*)$")
# A label written with its code, like "p1) 5D: LA services" or "F1: Full time in higher education":
# the code is the part before the colon.
_WITH_CODE = re.compile(r"^(?:\w+\) )?(\w+):")

# Codes newer than the template (2024): SSDA903 2025 replaced semi-independent (H5) and independent
# living (P2) with supported accommodation (K3), which Annex A counts as P2 was; 2026 added Z11 to
# Z14 beside Z1, "other placements", which Annex A counts as Z1.
_NEWER = {("list_8", "Placement Type"): {"K3": "P2", "Z11": "Z1", "Z12": "Z1", "Z13": "Z1", "Z14": "Z1"}}


def _unquote(text: str) -> str:
    return text.strip().strip("'\"")


def _lines(text: str):
    """The schema's lines with a long label's continuation (a deeper line that is no list item)
    joined to the line it continues."""
    joined: list[str] = []
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if joined and len(line) - len(stripped) > 20 and not stripped.startswith("-"):
            joined[-1] += " " + stripped
        else:
            joined.append(line)
    return joined


@functools.cache
def _schema() -> dict[tuple[str, str], dict[str, str]]:
    columns: dict[tuple[str, str], dict[str, str]] = {}
    anchors: dict[str, dict[str, str]] = {}
    current_list = column = code = None
    for line in _lines(SCHEMA.read_text(encoding="utf-8")):
        if match := _LIST.match(line):
            current_list, column = match.group(1), None
        elif current_list and (match := _COLUMN.match(line)):
            name, sigil, anchor = _unquote(match.group(1)), match.group(2), match.group(3)
            if sigil == "*":  # the same category as an earlier column
                columns[(current_list, name)], column = anchors.get(anchor, {}), None
                continue
            column, code = columns.setdefault((current_list, name), {}), None
            if sigil == "&":
                anchors[anchor] = column
        elif column is not None and (match := _MERGE.match(line)):
            column.update(anchors.get(match.group(1), {}))
        elif column is not None and (match := _CODE.match(line)):
            code = _unquote(match.group(1))
            column.setdefault(code.casefold(), code)
            if with_code := _WITH_CODE.match(code):
                column.setdefault(with_code.group(1).casefold(), code)
        elif column is not None and code and (match := _NAME.match(line)):
            alias = _unquote(match.group(1))
            column.setdefault(alias.casefold(), code)
            if with_code := _WITH_CODE.match(alias):
                column.setdefault(with_code.group(1).casefold(), code)
    return columns


@functools.cache
def labels(list_name: str, column: str) -> dict[str, str]:
    """{our code, casefolded: Annex A's label} for one column. A code the template files as an error
    ("zzCodeError": X1, an episode that ends because another begins, is never a reason a period
    of care ceased) is left out, so it is written as it is."""
    known = {alias: label for alias, label in _schema()[(list_name, column)].items() if not label.startswith("zz")}
    for newer, older in _NEWER.get((list_name, column), {}).items():
        known[newer.casefold()] = known[older.casefold()]
    return known


def labeller(list_name: str, column: str):
    """A function from a code to its label; a code the template has no label for, and a blank,
    are written as they are."""
    found = labels(list_name, column)
    return lambda code: found.get(code.casefold(), code) if code else code
