"""The sync_bank_holidays command and the per-process cache behind the calendar."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from timescales.cache import ProcessCache
from timescales.calendar import get_calendar
from timescales.models import BankHoliday


def sync(*args):
    out = io.StringIO()
    call_command("sync_bank_holidays", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
class TestSyncCommand:
    def test_already_in_step(self, bank_holidays):
        assert "0 added, 0 renamed, 0 removed" in sync("--from-year", "2022", "--to-year", "2023")

    def test_restores_a_missing_day_and_the_calendar_sees_it(self, bank_holidays):
        BankHoliday.objects.filter(date=date(2022, 9, 19)).delete()
        assert get_calendar().is_working_day(date(2022, 9, 19))
        assert "1 added" in sync("--from-year", "2022", "--to-year", "2022")
        assert BankHoliday.objects.get(date=date(2022, 9, 19)).name == "State Funeral of Queen Elizabeth II"
        assert not get_calendar().is_working_day(date(2022, 9, 19))

    def test_renames_to_the_package_name(self, bank_holidays):
        BankHoliday.objects.filter(date=date(2023, 5, 8)).update(name="Coronation")
        assert "1 renamed" in sync("--from-year", "2023", "--to-year", "2023")
        assert BankHoliday.objects.get(date=date(2023, 5, 8)).name == "Coronation of Charles III"

    def test_keeps_a_hand_added_day_unless_pruned(self, bank_holidays):
        BankHoliday.objects.create(date=date(2030, 7, 1), name="Announced one-off day")
        out = sync("--from-year", "2030", "--to-year", "2030")
        assert "Kept 1 day(s)" in out and "2030-07-01" in out
        assert BankHoliday.objects.filter(date=date(2030, 7, 1)).exists()
        assert "1 removed" in sync("--from-year", "2030", "--to-year", "2030", "--prune")
        assert not BankHoliday.objects.filter(date=date(2030, 7, 1)).exists()

    def test_extends_the_calendar(self, bank_holidays):
        assert "8 added" in sync("--from-year", "2041", "--to-year", "2041")
        assert 2041 in get_calendar().years

    def test_from_year_after_to_year(self, bank_holidays):
        from django.core.management import CommandError

        with pytest.raises(CommandError):
            sync("--from-year", "2030", "--to-year", "2029")


class TestProcessCache:
    """Outside the database tests: no transaction is open, as in a running server."""

    def make(self, ttl=300.0):
        calls = []

        def loader():
            calls.append(1)
            return len(calls)

        return ProcessCache(loader, ttl=ttl), calls

    def test_loads_once(self):
        cache, calls = self.make()
        assert cache.get() == cache.get() == 1
        assert len(calls) == 1

    def test_a_change_reloads(self):
        cache, _ = self.make()
        cache.get()
        cache.changed()
        assert cache.get() == 2 and cache.get() == 2

    def test_other_processes_catch_up_after_the_ttl(self):
        cache, _ = self.make(ttl=0.0)
        assert cache.get() == 1
        assert cache.get() == 2


@pytest.mark.django_db
def test_a_change_inside_a_transaction_is_not_cached_beyond_it():
    cache, calls = TestProcessCache().make()
    cache.get()
    cache.changed()  # inside the test's transaction
    cache.get()
    cache.get()
    assert len(calls) == 3  # every read inside the transaction goes to the database
