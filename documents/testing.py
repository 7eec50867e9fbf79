"""Test helpers for letters. Imported by tests only, never by app code."""


def ensure_templates() -> None:
    """The default letter templates, as their data migration adds them: a test run that flushes the
    database (a browser test's transaction=True) leaves them gone for the tests after it."""
    import importlib

    from django.apps import apps

    from documents.models import LetterTemplate

    if not LetterTemplate.objects.exists():
        importlib.import_module("documents.migrations.0002_default_templates").add_defaults(apps, None)
