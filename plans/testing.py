"""Helpers for tests of a plan's content (and the demo's and the browser tests' setup)."""

import datetime

from plans import kinds, services


def outcome(
    actor, plan, *, what="Ella is not left alone at home", by_when=None, know="Unannounced visits find an adult at home"
):
    return services.outcome_add(
        actor=actor,
        plan=plan,
        what_must_change=what,
        by_when=by_when or kinds.for_model(plan).start(plan) + datetime.timedelta(weeks=12),
        how_we_will_know=know,
    )


def action(actor, outcome, *, text="Attend the parenting course", owner=None, name="", kind=None, due_on=None):
    kind = kind or ("staff" if owner is not None else "family")
    return services.action_add(
        actor=actor,
        outcome=outcome,
        action=text,
        owner_kind=kind,
        owner_staff=owner,
        owner_name=name,
        due_on=due_on or outcome.by_when,
    )
