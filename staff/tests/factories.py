import datetime
from decimal import Decimal

from staff import services

D = datetime.date


def start(lead, team, *, username="a.new", role="social_worker", started_on=D(2025, 6, 2), agency=False, **profile):
    """A new starter recorded through the service, with sensible agency terms when agency."""
    if agency:
        profile = {
            "agency_name": "Acme Social Care",
            "agency_notice_weeks": 4,
            "qualified_on": D(2018, 7, 1),
            "agency_hourly_rate": Decimal("38.00"),
        } | profile
    return services.starter_record(
        actor=lead,
        username=username,
        first_name="Ada",
        last_name="Newstart",
        role=role,
        team=team,
        started_on=started_on,
        agency=agency,
        fte=Decimal("1"),
        **profile,
    )


def date(prefix, day):
    return {f"{prefix}_0": str(day.day), f"{prefix}_1": str(day.month), f"{prefix}_2": str(day.year)}
