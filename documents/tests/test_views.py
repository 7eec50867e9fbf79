"""The pages: the Documents tab, making a letter (preview, then make), its page and PDF, attaching a
file to an item, and the templates pages. 404 for what is not yours, 403 for a role that may not
write, errors in the GOV.UK pattern, never a 500 on bad input, bounded queries."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from access.models import RecordRead
from casework.tests.factories import make_visit, upload
from documents import services, subjects
from documents.models import Attachment, Letter, LetterTemplate

pytestmark = pytest.mark.django_db


def _new(child):
    return reverse("documents:letter_new", args=[child.pk])


def _choices(plan, template="family_plan"):
    return {
        "template": str(LetterTemplate.objects.get(kind=template).pk),
        "about": subjects.key_for(plan),
        "addressee": "Ms Smith\n1 High Street",
    }


def test_a_worker_previews_then_makes_the_plan_letter_and_finds_it_on_the_record(client, worker, child, plan):
    client.force_login(worker)
    page = client.get(_new(child) + f"?about={subjects.key_for(plan)}").content.decode()
    assert f'value="{subjects.key_for(plan)}" selected' in page
    preview = client.post(_new(child), {**_choices(plan), "preview": "1"}).content.decode()
    assert "Check the letter" in preview and "warm and has food every day" in preview
    assert not Letter.objects.exists()
    response = client.post(_new(child), {**_choices(plan), "make": "1"})
    letter = Letter.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "documents:letter", args=[child.pk, letter.pk]
    )
    tab = client.get(reverse("documents:record", args=[child.pk])).content.decode()
    assert "Jay&#x27;s plan" in tab and "Sam Worker" in tab and "The plan for the family" in tab
    chronology = client.get(reverse("casework:chronology", args=[child.pk])).content.decode()
    assert "Letter made" in chronology
    reads = RecordRead.objects.filter(person_id=child.pk).count()
    pdf = client.get(reverse("documents:letter_pdf", args=[child.pk, letter.pk]))
    assert pdf["Content-Type"] == "application/pdf" and "attachment" in pdf["Content-Disposition"]
    assert RecordRead.objects.filter(person_id=child.pk).count() == reads + 1
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Jay" in text and "warm and has food every day" in text


def test_bad_choices_are_shown_in_the_error_summary_and_nothing_is_saved(client, worker, child, plan):
    client.force_login(worker)
    for data in (
        {"template": "", "about": "", "addressee": ""},
        {"template": "999999999999999999999", "about": "../x", "addressee": "x", "make": "1"},
        {**_choices(plan, "invitation"), "make": "1"},
    ):
        response = client.post(_new(child), data)
        text = response.content.decode()
        assert response.status_code == 200 and "govuk-error-summary" in text, data
    assert "Select the conference the letter is about" in text
    assert not Letter.objects.exists()


def test_another_teams_worker_gets_404_and_a_reader_who_may_not_record_gets_403(
    client, worker, child, plan, stranger, qa
):
    letter = services.letter_make(
        actor=worker,
        child=child,
        template=LetterTemplate.objects.get(kind="my_plan"),
        about=subjects.key_for(plan),
        addressee="Jay",
    )
    client.force_login(stranger)
    for url in (
        reverse("documents:record", args=[child.pk]),
        _new(child),
        reverse("documents:letter", args=[child.pk, letter.pk]),
        reverse("documents:letter_pdf", args=[child.pk, letter.pk]),
        reverse("documents:attach", args=[child.pk, subjects.key_for(plan)]),
    ):
        assert client.get(url).status_code == 404, url
    client.force_login(qa)  # reads every record, records nothing on it
    assert client.get(reverse("documents:letter_pdf", args=[child.pk, letter.pk])).status_code == 200
    assert client.get(_new(child)).status_code == 403
    assert client.post(_new(child), {**_choices(plan), "make": "1"}).status_code == 403
    assert Letter.objects.count() == 1


def test_a_letter_of_another_childs_is_404_under_this_child(client, worker, child, plan):
    from people.services import person_create

    letter = services.letter_make(
        actor=worker,
        child=child,
        template=LetterTemplate.objects.get(kind="my_plan"),
        about=subjects.key_for(plan),
        addressee="Jay",
    )
    other = person_create(actor=worker, given_name="Ann", family_name="Other")
    client.force_login(worker)
    assert client.get(reverse("documents:letter", args=[other.pk, letter.pk])).status_code == 404
    assert client.get(reverse("documents:letter_pdf", args=[other.pk, letter.pk])).status_code == 404


def test_a_file_is_attached_to_a_visit_listed_on_the_tab_and_downloaded(client, worker, child, today):
    from children_in_need.testing import TODAY, at

    visit = make_visit(actor=worker, child=child, visited_at=at(TODAY, 9))
    client.force_login(worker)
    url = reverse("documents:attach", args=[child.pk, subjects.key_for(visit)])
    bad = client.post(url, {"upload": upload("fake.png", b"not a png")})
    assert bad.status_code == 200 and "is not a real PNG image" in bad.content.decode()
    assert client.post(url, {"upload": upload("report.pdf"), "description": "School report"}).status_code == 302
    attachment = Attachment.objects.get()
    tab = client.get(reverse("documents:record", args=[child.pk])).content.decode()
    assert "report.pdf" in tab and "School report" in tab and "Home visit on 2 June 2025" in tab
    download = client.get(reverse("documents:attachment", args=[child.pk, attachment.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert client.get(reverse("documents:attach", args=[child.pk, "visit-999999"])).status_code == 404


def test_the_documents_tab_costs_a_bounded_number_of_queries(
    client, worker, child, plan, django_assert_max_num_queries
):
    template = LetterTemplate.objects.get(kind="my_plan")
    for _ in range(5):
        services.letter_make(
            actor=worker, child=child, template=template, about=subjects.key_for(plan), addressee="Jay"
        )
    client.force_login(worker)
    url = reverse("documents:record", args=[child.pk])
    client.get(url)
    with django_assert_max_num_queries(40):
        assert client.get(url).status_code == 200


def test_an_administrator_edits_a_template_and_a_bad_placeholder_is_a_clear_error(client, admin, worker):
    template = LetterTemplate.objects.get(kind="my_plan")
    url = reverse("documents:template_edit", args=[template.pk])
    client.force_login(worker)
    assert client.get(url).status_code == 403
    assert client.get(reverse("documents:templates")).status_code == 403
    client.force_login(admin)
    assert "My plan (for the child)" in client.get(reverse("documents:templates")).content.decode()
    data = {
        "name": template.name,
        "kind": "my_plan",
        "title": "My plan",
        "body": "Hi {{ child.favourite_colour }}",
        "active": "on",
    }
    response = client.post(url, data)
    text = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in text
    assert "{{ child.favourite_colour }} is not a placeholder we know" in text
    template.refresh_from_db()
    assert "favourite_colour" not in template.body
    response = client.post(url, {**data, "body": "Hi {{ child.first_name }}"})
    assert response.status_code == 302
    template.refresh_from_db()
    assert template.body == "Hi {{ child.first_name }}" and template.updated_by == admin
    assert client.get(reverse("documents:template_edit", args=[99999999])).status_code == 404


def test_the_plan_page_links_to_its_letter_and_to_attaching_a_document_to_it(client, worker, child, plan, qa):
    client.force_login(worker)
    page = client.get(reverse("plans:detail", args=[child.pk, "cp", plan.pk])).content.decode()
    assert f"{_new(child)}?about=plan-cp-{plan.pk}" in page
    assert reverse("documents:attach", args=[child.pk, f"plan-cp-{plan.pk}"]) in page
    client.force_login(qa)  # reads the plan, records nothing on it
    page = client.get(reverse("plans:detail", args=[child.pk, "cp", plan.pk])).content.decode()
    assert "Make the plan letter" not in page


def test_a_letter_whose_heading_has_quotes_and_accents_downloads_with_its_name(client, admin, worker, child, plan):
    template = LetterTemplate.objects.get(kind="my_plan")
    services.template_save(
        actor=admin,
        template=template,
        name=template.name,
        kind="my_plan",
        title='Zoë\'s "plan" for {{ child.first_name }}',
        body="Hello {{ child.first_name }}",
    )
    template.refresh_from_db()
    letter = services.letter_make(
        actor=worker, child=child, template=template, about=subjects.key_for(plan), addressee="Jay"
    )
    client.force_login(worker)
    response = client.get(reverse("documents:letter_pdf", args=[child.pk, letter.pk]))
    assert response.status_code == 200 and "filename*=utf-8''Zo%C3%AB" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
