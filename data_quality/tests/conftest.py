"""Fixtures for data-quality tests: the help-and-protection staff and child (Jay Smith, born 27
March 2015, held by a social worker in "Assessment Team West"), and the clock frozen on Monday
2 June 2025 at 17:00, so the collection year is the one from 1 April 2025."""

import datetime

import pytest

from children_in_need.testing import child, manager, today, worker  # noqa: F401
from data_quality.models import Problem

D = datetime.date


def found(child) -> set[str]:
    """The check ids stored for the child now."""
    return set(Problem.objects.filter(person_id=child.pk).values_list("check_id", flat=True))


@pytest.fixture
def complete(child):
    """Give the child every detail the returns need, as a worker would have recorded them."""
    from people.models import Person

    Person.objects.filter(pk=child.pk).update(
        sex="M", ethnicity="WBRI", disabilities=["NONE"], upn_unknown_reason="UN2"
    )
    child.refresh_from_db()
    return child
