"""The placeholders a letter template may use, and the one way a template is checked and filled.

A template is text written by the council, so it is filled by a small substitution of our own
rather than by a template engine: `{{ child.first_name }}` is replaced by a plain string from a
dictionary built for the letter, and nothing else in the text is interpreted. There is no
attribute access to a model, no filter, no tag, so a template cannot read more of the record than
the vocabulary below gives it, nor load or include anything. Anything that looks like template
syntax but is not a placeholder we know is refused when the template is saved, with a message
that names it (never a 500, never a letter with the braces printed in it).
"""

from __future__ import annotations

import re

from documents import kinds

# {{ group.name }}, with any spaces inside the braces.
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_]+)\.([A-Za-z_]+)\s*\}\}")
# Anything else that looks like template syntax: left-over braces or a tag.
_STRAY = re.compile(r"\{\{|\}\}|\{%|%\}")

COMMON = {
    "council.name": "the council's name",
    "letter.date": "the date the letter is made",
    "letter.addressee": "who the letter is to (typed when it is made)",
    "child.first_name": "the child's first name",
    "child.last_name": "the child's last name",
    "child.full_name": "the child's full name",
    "child.date_of_birth": "the child's date of birth",
    "child.la_id": "the child's ID in the council's records",
    "worker.name": "the name of whoever makes the letter",
    "worker.team": "their team",
}
PLAN = {
    "plan.kind": "the kind of plan (child protection plan, child in need plan...)",
    "plan.start_date": "the date the plan started",
    "plan.outcomes": "the plan's outcomes: what must change, by when and how we will know",
    "plan.actions": "the plan's actions: what, who and by when",
    "plan.contingency": "what happens if the plan does not work",
}
CONFERENCE = {
    "conference.kind": "the kind of conference (initial, review, transfer-in)",
    "conference.date": "the conference's date",
    "conference.outcome": "what the conference decided",
    "conference.category": "the category of abuse, where there is a plan",
    "conference.decisions": "the conference's decisions and recommendations",
}


def vocabulary(kind: str) -> dict[str, str]:
    """The placeholders a template of this kind may use, with what each gives."""
    return {**COMMON, **(PLAN if kinds.about(kind) == kinds.PLAN else CONFERENCE)}


def problems(body: str, kind: str) -> list[str]:
    """What is wrong with the placeholders of a template's body, in words for the council's
    editor; empty when every placeholder is one this kind of letter can fill."""
    known = vocabulary(kind)
    found = []
    for match in _PLACEHOLDER.finditer(body):
        name = f"{match.group(1)}.{match.group(2)}"
        if name not in known and name not in found:
            found.append(name)
    messages = [_unknown(name, kind) for name in found]
    if _STRAY.search(_PLACEHOLDER.sub("", body)):
        messages.append(
            "Placeholders must be written as {{ group.name }}, for example {{ child.first_name }}, "
            "with nothing else inside the braces"
        )
    return messages


def _unknown(name: str, kind: str) -> str:
    group = name.split(".")[0]
    where = {"plan": PLAN, "conference": CONFERENCE}.get(group)
    if where and name in where:
        return f"{{{{ {name} }}}} cannot be used in a letter of this kind: it is not about a {group}"
    return f"{{{{ {name} }}}} is not a placeholder we know. Use one of those listed under the letter"


def fill(body: str, values: dict[str, str]) -> str:
    """The body with each placeholder replaced by its value. The template was checked when it was
    saved; a placeholder without a value (say, a plan with no contingency yet) is left empty."""
    return _PLACEHOLDER.sub(lambda match: values.get(f"{match.group(1)}.{match.group(2)}", ""), body)
