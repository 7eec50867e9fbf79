"""Fixtures shared by the help-and-protection apps' tests (children_in_need.testing)."""

from children_in_need.testing import child, manager, other_team, stranger, today, worker  # noqa: F401
