"""The demo's decisions that need a manager: a step-down waiting for the team manager, a closure
returned and resubmitted, and a placement authorised with its rationale, so the queue, the tab
and the chronology show each on `make run`."""

from __future__ import annotations


def load_demo_decisions(staff: dict) -> None:
    from decisions import services
    from decisions.models import ManagerDecision
    from people.models import Person

    if ManagerDecision.objects.exists():
        return
    worker, manager = staff["sw.okafor"], staff["tm.hughes"]
    children = list(Person.objects.filter(is_child=True, current_worker=worker).order_by("pk")[:3])
    if len(children) < 3 or manager.pk != (children[0].current_team.manager_id if children[0].current_team else None):
        return
    first, second, third = children
    services.decision_submit(
        actor=worker,
        child=first,
        kind="step_down",
        proposal="Step down to a child in need plan at the review.",
        reason="Risks have reduced; mother is working with the family support worker.",
    )
    returned = services.decision_submit(
        actor=worker,
        child=second,
        kind="closure",
        proposal="Close the case.",
        reason="The assessment found no further need.",
    )
    services.decision_return(
        actor=manager, decision=returned, rationale="Ask the school for their view before we close."
    )
    returned.refresh_from_db()
    services.decision_resubmit(
        actor=worker,
        decision=returned,
        proposal="Close the case with a school plan.",
        reason="The school agrees and will hold a support plan.",
    )
    placement = services.decision_submit(
        actor=worker,
        child=third,
        kind="placement",
        proposal="Move to the kinship carers, her aunt.",
        reason="Her aunt is approved and she asks to live there.",
    )
    services.decision_authorise(
        actor=manager,
        decision=placement,
        rationale="A family placement she wants, near her school; the assessment supports it.",
    )
