"""Permanence steps recorded through the services, as in real use. Dates default to the
`today` fixture's Monday 2 June 2025."""

import datetime

from permanence import services

TODAY = datetime.date(2025, 6, 2)


def make_decision(actor, child, option="adoption", decided_on=None, **overrides):
    values = {"option": option, "decided_on": decided_on or TODAY, "decision_maker": "Alex Moore, head of service"}
    return services.permanence_decision_record(actor=actor, child=child, **(values | overrides))


def make_placement_order(actor, decision, made_on=None):
    return services.permanence_order_record(
        actor=actor, child=decision.child, kind="placement", decision=decision, made_on=made_on or decision.decided_on
    )


def make_match(actor, decision, matched_on=None, **overrides):
    values = {
        "matched_on": matched_on or decision.decided_on,
        "number_of_adopters": 2,
        "adopter_sex": "MF",
        "adopter_legal_status": "L11",
        "foster_carers_adopting": False,
    }
    return services.adoption_match_record(actor=actor, decision=decision, **(values | overrides))


def make_placed(actor, child, placed_on=None, decided_on=None):
    """Decision, placement order, match and placement, all on `decided_on` but the placement."""
    decided_on = decided_on or TODAY
    decision = make_decision(actor, child, decided_on=decided_on)
    make_placement_order(actor, decision, decided_on)
    make_match(actor, decision, decided_on)
    placement = services.adoption_placement_record(actor=actor, decision=decision, placed_on=placed_on or decided_on)
    return decision, placement


def adoption_visit(actor, child, visited_at, child_seen=True):
    from casework.services import visit_record

    return visit_record(
        actor=actor,
        child=child,
        visited_at=visited_at,
        visit_type="adoption",
        child_seen=child_seen,
        seen_alone=False,
        observations="Settling in well with the prospective adopters.",
    )
