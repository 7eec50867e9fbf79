"""Checks over every template in the project."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = [
    p
    for p in ROOT.glob("**/templates/**/*.html")
    if not {".venv", "node_modules", "var", "static_build"} & set(p.relative_to(ROOT).parts)
]


def test_no_template_comment_spans_lines():
    """Django's {# #} comments are one line only: a multi-line one is printed on the page."""
    offenders = [str(p.relative_to(ROOT)) for p in TEMPLATES if re.search(r"\{#(?:(?!#\}).)*\n", p.read_text())]
    assert offenders == []


def test_templates_were_found():
    assert len(TEMPLATES) > 20
