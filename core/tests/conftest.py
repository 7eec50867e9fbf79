"""Fixtures for the project-wide tests: the help-and-protection journey's staff and child."""

from children_in_need.testing import child, manager, other_team, stranger, today, worker  # noqa: F401
