"""Test helpers for case audits. Imported by tests only, never by app code."""


def ensure_tools() -> None:
    """The two ready-made audit tools, as their data migration loads them: a test run that flushes
    the database (a browser test's transaction=True) leaves them gone for the tests after it."""
    import importlib

    from django.apps import apps

    from audits.models import AuditTool

    if not AuditTool.objects.exists():
        importlib.import_module("audits.migrations.0002_ready_made_tools").load(apps, None)
