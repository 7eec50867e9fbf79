"""Contacts and referrals: how a child comes to children's social care.

A referral opens a CIN episode (children_in_need.CINEpisode): the census's CINdetails take the
referral date, source and NFA flag from here, and the primary need and closure from the episode.
"""

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When

from codelists.cin import ReferralSource
from core.audit import audited
from front_door.choices import ContactDecision, ReferralNextStep


@audited()
class Contact(models.Model):
    """Someone raised a concern about a child; the front door screens it and decides."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="contacts")
    received_at = models.DateTimeField("Date and time the contact was received")
    source = models.CharField(max_length=3, choices=ReferralSource.choices)
    source_detail = models.CharField("Who made contact", max_length=200, blank=True)
    concerns = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    decision = models.CharField(max_length=20, choices=ContactDecision.choices, blank=True)
    decision_reason = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision="", decided_at__isnull=True, decided_by__isnull=True)
                | (~Q(decision="") & Q(decided_at__isnull=False, decided_by__isnull=False)),
                name="contact_decision_whole",
            ),
            models.CheckConstraint(
                condition=Q(decided_at__isnull=True) | Q(decided_at__gte=F("received_at")),
                name="contact_decided_after_received",
            ),
        ]
        indexes = [
            models.Index(fields=["child", "-received_at"], name="contact_child_recent"),
            # The front door's queue: contacts waiting for a decision, oldest first.
            models.Index(fields=["received_at"], condition=Q(decision=""), name="contact_undecided"),
        ]

    def __str__(self) -> str:
        return f"Contact on {self.received_at:%d/%m/%Y}"

    @property
    def decided(self) -> bool:
        return bool(self.decision)


@audited()
class Referral(models.Model):
    """A referral to children's social care (census CINreferralDate, ReferralSource, ReferralNFA).

    `is_re_referral` is set by the service, never typed: another referral of the same child
    within 12 months before this one (DfE table C1, referral date to referral date).
    """

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="referrals")
    contact = models.OneToOneField(Contact, null=True, blank=True, on_delete=models.PROTECT, related_name="referral")
    received_at = models.DateTimeField("Date and time the referral was received")
    referral_date = models.DateField(help_text="The date in England of received_at: the census referral date.")
    source = models.CharField(max_length=3, choices=ReferralSource.choices)
    source_detail = models.CharField("Who referred", max_length=200, blank=True)
    concerns = models.TextField()
    is_re_referral = models.BooleanField(default=False)
    previous_referral = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    next_step = models.CharField(max_length=30, choices=ReferralNextStep.choices, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The census ReferralNFA flag, derived by PostgreSQL from the decision so it cannot disagree.
    nfa = models.GeneratedField(
        expression=Case(When(next_step=ReferralNextStep.NO_FURTHER_ACTION, then=Value(True)), default=Value(False)),
        output_field=models.BooleanField(),
        db_persist=True,
    )

    class Meta:
        ordering = ["-referral_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(next_step="", decided_at__isnull=True, decided_by__isnull=True)
                | (~Q(next_step="") & Q(decided_at__isnull=False, decided_by__isnull=False)),
                name="referral_decision_whole",
            ),
            models.CheckConstraint(
                condition=Q(decided_at__isnull=True) | Q(decided_at__gte=F("received_at")),
                name="referral_decided_after_received",
            ),
            models.CheckConstraint(
                condition=Q(is_re_referral=False) | Q(previous_referral__isnull=False),
                name="referral_re_referral_has_previous",
            ),
        ]
        indexes = [
            models.Index(fields=["child", "-referral_date"], name="referral_child_recent"),
            models.Index(fields=["received_at"], condition=Q(next_step=""), name="referral_undecided"),
        ]

    def __str__(self) -> str:
        return f"Referral on {self.referral_date:%d/%m/%Y}"
