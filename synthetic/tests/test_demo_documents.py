"""The demo's letters: Tyler Williams' plan sent to his mother and his own "my plan", filled from his
child protection plan's outcomes, and a school report attached to his latest visit; loading twice
changes nothing."""

import pytest

from documents.models import Attachment, Letter
from synthetic.demo_documents import load_demo_documents
from synthetic.demo_journeys import load_demo_journeys
from synthetic.demo_looked_after import load_demo_looked_after
from synthetic.demo_plans import load_demo_plans
from synthetic.demo_record import load_demo_families
from synthetic.testing import demo_staff

pytestmark = pytest.mark.django_db


def test_tyler_has_his_plan_letter_his_own_plan_and_an_attachment_on_a_visit(bank_holidays, media_root):
    from documents.testing import ensure_templates

    ensure_templates()
    staff = demo_staff(load_demo_families, load_demo_journeys, load_demo_looked_after, load_demo_plans)
    assert load_demo_documents(staff) is True
    letters = {letter.kind: letter for letter in Letter.objects.filter(child__given_name="Tyler")}
    assert set(letters) == {"family_plan", "my_plan"}
    assert "Dear Ms Williams," in letters["family_plan"].body
    assert "warm, clean and has food every day" in letters["family_plan"].body
    assert letters["my_plan"].body.startswith("Hello Tyler,")
    assert all(letter.made_by == staff["sw.ali"] for letter in letters.values())
    attachment = Attachment.objects.get()
    assert attachment.child.given_name == "Tyler" and attachment.item_label.startswith("Child protection visit on")
    assert attachment.file.open("rb").read().startswith(b"%PDF")
    assert load_demo_documents(staff) is False
