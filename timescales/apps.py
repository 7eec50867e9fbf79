from django.apps import AppConfig


class TimescalesConfig(AppConfig):
    name = "timescales"
    verbose_name = "Timescales: statutory and local deadlines, and what is due"

    def ready(self):
        # The calendar and the local standards are cached per process; any save or delete of
        # their rows empties the cache (bulk operations call the same functions themselves).
        from django.db.models.signals import post_delete, post_save

        from core.dates import set_first_year
        from timescales.calendar import calendar_changed, get_calendar
        from timescales.models import BankHoliday, LocalStandard
        from timescales.rules import local_standards_changed

        for signal in (post_save, post_delete):
            signal.connect(calendar_changed, sender=BankHoliday, dispatch_uid=f"timescales.calendar.{signal}")
            signal.connect(local_standards_changed, sender=LocalStandard, dispatch_uid=f"timescales.local.{signal}")

        # A date before the bank holiday calendar's first year is refused by every service's
        # date checks: its deadlines could not be worked out (and it is almost always a typo).
        set_first_year(lambda: min(get_calendar().years, default=None))
