"""Writes for timescales: local practice standards."""

from django.db import transaction

from core import clock
from timescales.models import LocalStandard
from timescales.rules import check_local_standard, get_rule


@transaction.atomic
def local_standard_set(*, actor, rule_code: str, amount: int, unit: str, reason: str) -> LocalStandard:
    """Set the authority's own amount for a local practice standard. Raises ValidationError for
    law or statutory guidance, with the rule's source in the message.

    Existing due items change on each child's next refresh (the engine reads the standard in
    force every time)."""
    check_local_standard(rule_code, amount, unit)
    standard, _ = LocalStandard.objects.select_for_update().get_or_create(
        rule_code=rule_code, defaults={"amount": amount, "unit": unit, "reason": reason, "changed_by": actor}
    )
    standard.amount, standard.unit, standard.reason = amount, unit, reason
    standard.changed_by, standard.changed_at = actor, clock.now()
    standard.full_clean()
    standard.save()
    return standard


@transaction.atomic
def local_standard_reset(*, rule_code: str) -> None:
    """Go back to the default in the rules table."""
    get_rule(rule_code)
    LocalStandard.objects.filter(rule_code=rule_code).delete()
