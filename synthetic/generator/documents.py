"""The generated authority's letters: for a share of the open child protection and child in need
plans with content (synthetic.generator.plans), the plan sent to the family a week or so after it
started, and for most school-age children on a child protection plan their own "my plan"; an
invitation to the review conference for some. The rest have none yet, so the record shows plans
whose letter was never sent, as real records do.

Only the letters' rows are written (in bulk, with their chronology lines): a letter keeps its text
and its PDF is drawn when it is downloaded (documents.letter_pdf), so a large authority's tens of
thousands of letters cost a few inserts and no file storage. The text is the default template
filled from the generated plan with the same placeholders a worker's letter uses."""

from __future__ import annotations

import datetime
import random
from collections import Counter, defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from casework.models import ChronologyEvent
from child_protection.models import ChildProtectionPlan
from children_in_need.models import CINPlan
from core.dates import long_date
from documents import placeholders
from documents.models import Letter, LetterTemplate
from people.models import Person
from plans.models import Outcome, PlanAction, PlanContent
from workforce.models import User

SHARE_WITH_FAMILY_LETTER = 0.75  # of plans with content; the rest never had one sent
SHARE_WITH_MY_PLAN = 0.8  # of the children of five or over on a child protection plan with a family letter
ADDRESSEES = ["Ms {surname}", "Mr {surname}", "Mr and Mrs {surname}", "Ms {surname} and Mr {surname}"]


def _moment(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def write_documents(seed: int, today: datetime.date) -> Counter:
    rng = random.Random(f"documents-{seed}")
    templates = {t.kind: t for t in LetterTemplate.objects.filter(kind__in=["family_plan", "my_plan"], active=True)}
    if len(templates) < 2:
        return Counter()
    counts = Counter()
    for model, label in ((ChildProtectionPlan, "Child protection plan"), (CINPlan, "Child in need plan")):
        counts += _letters_for(rng, today, model, label, templates)
    return counts


def _letters_for(rng, today, model, label, templates) -> Counter:
    plan_type = ContentType.objects.get_for_model(model)
    contents = list(
        PlanContent.objects.filter(plan_type=plan_type)
        .order_by("pk")
        .values_list("pk", "plan_id", "child_id", "contingency")
    )
    chosen = [c for c in contents if rng.random() < SHARE_WITH_FAMILY_LETTER]
    if not chosen:
        return Counter()
    ids = [c[0] for c in chosen]
    outcomes, actions = defaultdict(list), defaultdict(list)
    for content_id, what, by_when, know in (
        Outcome.objects.filter(content_id__in=ids)
        .order_by("by_when", "pk")
        .values_list("content_id", "what_must_change", "by_when", "how_we_will_know")
    ):
        outcomes[content_id].append(
            f"{len(outcomes[content_id]) + 1}. {what}, by {long_date(by_when)}. We will know because: {know}"
        )
    owners = {}
    for row in (
        PlanAction.objects.filter(outcome__content_id__in=ids)
        .order_by("due_on", "pk")
        .values_list("outcome__content_id", "action", "owner_kind", "owner_staff_id", "owner_name", "due_on")
    ):
        content_id, text, kind, staff_id, name, due = row
        owners.setdefault(staff_id, None)
        actions[content_id].append((text, kind, staff_id, name, due))
    plans = dict(model.objects.filter(pk__in=[c[1] for c in chosen]).values_list("pk", "start_date"))
    people = {
        p["pk"]: p
        for p in Person.objects.filter(pk__in=[c[2] for c in chosen]).values(
            "pk", "given_name", "family_name", "date_of_birth", "la_id", "current_worker_id"
        )
    }
    workers = {
        u.pk: u
        for u in User.objects.filter(
            pk__in={p["current_worker_id"] for p in people.values()} | set(owners)
        ).select_related("team")
    }
    letter_type = ContentType.objects.get_for_model(Letter)
    letters = []
    for content_id, plan_id, child_id, contingency in chosen:
        child, start = people[child_id], plans.get(plan_id)
        worker = workers.get(child["current_worker_id"])
        if worker is None or start is None:
            continue
        made_on = min(today, start + datetime.timedelta(days=rng.randint(3, 12)))
        values = {
            "council.name": settings.COUNCIL_NAME,
            "letter.date": long_date(made_on),
            "child.first_name": child["given_name"] or child["family_name"],
            "child.last_name": child["family_name"],
            "child.full_name": f"{child['given_name']} {child['family_name']}".strip(),
            "child.date_of_birth": long_date(child["date_of_birth"]),
            "child.la_id": child["la_id"],
            "worker.name": str(worker),
            "worker.team": str(worker.team or ""),
            "plan.kind": label.lower(),
            "plan.start_date": long_date(start),
            "plan.outcomes": "\n".join(outcomes[content_id]) or "No outcomes have been written yet.",
            "plan.actions": "\n".join(
                f"- {text} ({workers[staff].get_full_name() if staff in workers else name}"
                f"{'' if kind == 'staff' else ' (family)' if kind == 'family' else ' (agency)'}, by {long_date(due)})"
                for text, kind, staff, name, due in actions[content_id]
            )
            or "No actions have been agreed yet.",
            "plan.contingency": contingency or "Not yet agreed.",
        }
        addressee = rng.choice(ADDRESSEES).format(surname=child["family_name"])
        wanted = [("family_plan", addressee, 10)]
        age = (made_on - child["date_of_birth"]).days // 365 if child["date_of_birth"] else 0
        if model is ChildProtectionPlan and age >= 5 and rng.random() < SHARE_WITH_MY_PLAN:
            wanted.append(("my_plan", values["child.full_name"], 11))
        for kind, to, hour in wanted:
            template = templates[kind]
            filled = {**values, "letter.addressee": to}
            letters.append(
                Letter(
                    child_id=child_id,
                    template=template,
                    kind=kind,
                    title=placeholders.fill(template.title, filled),
                    addressee=to,
                    body=placeholders.fill(template.body, filled),
                    about_type=plan_type,
                    about_id=plan_id,
                    about_label=f"{label} from {long_date(start)}",
                    made_by=worker,
                    made_at=_moment(made_on, hour),
                )
            )
    Letter.objects.bulk_create(letters, batch_size=2000)
    ChronologyEvent.objects.bulk_create(
        [
            ChronologyEvent(
                child_id=letter.child_id,
                event_type="letter.made",
                occurred_at=letter.made_at,
                significant=False,
                source_type=letter_type,
                source_id=letter.pk,
                recorded_by_id=letter.made_by_id,
                data={"title": letter.title, "addressee": letter.addressee, "about": letter.about_label},
            )
            for letter in letters
        ],
        batch_size=2000,
    )
    return Counter({"letters": len(letters)})
