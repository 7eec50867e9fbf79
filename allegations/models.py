"""Allegations against people who work with children, managed by the LADO (local authority
designated officer).

The person the allegation is about is usually not known to children's social care, so their
name, role and employer are stored on the allegation, not as a Person; `subject_person` links a
Person only when they already have a record here (a foster carer, a parent). The children
involved are Persons.

Restricted to the LADO service: nothing here is written to a child's chronology, badges or due
items, which every worker who can see the child reads (see allegations.selectors).
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Q

from allegations.choices import Category, HarmCriterion, MeetingKind, Outcome, Sector
from core.audit import audited


class AllegationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_on__isnull=True)


@audited()
class Allegation(models.Model):
    received_on = models.DateField("Date the employer became aware")
    referred_on = models.DateField("Date referred to the LADO")
    referrer_name = models.CharField("Referred by", max_length=200)
    referrer_organisation = models.CharField("Referrer’s organisation", max_length=200, blank=True)

    subject_name = models.CharField("Name of the person the allegation is about", max_length=200)
    subject_role = models.CharField("Their role", max_length=200)
    subject_employer = models.CharField("Employer or organisation", max_length=200)
    subject_sector = models.CharField("Sector", max_length=20, choices=Sector.choices)
    subject_person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="allegations_about"
    )

    criteria = ArrayField(models.CharField(max_length=20, choices=HarmCriterion.choices))
    category = models.CharField("Category", max_length=20, choices=Category.choices)
    details = models.TextField("What is alleged")

    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_on = models.DateField("Date of the outcome", null=True, blank=True)
    outcome_notes = models.TextField("Actions taken", blank=True)
    closed_on = models.DateField("Date closed", null=True, blank=True)
    closure_notes = models.TextField(blank=True)

    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = AllegationQuerySet.as_manager()

    class Meta:
        ordering = ["-referred_on", "-id"]
        indexes = [models.Index(fields=["referred_on"], condition=Q(closed_on__isnull=True), name="allegation_open")]
        constraints = [
            models.CheckConstraint(
                condition=Q(referred_on__gte=F("received_on")), name="allegation_referred_after_received"
            ),
            models.CheckConstraint(
                condition=Q(outcome="", outcome_on__isnull=True) | (~Q(outcome="") & Q(outcome_on__isnull=False)),
                name="allegation_outcome_whole",
            ),
            models.CheckConstraint(
                condition=Q(outcome_on__isnull=True) | Q(outcome_on__gte=F("referred_on")),
                name="allegation_outcome_after_referral",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | (Q(outcome_on__isnull=False) & Q(closed_on__gte=F("outcome_on"))),
                name="allegation_closed_after_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.subject_name}"

    @property
    def reference(self) -> str:
        return f"LADO-{self.pk:05d}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


@audited()
class AllegationChild(models.Model):
    """A child involved in the allegation."""

    allegation = models.ForeignKey(Allegation, on_delete=models.CASCADE, related_name="children_involved")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="lado_allegations")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["allegation", "child"], name="allegationchild_once")]


@audited()
class LadoMeeting(models.Model):
    allegation = models.ForeignKey(Allegation, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField("Meeting", max_length=20, choices=MeetingKind.choices)
    held_on = models.DateField("Date of the meeting")
    attendees = models.TextField("Who attended")
    decisions = models.TextField("Decisions and actions")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["held_on", "id"]
