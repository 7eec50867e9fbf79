from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The kernel every area builds on: the clock, audit, dates and forms, recording a step,
    permissions, constraint messages, the recorded-by/at model base, form tokens and the
    design system's template tags. It imports no domain app (import-linter checks it)."""

    name = "core"
    verbose_name = "OpenCSC kernel"
