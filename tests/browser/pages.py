"""Small helpers the browser journeys share for filling in and reading GOV.UK pages."""

import datetime


def fill_date(page, name, day: datetime.date):
    """Fill in a GOV.UK date input (day, month, year) rendered for the form field `name`."""
    page.locator(f"#id_{name}_0").fill(str(day.day))
    page.locator(f"#id_{name}_1").fill(str(day.month))
    page.locator(f"#id_{name}_2").fill(str(day.year))


def success_banner(page) -> str:
    """The text of the green notification banner a page shows after a save."""
    return page.locator(".govuk-notification-banner--success").inner_text()
