"""Timescales: what is due for each child, by when, and on what authority.

- units.py      the units a timescale is counted in
- calendar.py   working days in England and Wales (bank holidays as data), month arithmetic
- clock.py      "now" and "today", movable by tests
- rules.py      every timescale as data, with its source; local standards
- phases.py     which rule applies as a placement, review or age moves on
- engine.py     providers register; refresh_due_items keeps each child's DueItems current
- reads.py      what a provider reads, declared, for the engine's one query per refresh
- models.py     BankHoliday, LocalStandard, DueItem
- testing.py    pytest fixtures for other apps' tests
"""
