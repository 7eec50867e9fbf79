"""The engine: providers in, DueItem rows kept exactly in step, in few queries."""

import datetime
from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from core.clock import LONDON
from people.models import Person
from timescales import engine
from timescales.engine import DueSpec, due_from, due_spec, reassign_due_items, refresh_due_items
from timescales.models import DueItem
from timescales.selectors import due_items_for_team, due_items_for_worker
from timescales.services import local_standard_set
from timescales.testing import only_providers
from workforce.models import Team, User

pytestmark = pytest.mark.django_db


class Record:
    """Stands in for a child's record: a test changes it, and the provider reads it."""

    def __init__(self):
        self.referral = None  # date
        self.authorised = None  # moment the assessment was authorised
        self.cp_visits: list[date] = []
        self.cp_start = None
        self.returns: dict[int, datetime.datetime] = {}  # missing episode id -> return moment
        self.extra: list[DueSpec] = []

    def provider(self, person, calendar):
        if self.referral:
            yield due_spec(
                "assessment_45wd",
                trigger=self.referral,
                calendar=calendar,
                trigger_description=engine.describe_trigger("Referral", self.referral),
                source=person,
                completed_at=self.authorised,
            )
        if self.cp_start:
            # Recurring: the occurrence each visit met, then the one now open.
            triggers = [self.cp_start, *self.cp_visits]
            for i, visited in enumerate(self.cp_visits):
                trigger = triggers[i]
                due = (
                    due_from("cp_visit", trigger, calendar)
                    if i == 0
                    else engine.next_recurring("cp_visit", trigger, i, calendar)
                )
                yield DueSpec("cp_visit", due, trigger, f"From {trigger}", completed_at=visited)
            last = triggers[-1]
            due = (
                due_from("cp_visit", last, calendar)
                if not self.cp_visits
                else engine.next_recurring("cp_visit", last, len(self.cp_visits), calendar)
            )
            yield DueSpec("cp_visit", due, last, f"From {last}")
        for episode, returned in self.returns.items():
            yield due_spec(
                "rhi_72h",
                trigger=returned,
                calendar=calendar,
                key=str(episode),
                trigger_description=engine.describe_trigger("Return from missing", returned),
            )
        yield from self.extra


@pytest.fixture
def team():
    return Team.objects.create(name="Child Protection Team East")


@pytest.fixture
def worker(team):
    return User.objects.create(username="sw1", first_name="Sam", last_name="Worker", team=team)


@pytest.fixture
def child(worker, team):
    person = Person.objects.create(family_name="Test", given_name="Jay", la_id="T1")
    Person.objects.filter(pk=person.pk).update(current_worker=worker, current_team=team)
    return person


@pytest.fixture
def record(bank_holidays):
    record = Record()
    with only_providers(record.provider):
        yield record


def items(child, **filters):
    return list(DueItem.objects.filter(person=child, **filters).order_by("rule_code", "trigger_date", "key"))


class TestRegistry:
    def test_register_and_unregister(self):
        def provider(person, calendar):
            return []

        engine.register(provider)
        engine.register(provider)  # twice is harmless
        assert engine.providers().count(provider) == 1
        engine.unregister(provider)
        assert provider not in engine.providers()


class TestRefresh:
    def test_inserts_with_allocation_and_source(self, child, worker, team, record):
        record.referral = date(2025, 6, 2)
        result = refresh_due_items(child)
        assert (result.inserted, result.updated, result.deleted) == (1, 0, 0)
        (item,) = items(child)
        assert item.rule_code == "assessment_45wd"
        assert item.title == "Assessment concluded so that a decision on next steps can be reached"
        assert item.due_date == date(2025, 8, 4)
        assert item.trigger_date == date(2025, 6, 2)
        assert item.trigger_description == "Referral on 2 June 2025"
        assert (item.worker, item.team) == (worker, team)
        assert item.source_type == ContentType.objects.get_for_model(Person) and item.source_id == child.pk
        assert item.completed_at is None

    def test_nothing_changed_means_nothing_written(self, child, record, django_assert_num_queries):
        record.referral = date(2025, 6, 2)
        refresh_due_items(child)
        with django_assert_num_queries(2):  # lock and read the child, read the items
            result = refresh_due_items(child)
        assert (result.inserted, result.updated, result.deleted, result.unchanged) == (0, 0, 0, 1)

    def test_updates_in_place_when_the_local_standard_changes(self, child, record):
        record.cp_start = date(2025, 6, 2)
        refresh_due_items(child)
        (before,) = items(child)
        assert before.due_date == date(2025, 6, 16)  # 10 working days
        local_standard_set(actor=None, rule_code="cp_visit", amount=5, unit="working_days", reason="Tighter standard")
        result = refresh_due_items(child)
        assert (result.inserted, result.updated, result.deleted) == (0, 1, 0)
        (after,) = items(child)
        assert after.pk == before.pk and after.due_date == date(2025, 6, 9)

    def test_deletes_open_items_no_longer_due(self, child, record):
        record.referral = date(2025, 6, 2)
        refresh_due_items(child)
        record.referral = None  # the referral was recorded in error and removed
        result = refresh_due_items(child)
        assert result.deleted == 1 and not items(child)

    def test_a_moved_trigger_replaces_the_occurrence(self, child, record):
        record.referral = date(2025, 6, 2)
        refresh_due_items(child)
        record.referral = date(2025, 6, 3)  # the referral date was corrected
        result = refresh_due_items(child)
        assert (result.inserted, result.deleted) == (1, 1)
        (item,) = items(child)
        assert item.trigger_date == date(2025, 6, 3) and item.due_date == date(2025, 8, 5)

    def test_completion_closes_the_same_row_and_history_stays(self, child, record):
        record.referral = date(2025, 6, 2)
        refresh_due_items(child)
        (open_item,) = items(child)
        record.authorised = datetime.datetime(2025, 7, 30, 15, 0, tzinfo=LONDON)
        result = refresh_due_items(child)
        assert result.updated == 1
        (done,) = items(child)
        assert done.pk == open_item.pk and done.completed_at == record.authorised
        assert done.completed_late is False
        # Later the provider stops mentioning it (the referral is closed): history is kept.
        record.referral = None
        assert refresh_due_items(child).deleted == 0
        assert items(child) == [done]

    def test_recurring_visits_leave_a_history(self, child, record):
        record.cp_start = date(2025, 6, 2)
        refresh_due_items(child)
        record.cp_visits = [date(2025, 6, 12)]  # visited early: the clock restarts from the visit
        refresh_due_items(child)
        record.cp_visits.append(date(2025, 6, 20))
        refresh_due_items(child)
        rows = items(child)
        assert [(r.trigger_date, r.due_date, r.completed_at is not None) for r in rows] == [
            (date(2025, 6, 2), date(2025, 6, 16), True),
            (date(2025, 6, 12), date(2025, 6, 26), True),
            (date(2025, 6, 20), date(2025, 7, 4), False),
        ]
        assert DueItem.objects.open().filter(person=child).count() == 1
        # A visit recorded in error is deleted: the occurrence it closed is open again.
        record.cp_visits.pop()
        refresh_due_items(child)
        assert [(r.trigger_date, r.completed_at is None) for r in items(child)] == [
            (date(2025, 6, 2), False),
            (date(2025, 6, 12), True),
        ]

    def test_a_completion_for_an_item_never_stored_is_recorded(self, child, record):
        record.referral = date(2025, 6, 2)
        record.authorised = datetime.datetime(2025, 8, 5, 10, 0, tzinfo=LONDON)  # entered after the event
        assert refresh_due_items(child).inserted == 1
        (item,) = items(child)
        assert item.completed_at and item.completed_late is True
        assert refresh_due_items(child).inserted == 0  # idempotent

    def test_keys_keep_concurrent_items_apart(self, child, record):
        record.returns = {
            7: datetime.datetime(2025, 10, 24, 12, 0, tzinfo=LONDON),
            8: datetime.datetime(2025, 10, 25, 9, 30, tzinfo=LONDON),
        }
        refresh_due_items(child)
        rows = items(child)
        assert [(r.key, r.due_at) for r in rows] == [
            ("7", datetime.datetime(2025, 10, 27, 11, 0, tzinfo=LONDON)),  # 72 real hours across the clock change
            ("8", datetime.datetime(2025, 10, 28, 8, 30, tzinfo=LONDON)),
        ]
        assert [r.due_date for r in rows] == [date(2025, 10, 27), date(2025, 10, 28)]

    def test_duplicates_and_unknown_rules_are_refused(self, child, record):
        def refused(specs, message):
            record.extra = specs
            # The engine joins the caller's transaction without a savepoint, so its error
            # fails the caller's whole transaction (as it should); each try gets its own here.
            with pytest.raises(ValueError, match=message), transaction.atomic():
                refresh_due_items(child)

        refused([DueSpec("cp_visit", date(2025, 6, 9), date(2025, 6, 2), "x")] * 2, "distinct `key`")
        refused(
            [
                DueSpec("cp_visit", date(2025, 6, 9), date(2025, 6, 2), "x"),
                DueSpec("cp_visit", date(2025, 6, 10), date(2025, 6, 3), "y"),
            ],
            "only one open due item per rule and key",
        )
        refused([DueSpec("no_such_rule", date(2025, 6, 9), date(2025, 6, 2), "x")], "unknown rule code")
        # 23:30 UTC on 1 June is 2 June in London.
        refused(
            [
                DueSpec(
                    "rhi_72h",
                    date(2025, 6, 1),
                    date(2025, 5, 29),
                    "x",
                    due_at=datetime.datetime(2025, 6, 1, 23, 30, tzinfo=datetime.UTC),
                )
            ],
            "is not the date of due_at",
        )
        refused(
            [
                DueSpec(
                    "rhi_72h",
                    date(2025, 6, 1),
                    date(2025, 5, 29),
                    "x",
                    completed_at=datetime.datetime(2025, 6, 1, 9, 0),
                )
            ],
            "timezone-aware",
        )
        assert not items(child)

    def test_runs_inside_the_callers_transaction(self, child, record):
        record.referral = date(2025, 6, 2)
        with pytest.raises(RuntimeError), transaction.atomic():
            refresh_due_items(child)
            assert items(child)
            raise RuntimeError("the service failed after refreshing")
        assert not items(child)

    def test_query_count_does_not_grow_with_the_number_of_items(self, child, record, django_assert_max_num_queries):
        ContentType.objects.get_for_model(Person)  # warm the caches a real process already has
        refresh_due_items(child)

        def many(n, start):
            return [
                DueSpec(
                    "cin_visit", date(2025, 6, 9) + datetime.timedelta(days=i), start, "x", key=str(i), source=child
                )
                for i in range(n)
            ]

        record.extra = many(50, date(2025, 6, 2))
        with django_assert_max_num_queries(3):  # lock, read, one insert
            assert refresh_due_items(child).inserted == 50
        # Mixed: 20 deleted, 20 updated (new due date), 10 unchanged, 15 inserted.
        changed = many(50, date(2025, 6, 2))
        record.extra = (
            [dataclass_replace(s, due_date=s.due_date + datetime.timedelta(days=1)) for s in changed[20:40]]
            + changed[40:50]
            + [DueSpec("cin_visit", date(2025, 9, 1), date(2025, 6, 2), "x", key=f"new{i}") for i in range(15)]
        )
        with django_assert_max_num_queries(5):  # lock, read, one delete, one update, one insert
            result = refresh_due_items(child)
        assert (result.inserted, result.updated, result.deleted, result.unchanged) == (15, 20, 20, 10)


def dataclass_replace(spec, **changes):
    import dataclasses

    return dataclasses.replace(spec, **changes)


class TestReassign:
    def test_open_items_follow_the_child_completed_ones_stay(
        self, child, worker, team, record, django_assert_num_queries
    ):
        record.cp_start = date(2025, 6, 2)
        record.cp_visits = [date(2025, 6, 12)]
        refresh_due_items(child)
        new_team = Team.objects.create(name="Looked After Team")
        new_worker = User.objects.create(username="sw2", team=new_team)
        Person.objects.filter(pk=child.pk).update(current_worker=new_worker, current_team=new_team)
        with django_assert_num_queries(1):
            assert reassign_due_items(child) == 1
        done, still_open = items(child)
        assert (done.worker, done.team) == (worker, team)
        assert (still_open.worker, still_open.team) == (new_worker, new_team)

    def test_refresh_reads_the_allocation_fresh(self, child, record):
        """Services change the allocation with .update(); the instance they pass is stale."""
        record.referral = date(2025, 6, 2)
        Person.objects.filter(pk=child.pk).update(current_worker=None, current_team=None)
        refresh_due_items(child)  # `child` still says the old worker
        (item,) = items(child)
        assert item.worker is None and item.team is None


class TestOverdueAndTrays:
    def test_moving_the_clock_makes_an_item_overdue_without_recomputing(
        self, child, record, clock, django_assert_num_queries
    ):
        record.referral = date(2025, 6, 2)
        refresh_due_items(child)
        clock.travel_to(date(2025, 8, 4))  # the due date itself: not overdue
        assert not DueItem.objects.overdue().exists()
        assert not DueItem.objects.get(person=child).is_overdue
        clock.advance(days=1)  # the day after
        with django_assert_num_queries(1):
            assert [i.rule_code for i in DueItem.objects.overdue()] == ["assessment_45wd"]
        assert DueItem.objects.get(person=child).is_overdue

    def test_a_timed_item_is_overdue_from_its_exact_deadline(self, child, record, clock):
        record.returns = {1: datetime.datetime(2025, 10, 24, 12, 0, tzinfo=LONDON)}
        refresh_due_items(child)
        deadline = datetime.datetime(2025, 10, 27, 11, 0, tzinfo=LONDON)
        clock.travel_to(deadline)
        assert not DueItem.objects.overdue().exists()
        clock.advance(seconds=1)
        assert DueItem.objects.overdue().count() == 1  # overdue the same day, at 11:00:01
        assert DueItem.objects.get(person=child).is_overdue

    def test_completed_items_are_never_overdue(self, child, record, clock):
        record.referral = date(2025, 6, 2)
        record.authorised = datetime.datetime(2025, 8, 10, 9, 0, tzinfo=LONDON)
        refresh_due_items(child)
        clock.travel_to(date(2026, 1, 1))
        assert not DueItem.objects.overdue().exists()
        assert DueItem.objects.get(person=child).completed_late is True

    def test_work_trays_are_one_query_on_the_partial_indexes(
        self, child, worker, team, record, django_assert_num_queries
    ):
        record.referral = date(2025, 6, 2)
        record.cp_start = date(2025, 6, 2)
        refresh_due_items(child)
        with django_assert_num_queries(1):
            tray = [(i.rule_code, i.person.la_id) for i in due_items_for_worker(user=worker)]
        assert tray == [("cp_visit", "T1"), ("assessment_45wd", "T1")]
        with django_assert_num_queries(1):
            assert len(list(due_items_for_team(user=worker, team=team))) == 2
        # On a handful of rows the planner may pick any index, so which one it uses is measured
        # by `make bench` on the large authority; here we check the indexes the trays rely on.
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'timescales_dueitem'")
            indexes = dict(cursor.fetchall())
        for name, column in [("dueitem_worker_open", "worker_id"), ("dueitem_team_open", "team_id")]:
            assert f"({column}, due_date" in indexes[name]
            assert "WHERE (completed_at IS NULL)" in indexes[name]


class TestReason:
    def test_reason_says_what_when_why_and_on_what_authority(self, child, record):
        record.referral = date(2025, 6, 2)
        refresh_due_items(child)
        reason = DueItem.objects.get(person=child).reason
        assert reason.startswith(
            "Assessment concluded so that a decision on next steps can be reached: due by 4 August 2025."
        )
        assert "Clock started by: Referral on 2 June 2025." in reason
        assert "Within 45 working days of: point of referral" in reason
        assert "(TIMESCALES.md section A, row #3)" in reason
        assert "Statutory guidance (should)" in reason
        assert "Confirmed only through a secondary source (◐)" in reason

    def test_reason_shows_a_local_standard(self, child, record):
        local_standard_set(actor=None, rule_code="cp_visit", amount=2, unit="weeks", reason="Board decision")
        record.cp_start = date(2025, 6, 2)
        refresh_due_items(child)
        reason = DueItem.objects.get(person=child).reason
        assert "Set locally to 2 weeks (default 10 working days)." in reason
        assert "Local practice standard" in reason

    def test_reason_for_a_timed_item_gives_the_time(self, child, record):
        record.returns = {1: datetime.datetime(2025, 10, 24, 12, 0, tzinfo=LONDON)}
        refresh_due_items(child)
        reason = DueItem.objects.get(person=child).reason
        assert "due by 27 October 2025, 11:00." in reason
        assert "Return from missing on 24 October 2025 at 12:00" in reason
