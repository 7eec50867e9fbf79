"""The generator's fast path for due items (due.py) gives the rows the timescale engine gives:
the same due items and the same data quality problems, child by child."""

from data_quality.models import Problem
from people.models import Person
from synthetic.testing import small_authority  # noqa: F401
from timescales.calendar import get_calendar
from timescales.engine import refresh_due_items
from timescales.models import DueItem

ITEM = [
    "person_id",
    "rule_code",
    "key",
    "title",
    "due_date",
    "due_at",
    "trigger_date",
    "trigger_description",
    "source_type_id",
    "source_id",
    "worker_id",
    "team_id",
    "completed_at",
]
PROBLEM = ["person_id", "check_id", "record_type", "record_id", "message", "fix_url"]


def _rows(model, fields, ids):
    return sorted(model.objects.filter(person_id__in=ids).values_list(*fields))


def test_the_fast_path_gives_the_engines_due_items(small_authority):
    ids = sorted(set(DueItem.objects.values_list("person_id", flat=True)))
    assert len(ids) > 10
    fast_items, fast_problems = _rows(DueItem, ITEM, ids), _rows(Problem, PROBLEM, ids)
    assert any(row[-1] is None for row in fast_items)  # open items, not only history

    DueItem.objects.filter(person_id__in=ids).delete()
    Problem.objects.filter(person_id__in=ids).delete()
    calendar = get_calendar()
    for person in Person.objects.filter(pk__in=ids).order_by("pk"):
        refresh_due_items(person, calendar=calendar)

    assert _rows(DueItem, ITEM, ids) == fast_items
    assert _rows(Problem, PROBLEM, ids) == fast_problems
