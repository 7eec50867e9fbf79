"""A child with an open private fostering arrangement is the private fostering officer's work
(access.capabilities' PRIVATELY_FOSTERED), whichever team holds the child's case."""

from access.capabilities import Relationship, register_relationship
from private_fostering.models import PrivateFostering


def _privately_fostered(user, child) -> bool:
    return PrivateFostering.objects.open().filter(child=child).exists()


register_relationship(Relationship.PRIVATELY_FOSTERED, _privately_fostered)
