"""The generated authority's letters: the plan sent to the family for most open plans with content
(some never sent), a child's own "my plan" for many on a child protection plan, each filled from
the plan's generated outcomes and actions, made by the allocated worker after the plan started, in
the chronology; the PDF drawn from the saved text when it is downloaded."""

import io

import pytest
from pypdf import PdfReader

from casework.models import ChronologyEvent
from core import clock
from documents import letter_pdf
from documents.models import Letter
from plans.models import PlanContent
from synthetic.testing import small_authority  # noqa: F401
from timescales.calendar import london_date


@pytest.fixture
def letter_templates(db):
    """Asked for before the authority, so its letters have their templates even after a test run
    that flushed the database."""
    from documents.testing import ensure_templates

    ensure_templates()


def test_most_plans_have_a_family_letter_some_none_and_many_children_their_own_plan(letter_templates, small_authority):
    letters = Letter.objects.select_related("child", "made_by", "template")
    assert small_authority.counts["letters"] == letters.count() > 0
    planned = PlanContent.objects.count()
    family = letters.filter(kind="family_plan").count()
    assert 0 < family < planned  # some plans' letters were never sent
    assert letters.filter(kind="my_plan").exists()
    for letter in letters:
        assert "{{" not in letter.body and "{{" not in letter.title
        assert letter.made_by_id == letter.child.current_worker_id
        assert london_date(letter.made_at) <= clock.today()
    assert ChronologyEvent.objects.filter(event_type="letter.made").count() == letters.count()
    letter = letters.filter(kind="family_plan").first()
    assert "We will know because" in letter.body and letter.child.given_name in letter.body
    text = PdfReader(io.BytesIO(letter_pdf.render(letter, council="Northshire County Council"))).pages[0].extract_text()
    assert letter.child.given_name in text
