"""The world every sweep runs in: the demo authority's staff (one sign-in per role, in their real
teams) and its scripted families and journeys, which between them hold every kind of record a URL
can name (visits, notes, warnings, assessments, plans, periods of care, care leavers, private
fostering, permanence, an allegation). Built once per test run, in a template database of its own,
which each worker clones (conftest._world_database)."""

from __future__ import annotations

import dataclasses

from tests.security.routes import Fills


@dataclasses.dataclass
class World:
    staff: dict  # Role -> User: the demo's first sign-in of each role
    children: list[int]  # every child's id, in order
    names: dict  # child id -> (full name, LA ID)
    fills: Fills
    missing: int  # an id no row of any table has

    def user(self, role):
        return self.staff[role]


def build_world() -> World:
    from caseloads.testing import seed_configuration
    from documents.testing import ensure_templates
    from synthetic.demo_audits import load_demo_audits
    from synthetic.demo_conferences import load_demo_conferences
    from synthetic.demo_decisions import load_demo_decisions
    from synthetic.demo_documents import load_demo_documents
    from synthetic.demo_improvement import load_demo_improvement
    from synthetic.demo_journeys import load_demo_journeys
    from synthetic.demo_looked_after import load_demo_looked_after
    from synthetic.demo_oversight import load_demo_oversight
    from synthetic.demo_plans import load_demo_plans
    from synthetic.demo_record import load_demo_families
    from synthetic.demo_specialist import load_demo_specialist
    from synthetic.demo_supervision import load_demo_supervision
    from synthetic.demo_workforce import load_demo_workforce
    from synthetic.testing import demo_staff

    seed_configuration()  # the induction checklists and courses (a transactional test may have emptied them)
    ensure_templates()  # the default letter templates, likewise
    everyone = demo_staff(
        load_demo_families,
        load_demo_journeys,
        load_demo_looked_after,
        load_demo_specialist,
        load_demo_supervision,
        load_demo_oversight,
        load_demo_decisions,
        load_demo_audits,
        load_demo_workforce,
        load_demo_improvement,
        load_demo_plans,
        load_demo_conferences,
        load_demo_documents,
    )
    _add_what_the_demo_lacks(everyone)
    return read_world()


def read_world() -> World:
    """The World of a database the world was built in (in this process or, cloned, another)."""
    from people.models import Person
    from synthetic import demo
    from workforce.models import User

    staff = {User.objects.get(username=s.username).role: User.objects.get(username=s.username) for s in demo.sign_ins()}
    children = list(Person.objects.filter(is_child=True).order_by("pk").values_list("pk", flat=True))
    names = {p.pk: (p.full_name, p.la_id) for p in Person.objects.filter(pk__in=children)}
    return World(staff=staff, children=children, names=names, fills=Fills(), missing=10**9)


def _add_what_the_demo_lacks(staff: dict) -> None:
    """Rows a URL can name that the scripted demo does not make: an uploaded document, a warning,
    a finished return export."""
    import datetime

    from django.utils import timezone

    from casework import services as casework
    from casework.models import Document
    from casework.tests.factories import upload
    from people.models import Person, PersonWarning
    from returns.models import ReturnExport

    worker = staff["sw.okafor"]
    child = Person.objects.filter(is_child=True, current_worker=worker).order_by("pk").first()
    if not Document.objects.exists():
        casework.case_note_record(
            actor=worker,
            child=child,
            note_type="telephone",
            occurred_at=_an_hour_ago(),
            subject="Call with school",
            body="Attendance is good.",
            upload=upload("report.pdf", content_type="application/pdf"),
        )
    if not PersonWarning.objects.exists():
        from people import services as people

        people.warning_add(
            actor=worker,
            person=child,
            kind="risk_to_staff",
            details="Dog at the address.",
            review_date=timezone.localdate() + datetime.timedelta(days=90),
        )
    from looked_after.models import LAReview, ReviewAction
    from permanence.models import CareProceedings

    review = LAReview.objects.order_by("pk").first()
    if not ReviewAction.objects.exists() and review is not None:
        from looked_after.services.reviews import review_action_add

        review_action_add(
            actor=review.child.current_worker or worker,
            review=review,
            action="Arrange contact with Nan",
            owner="Social worker",
            due_date=review.held_on + datetime.timedelta(days=28),
        )
    if not CareProceedings.objects.exists():
        from permanence.models import PermanenceDecision
        from permanence.services import care_proceedings_start

        subject = PermanenceDecision.objects.order_by("pk").first().child
        care_proceedings_start(
            actor=subject.current_worker or worker,
            child=subject,
            kind=PROCEEDINGS_KIND,
            issued_on=timezone.localdate() - datetime.timedelta(days=30),
        )
    if not ReturnExport.objects.exists():
        ReturnExport.objects.create(kind="cin", year=2025, requested_by=staff["qa.rahman"], requested_via="web")
    from performance.models import BoardPack

    if not BoardPack.objects.exists():
        # A pack whose figures are built (none kept: the sweeps need its pages, not its figures).
        BoardPack.objects.create(
            quarter_end=datetime.date(2025, 3, 31),
            created_by=staff["qa.rahman"],
            created_at=timezone.now(),
            status="built",
            built_at=timezone.now(),
        )


PROCEEDINGS_KIND = "care"


def _an_hour_ago():
    import datetime

    from django.utils import timezone

    return timezone.now() - datetime.timedelta(hours=1)
