"""The services: templates saved only by the roles the capability table names and only with
placeholders their kind can fill; a letter made from the record, kept as it was made, with its
chronology line; a file attached to any item. Nothing half-saved."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from pypdf import PdfReader

from casework.models import ChronologyEvent
from casework.tests.factories import make_visit, upload
from documents import letter_pdf, services, subjects
from documents.models import Attachment, Letter, LetterTemplate

pytestmark = pytest.mark.django_db


def _template(kind="family_plan"):
    return LetterTemplate.objects.get(kind=kind)


def test_the_default_templates_are_there_and_every_placeholder_in_them_is_known():
    from documents import placeholders

    assert set(LetterTemplate.objects.values_list("kind", flat=True)) == {
        "invitation",
        "conference_outcome",
        "before_proceedings",
        "family_plan",
        "my_plan",
    }
    for template in LetterTemplate.objects.all():
        assert placeholders.problems(template.body, template.kind) == [], template.name
        assert placeholders.problems(template.title, template.kind) == [], template.name


def test_an_administrator_and_a_qa_officer_change_a_template_and_a_worker_may_not(admin, qa, worker):
    template = _template("my_plan")
    services.template_save(
        actor=admin,
        template=template,
        name=template.name,
        kind="my_plan",
        title="My plan",
        body="Hi {{ child.first_name }}. {{ plan.outcomes }}",
    )
    services.template_save(
        actor=qa,
        template=template,
        name=template.name,
        kind="my_plan",
        title="My plan",
        body="Hello {{ child.first_name }}. {{ plan.outcomes }}",
    )
    template.refresh_from_db()
    assert template.body.startswith("Hello") and template.updated_by == qa
    with pytest.raises(PermissionDenied):
        services.template_save(actor=worker, template=template, name="x", kind="my_plan", title="x", body="x")


def test_an_unknown_placeholder_is_refused_beside_the_body_and_nothing_is_saved(admin):
    template = _template("my_plan")
    before = template.body
    with pytest.raises(ValidationError) as refused:
        services.template_save(
            actor=admin,
            template=template,
            name=template.name,
            kind="my_plan",
            title="My plan",
            body="Hi {{ child.nickname }} {% include 'x' %}",
        )
    assert "{{ child.nickname }} is not a placeholder we know" in refused.value.message_dict["body"][0]
    assert len(refused.value.message_dict["body"]) == 2
    template.refresh_from_db()
    assert template.body == before


def test_a_second_template_of_the_same_name_is_refused(admin):
    with pytest.raises(ValidationError) as refused:
        services.template_save(
            actor=admin, template=None, name="My plan (for the child)", kind="my_plan", title="x", body="x"
        )
    assert refused.value.message_dict == {"name": ["A template with this name already exists"]}


def test_the_plan_letter_is_made_from_the_record_saved_with_who_and_when_and_in_the_chronology(worker, child, plan):
    letter = services.letter_make(
        actor=worker,
        child=child,
        template=_template(),
        about=subjects.key_for(plan),
        addressee="Ms Smith\n1 High Street\nNorthtown",
    )
    assert letter.made_by == worker and letter.child == child and letter.about_label.startswith("Child protection plan")
    assert letter.title == "Jay's plan"
    assert "Dear Ms Smith," in letter.body
    assert "1. Jay lives in a home that is warm and has food every day, by" in letter.body
    assert "Agree a weekly budget with the money advice service (Ms Smith (mother) (family)" in letter.body
    assert "Sam Worker" in letter.body
    line = ChronologyEvent.objects.get(event_type="letter.made")
    assert line.child == child and line.source_id == letter.pk
    pdf = letter_pdf.render(letter, council="Northshire County Council")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert pdf.startswith(b"%PDF-")
    assert "Northshire County Council" in text and "Jay" in text and "warm and has food every day" in text


def test_the_letter_keeps_what_it_said_when_the_plan_changes(worker, child, plan):
    from plans.testing import outcome

    letter = services.letter_make(
        actor=worker, child=child, template=_template(), about=subjects.key_for(plan), addressee="Ms Smith"
    )
    outcome(worker, plan, what="Jay goes to school every day")
    letter.refresh_from_db()
    assert "school every day" not in letter.body


def test_a_letter_must_name_something_of_its_own_kind_of_this_child(worker, child, plan, stranger):
    from people.services import person_create

    other = person_create(actor=worker, given_name="Ann", family_name="Other")
    with pytest.raises(ValidationError) as refused:
        services.letter_make(
            actor=worker, child=other, template=_template(), about=subjects.key_for(plan), addressee="Ms Smith"
        )
    assert refused.value.message_dict == {"about": ["Select the plan the letter is about"]}
    with pytest.raises(ValidationError) as refused:
        services.letter_make(
            actor=worker, child=child, template=_template("invitation"), about=subjects.key_for(plan), addressee=""
        )
    assert set(refused.value.message_dict) == {"about", "addressee"}
    with pytest.raises(PermissionDenied):
        services.letter_make(
            actor=stranger, child=child, template=_template(), about=subjects.key_for(plan), addressee="Ms Smith"
        )
    assert not Letter.objects.exists() and not ChronologyEvent.objects.filter(event_type="letter.made").exists()


def test_an_invitation_is_about_the_conference(worker, child, plan):
    letter = services.letter_make(
        actor=worker,
        child=child,
        template=_template("invitation"),
        about=subjects.key_for(plan.conference),
        addressee="Ms Smith",
    )
    assert "initial child protection conference" in letter.about_label.lower()
    assert "about Jay Smith on 1 May 2025" in letter.body


def test_a_file_is_attached_to_a_visit_checked_by_its_content(worker, child, media_root):
    visit = make_visit(actor=worker, child=child)
    item = subjects.find(child, subjects.key_for(visit))
    attachment = services.attachment_add(
        actor=worker, child=child, item=item, upload=upload("report.pdf"), description="School report"
    )
    assert attachment.item_id == visit.pk and attachment.content_type == "application/pdf"
    assert attachment.item_label.startswith("Home visit on")
    assert ChronologyEvent.objects.filter(event_type="attachment.added", child=child).exists()
    with pytest.raises(ValidationError) as refused:
        services.attachment_add(actor=worker, child=child, item=item, upload=upload("fake.pdf", b"MZ not a pdf"))
    assert "is not a real PDF" in refused.value.message_dict["upload"][0]
    assert Attachment.objects.count() == 1
    assert len(list((media_root / "attachments").rglob("*"))) == 2  # the folder and the one file


def test_keys_that_name_nothing_of_this_childs_find_nothing(worker, child, plan):
    for key in (
        "",
        "plan",
        "plan-cp",
        "plan-cp-x",
        f"plan-nope-{plan.pk}",
        f"plan-cp-{plan.pk + 1000}",
        "visit-0",
        "visit-99999999999999999999999",
        "conference--1",
        "assessment-1-2",
        "../../etc",
    ):
        assert subjects.find(child, key) is None, key
    assert subjects.find(child, f"plan-cp-{plan.pk}").obj == plan
