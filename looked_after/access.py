"""How an IRO stands to a child: the one appointed for the child's current period of care
(access.capabilities' CHAIRED), which lets them record their own contact with the child."""

from access.capabilities import Relationship, register_relationship
from looked_after.models import IROAssignment


def _chairs(user, child) -> bool:
    return IROAssignment.objects.filter(
        child=child, iro=user, end_date__isnull=True, period__end_date__isnull=True
    ).exists()


register_relationship(Relationship.CHAIRED, _chairs)
