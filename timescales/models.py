"""Timescale data: the bank holiday calendar, local standards, and what is due for each child."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from core import clock
from core.audit import audited
from core.clock import LONDON
from core.dates import long_date
from timescales.calendar import ENGLAND_AND_WALES
from timescales.rules import RULES, Rule, Status, Verification, check_local_standard, effective_rule
from timescales.units import Unit


@audited()
class BankHoliday(models.Model):
    """A bank holiday in England and Wales, as data (TIMESCALES.md C1).

    Seeded by a migration from the `holidays` package and refreshed with
    `manage.py sync_bank_holidays`; an administrator can add a newly announced one-off day.
    Weekend dates are kept too (Christmas Day on a Sunday): they are holidays, and the
    working-day arithmetic ignores them anyway; the substitute day is its own row.
    """

    date = models.DateField(unique=True)
    name = models.CharField(max_length=100)
    division = models.CharField(max_length=40, default=ENGLAND_AND_WALES)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.name} ({self.date:%d %B %Y})"


@audited()
class LocalStandard(models.Model):
    """The authority's own amount for a local practice standard ("CP visits every 10 working
    days"). Law and statutory guidance cannot be overridden: see clean()."""

    rule_code = models.CharField(max_length=60, unique=True)
    amount = models.PositiveIntegerField()
    unit = models.CharField(max_length=20, choices=Unit.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=clock.now)
    reason = models.TextField(help_text="Why the authority set this standard, for example the board decision.")

    class Meta:
        ordering = ["rule_code"]
        constraints = [models.CheckConstraint(condition=Q(amount__gte=1), name="localstandard_amount_positive")]

    def __str__(self) -> str:
        return f"{self.rule_code}: {Unit(self.unit).describe(self.amount)}"

    def clean(self):
        check_local_standard(self.rule_code, self.amount, self.unit)


class DueItemQuerySet(models.QuerySet):
    def open(self):
        return self.filter(completed_at__isnull=True)

    def completed(self):
        return self.filter(completed_at__isnull=False)

    def overdue(self):
        """Open and past due, by the engine's clock at the time of the query. Nothing is stored:
        moving the clock (or the day changing) is enough for an item to become overdue."""
        return self.open().filter(_overdue_q())

    def not_overdue(self):
        return self.open().exclude(_overdue_q())

    def due_by(self, day):
        """Open items due on or before `day` (overdue ones included)."""
        return self.open().filter(due_date__lte=day)

    def for_worker(self, user):
        return self.open().filter(worker=user).order_by("due_date", "due_at", "id")

    def for_team(self, team):
        return self.open().filter(team=team).order_by("due_date", "due_at", "id")


def _overdue_q() -> Q:
    # A timed item (72-hour RHI) is overdue the moment its deadline passes; a dated one from
    # the day after its due date.
    return Q(due_at__isnull=True, due_date__lt=clock.today()) | Q(due_at__isnull=False, due_at__lt=clock.now())


class DueItem(models.Model):
    """One thing due for one child, kept current by the engine (timescales.engine).

    Worker and team are copied from the child's allocation so that a work tray is one query
    on an index. Open items are recomputed on every write to the child's record; completed ones
    are history and are never deleted by the engine.
    """

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="due_items", db_index=False)
    rule_code = models.CharField(max_length=60)
    # Tells apart two open items under the same rule for the same child (two missing episodes,
    # each with its return home interview): typically the id of the record they belong to.
    key = models.CharField(max_length=60, blank=True, default="")
    title = models.CharField(max_length=200)
    due_date = models.DateField()
    due_at = models.DateTimeField(null=True, blank=True, help_text="For hour-based rules: the exact deadline.")
    trigger_date = models.DateField()
    trigger_description = models.CharField(max_length=300)
    source_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    source_id = models.BigIntegerField(null=True, blank=True)
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="due_items"
    )
    team = models.ForeignKey(
        "workforce.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="due_items"
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=clock.now)
    updated_at = models.DateTimeField(default=clock.now)

    objects = DueItemQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "due_at", "id"]
        constraints = [
            # One row per occurrence: the engine matches on this, and it makes a refresh that
            # ran twice at once fail loudly rather than duplicate items. Its index leads with
            # (person, rule_code), so it is also the index for "this child's items".
            models.UniqueConstraint(
                fields=["person", "rule_code", "key", "trigger_date"], name="dueitem_one_per_occurrence"
            ),
            models.UniqueConstraint(
                fields=["person", "rule_code", "key"], condition=Q(completed_at__isnull=True), name="dueitem_one_open"
            ),
            models.CheckConstraint(
                condition=Q(source_type__isnull=True, source_id__isnull=True)
                | Q(source_type__isnull=False, source_id__isnull=False),
                name="dueitem_source_whole",
            ),
        ]
        indexes = [
            models.Index(
                fields=["worker", "due_date"], condition=Q(completed_at__isnull=True), name="dueitem_worker_open"
            ),
            models.Index(fields=["team", "due_date"], condition=Q(completed_at__isnull=True), name="dueitem_team_open"),
            models.Index(fields=["source_type", "source_id"], name="dueitem_source"),
        ]

    def __str__(self) -> str:
        return f"{self.title}: due {self.due_date:%d/%m/%Y}"

    # --- Derived, never stored --------------------------------------------------------------

    @property
    def rule(self) -> Rule | None:
        """The rule in force now (None if the code is no longer defined)."""
        return effective_rule(self.rule_code) if self.rule_code in RULES else None

    @property
    def is_open(self) -> bool:
        return self.completed_at is None

    @property
    def is_overdue(self) -> bool:
        if self.completed_at is not None:
            return False
        if self.due_at is not None:
            return self.due_at < clock.now()
        return self.due_date < clock.today()

    @property
    def completed_late(self) -> bool | None:
        """For a completed item: was it done after its deadline? None while open."""
        if self.completed_at is None:
            return None
        if self.due_at is not None:
            return self.completed_at > self.due_at
        return self.completed_at.astimezone(LONDON).date() > self.due_date

    @property
    def deadline_display(self) -> str:
        # What date_format(..., "j F Y[, H:i]") wrote, without its format parser: on every tray row.
        if self.due_at is not None:
            local = self.due_at.astimezone(LONDON)
            return f"{long_date(local.date())}, {local:%H:%M}"
        return long_date(self.due_date)

    @property
    def reason(self) -> str:
        """Why this is due, in words a social worker or an inspector can check: what must
        happen, by when, what started the clock, and the rule's source and standing."""
        rule = self.rule
        lines = [f"{self.title}: due by {self.deadline_display}.", f"Clock started by: {self.trigger_description}."]
        if rule is None:
            lines.append(f"The rule {self.rule_code!r} is no longer defined.")
            return " ".join(lines)
        lines.append(f"Timescale: {rule.deadline()}.")
        if rule.overridden:
            lines.append(f"Set locally to {rule.interval.describe()} (default {rule.default.describe()}).")
        lines.append(f"Source: {rule.citation}.")
        lines.append(
            f"Status: {Status(rule.status).label}. {Verification(rule.verification).label} ({rule.verification})."
        )
        return " ".join(lines)
