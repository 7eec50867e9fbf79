"""Timescale rules as data (TIMESCALES.md section A).

Each Rule says what must happen, what starts the clock, how long there is, whether it repeats,
where the duty comes from (with its row in the table), how sure we are of that source, and
whether the authority may change it. Law and statutory guidance cannot be changed here; local
practice standards can, through the LocalStandard table, without a code change.

Codes are stable: they are stored on every due item. A statutory rule's code carries its
amount ("assessment_45wd") because the amount is fixed; a local standard's does not
("cp_visit"), because an authority may change it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models

from timescales.cache import ProcessCache
from timescales.units import Unit

TABLE = "TIMESCALES.md section A"


class Status(models.TextChoices):
    """The legend's REG / SG / LOCAL."""

    LAW = "LAW", "Law (must)"
    STATUTORY_GUIDANCE = "STATUTORY_GUIDANCE", "Statutory guidance (should)"
    LOCAL_STANDARD = "LOCAL_STANDARD", "Local practice standard"


class Verification(models.TextChoices):
    """The legend's verification marks: how far the source has been checked."""

    PRIMARY = "✅", "Checked against the primary text"
    SECONDARY = "◐", "Confirmed only through a secondary source"
    UNCONFIRMED = "❓", "Not confirmed from a source"


@dataclass(frozen=True)
class Interval:
    amount: int
    unit: Unit

    def describe(self) -> str:
        return Unit(self.unit).describe(self.amount)


@dataclass(frozen=True)
class RecurringInterval:
    """How a rule repeats. Each interval runs from the date the previous event actually
    happened, not from when it was due (C3.4): an early review resets the clock.

    `first_amount`/`first_unit`, when set, is the interval after the first occurrence only:
    looked-after reviews are 20 WD, then the second within 3 months, then every 6 months.
    """

    amount: int
    unit: Unit
    first_amount: int | None = None
    first_unit: Unit | None = None

    def __post_init__(self):
        object.__setattr__(self, "unit", Unit(self.unit))
        if self.first_unit is not None:
            object.__setattr__(self, "first_unit", Unit(self.first_unit))
        if self.amount < 1 or (self.first_amount is not None and self.first_amount < 1):
            raise ValueError("A recurring interval must be at least 1.")

    @property
    def every(self) -> Interval:
        return Interval(self.amount, self.unit)

    def interval_after(self, occurrence_index: int) -> Interval:
        """The interval after the `occurrence_index`-th occurrence (1 = the first one held)."""
        if occurrence_index < 1:
            raise ValueError("occurrence_index counts the occurrences held so far and starts at 1.")
        if occurrence_index == 1 and self.first_amount is not None:
            return Interval(self.first_amount, self.first_unit or self.unit)
        return self.every

    def describe(self) -> str:
        every = f"then at most every {self.every.describe()}"
        if self.first_amount is not None:
            first = Interval(self.first_amount, self.first_unit or self.unit).describe()
            return f"the next within {first} of it, {every}"
        return every


@dataclass(frozen=True)
class Rule:
    code: str
    title: str  # what must happen, in plain words
    trigger: str  # what starts the clock, in plain words
    trigger_key: str  # the same, as a machine key the providers use
    amount: int
    unit: Unit
    source: str  # the citation as TIMESCALES.md gives it
    rows: tuple[str, ...]  # its row numbers in TIMESCALES.md section A
    status: Status
    verification: Verification
    recurrence: RecurringInterval | None = None
    # The trigger is a moment (date and time), so an hour-based deadline makes sense for it.
    timed: bool = False
    # "Within 26 weeks beginning with the day ...": the trigger day is the first day of the
    # period, so the deadline is one day earlier than "26 weeks after".
    counts_trigger_day: bool = False
    notes: str = ""
    configurable: bool | None = None  # derived from status when not given
    # The child's team manager does it (management oversight), not the child's worker: the engine
    # puts the due item in the manager's tray.
    for_manager: bool = False
    # Where the rule is written down: TIMESCALES.md's table, or the practice notes for local
    # standards the table does not list (then `rows` is empty).
    table: str = TABLE
    # Set by effective_rule() when a local standard replaced the default.
    default: Interval | None = None

    def __post_init__(self):
        object.__setattr__(self, "unit", Unit(self.unit))
        object.__setattr__(self, "status", Status(self.status))
        object.__setattr__(self, "verification", Verification(self.verification))
        local = self.status == Status.LOCAL_STANDARD
        if self.configurable is None:
            object.__setattr__(self, "configurable", local)
        if self.configurable and not local:
            raise ValueError(f"{self.code}: only local practice standards may be configurable.")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", self.code):
            raise ValueError(f"{self.code!r}: rule codes are lower-case slugs.")
        if self.amount < 1:
            raise ValueError(f"{self.code}: the amount must be at least 1.")
        if self.unit == Unit.HOURS and not self.timed:
            raise ValueError(f"{self.code}: an hour-based rule needs a timed trigger.")
        if self.counts_trigger_day and self.unit in (Unit.WORKING_DAYS, Unit.HOURS):
            raise ValueError(f"{self.code}: 'beginning with the day' applies to calendar periods only.")

    @property
    def interval(self) -> Interval:
        return Interval(self.amount, self.unit)

    @property
    def citation(self) -> str:
        if self.table != TABLE:
            return f"{self.source} ({self.table})"
        rows = ", ".join(f"#{r}" for r in self.rows)
        return (
            f"{self.source} ({TABLE}, row {rows})" if len(self.rows) == 1 else f"{self.source} ({TABLE}, rows {rows})"
        )

    @property
    def overridden(self) -> bool:
        return self.default is not None

    def deadline(self) -> str:
        """'Within 45 working days of the referral', and how it repeats."""
        period = "beginning with" if self.counts_trigger_day else "of"
        text = f"Within {self.interval.describe()} {period}: {self.trigger[0].lower()}{self.trigger[1:]}"
        if self.recurrence:
            text += f"; {self.recurrence.describe()}, counted from the date the last one actually happened"
        return text

    def with_local_standard(self, amount: int, unit: Unit | str) -> Rule:
        """This rule with an authority's own amount and unit. A local rule that repeats at its
        own interval ("every 10 WD from the last visit") repeats at the new one too."""
        recurrence = self.recurrence
        if recurrence is not None and recurrence.first_amount is None and recurrence.every == self.interval:
            recurrence = RecurringInterval(amount, Unit(unit))
        return dataclasses.replace(self, amount=amount, unit=Unit(unit), recurrence=recurrence, default=self.interval)


WD, DAYS, WEEKS, MONTHS, HOURS = Unit.WORKING_DAYS, Unit.CALENDAR_DAYS, Unit.WEEKS, Unit.MONTHS, Unit.HOURS
LAW, SG, LOCAL = Status.LAW, Status.STATUTORY_GUIDANCE, Status.LOCAL_STANDARD
PRIMARY, SECONDARY, UNCONFIRMED = Verification.PRIMARY, Verification.SECONDARY, Verification.UNCONFIRMED

PRACTICE_OVERSIGHT = "PRACTICE.md section 1"
PRACTICE_CHALLENGE = "PRACTICE.md section 2"
PRACTICE_AUDIT = "PRACTICE.md section 3"
PRACTICE_INDICATORS = "PRACTICE.md section 4"
PRACTICE_PLANS = "the plans app (plans/providers.py)"
PRACTICE_CONFERENCES = "conferences booked ahead (child_protection/booking_providers.py)"
CPPCR = "CPPCR 2010"  # Care Planning, Placement and Case Review (England) Regulations 2010, SI 2010/959
PF_REGS = "Children (Private Arrangements for Fostering) Regulations 2005 (SI 2005/1533)"
AA_REGS = "Adoption Agencies Regulations 2005 (SI 2005/389)"
HEALTH_SOURCES = (
    f"{CPPCR} reg 7, as paraphrased by City of London / Coventry / Newcastle procedures; "
    "Promoting the health and well-being of looked-after children (DfE/DHSC 2015). Paragraph numbers not confirmed."
)


_ALL = (
    # --- A1. Front door, assessment and children in need ----------------------------------------
    Rule(
        code="contact_decision",
        title="Decide what happens to the contact: referral, advice or signposting, or no further action",
        trigger="Contact received",
        trigger_key="contact.received",
        amount=1,
        unit=WD,
        timed=True,
        source='Local procedures, for example Bolton ("decision within 24 hours"). '
        'Working Together has no separate "contact" stage.',
        rows=("1",),
        status=LOCAL,
        verification=SECONDARY,
        notes="Default 1 working day (the table: 'commonly 24 hours or 1 WD'). An authority that "
        "follows Bolton can set 24 hours.",
    ),
    Rule(
        code="referral_decision_1wd",
        title="Acknowledge the referral, and a qualified manager decides the type of response",
        trigger="Referral received by children's social care",
        trigger_key="referral.received",
        amount=1,
        unit=WD,
        timed=True,
        source="Working Together to Safeguard Children 2023 (WT2023) para 153, quoted verbatim in NRPF Network "
        'practice guidance, "Duty to assess need" §5.1 (guidance.nrpfnetwork.org.uk)',
        rows=("2",),
        status=SG,
        verification=SECONDARY,
    ),
    Rule(
        code="assessment_45wd",
        title="Assessment concluded so that a decision on next steps can be reached",
        trigger="Point of referral",
        trigger_key="referral.received",
        amount=45,
        unit=WD,
        source='WT (2013–2023) assessment "Timeliness" section. Wording quoted in tri.x national glossary '
        "(proceduresonline.com/toolkit/glossary/a/cs-assessment), Northumberland LSCB. "
        "WT2023 paragraph number not confirmed.",
        rows=("3",),
        status=SG,
        verification=SECONDARY,
        notes="A maximum, not a target. If the assessment goes beyond 45 working days the social worker "
        "should record why. Runs from the referral date, as Working Together says (C3.1).",
    ),
    Rule(
        code="assessment_child_seen",
        title="See the child for the assessment",
        trigger="Assessment (section 17) allocated",
        trigger_key="assessment.allocated",
        amount=4,
        unit=WD,
        timed=True,
        source="Sefton LSCB procedure 3.8",
        rows=("4",),
        status=LOCAL,
        verification=SECONDARY,
        notes="Default from Sefton. For section 47 enquiries see s47_child_seen.",
    ),
    Rule(
        code="s47_child_seen",
        title="See the child for the section 47 enquiry",
        trigger="Section 47 enquiry allocated",
        trigger_key="s47.allocated",
        amount=24,
        unit=HOURS,
        timed=True,
        source="Sefton LSCB procedure 3.8",
        rows=("4",),
        status=LOCAL,
        verification=SECONDARY,
        notes="Default from Sefton (24 hours for section 47).",
    ),
    Rule(
        code="cin_visit",
        title="Visit the child in need",
        trigger="CIN plan agreed (then each visit)",
        trigger_key="cin_plan.agreed",
        amount=20,
        unit=WD,
        recurrence=RecurringInterval(20, WD),
        source='docsbay "Frequency and guidance for statutory visits" (local)',
        rows=("5",),
        status=LOCAL,
        verification=SECONDARY,
        notes="No national timescale found. Default: at least every 20 working days (the local example in the table).",
    ),
    Rule(
        code="cin_plan_review",
        title="Review the child in need plan",
        trigger="CIN plan agreed (then each review)",
        trigger_key="cin_plan.agreed",
        amount=3,
        unit=MONTHS,
        recurrence=RecurringInterval(3, MONTHS),
        source='docsbay "Frequency and guidance for statutory visits" (local). CIN plan review interval not confirmed.',
        rows=("5",),
        status=LOCAL,
        verification=UNCONFIRMED,
        notes="No national timescale found. Default: every 3 months (the local example in the table).",
    ),
    # --- A2. Child protection ---------------------------------------------------------------------
    Rule(
        code="strategy_discussion",
        title="Hold a strategy discussion with police, health and other agencies",
        trigger="Reasonable cause to suspect significant harm",
        trigger_key="significant_harm.suspected",
        amount=1,
        unit=WD,
        timed=True,
        source="WT (strategy discussion section), quoted in West Yorkshire CP procedures 2025; Lewisham procedure",
        rows=("6",),
        status=LOCAL,
        verification=SECONDARY,
        notes="No national fixed time: Working Together sets the trigger, the time is local "
        "(same day or within 1 working day). Default 1 working day.",
    ),
    Rule(
        code="icpc_15wd",
        title="Hold the initial child protection conference",
        trigger="Strategy discussion at which the section 47 enquiry was initiated",
        trigger_key="strategy_discussion.s47_initiated",
        amount=15,
        unit=WD,
        source='WT "Initial child protection conferences"; Sussex CP procedures 5.2; Devon one-minute guide 23; '
        "FRG; London CP procedures (updated to WT2023, Sept 2024)",
        rows=("8",),
        status=SG,
        verification=SECONDARY,
        notes="Where there were several strategy discussions, the one that initiated the section 47 enquiry "
        "(WT2018, London procedures), not the last (C3.3). The DfE data proxy from the s47 start date is a "
        "report, not this rule (C3.2).",
    ),
    Rule(
        code="core_group_first_10wd",
        title="Hold the first core group meeting",
        trigger="Initial child protection conference (child protection plan start)",
        trigger_key="icpc.held",
        amount=10,
        unit=WD,
        source="WT2018 flowchart 5. Local: Sefton 6.1.4, Medway, Liverpool. The exact WT2023 wording is not confirmed.",
        rows=("9",),
        status=SG,
        verification=SECONDARY,
    ),
    Rule(
        code="core_group",
        title="Hold a core group meeting",
        trigger="Previous core group meeting",
        trigger_key="core_group.held",
        amount=4,
        unit=WEEKS,
        recurrence=RecurringInterval(4, WEEKS),
        source="Local procedures: 4-weekly or monthly (Sefton, Liverpool); at least 4-weekly with the last one "
        "10 WD before the review conference (Blackpool)",
        rows=("10",),
        status=LOCAL,
        verification=SECONDARY,
        notes="No national interval found. Default every 4 weeks, the interval Sefton, Liverpool and Blackpool share.",
    ),
    Rule(
        code="rcpc",
        title="Hold a review child protection conference",
        trigger="Initial child protection conference (then each review conference)",
        trigger_key="icpc.held",
        amount=3,
        unit=MONTHS,
        recurrence=RecurringInterval(6, MONTHS),
        source='WT "Child protection review conference"; Sussex 5.5; Kent; tri.x keyword',
        rows=("11", "12"),
        status=SG,
        verification=SECONDARY,
        notes="First review within 3 months of the ICPC, then at intervals of not more than 6 months while the "
        "plan continues. The unborn-baby variant (Tees: within 10 WD of birth if sooner) is not modelled.",
    ),
    Rule(
        code="cp_visit",
        title="Visit the child on a child protection plan (seen, and seen alone as appropriate)",
        trigger="Child protection plan start (then each visit)",
        trigger_key="cp_plan.started",
        amount=10,
        unit=WD,
        recurrence=RecurringInterval(10, WD),
        source='Local procedures: Liverpool, Central Bedfordshire, Darlington KPI; Camden "every 10 days". '
        "A national minimum is not confirmed (none located).",
        rows=("13",),
        status=LOCAL,
        verification=SECONDARY,
        notes="Default every 10 working days, the common local minimum. Others: every 2 weeks (Walsall), "
        "4-weekly (Southwark).",
    ),
    Rule(
        code="lado_referral",
        title="Inform the LADO (designated officer) of the allegation or concern",
        trigger="Allegation or concern about a person who works with children comes to the employer's attention",
        trigger_key="allegation.received",
        amount=1,
        unit=WD,
        timed=True,
        source="Designated officer duty: WT2023 ch.4 para 223, as cited by Staffordshire SCP (para number not "
        "checked against the primary text). The 1 WD limit appears in local procedures (Bristol, Luton, Norfolk, "
        "NE Lincs) and Keeping Children Safe in Education (KCSIE).",
        rows=("15",),
        status=LOCAL,
        verification=SECONDARY,
        notes="The table marks it SG/LOCAL: the duty is guidance, the 1 working day comes from local procedures "
        "(and KCSIE, which binds schools). Treated as a local standard, default 1 working day.",
    ),
    Rule(
        code="csprp_notification_5wd",
        title="Notify the Child Safeguarding Practice Review Panel (and Ofsted) of a serious incident",
        trigger="Local authority aware of a serious child safeguarding incident",
        trigger_key="serious_incident.known",
        amount=5,
        unit=WD,
        source="Children Act 2004 s16C; local procedures (Devon, Slough)",
        rows=("16",),
        status=SG,
        verification=SECONDARY,
        notes="The duty is in the Act; the 5 working days is guidance.",
    ),
    Rule(
        code="rapid_review_15wd",
        title="Complete the rapid review",
        trigger="Notification to the Child Safeguarding Practice Review Panel",
        trigger_key="serious_incident.notified",
        amount=15,
        unit=WD,
        source="WT2023 ch.5; Panel FAQs; Cambridgeshire & Peterborough",
        rows=("17",),
        status=SG,
        verification=SECONDARY,
    ),
    # --- A3. Children looked after --------------------------------------------------------------
    Rule(
        code="care_plan_10wd",
        title="Prepare the care plan",
        trigger="Start of the first placement",
        trigger_key="looked_after.first_placement",
        amount=10,
        unit=WD,
        source=f"{CPPCR} reg 4(2)",
        rows=("18",),
        status=LAW,
        verification=PRIMARY,
        notes="Before the first placement, or if that is not practicable within 10 working days of its start. "
        "Not where s31A care orders apply (the court care plan is used).",
    ),
    Rule(
        code="la_review",
        title="Hold the looked-after review",
        trigger="Date the child became looked after (then each review)",
        trigger_key="looked_after.started",
        amount=20,
        unit=WD,
        recurrence=RecurringInterval(6, MONTHS, first_amount=3, first_unit=MONTHS),
        source=f"{CPPCR} reg 33(1) (first review); {CPPCR} reg 33(2) (second review, and subsequent reviews)",
        rows=("20", "21", "22"),
        status=LAW,
        verification=PRIMARY,
        notes="An early review under reg 33(3) (row 23) resets the clock: each interval runs from the date "
        "the last review was actually held.",
    ),
    Rule(
        code="iro_appointed",
        title="Appoint the independent reviewing officer",
        trigger="Date the child became looked after",
        trigger_key="looked_after.started",
        amount=5,
        unit=WD,
        source="Rochdale and Bristol IRO procedures (citing the IRO Handbook)",
        rows=("24",),
        status=LOCAL,
        verification=SECONDARY,
        notes="Guidance requires the IRO before the first review; 5 working days is the good-practice local standard.",
    ),
    Rule(
        code="reg28_visit",
        title="Statutory visit to the child in their placement",
        trigger="Start of the placement (then each visit)",
        trigger_key="placement.started",
        amount=1,
        unit=WEEKS,
        recurrence=RecurringInterval(6, WEEKS),
        source=f"{CPPCR} reg 28(2), as made",
        rows=("26",),
        status=LAW,
        verification=PRIMARY,
        notes="Within 1 week of the start of any placement, then at most every 6 weeks in the first year; after "
        "the first year also 6-weekly unless the placement is intended to last until 18 (reg28_visit_longterm_3m). "
        "The 2015 amendment allowing 6-monthly visits (row 26a) is not confirmed and not applied.",
    ),
    Rule(
        code="reg28_visit_longterm_3m",
        title="Statutory visit to the child in a long-term placement",
        trigger="Last visit, after the first year of a placement intended to last until the child is 18",
        trigger_key="visit.made",
        amount=3,
        unit=MONTHS,
        recurrence=RecurringInterval(3, MONTHS),
        source=f"{CPPCR} reg 28(2), as made",
        rows=("26",),
        status=LAW,
        verification=PRIMARY,
    ),
    Rule(
        code="reg28_pwp",
        title="Statutory visit: child placed with parents before the assessment is complete (weekly)",
        trigger="Placement with parent under reg 19 (then each visit, until the first review)",
        trigger_key="placement.started",
        amount=1,
        unit=WEEKS,
        recurrence=RecurringInterval(1, WEEKS),
        source=f"{CPPCR} reg 28(3)",
        rows=("27",),
        status=LAW,
        verification=PRIMARY,
    ),
    Rule(
        code="reg28_pwp_6w",
        title="Statutory visit: child placed with parents, after the first review",
        trigger="Last visit, after the first review",
        trigger_key="visit.made",
        amount=6,
        unit=WEEKS,
        recurrence=RecurringInterval(6, WEEKS),
        source=f"{CPPCR} reg 28(3)",
        rows=("27",),
        status=LAW,
        verification=PRIMARY,
    ),
    Rule(
        code="reg28_connected_ico",
        title="Statutory visit: temporarily approved connected person, or interim care order at home (weekly)",
        trigger="Placement with a temporarily approved connected person (reg 24), or interim care order while "
        "living with parent (then each visit, until the first review)",
        trigger_key="placement.started",
        amount=1,
        unit=WEEKS,
        recurrence=RecurringInterval(1, WEEKS),
        source=f"{CPPCR} reg 28(4)",
        rows=("28",),
        status=LAW,
        verification=PRIMARY,
    ),
    Rule(
        code="reg28_connected_ico_4w",
        title="Statutory visit: temporarily approved connected person, or interim care order at home, "
        "after the first review",
        trigger="Last visit, after the first review",
        trigger_key="visit.made",
        amount=4,
        unit=WEEKS,
        recurrence=RecurringInterval(4, WEEKS),
        source=f"{CPPCR} reg 28(4)",
        rows=("28",),
        status=LAW,
        verification=PRIMARY,
    ),
    Rule(
        code="reg28_care_order_home",
        title="Statutory visit: care order made while the child lives with a parent",
        trigger="Care order made while the child lives with a parent (then each visit)",
        trigger_key="care_order.made",
        amount=1,
        unit=WEEKS,
        recurrence=RecurringInterval(6, WEEKS),
        source=f"{CPPCR} reg 28(5)",
        rows=("29",),
        status=LAW,
        verification=PRIMARY,
    ),
    # Short breaks (CPPCR reg 48): a series of short-term placements with the same carer, the
    # child going home after each (SSDA903 legal status V3 or V4). Regulation 48 replaces the
    # review timing of reg 33 and the visits of reg 28(2); TIMESCALES.md has no row of its own for
    # it, so these cite the rows they modify.
    Rule(
        code="la_review_short_breaks",
        title="Hold the short-break review",
        trigger="Start of the first short break (then each review)",
        trigger_key="short_breaks.started",
        amount=3,
        unit=MONTHS,
        recurrence=RecurringInterval(6, MONTHS),
        source=f"{CPPCR} reg 48(3), modifying reg 33",
        rows=("20", "21", "22"),
        status=LAW,
        verification=SECONDARY,
        notes="First review within 3 months of the start of the first short break, then at intervals of not more "
        "than 6 months (Waltham Forest short-break review procedure, citing reg 48; legislation.gov.uk text of reg 48 "
        "seen only in part). Replaces la_review while the child's care is short breaks.",
    ),
    Rule(
        code="reg28_short_breaks",
        title="Statutory visit to a child on short breaks",
        trigger="Start of the first short break in the placement (then each visit)",
        trigger_key="short_breaks.started",
        amount=3,
        unit=MONTHS,
        recurrence=RecurringInterval(6, MONTHS),
        source=f"{CPPCR} reg 48(3)(c), replacing reg 28(2)",
        rows=("26",),
        status=LAW,
        verification=UNCONFIRMED,
        notes="Visits on days the child is in fact placed, at intervals agreed with the IRO and the parents; the first "
        "within 3 months of the start of the first placement and then at most 6-monthly. The opening of reg 48(3)(c) "
        "was read on legislation.gov.uk; its intervals were not, so check them before relying on them.",
    ),
    Rule(
        code="iha_20wd",
        title="Initial health assessment by a registered medical practitioner",
        trigger="Date the child became looked after",
        trigger_key="looked_after.started",
        amount=20,
        unit=WD,
        source=HEALTH_SOURCES,
        rows=("30",),
        status=LAW,
        verification=SECONDARY,
        notes="Before the first placement, or if not practicable before the first review (20 working days). "
        "Not needed if one was done in the previous 3 months.",
    ),
    Rule(
        code="rha_under5_6m",
        title="Review health assessment (child under 5)",
        trigger="Previous health assessment",
        trigger_key="health_assessment.done",
        amount=6,
        unit=MONTHS,
        recurrence=RecurringInterval(6, MONTHS),
        source=HEALTH_SOURCES,
        rows=("31",),
        status=LAW,
        verification=SECONDARY,
    ),
    Rule(
        code="rha_5plus_12m",
        title="Review health assessment (child aged 5 or over)",
        trigger="Previous health assessment",
        trigger_key="health_assessment.done",
        amount=12,
        unit=MONTHS,
        recurrence=RecurringInterval(12, MONTHS),
        source=HEALTH_SOURCES,
        rows=("31",),
        status=LAW,
        verification=SECONDARY,
    ),
    Rule(
        code="dental_check",
        title="Dental check",
        trigger="Previous dental check (or becoming looked after, if none is recorded)",
        trigger_key="dental_check.done",
        amount=6,
        unit=MONTHS,
        recurrence=RecurringInterval(6, MONTHS),
        source="Health-plan content (CPPCR Sch.1; the Welsh equivalent was seen); OC2 definitions (EES data guidance)",
        rows=("32",),
        status=LOCAL,
        verification=UNCONFIRMED,
        notes="No statutory interval found. Default every 6 months, the common local standard.",
    ),
    Rule(
        code="sdq_annual",
        title="Strengths and Difficulties Questionnaire (carer-completed)",
        trigger="Previous SDQ (or the start of the period of care, if none is recorded)",
        trigger_key="sdq.done",
        amount=12,
        unit=MONTHS,
        recurrence=RecurringInterval(12, MONTHS),
        source='DfE dashboard note ("An SDQ score is required of all children aged 4–16 on the date of last '
        'assessment"); SSDA903 validator rules 180/196/197; Promoting health 2015',
        rows=("33",),
        status=SG,
        verification=SECONDARY,
        notes="For children aged 4 to 16 (see phases.sdq_applies).",
    ),
    Rule(
        code="pep_10wd",
        title="Personal education plan initiated as part of the care plan",
        trigger="Date the child became looked after (emergency placement)",
        trigger_key="looked_after.started",
        amount=10,
        unit=WD,
        source="Promoting the education of looked-after and previously looked-after children (DfE, Feb 2018), as "
        "quoted by Knowsley, Calderdale, Oldham and Fosterline. CPPCR reg 5(b)(ii) makes the PEP part of the care plan.",
        rows=("34",),
        status=SG,
        verification=SECONDARY,
        notes="Before the placement, or within 10 working days in an emergency; it must be available for the "
        "first review. Some authorities (Gateshead) use 20 WD, but guidance is not configurable.",
    ),
    Rule(
        code="pep_review",
        title="Review the personal education plan (each school term)",
        trigger="Previous PEP or PEP review",
        trigger_key="pep.reviewed",
        amount=3,
        unit=MONTHS,
        recurrence=RecurringInterval(3, MONTHS),
        source="Promoting the education of looked-after and previously looked-after children (DfE, Feb 2018), as "
        "quoted by Knowsley, Calderdale, Oldham and Fosterline (reviewed each school term).",
        rows=("34",),
        status=LOCAL,
        verification=SECONDARY,
        notes="Guidance says 'each school term'; term dates differ by authority, so a fixed interval stands in "
        "for them, as a local standard. Default 3 months, not 4: from the end of the autumn term to the end of "
        "the spring term can be as little as about 3 months, so a 4-month gap could skip a whole term.",
    ),
    Rule(
        code="rhi_72h",
        title="Offer an independent return home interview",
        trigger="Child returns from a missing episode",
        trigger_key="missing.returned",
        amount=72,
        unit=HOURS,
        timed=True,
        source="Statutory guidance on children who run away or go missing from home or care (DfE, Jan 2014). 72 h "
        "is quoted by Missing People (2023-24 report), Leeds SCP and Derbyshire. Paragraph number not confirmed.",
        rows=("35",),
        status=SG,
        verification=SECONDARY,
        notes="Elapsed clock time from the recorded moment of return, not working days.",
    ),
    # --- A4. Care leavers ----------------------------------------------------------------------
    Rule(
        code="pathway_plan_3m",
        title="Needs assessment completed and pathway plan prepared",
        trigger="16th birthday, or becoming an eligible child after that age",
        trigger_key="eligible_child.from",
        amount=3,
        unit=MONTHS,
        source=f"{CPPCR} reg 42(1)",
        rows=("37",),
        status=LAW,
        verification=PRIMARY,
    ),
    Rule(
        code="pathway_plan_review_6m",
        title="Review the pathway plan",
        trigger="Pathway plan prepared (then each review)",
        trigger_key="pathway_plan.reviewed",
        amount=6,
        unit=MONTHS,
        recurrence=RecurringInterval(6, MONTHS),
        source="Care Leavers (England) Regulations 2010 (SI 2010/2571); the regulation number was not retrieved. "
        "The Welsh analogue (SI 2001/2189 reg 9) with the same 6-month rule was seen.",
        rows=("38",),
        status=LAW,
        verification=SECONDARY,
        notes="Also whenever the young person or personal adviser asks. For eligible children it is reviewed "
        "alongside the looked-after review.",
    ),
    # --- A5. Private fostering -----------------------------------------------------------------
    Rule(
        code="pf_first_visit_7wd",
        title="Visit the private fostering arrangement: premises, carer, household and child",
        trigger="Local authority receives notification of the private fostering arrangement",
        trigger_key="private_fostering.notified",
        amount=7,
        unit=WD,
        source=f"{PF_REGS} reg 4(1), quoted in Torbay private fostering national minimum standards (NMS) document. "
        "A reg 7 equivalent for existing arrangements is not confirmed.",
        rows=("41",),
        status=LAW,
        verification=SECONDARY,
    ),
    Rule(
        code="pf_visit_6w",
        title="Private fostering visit, speaking to the child alone (first year)",
        trigger="Previous visit, in the first year after the local authority became aware of the arrangement",
        trigger_key="visit.made",
        amount=6,
        unit=WEEKS,
        recurrence=RecurringInterval(6, WEEKS),
        source=f"{PF_REGS} reg 8(1)–(3)",
        rows=("42",),
        status=LAW,
        verification=PRIMARY,
    ),
    Rule(
        code="pf_visit_12w",
        title="Private fostering visit, speaking to the child alone (second year onwards)",
        trigger="Previous visit, from the second year after the local authority became aware of the arrangement",
        trigger_key="visit.made",
        amount=12,
        unit=WEEKS,
        recurrence=RecurringInterval(12, WEEKS),
        source=f"{PF_REGS} reg 8(1)–(3)",
        rows=("42",),
        status=LAW,
        verification=PRIMARY,
    ),
    # --- Supervision of the workforce (PRACTICE.md section 1; local standards, not in section A) -----
    Rule(
        code="supervision",
        title="Professional supervision",
        trigger="The last supervision held (or the worker starting)",
        trigger_key="supervision.held",
        amount=4,
        unit=WEEKS,
        recurrence=RecurringInterval(4, WEEKS),
        source="Local supervision policy, for example Nottinghamshire's supplementary supervision policy "
        "and Gloucestershire's children's services supervision policy",
        rows=(),
        table=PRACTICE_OVERSIGHT,
        status=LOCAL,
        verification=SECONDARY,
        notes="'At least every 4 weeks.' Not a row of section A: supervision is about the worker, not a child.",
    ),
    Rule(
        code="supervision_newly_qualified",
        title="Professional supervision of a newly qualified social worker (ASYE)",
        trigger="The last supervision held (or the worker starting their ASYE)",
        trigger_key="supervision.held",
        amount=2,
        unit=WEEKS,
        recurrence=RecurringInterval(2, WEEKS),
        source="Nottinghamshire supplementary supervision policy",
        rows=(),
        table=PRACTICE_OVERSIGHT,
        status=LOCAL,
        verification=SECONDARY,
        notes="Fortnightly 'at first': for as long as supervision_newly_qualified_period says.",
    ),
    Rule(
        code="supervision_newly_qualified_period",
        title="A newly qualified social worker's first months of fortnightly supervision",
        trigger="The worker started their ASYE",
        trigger_key="supervision.asye_started",
        amount=6,
        unit=MONTHS,
        source="Nottinghamshire supplementary supervision policy",
        rows=(),
        table=PRACTICE_OVERSIGHT,
        status=LOCAL,
        verification=UNCONFIRMED,
        notes="How long the fortnightly standard lasts; then the worker is supervised every 4 weeks.",
    ),
    Rule(
        code="supervision_action",
        title="Action agreed in supervision",
        trigger="Supervision in which the action was agreed",
        trigger_key="supervision.action_agreed",
        amount=4,
        unit=WEEKS,
        source="Local supervision policy: actions with owners and timescales",
        rows=(),
        table=PRACTICE_OVERSIGHT,
        status=LOCAL,
        verification=UNCONFIRMED,
        notes="The supervisor sets each action's date; this is the date offered when none is set.",
    ),
    Rule(
        code="case_supervision",
        title="Case supervision: the child's case discussed in supervision",
        trigger="The last case discussion (or the child's allocation)",
        trigger_key="supervision.case_discussed",
        amount=8,
        unit=WEEKS,
        source="Local case supervision guidance, for example Brighton & Hove",
        rows=(),
        table=PRACTICE_OVERSIGHT,
        status=LOCAL,
        verification=UNCONFIRMED,
        notes="The data-quality check 'open child with no case supervision' uses it.",
    ),
    Rule(
        code="audit_action",
        title="Action set by a case audit",
        trigger="Case audit in which the action was set",
        trigger_key="audit.action_set",
        amount=4,
        unit=WEEKS,
        source="Local case file audit policies: remedial actions with owners and timescales (for example Salford)",
        rows=(),
        table=PRACTICE_AUDIT,
        status=LOCAL,
        verification=UNCONFIRMED,
        notes="The auditor sets each action's date; this is the date offered when none is set.",
    ),
    # --- Actions in a child's plan (plans app: CP, CIN and care plans) ---------------------------
    Rule(
        code="plan_action",
        title="Action in the child's plan, owned by a member of staff",
        trigger="The action added to the plan",
        trigger_key="plan.action_added",
        amount=4,
        unit=WEEKS,
        source="Working Together to Safeguard Children 2023, chapter 3: the plan sets out actions, who is "
        "responsible for them and timescales; the core group (or review) checks progress against them",
        rows=(),
        table=PRACTICE_PLANS,
        status=LOCAL,
        verification=SECONDARY,
        notes="Due on the date the plan sets for the action; in its owner's tray, and it stays with them when the "
        "child is reallocated. Met when a core group or review records it done.",
    ),
    Rule(
        code="plan_action_chase",
        title="Chase an action in the child's plan owned by a family member or an agency",
        trigger="The action added to the plan",
        trigger_key="plan.action_added",
        amount=4,
        unit=WEEKS,
        source="Working Together to Safeguard Children 2023, chapter 3: the lead practitioner makes sure the "
        "plan's actions are carried out",
        rows=(),
        table=PRACTICE_PLANS,
        status=LOCAL,
        verification=SECONDARY,
        notes="Due on the date the plan sets for the action; in the allocated worker's tray (someone must chase "
        "the family member or agency who owns it), following the child when reallocated.",
    ),
    # --- Conferences booked ahead (child_protection.bookings) --------------------------------------
    Rule(
        code="conference_chair",
        title="Chair the child protection conference",
        trigger="The conference booked",
        trigger_key="conference.booked",
        amount=1,
        unit=WD,
        source="Working Together to Safeguard Children 2023, chapter 2: the conference is chaired by a "
        "professional independent of the case, whom the local authority appoints",
        rows=(),
        table=PRACTICE_CONFERENCES,
        status=LOCAL,
        verification=SECONDARY,
        notes="Due on the day the conference is booked for, in the chair's tray until it is recorded as held "
        "(or cancelled). The statutory dates are the ICPC's and the reviews' own rules (icpc_15wd, rcpc).",
    ),
    Rule(
        code="conference_minutes",
        title="Issue the minutes of the child protection conference",
        trigger="The conference held",
        trigger_key="conference.held",
        amount=20,
        unit=WD,
        source="Local child protection procedures set when the chair circulates the minutes (commonly within "
        "20 working days of the conference); Working Together 2023 sets no national timescale",
        rows=(),
        table=PRACTICE_CONFERENCES,
        status=LOCAL,
        verification=UNCONFIRMED,
        notes="In the chair's tray from the conference until the minutes are issued; overdue ones show in the "
        "chair's list and on the My team page of the child's team manager. The authority sets its own "
        "number of working days.",
    ),
    Rule(
        code="audit_reaudit",
        title="Re-audit the child's case",
        trigger="Case audit that set a re-audit date",
        trigger_key="audit.completed",
        amount=3,
        unit=MONTHS,
        source="Local case file audit policies: cases graded inadequate or requiring improvement are audited "
        "again to see the actions made a difference (for example Salford)",
        rows=(),
        table=PRACTICE_AUDIT,
        status=LOCAL,
        verification=UNCONFIRMED,
        notes="Due on the date the auditor set (3 months is the usual gap, as audit_action's 4 weeks: a local "
        "standard a council may change; no date, no re-audit); met when the child's case is next audited.",
    ),
    # --- Inspection and the improvement plan (PRACTICE.md section 4; improvement app) -------------
    Rule(
        code="improvement_plan",
        title="Improvement (action) plan sent to Ofsted after an inspection",
        trigger="Publication of the inspection report",
        trigger_key="improvement.report_published",
        amount=70,
        unit=WD,
        source="Ofsted, Inspecting local authority children's services (ILACS) framework: the council's action "
        "plan responding to the recommendations is due within 70 working days of the report",
        rows=(),
        table=PRACTICE_INDICATORS,
        status=SG,
        verification=SECONDARY,
        notes="Set by the inspectorate, not by the council, so it is not a local standard.",
    ),
    Rule(
        code="improvement_action_amber",
        title="Improvement plan action at risk (amber) as its due date nears",
        trigger="The action's due date, counted back",
        trigger_key="improvement.action_due",
        amount=10,
        unit=WD,
        source="Local improvement board practice: an action not done this close to its due date is reported amber",
        rows=(),
        table=PRACTICE_INDICATORS,
        status=LOCAL,
        verification=UNCONFIRMED,
        notes="The RAG rule of the improvement plan (improvement.rag): done is blue, past its due date red, within "
        "this many working days of it amber, otherwise green.",
    ),
    # --- Management oversight and the IRO's challenge (local standards, PRACTICE.md 1 and 2) --------
    *(
        Rule(
            code=f"oversight_{key}",
            title=f"Manager’s recorded oversight: {what}",
            trigger=trigger,
            trigger_key=trigger_key,
            amount=5,
            unit=WD,
            for_manager=True,
            source="Local supervision and management oversight policies (for example Gloucestershire, "
            "Nottinghamshire): key events need a manager's recorded oversight, typically within 5 working days",
            rows=(),
            table=PRACTICE_OVERSIGHT,
            status=LOCAL,
            verification=SECONDARY,
        )
        for key, what, trigger, trigger_key in (
            (
                "strategy_discussion",
                "strategy discussion decision",
                "Strategy discussion held",
                "strategy_discussion.held",
            ),
            (
                "icpc",
                "initial child protection conference outcome",
                "Initial child protection conference held",
                "conference.held",
            ),
            ("became_looked_after", "child became looked after", "Child became looked after", "looked_after.started"),
            (
                "placement_move",
                "placement move",
                "New placement within a period of care",
                "looked_after.episode_changed",
            ),
            ("missing", "missing episode", "Child went missing", "missing.started"),
            ("cin_closure", "closure of the case", "Child in need episode closed", "cin_episode.closed"),
        )
    ),
    Rule(
        code="drp_informal",
        title="Respond to the IRO’s informal challenge",
        trigger="IRO raised a concern informally",
        trigger_key="challenge.raised",
        amount=10,
        unit=WD,
        source="Nottinghamshire dispute resolution process: no response within 10 working days and the IRO "
        "considers the formal process",
        rows=(),
        table=PRACTICE_CHALLENGE,
        status=LOCAL,
        verification=SECONDARY,
    ),
    Rule(
        code="drp_stage",
        title="Respond to a formal stage of the IRO’s challenge",
        trigger="Formal stage of the dispute resolution process raised",
        trigger_key="challenge.stage",
        amount=10,
        unit=WD,
        source="Local dispute resolution protocols (IRO Handbook chapter 6; CP chair protocols follow the same "
        "shape): response within 10 working days at each stage",
        rows=(),
        table=PRACTICE_CHALLENGE,
        status=LOCAL,
        verification=SECONDARY,
    ),
    Rule(
        code="manager_decision",
        title="Manager’s decision: authorise or return",
        trigger="Decision submitted to the team manager (a plan, closure, step-down, transfer or placement)",
        trigger_key="decision.submitted",
        amount=5,
        unit=WD,
        for_manager=True,
        source="Local management oversight policies (PRACTICE.md 1): decisions that need a manager are "
        "authorised or returned promptly; 5 working days, as for key events",
        rows=(),
        table=PRACTICE_OVERSIGHT,
        status=LOCAL,
        verification=SECONDARY,
    ),
    # --- A6. Adoption and the court ------------------------------------------------------------
    Rule(
        code="adoption_review_not_placed",
        title="Review: authority to place for adoption, child not yet placed",
        trigger="Agency first has authority to place (for example a placement order), then each review",
        trigger_key="adoption.authority_to_place",
        amount=3,
        unit=MONTHS,
        recurrence=RecurringInterval(6, MONTHS),
        source=f"{AA_REGS} reg 36(1)",
        rows=("43",),
        status=LAW,
        verification=PRIMARY,
        notes="Then at most every 6 months until the child is placed.",
    ),
    Rule(
        code="adoption_review_placed",
        title="Review: child placed for adoption",
        trigger="Child placed for adoption (then each review)",
        trigger_key="adoption.placed",
        amount=4,
        unit=WEEKS,
        recurrence=RecurringInterval(6, MONTHS, first_amount=3, first_unit=MONTHS),
        source=f"{AA_REGS} reg 36(3)",
        rows=("44",),
        status=LAW,
        verification=PRIMARY,
    ),
    Rule(
        code="adoption_visit",
        title="Visit the child and the prospective adopter (weekly until the first review)",
        trigger="Child placed for adoption (then each visit, until the first review)",
        trigger_key="adoption.placed",
        amount=1,
        unit=WEEKS,
        recurrence=RecurringInterval(1, WEEKS),
        source=f"{AA_REGS} reg 36(4)(a)",
        rows=("45",),
        status=LAW,
        verification=PRIMARY,
        notes="After the first review visits are 'as decided at each review': there is no fixed interval to "
        "encode, so the adoption provider uses the frequency the review recorded.",
    ),
    Rule(
        code="care_proceedings_26w",
        title="Care or supervision proceedings disposed of",
        trigger="Care or supervision application issued",
        trigger_key="care_proceedings.issued",
        amount=26,
        unit=WEEKS,
        counts_trigger_day=True,
        source="Children Act 1989 s32(1)(a)(ii), (5)–(8) (inserted by Children and Families Act 2014 s14)",
        rows=("46",),
        status=LAW,
        verification=PRIMARY,
        notes="'Within 26 weeks beginning with the day the application was issued': the issue day is day 1, so "
        "the last day is 26 weeks after it less one day. Extensions (up to 8 weeks each) move the due date and "
        "are recorded by the court proceedings provider.",
    ),
)


def _index(rules) -> dict[str, Rule]:
    index: dict[str, Rule] = {}
    for rule in rules:
        if rule.code in index:
            raise ValueError(f"Timescale rule {rule.code!r} is defined twice.")
        index[rule.code] = rule
    return index


# Every rule, by code, as written in the law, guidance or default local standard.
RULES: dict[str, Rule] = _index(_ALL)


class UnknownRule(LookupError):
    pass


def get_rule(code: str) -> Rule:
    """The rule as defined here, without any local standard applied."""
    try:
        return RULES[code]
    except KeyError:
        raise UnknownRule(f"There is no timescale rule with the code {code!r}.") from None


# --- Local standards ---------------------------------------------------------------------------


def check_local_standard(code: str, amount: int, unit: Unit | str) -> Rule:
    """Refuse, with a message a manager can act on, an override the law does not allow.

    Returns the rule on success. Raises ValidationError otherwise.
    """
    rule = RULES.get(code)
    if rule is None:
        raise ValidationError({"rule_code": f"There is no timescale rule with the code “{code}”."})
    if not rule.configurable:
        raise ValidationError(
            {
                "rule_code": f"“{rule.title}” is set by {Status(rule.status).label.lower()}: {rule.citation}. "
                "Only local practice standards can be changed here."
            }
        )
    errors = {}
    if unit not in Unit.values:
        errors["unit"] = f"Choose a unit: {', '.join(Unit.labels)}."
    elif Unit(unit) == Unit.HOURS and not rule.timed:
        errors["unit"] = f"“{rule.title}” starts from a date, not a time of day, so it cannot be set in hours."
    if amount is None or amount < 1:
        errors["amount"] = "The amount must be 1 or more."
    if errors:
        raise ValidationError(errors)
    return rule


def _load_local_standards() -> dict[str, tuple[int, str]]:
    from timescales.models import LocalStandard

    return {
        code: (amount, unit) for code, amount, unit in LocalStandard.objects.values_list("rule_code", "amount", "unit")
    }


_local_standards: ProcessCache[dict[str, tuple[int, str]]] = ProcessCache(_load_local_standards)


def local_standards_changed(**_signal_kwargs) -> None:
    _local_standards.changed()


def reset_local_standards_cache() -> None:
    _local_standards.invalidate()


def effective_rule(code: str) -> Rule:
    """The rule in force in this authority: a local practice standard with the authority's own
    amount when it set one. Law and statutory guidance are returned as written, whatever the
    table says (the table refuses such rows, and this is the second line of defence)."""
    rule = get_rule(code)
    if not rule.configurable:
        return rule
    override = _local_standards.get().get(code)
    if override is None:
        return rule
    return rule.with_local_standard(*override)


def effective_rules() -> dict[str, Rule]:
    return {code: effective_rule(code) for code in RULES}
