"""Putting a job on the queue, in the caller's transaction.

Procrastinate's Django connector writes the job through Django's own connection, so a service
that records something and asks for a job does both in its one transaction: either the export
row and its job are both saved, or neither (no job for a row that was rolled back, no row
without its job).
"""

from __future__ import annotations

from procrastinate.contrib.django import app


def defer(task_name: str, **arguments) -> int:
    """Queue `task_name` (as named in its @app.task) with JSON-able keyword arguments; the job's id."""
    return app.configure_task(task_name).defer(**arguments)
