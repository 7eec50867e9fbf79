"""What permanence makes due, computed from the child's records each time they change.

- care proceedings disposed of within 26 weeks beginning with the day the application was
  issued, moved by each extension the court grants (TIMESCALES.md A6 #46);
- adoption reviews (Adoption Agencies Regulations 2005 reg 36): while there is a placement order
  and the child is not placed, within 3 months of the order and then every 6 months from the
  last review (#43); once placed, within 4 weeks, the second within 3 months of the first, then
  every 6 months (#44);
- adoption visits (reg 36(4)(a)): within a week of the placement, weekly until the first review,
  then as often as the last review decided (#45). Visits are casework Visits (any type)
  in which the child was seen.

Each series runs from the date the last occurrence actually happened (C3.4), and stops when the
placement, the order or the decision ends.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from casework.models import Visit
from children_in_need.series import Series, recurring_specs
from permanence.choices import OrderKind, PermanenceOption
from permanence.models import (
    AdoptionPlacement,
    AdoptionReview,
    CareProceedings,
    PermanenceDecision,
    PermanenceOrder,
    ProceedingsExtension,
)
from permanence.services import proceedings_due_date
from timescales import engine
from timescales.calendar import london_date
from timescales.engine import DueSpec, describe_trigger, due_from, next_recurring
from timescales.reads import CHILD, attach, column, records


def _reads() -> dict:
    adoption = {"child_id": CHILD, "option": PermanenceOption.ADOPTION}
    orders = PermanenceOrder.objects.filter(child_id=CHILD, kind=OrderKind.PLACEMENT_ORDER).order_by("-made_on", "-id")
    visits = Visit.objects.seen().filter(child_id=CHILD).order_by("visited_at", "pk")
    return {
        "proceedings": records(CareProceedings.objects.filter(child_id=CHILD).order_by("-issued_on", "-id")),
        "extensions": records(
            ProceedingsExtension.objects.filter(proceedings__child_id=CHILD).order_by("granted_on", "id")
        ),
        "decisions": records(PermanenceDecision.objects.filter(**adoption).order_by("-decided_on", "-id")),
        "placements": records(AdoptionPlacement.objects.filter(**{f"decision__{k}": v for k, v in adoption.items()})),
        "order_decisions": column(orders, "decision_id"),
        "orders_made": column(orders, "made_on"),
        "orders_revoked": column(orders, "revoked_on"),
        "reviews": records(AdoptionReview.objects.filter(decision__child_id=CHILD).order_by("held_on", "id")),
        "visits": column(visits, "visited_at"),
    }


def _proceedings(found, calendar):
    extensions_of = defaultdict(list)
    for extension in found["extensions"]:
        extensions_of[extension.proceedings_id].append(extension)
    for proceedings in found["proceedings"]:
        extensions = extensions_of[proceedings.pk]
        weeks = sum(e.weeks for e in extensions)
        title = "Care proceedings concluded" + (f" (timetable extended by {weeks} weeks)" if weeks else "")
        yield DueSpec(
            rule_code="care_proceedings_26w",
            due_date=proceedings_due_date(proceedings, extensions, calendar),
            trigger_date=proceedings.issued_on,
            title=title,
            key=f"proceedings-{proceedings.pk}",
            source=proceedings,
            trigger_description=describe_trigger(f"{proceedings.get_kind_display()} issued", proceedings.issued_on),
            completed_at=proceedings.concluded_on,
        )


def _earliest(*days):
    days = [d for d in days if d is not None]
    return min(days) if days else None


def _adoption_visits(decision, placement, reviews, visits, calendar):
    """Within a week of the placement, then weekly until the first review, then as often as the
    review in force at the last visit decided."""
    key = f"decision-{decision.pk}"
    end = _earliest(placement.ended_on, decision.reversed_on)
    trigger, label, count = placement.placed_on, "Placed for adoption", 0
    placed_reviews = [r for r in reviews if r.placed]

    def spec(completed_at=None):
        if count == 0:
            # A visit on the day of the placement meets the first: its own key keeps the next
            # occurrence (triggered by that visit, the same day) distinct.
            due, rule_key = due_from("adoption_visit", trigger, calendar), f"{key}-first"
        else:
            review = next((r for r in reversed(placed_reviews) if r.held_on <= trigger), None)
            if review is None:
                due = next_recurring("adoption_visit", trigger, count, calendar)  # weekly until the first review
            else:
                due = trigger + datetime.timedelta(weeks=review.visit_every_weeks)
            rule_key = key
        return DueSpec(
            rule_code="adoption_visit",
            due_date=due,
            trigger_date=trigger,
            key=rule_key,
            source=decision,
            trigger_description=describe_trigger(label, trigger),
            completed_at=completed_at,
        )

    for moment in visits:
        day = london_date(moment)
        if day < placement.placed_on or (count > 0 and day <= trigger):
            continue
        if end is not None and day > end:
            break
        yield spec(completed_at=moment)
        trigger, label, count = day, "Adoption placement visit", count + 1
    if end is None:
        yield spec()


def _adoption(found, calendar):
    decisions = found["decisions"]
    if not decisions:
        return
    attach(decisions, "placement", found["placements"])
    orders = {  # the first one made wins: the list runs latest first
        decision_id: (made_on, revoked_on)
        for decision_id, made_on, revoked_on in zip(
            found["order_decisions"], found["orders_made"], found["orders_revoked"], strict=True
        )
    }
    reviews = defaultdict(list)
    for review in found["reviews"]:
        reviews[review.decision_id].append(review)
    visits = sorted(found["visits"])
    for decision in decisions:
        key, placement = f"decision-{decision.pk}", getattr(decision, "placement", None)
        stopped = _earliest(decision.reversed_on, decision.achieved_on)
        if decision.pk in orders:
            made_on, revoked_on = orders[decision.pk]
            not_placed = [r.held_on for r in reviews[decision.pk] if not r.placed]
            yield from recurring_specs(
                Series(
                    "adoption_review_not_placed",
                    "adoption_review_not_placed",
                    start=made_on,
                    start_label="Placement order made",
                    event_label="Adoption review",
                    key=key,
                    source=decision,
                    end=_earliest(placement.placed_on if placement else None, revoked_on, stopped),
                ),
                not_placed,
                calendar,
            )
        if placement is not None:
            placed = [r.held_on for r in reviews[decision.pk] if r.placed]
            yield from recurring_specs(
                Series(
                    "adoption_review_placed",
                    "adoption_review_placed",
                    start=placement.placed_on,
                    start_label="Placed for adoption",
                    event_label="Adoption review",
                    key=key,
                    source=decision,
                    end=_earliest(placement.ended_on, decision.reversed_on),
                ),
                placed,
                calendar,
            )
            yield from _adoption_visits(decision, placement, reviews[decision.pk], visits, calendar)


@engine.register(only_if_any=[(CareProceedings, "child_id"), (PermanenceDecision, "child_id")], reads=_reads)
def permanence_due(person, calendar, found):
    yield from _proceedings(found, calendar)
    yield from _adoption(found, calendar)
