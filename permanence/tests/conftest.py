"""Fixtures for permanence tests: the help-and-protection staff and child (children_in_need.testing),
and helpers that record each step through its service."""

from children_in_need.testing import child, manager, other_team, stranger, today, worker  # noqa: F401
