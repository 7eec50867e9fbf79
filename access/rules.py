"""Object permissions as `rules` predicates, for templates and checks on one object.

They say the same as the selectors (which scope querysets), because they call them.
"""

import rules

from access import selectors


@rules.predicate
def can_view_person(user, person):
    return person is not None and selectors.can_view_person(user, person)


@rules.predicate
def can_see_who_has_viewed(user, person):
    return person is not None and selectors.may_see_who_has_viewed(user, person)


rules.add_perm("people.view_person_record", can_view_person)
rules.add_perm("access.view_record_reads", can_see_who_has_viewed)
