"""The generated small authority has management oversight and challenges like a live one: most
key events of the last year overseen, some late, some not at all (so due in the managers' trays);
challenges at every point of the process, some escalated past their due date."""

import pytest

from core import clock
from oversight import selectors
from oversight.models import Challenge, ChallengeStage, OversightEntry
from synthetic.testing import small_authority_for_the_module as small_authority  # noqa: F401
from synthetic.testing import small_authority_of_the_module  # noqa: F401
from timescales.models import DueItem

pytestmark = pytest.mark.usefixtures("small_authority")


def test_oversight_recorded_late_and_missing():
    items = DueItem.objects.filter(rule_code__startswith="oversight_")
    done = items.filter(completed_at__isnull=False)
    assert OversightEntry.objects.exists() and done.exists()
    assert any(item.completed_late for item in done)
    assert items.filter(completed_at__isnull=True).exists()
    # Each open item is held by the manager of the child's team, in their tray.
    for item in items.filter(completed_at__isnull=True).select_related("person__current_team")[:20]:
        assert item.worker_id == item.person.current_team.manager_id


def test_challenges_at_various_stages_some_escalated():
    assert Challenge.objects.filter(outcome="resolved").exists()
    assert Challenge.objects.filter(outcome="").exists()
    assert ChallengeStage.objects.filter(stage__gte=1).exists()
    waiting = (
        ChallengeStage.objects.filter(responded_on__isnull=True, challenge__outcome="", due_date__lt=clock.today())
        .select_related("escalate_to")
        .first()
    )
    assert waiting is not None
    assert any(s.escalated for s in selectors.challenges_waiting_for(user=waiting.escalate_to))
