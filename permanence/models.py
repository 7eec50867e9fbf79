"""Permanence: planning meetings, agency decision maker (panel) decisions and the steps that
carry them out (orders, matching, placement for adoption), care proceedings, and the previous
permanence option asked about when a child starts to be looked after.

Where the statutory returns read them (SSDA903 2025 to 2026, Annex A):
- PlacedAdoption: one row per adoption `PermanenceDecision`: DATE_PLACED = decided_on (the date of
  the decision that the child should be placed for adoption), DATE_PLACED_CEASED = reversed_on,
  REASON_PLACED_CEASED = reversal_reason.
- AD1 (children adopted in the year): DATE_INT = the adoption decision's decided_on, DATE_MATCH,
  FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR from its `AdoptionMatch`.
- PrevPerm: `PreviousPermanence` (PREV_PERM, LA_PERM, DATE_PERM with its zz convention).
- CIN census 2026 to 2027, PreProceedingsandFGDM (several per CINdetails, the CIN episode open
  on PPStartDate): one block per `PreProceedings`: PPStartDate started_on, LBPSentDate
  letter_sent_on, FGDMMeetingOffer fgdm_offered, FGDMMeetingFac fgdm_held, InitialPPMeetingDate
  and ReviewMeetingsCount from its `PreProceedingsMeeting` rows (the first, and how many after),
  StepDecisionDate decided_on, PPOutcome outcome, CourtAppDate court_application_on,
  LetterInitCPDate letter_issue_on.
- Annex A list 10: decision, placement order, match, placed, adoption order, reversal and the
  fostering-for-adoption placement date; list 8's "permanence plan": the live decision's option.
"""

from django.db import models
from django.db.models import F, Q

from codelists.cin import PreProceedingsOutcome
from codelists.ssda903 import AdopterLegalStatus, AdopterSex, ReasonPlacedCeased
from codelists.ssda903 import PreviousPermanence as PreviousPermanenceCode
from core.audit import audited
from core.models import Recorded
from permanence.choices import (
    AdoptionPlacementEnd,
    DatePrecision,
    OrderKind,
    PermanenceOption,
    ProceedingsKind,
    ProceedingsOutcome,
    SpecialGuardians,
    StepKind,
)


@audited()
class PermanenceMeeting(Recorded):
    """A permanence planning meeting: where the plan is worked out before a decision is sought."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="permanence_meetings")
    held_on = models.DateField("Date of the meeting")
    proposed_option = models.CharField("Plan recommended", max_length=30, choices=PermanenceOption.choices, blank=True)
    notes = models.TextField("What was discussed and agreed", blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["child", "-held_on"], name="permmeeting_child_recent")]


class DecisionQuerySet(models.QuerySet):
    def live(self):
        """Neither reversed nor carried through to its final order."""
        return self.filter(reversed_on__isnull=True, achieved_on__isnull=True)


@audited()
class PermanenceDecision(Recorded):
    """An agency decision maker's decision (after the panel, where there is one) on the child's
    permanence plan: "should be placed for adoption", special guardianship, long-term fostering...

    Reversal ("should no longer be placed for adoption") keeps the decision and adds the date and
    the SSDA903 reason, as the return needs both. `achieved_on` is set by the service that records
    the final order (adoption, special guardianship or child arrangements order).
    """

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="permanence_decisions")
    option = models.CharField("Decision", max_length=30, choices=PermanenceOption.choices)
    decided_on = models.DateField("Date of the decision")
    panel_on = models.DateField("Date of the panel's recommendation", null=True, blank=True)
    decision_maker = models.CharField("Decision maker", max_length=200)
    notes = models.TextField("Reasons for the decision", blank=True)
    reversed_on = models.DateField("Date the decision was reversed", null=True, blank=True)
    reversal_reason = models.CharField(max_length=3, choices=ReasonPlacedCeased.choices, blank=True)
    reversal_notes = models.TextField("Why the decision was reversed", blank=True)
    achieved_on = models.DateField(null=True, blank=True, help_text="The date of the order that carried it out.")

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "-id"]
        indexes = [
            models.Index(fields=["child", "-decided_on"], name="permdecision_child_recent"),
            # The tracker reads live decisions, oldest first.
            models.Index(
                fields=["decided_on"],
                condition=Q(reversed_on__isnull=True, achieved_on__isnull=True),
                name="permdecision_live",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(reversed_on__isnull=True, reversal_reason="")
                | (Q(reversed_on__isnull=False) & ~Q(reversal_reason="")),
                name="permdecision_reversal_whole",
            ),
            models.CheckConstraint(
                condition=Q(reversed_on__isnull=True) | Q(reversed_on__gte=F("decided_on")),
                name="permdecision_reversed_after_decided",
            ),
            models.CheckConstraint(
                condition=Q(panel_on__isnull=True) | Q(panel_on__lte=F("decided_on")), name="permdecision_panel_before"
            ),
            models.CheckConstraint(
                condition=Q(reversed_on__isnull=True) | Q(achieved_on__isnull=True), name="permdecision_not_both"
            ),
            # One live decision for each kind of plan (SSDA903 rule 579: decisions to place for
            # adoption must not overlap).
            models.UniqueConstraint(
                fields=["child", "option"],
                condition=Q(reversed_on__isnull=True, achieved_on__isnull=True),
                name="permdecision_one_live_per_option",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_option_display()}: decided {self.decided_on:%d/%m/%Y}"

    @property
    def is_live(self) -> bool:
        return self.reversed_on is None and self.achieved_on is None

    @property
    def is_adoption(self) -> bool:
        return self.option == PermanenceOption.ADOPTION


@audited()
class PermanenceStep(Recorded):
    """A step taken to carry out a decision: family finding, an assessment, an application..."""

    decision = models.ForeignKey(PermanenceDecision, on_delete=models.PROTECT, related_name="steps")
    kind = models.CharField("Step", max_length=30, choices=StepKind.choices)
    taken_on = models.DateField("Date")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["taken_on", "id"]


@audited()
class PermanenceOrder(Recorded):
    """A placement, adoption, special guardianship or child arrangements order.

    `decision` is the decision it carries out: required for placement and adoption orders (SSDA903
    rule 553: no placement order without a decision that the child should be placed for adoption);
    a special guardianship or child arrangements order may be made in proceedings without one.
    """

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="permanence_orders")
    decision = models.ForeignKey(
        PermanenceDecision, null=True, blank=True, on_delete=models.PROTECT, related_name="orders"
    )
    kind = models.CharField(max_length=20, choices=OrderKind.choices)
    made_on = models.DateField("Date the order was made")
    court = models.CharField(max_length=200, blank=True)
    special_guardians = models.CharField(
        "Who the order was made to", max_length=3, choices=SpecialGuardians.choices, blank=True
    )
    # Adoption orders: unopposed (SSDA903 REC E11) or with consent dispensed with by the court (E12).
    consent_dispensed = models.BooleanField(null=True, blank=True)
    revoked_on = models.DateField("Date the order was revoked", null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-made_on", "-id"]
        indexes = [models.Index(fields=["child", "kind"], name="permorder_child_kind")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind__in=[OrderKind.PLACEMENT_ORDER, OrderKind.ADOPTION_ORDER])
                | Q(decision__isnull=False),
                name="permorder_adoption_needs_decision",
            ),
            models.CheckConstraint(
                condition=Q(kind=OrderKind.SPECIAL_GUARDIANSHIP_ORDER, special_guardians__gt="")
                | (~Q(kind=OrderKind.SPECIAL_GUARDIANSHIP_ORDER) & Q(special_guardians="")),
                name="permorder_sgo_guardians",
            ),
            models.CheckConstraint(
                condition=Q(kind=OrderKind.ADOPTION_ORDER, consent_dispensed__isnull=False)
                | (~Q(kind=OrderKind.ADOPTION_ORDER) & Q(consent_dispensed__isnull=True)),
                name="permorder_adoption_consent",
            ),
            models.CheckConstraint(
                condition=Q(revoked_on__isnull=True) | Q(revoked_on__gte=F("made_on")),
                name="permorder_revoked_after_made",
            ),
            models.UniqueConstraint(
                fields=["decision", "kind"], condition=Q(revoked_on__isnull=True), name="permorder_one_per_decision"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} made {self.made_on:%d/%m/%Y}"


@audited()
class AdoptionMatch(Recorded):
    """The decision that the child should be placed with particular prospective adopters
    (SSDA903 AD1 DATE_MATCH and the adopters' details)."""

    decision = models.OneToOneField(PermanenceDecision, on_delete=models.PROTECT, related_name="match")
    matched_on = models.DateField("Date of the match")
    number_of_adopters = models.PositiveSmallIntegerField("Number of prospective adopters")
    adopter_sex = models.CharField("Sex of the prospective adopters", max_length=2, choices=AdopterSex.choices)
    adopter_legal_status = models.CharField(
        "Legal status of the prospective adopters", max_length=3, choices=AdopterLegalStatus.choices
    )
    foster_carers_adopting = models.BooleanField("The child's foster carers are adopting")
    fostering_for_adoption = models.BooleanField("Fostering for adoption or concurrent planning", default=False)
    ffa_placed_on = models.DateField(
        "Date placed with them under fostering for adoption",
        null=True,
        blank=True,
        help_text="Annex A list 10: the date the child was placed for fostering in an FFA or concurrent planning placement.",
    )
    adopters_reference = models.CharField("Adopters' name or agency reference", max_length=200, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(number_of_adopters__in=[1, 2]), name="adoptionmatch_one_or_two"),
            # SSDA903 rules 511 and 514: a single adopter is M1 or F1 and L0; a couple is not.
            models.CheckConstraint(
                condition=Q(number_of_adopters=1, adopter_sex__in=["M1", "F1"], adopter_legal_status="L0")
                | (Q(number_of_adopters=2) & ~Q(adopter_sex__in=["M1", "F1"]) & ~Q(adopter_legal_status="L0")),
                name="adoptionmatch_adopters_consistent",
            ),
            models.CheckConstraint(
                condition=Q(ffa_placed_on__isnull=True) | Q(fostering_for_adoption=True), name="adoptionmatch_ffa_date"
            ),
        ]


@audited()
class AdoptionPlacement(Recorded):
    """The child placed for adoption with the matched adopters (Annex A list 10 "Date placed for
    adoption"). Ended by the adoption order, or by a disruption."""

    decision = models.OneToOneField(PermanenceDecision, on_delete=models.PROTECT, related_name="placement")
    placed_on = models.DateField("Date placed for adoption")
    ended_on = models.DateField("Date the placement ended", null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=AdoptionPlacementEnd.choices, blank=True)
    end_notes = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True, end_reason="") | (Q(ended_on__isnull=False) & ~Q(end_reason="")),
                name="adoptionplacement_end_whole",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("placed_on")), name="adoptionplacement_end_after"
            ),
        ]

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


@audited()
class AdoptionReview(Recorded):
    """A review under the Adoption Agencies Regulations 2005 reg 36: while the agency has
    authority to place and the child is not placed, or once the child is placed.

    `placed` is whether the child was placed for adoption on the day, which decides the
    timescale the review meets. A review of a placed child decides how often the child is to be
    visited until the next one (reg 36(4)(a): "as decided at each review").
    """

    decision = models.ForeignKey(PermanenceDecision, on_delete=models.PROTECT, related_name="adoption_reviews")
    held_on = models.DateField("Date of the review")
    placed = models.BooleanField()
    visit_every_weeks = models.PositiveSmallIntegerField("Visit the child every (weeks)", null=True, blank=True)
    notes = models.TextField("Decisions of the review", blank=True)

    class Meta:
        ordering = ["held_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(placed=False, visit_every_weeks__isnull=True) | Q(placed=True, visit_every_weeks__gte=1),
                name="adoptionreview_visits_when_placed",
            ),
        ]


class ProceedingsQuerySet(models.QuerySet):
    def open(self):
        return self.filter(concluded_on__isnull=True)


@audited()
class CareProceedings(Recorded):
    """A care or supervision application, to be disposed of within 26 weeks of being issued
    (Children Act 1989 s32(1)(a)(ii)), extended by the court 8 weeks at a time at most."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="care_proceedings")
    kind = models.CharField("Application", max_length=20, choices=ProceedingsKind.choices)
    issued_on = models.DateField("Date the application was issued")
    court = models.CharField(max_length=200, blank=True)
    case_number = models.CharField(max_length=50, blank=True)
    concluded_on = models.DateField("Date the proceedings concluded", null=True, blank=True)
    outcome = models.CharField(max_length=30, choices=ProceedingsOutcome.choices, blank=True)

    objects = ProceedingsQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name_plural = "care proceedings"
        constraints = [
            models.CheckConstraint(
                condition=Q(concluded_on__isnull=True, outcome="") | (Q(concluded_on__isnull=False) & ~Q(outcome="")),
                name="proceedings_outcome_whole",
            ),
            models.CheckConstraint(
                condition=Q(concluded_on__isnull=True) | Q(concluded_on__gte=F("issued_on")),
                name="proceedings_concluded_after_issued",
            ),
            models.UniqueConstraint(
                fields=["child"], condition=Q(concluded_on__isnull=True), name="proceedings_one_open"
            ),
        ]

    @property
    def is_open(self) -> bool:
        return self.concluded_on is None


@audited()
class ProceedingsExtension(Recorded):
    proceedings = models.ForeignKey(CareProceedings, on_delete=models.PROTECT, related_name="extensions")
    granted_on = models.DateField("Date the court granted the extension")
    weeks = models.PositiveSmallIntegerField("Length of the extension (weeks)")
    reason = models.TextField("Why the court extended the timetable")

    class Meta:
        ordering = ["granted_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(weeks__gte=1, weeks__lte=8), name="extension_at_most_8_weeks"),
        ]


class PreProceedingsQuerySet(models.QuerySet):
    def open(self):
        return self.filter(decided_on__isnull=True)


@audited()
class PreProceedings(Recorded):
    """Work under the Public Law Outline before any application to court: from the legal planning
    meeting's decision to start pre-proceedings, through the letter before proceedings (which
    offers a family group decision-making meeting), the pre-proceedings meetings with the parents,
    to the decision to step down or up and, when stepping up, the court application and the letter
    telling the parents it has been made. The dates stay in that order (the CIN census's rules
    9006, 9009, 9012 and 9013 check it)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="pre_proceedings")
    started_on = models.DateField("Date of the decision to start pre-proceedings")
    letter_sent_on = models.DateField("Date the letter before proceedings was sent", null=True, blank=True)
    # Both asked only once the letter is sent; None is "not yet known" (the census's blank).
    fgdm_offered = models.BooleanField("A family group decision-making meeting was offered in the letter", null=True)
    fgdm_held = models.BooleanField("A family group decision-making meeting was held", null=True)
    decided_on = models.DateField("Date of the decision to step down or up", null=True, blank=True)
    outcome = models.CharField("Outcome", max_length=1, choices=PreProceedingsOutcome.choices, blank=True)
    court_application_on = models.DateField("Date the court application was made", null=True, blank=True)
    letter_issue_on = models.DateField(
        "Date the letter telling the parents of the application was sent", null=True, blank=True
    )

    objects = PreProceedingsQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name_plural = "pre-proceedings"
        constraints = [
            models.UniqueConstraint(
                fields=["child"], condition=Q(decided_on__isnull=True), name="preproceedings_one_open"
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True, outcome="") | (Q(decided_on__isnull=False) & ~Q(outcome="")),
                name="preproceedings_outcome_whole",
            ),
            models.CheckConstraint(
                condition=Q(letter_sent_on__isnull=True) | Q(letter_sent_on__gte=F("started_on")),
                name="preproceedings_letter_after_start",
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=F("started_on")),
                name="preproceedings_decided_after_start",
            ),
            models.CheckConstraint(
                condition=Q(letter_sent_on__isnull=False) | Q(fgdm_offered__isnull=True),
                name="preproceedings_offer_in_letter",
            ),
            models.CheckConstraint(
                condition=Q(fgdm_offered=True) | Q(fgdm_held__isnull=True), name="preproceedings_held_when_offered"
            ),
            models.CheckConstraint(
                condition=Q(court_application_on__isnull=True)
                | Q(outcome=PreProceedingsOutcome.STEP_UP, court_application_on__gte=F("decided_on")),
                name="preproceedings_application_after_step_up",
            ),
            models.CheckConstraint(
                condition=Q(letter_issue_on__isnull=True)
                | Q(court_application_on__isnull=False, letter_issue_on__gte=F("court_application_on")),
                name="preproceedings_issue_letter_after_application",
            ),
        ]

    @property
    def is_open(self) -> bool:
        return self.decided_on is None


@audited()
class PreProceedingsMeeting(Recorded):
    """A pre-proceedings meeting with the parents and their lawyers: the first is the census's
    InitialPPMeetingDate, the rest its ReviewMeetingsCount."""

    pre_proceedings = models.ForeignKey(PreProceedings, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField("Date of the meeting")

    class Meta:
        ordering = ["held_on", "id"]


@audited()
class PreviousPermanence(Recorded):
    """Whether a child starting to be looked after had left care before through adoption, special
    guardianship or a residence/child arrangements order (SSDA903 PrevPerm). Asked once for each
    period of care, identified by the date it started, so this app does not depend on how the
    looked-after record stores periods of care."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="previous_permanence")
    care_started_on = models.DateField("Date the period of care started")
    option = models.CharField("Previous permanence option", max_length=2, choices=PreviousPermanenceCode.choices)
    order_date = models.DateField("Date of the order", null=True, blank=True)
    order_date_known = models.CharField(
        "How much of the date is known", max_length=10, choices=DatePrecision.choices, blank=True
    )
    arranged_by_la = models.CharField(
        "Local authority that arranged it", max_length=3, blank=True, help_text="The authority's three-digit code."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["child", "care_started_on"], name="prevperm_one_per_period"),
            # SSDA903 rule 635: no date or authority when there was no previous permanence option.
            models.CheckConstraint(
                condition=~Q(option="Z1") | Q(order_date__isnull=True, order_date_known="", arranged_by_la=""),
                name="prevperm_none_has_no_details",
            ),
            models.CheckConstraint(
                condition=Q(order_date__isnull=True) | ~Q(order_date_known__in=["", DatePrecision.UNKNOWN]),
                name="prevperm_date_precision",
            ),
        ]

    @property
    def ssda903_date(self) -> str:
        """DATE_PERM as the return writes it, with zz for the parts that are not known."""
        if self.option == "Z1":
            return ""
        day = self.order_date
        if day is None:
            return "zz/zz/zzzz" if self.order_date_known == DatePrecision.UNKNOWN else ""
        return {
            DatePrecision.DAY: f"{day:%d/%m/%Y}",
            DatePrecision.MONTH: f"zz/{day:%m/%Y}",
            DatePrecision.YEAR: f"zz/zz/{day:%Y}",
        }.get(self.order_date_known, "")
