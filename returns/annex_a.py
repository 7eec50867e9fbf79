"""Ofsted's Annex A (ILACS): the child-level lists 1 to 11 as one xlsx workbook, one sheet per
list with the column headers of specs/annex_a/ANNEX_A_columns.txt, for the 12 months (or any
number of months) ending on a date.

    build_annex_a(as_of, out, progress=None, months=12) -> dict of rows per list

Each list is one query (with subqueries for counts and latest dates), read one list ahead of
the writing on a second connection sharing the build's snapshot (returns.ahead), and written row
by row by returns.xlsx, which streams each sheet into the file, so the workbook is never held in
memory (XlsxWriter's constant-memory mode, used before, spent over a minute
on the large authority's two million cells). Text is always text (a
reason typed by a worker is never a formula or a link), dates are dates shown the English way,
None is a blank cell. Codes are written in Annex A's own form ("b) Female", "a) WBRI", "Yes"/"No",
and the census and SSDA903 codes as the template's labels: returns/annex_a_labels.py); list 8's
placement location and LA come from the placement's local authority (codelists.local_authorities).

Lists 2 (early help assessments) and 11 (adopters) have their headers only: this system keeps
no early help assessments and no records of prospective adopters.
"""

from __future__ import annotations

import datetime
import functools
from pathlib import Path

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import TruncDate

from assessments.choices import AssessmentOutcome
from assessments.models import Assessment
from care_leavers.models import CareLeaver
from care_leavers.selectors import annex_a_list_9_rows
from casework.choices import VisitType
from casework.models import Visit
from child_protection.choices import ConferenceKind
from child_protection.models import ChildProtectionPlan, Conference, Section47Enquiry
from children_in_need.models import CINEpisode, CINPlan
from codelists.cin import Ethnicity
from codelists.local_authorities import annex_a_location, annex_a_name
from core.clock import LONDON
from front_door.models import Contact, Referral
from looked_after.models import Episode, HealthCheck, IROContact, LAReview, MissingEpisode, Placement, UASCStatus
from permanence.choices import ANNEX_A_PERMANENCE_PLAN, OrderKind, PermanenceOption
from permanence.models import AdoptionMatch, AdoptionPlacement, PermanenceDecision, PermanenceOrder
from returns.ahead import read_ahead
from returns.annex_a_labels import labeller
from returns.output import Progress, atomic_file, report, snapshot
from returns.periods import Period, months_ending
from returns.xlsx import Workbook

SPEC = Path(__file__).resolve().parent.parent / "specs" / "annex_a" / "ANNEX_A_columns.txt"

GENDER = {"M": "a) Male", "F": "b) Female"}
# Annex A letters the ethnicity codes in the census's order (Annex_A_schema.yml).
ETHNICITY = {code: f"{chr(ord('a') + i)}) {code}" for i, code in enumerate(Ethnicity.values)}
CASE_STATUS_LOOKED_AFTER, CASE_STATUS_CP, CASE_STATUS_CIN = (
    "a) Looked after child",
    "b) Child Protection plan",
    "c) Child in need plan",
)
CASE_STATUS_ASSESSMENT, CASE_STATUS_CLOSED = "d) Open assessment", "e) Closed episode"  # Annex_A_schema.yml


def list_columns() -> dict[str, list[str]]:
    """The sheets and their headers, read from the spec so they cannot drift from it."""
    lists: dict[str, list[str]] = {}
    current = None
    for line in SPEC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            lists[current] = []
        elif line.startswith("- ") and current:
            lists[current].append(line[2:].strip())
    return lists


def _yes(value) -> str:
    return "Yes" if value else "No"


def _age(dob: datetime.date | None, on: datetime.date):
    if dob is None:
        return None
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


PERSON = [
    "person__la_id",
    "person__sex",
    "person__ethnicity",
    "person__date_of_birth",
    "person__disabilities",
    "person__current_team__name",
    "person__current_worker__first_name",
    "person__current_worker__last_name",
]


@functools.cache
def _person_values(prefix: str) -> list[str]:
    return [f.replace("person__", prefix) for f in PERSON]


class _Row:
    """The columns every list shares, from a .values() row whose person fields have `prefix`."""

    def __init__(self, row: dict, prefix: str, as_of: datetime.date):
        la_id, sex, ethnicity, dob, disabilities, team, first, last = map(row.__getitem__, _person_values(prefix))
        self.id = la_id
        self.gender = GENDER.get(sex, "c) Not stated/recorded")
        self.ethnicity = ETHNICITY.get(ethnicity, ETHNICITY["NOBT"])
        self.dob = dob
        self.age = _age(dob, as_of)
        self.disabled = _yes(any(d != "NONE" for d in disabilities or ()))
        self.team = team or ""
        self.worker = f"{first} {last}" if first and last else first or last or ""

    def head(self, disability: bool = False) -> list:
        return [self.id, self.gender, self.ethnicity, self.dob, self.age] + ([self.disabled] if disability else [])


def _latest(model, *, date_field: str, end: datetime.date, child: str = "child", **filters):
    return Subquery(
        model.objects.filter(**{child: OuterRef("child_id"), f"{date_field}__lte": end}, **filters)
        .order_by(f"-{date_field}")
        .values(date_field)[:1]
    )


def _last_visit(end: datetime.date, **filters):
    """The day (in England) of the child's latest visit on or before `end`, as a Subquery.
    Ordered by the moment itself, not its date, so it is one step down the visits' (child,
    -visited_at) index for each child rather than a sort of all their visits (3 s of list 6 on the
    large authority); the day is taken in SQL, so tens of thousands of timestamps are not each
    parsed here only to be cut to their date."""
    before = _midnight(end + datetime.timedelta(days=1))
    return TruncDate(
        Subquery(
            Visit.objects.filter(child=OuterRef("child_id"), visited_at__lt=before, **filters)
            .order_by("-visited_at")
            .values("visited_at")[:1]
        ),
        tzinfo=LONDON,
    )


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=LONDON)


def list_1(period: Period):
    # The period's days as a range of moments rather than each contact's day in England
    # (received_at__date): a plain comparison, not a time zone conversion of every contact.
    rows = (
        Contact.objects.filter(
            received_at__gte=_midnight(period.start), received_at__lt=_midnight(period.end + datetime.timedelta(days=1))
        )
        # The contact's day in England, as the period is: a contact at half past midnight in
        # summer is the evening before in UTC, and was once dated that day.
        .annotate(received_on=TruncDate("received_at", tzinfo=LONDON))
        .order_by("received_at", "pk")
    )
    source = labeller("list_1", "Contact Source")
    for r in rows.values(*_person_values("child__"), "received_on", "source").iterator(chunk_size=2000):
        yield _Row(r, "child__", period.end).head() + [r["received_on"], source(r["source"])]


def list_3(period: Period):
    earlier = (
        Referral.objects.filter(
            child=OuterRef("child_id"),
            referral_date__lte=OuterRef("referral_date"),
            referral_date__gt=OuterRef("year_before"),
        )
        .order_by()
        .values("child_id")
    )
    rows = (
        Referral.objects.filter(referral_date__range=(period.start, period.end))
        .annotate(year_before=F("referral_date") - datetime.timedelta(days=365))
        .annotate(in_twelve_months=Subquery(earlier.annotate(n=Count("pk")).values("n")[:1]))
        .order_by("referral_date", "pk")
    )
    source = labeller("list_3", "Referral Source")
    for r in rows.values(*_person_values("child__"), "referral_date", "source", "nfa", "in_twelve_months").iterator(
        chunk_size=2000
    ):
        p = _Row(r, "child__", period.end)
        yield p.head() + [
            r["referral_date"],
            source(r["source"]),
            _yes(r["nfa"]),
            r["in_twelve_months"],
            p.team,
            p.worker,
        ]


def list_4(period: Period):
    rows = (
        Assessment.objects.filter(start_date__lte=period.end)
        .filter(Q(authorised_on__isnull=True) | Q(authorised_on__gte=period.start))
        .order_by("start_date", "pk")
    )
    needs_support = {AssessmentOutcome.CIN_PLAN, AssessmentOutcome.STRATEGY_DISCUSSION}
    for r in rows.values(
        *_person_values("child__"), "start_date", "child_seen_on", "authorised_on", "outcome"
    ).iterator(chunk_size=2000):
        p = _Row(r, "child__", period.end)
        authorised = period.as_at(r["authorised_on"])
        yield p.head(True) + [
            r["start_date"],
            _yes(r["child_seen_on"]),
            authorised,
            _yes(r["outcome"] in needs_support) if authorised else "",
            p.team,
            p.worker,
        ]


def list_5(period: Period):
    year_ago = period.end - datetime.timedelta(days=365)
    icpc = Conference.objects.filter(section47=OuterRef("pk"), kind=ConferenceKind.INITIAL, held_on__lte=period.end)
    s47s = (
        Section47Enquiry.objects.filter(child=OuterRef("child_id"), start_date__range=(year_ago, period.end))
        .order_by()
        .values("child_id")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    icpcs = (
        Conference.objects.filter(
            child=OuterRef("child_id"), kind=ConferenceKind.INITIAL, held_on__range=(year_ago, period.end)
        )
        .order_by()
        .values("child_id")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    rows = (
        Section47Enquiry.objects.filter(start_date__range=(period.start, period.end))
        .annotate(
            icpc_on=Subquery(icpc.values("held_on")[:1]),
            icpc_plan=Exists(icpc.filter(outcome="plan")),
            s47_count=Subquery(s47s),
            icpc_count=Subquery(icpcs),
        )
        .order_by("start_date", "pk")
    )
    for r in rows.values(
        *_person_values("child__"),
        "strategy_discussion__held_on",
        "icpc_not_required",
        "end_date",
        "icpc_on",
        "icpc_plan",
        "s47_count",
        "icpc_count",
    ).iterator(chunk_size=2000):
        p = _Row(r, "child__", period.end)
        concluded = period.as_at(r["end_date"]) is not None
        yield p.head(True) + [
            r["strategy_discussion__held_on"],
            _yes(concluded and r["icpc_not_required"]),
            r["icpc_on"],
            _yes(r["icpc_plan"]) if r["icpc_on"] else "",
            r["s47_count"] or 0,
            r["icpc_count"] or 0,
            p.team,
            p.worker,
        ]


def _open_on(model, day: datetime.date, **filters):
    return Exists(
        model.objects.filter(child=OuterRef("child_id"), start_date__lte=day, **filters).filter(
            Q(end_date__isnull=True) | Q(end_date__gt=day)
        )
    )


def list_6(period: Period):
    end = period.end
    rows = (
        CINEpisode.objects.filter(start_date__lte=end)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=period.start))
        .annotate(
            last_seen=_last_visit(end, child_seen=True),
            looked_after=_open_on(Episode, end),
            on_cp=_open_on(ChildProtectionPlan, end),
            on_cin=_open_on(CINPlan, end),
            assessing=Exists(
                Assessment.objects.filter(episode=OuterRef("pk"), start_date__lte=end).filter(
                    Q(authorised_on__isnull=True) | Q(authorised_on__gt=end)
                )
            ),
        )
        .order_by("start_date", "pk")
    )
    need, closure = labeller("list_6", "Primary Need Code"), labeller("list_6", "Reason for Closure")
    for r in rows.values(
        *_person_values("child__"),
        "start_date",
        "primary_need",
        "end_date",
        "closure_reason",
        "last_seen",
        "looked_after",
        "on_cp",
        "on_cin",
        "assessing",
    ).iterator(chunk_size=2000):
        p = _Row(r, "child__", end)
        closed = period.as_at(r["end_date"])
        # The status on the last day: a closed episode is closed whatever came before it.
        status = (
            CASE_STATUS_CLOSED
            if closed
            else CASE_STATUS_LOOKED_AFTER
            if r["looked_after"]
            else CASE_STATUS_CP
            if r["on_cp"]
            else CASE_STATUS_CIN
            if r["on_cin"]
            else CASE_STATUS_ASSESSMENT
            if r["assessing"]
            else ""
        )
        yield p.head(True) + [
            r["start_date"],
            need(r["primary_need"]),
            r["last_seen"],
            closed,
            closure(r["closure_reason"]) if closed else "",
            status,
            p.team,
            p.worker,
        ]


def list_7(period: Period):
    end = period.end
    visits = Visit.objects.filter(
        child=OuterRef("child_id"), visit_type=VisitType.STATUTORY_CP, visited_at__date__lte=end
    ).order_by("-visited_at")
    previous = (
        ChildProtectionPlan.objects.filter(child=OuterRef("child_id"), start_date__lt=OuterRef("start_date"))
        .order_by()
        .values("child_id")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    rows = (
        ChildProtectionPlan.objects.filter(start_date__lte=end)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=period.start))
        .annotate(
            last_visit=Subquery(visits.values("visited_at__date")[:1]),
            seen_alone=Subquery(visits.values("seen_alone")[:1]),
            last_review=Subquery(
                Conference.objects.filter(plan=OuterRef("pk"), kind=ConferenceKind.REVIEW, held_on__lte=end)
                .order_by("-held_on")
                .values("held_on")[:1]
            ),
            previous=Subquery(previous),
            protected=Exists(
                Episode.objects.filter(
                    child=OuterRef("child_id"),
                    legal_status__in=["L1", "L2", "L3"],
                    start_date__range=(end - datetime.timedelta(days=183), end),
                )
            ),
        )
        .order_by("start_date", "pk")
    )
    abuse = labeller("list_7", "Initial Category of Abuse")
    for r in rows.values(
        *_person_values("child__"),
        "start_date",
        "initial_category",
        "latest_category",
        "end_date",
        "last_visit",
        "seen_alone",
        "last_review",
        "previous",
        "protected",
    ).iterator(chunk_size=2000):
        p = _Row(r, "child__", end)
        yield p.head(True) + [
            r["start_date"],
            abuse(r["initial_category"]),
            abuse(r["latest_category"]),
            r["last_visit"],
            _yes(r["seen_alone"]) if r["last_visit"] else "",
            r["last_review"],
            period.as_at(r["end_date"]),
            _yes(r["protected"]),
            r["previous"] or 0,
            p.team,
            p.worker,
        ]


def list_8(period: Period):
    end, year_ago = period.end, period.end - datetime.timedelta(days=365)
    child = OuterRef("child_id")
    placements = Placement.objects.filter(child=child, start_date__lte=end).order_by("-start_date")
    missing = MissingEpisode.objects.filter(child=child, period__isnull=False, started_at__date__range=(year_ago, end))
    last_missing = MissingEpisode.objects.filter(child=child, kind="M", started_at__date__lte=end).order_by(
        "-started_at"
    )
    decision = (
        PermanenceDecision.objects.filter(child=child, decided_on__lte=end)
        .filter(Q(reversed_on__isnull=True) | Q(reversed_on__gt=end))
        .order_by("-decided_on")
    )
    # One row per child: their latest episode in the period.
    latest = Episode.objects.filter(child=child, start_date__lte=end).order_by("-start_date").values("pk")[:1]
    rows = (
        Episode.objects.filter(start_date__lte=end)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=period.start))
        .filter(pk=Subquery(latest))
        .annotate(
            uasc=Exists(
                UASCStatus.objects.filter(child=child, uasc_from__lte=end).filter(
                    Q(ceased_on__isnull=True) | Q(ceased_on__gte=year_ago)
                )
            ),
            earlier_period=Exists(
                Episode.objects.filter(child=child, period__end_date__range=(year_ago, end)).exclude(
                    period_id=OuterRef("period_id")
                )
            ),
            last_review=_latest(LAReview, date_field="held_on", end=end),
            last_visit=_last_visit(end, visit_type=VisitType.STATUTORY_CLA),
            last_iro=_latest(IROContact, date_field="contact_on", end=end),
            last_health=_latest(HealthCheck, date_field="done_on", end=end, kind__in=["iha", "rha"]),
            last_dental=_latest(HealthCheck, date_field="done_on", end=end, kind="dental"),
            placements_in_year=Subquery(
                placements.filter(Q(end_date__isnull=True) | Q(end_date__gte=year_ago))
                .order_by()
                .values("child_id")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            missing_count=Subquery(
                missing.filter(kind="M").order_by().values("child_id").annotate(n=Count("pk")).values("n")[:1]
            ),
            away_count=Subquery(
                missing.filter(kind="A").order_by().values("child_id").annotate(n=Count("pk")).values("n")[:1]
            ),
            rhi_offered=Exists(last_missing.filter(return_interview__isnull=False).values("pk")[:1]),
            rhi_accepted=Subquery(last_missing.values("return_interview__accepted")[:1]),
            had_missing=Exists(last_missing),
            plan=Subquery(decision.values("option")[:1]),
        )
        .order_by("period__start_date", "pk")
    )
    need, legal = labeller("list_8", "Child's Category of Need"), labeller("list_8", "Child's Legal Status")
    ceased_because = labeller("list_8", "Reason Ceased to be Looked After")
    placement_type, provider = labeller("list_8", "Placement Type"), labeller("list_8", "Placement Provider")
    for r in rows.values(
        *_person_values("child__"),
        "period__start_date",
        "period__end_date",
        "category_of_need",
        "start_date",
        "legal_status",
        "reason_ceased",
        "end_date",
        "placement__start_date",
        "placement__placement_type",
        "placement__provider",
        "placement__postcode",
        "placement__ofsted_urn",
        "placement__local_authority",
        "uasc",
        "earlier_period",
        "last_review",
        "last_visit",
        "last_iro",
        "last_health",
        "last_dental",
        "placements_in_year",
        "missing_count",
        "away_count",
        "rhi_offered",
        "rhi_accepted",
        "had_missing",
        "plan",
    ).iterator(chunk_size=2000):
        p = _Row(r, "child__", end)
        ceased = period.as_at(r["period__end_date"])
        yield [
            p.id,
            p.gender,
            p.ethnicity,
            p.dob,
            p.age,
            _yes(r["uasc"]),
            p.disabled,
            r["period__start_date"],
            need(r["category_of_need"]),
            _yes(r["earlier_period"]),
            r["start_date"],
            legal(r["legal_status"]),
            r["last_review"],
            r["last_visit"],
            ANNEX_A_PERMANENCE_PLAN.get(r["plan"], ""),
            r["last_iro"],
            r["last_health"],
            r["last_dental"],
            r["placements_in_year"] or 0,
            ceased,
            ceased_because(r["reason_ceased"]) if ceased else "",
            r["placement__start_date"],
            placement_type(r["placement__placement_type"]),
            provider(r["placement__provider"]),
            r["placement__postcode"],
            r["placement__ofsted_urn"],
            annex_a_location(r["placement__local_authority"]),
            annex_a_name(r["placement__local_authority"]),
            r["missing_count"] or 0,
            r["away_count"] or 0,
            _yes(r["rhi_offered"]) if r["had_missing"] else "",
            _yes(r["rhi_accepted"]) if r["rhi_offered"] else "",
            p.team,
            p.worker,
        ]


def list_9(period: Period):
    leavers = CareLeaver.objects.filter(category_since__lte=period.end).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=period.start)
    )
    people = {r["person_id"]: r for r in leavers.values("person_id", *_person_values("person__"))}
    uasc = set(UASCStatus.objects.filter(child_id__in=people).values_list("child_id", flat=True))
    by_id = {r["person__la_id"]: pk for pk, r in people.items()}
    in_touch, accommodation = labeller("list_9", "LA in Touch"), labeller("list_9", "Type of Accommodation")
    suitable, activity = labeller("list_9", "Suitability of Accommodation"), labeller("list_9", "Activity Status")
    for row in annex_a_list_9_rows(leavers, as_of=period.end):
        pk = by_id[row["Child Unique ID"]]
        p = _Row(people[pk], "person__", period.end)
        yield [
            p.id,
            p.gender,
            p.ethnicity,
            p.dob,
            p.age,
            _yes(pk in uasc),
            p.disabled,
            p.team,
            p.worker,
            row["Allocated Personal Advisor"],
            row["Eligibility Category"],
            row["Latest Pathway Plan Review Date"],
            in_touch(row["LA in Touch"]),
            row["Latest Date of Contact"],
            accommodation(row["Type of Accommodation"]),
            suitable(row["Suitability of Accommodation"]),
            activity(row["Activity Status"]),
        ]


def list_10(period: Period):
    end = period.end
    decision = OuterRef("pk")
    orders = PermanenceOrder.objects.filter(child=OuterRef("child_id"), made_on__lte=end).order_by("made_on")
    rows = (
        PermanenceDecision.objects.filter(option=PermanenceOption.ADOPTION, decided_on__lte=end)
        .filter(Q(reversed_on__isnull=True) | Q(reversed_on__gte=period.start))
        .annotate(
            entered_care=_latest(Episode, date_field="period__start_date", end=end),
            placement_order=Subquery(orders.filter(kind=OrderKind.PLACEMENT_ORDER).values("made_on")[:1]),
            adoption_order=Subquery(orders.filter(kind=OrderKind.ADOPTION_ORDER).values("made_on")[:1]),
            matched_on=Subquery(
                AdoptionMatch.objects.filter(decision=decision, matched_on__lte=end).values("matched_on")[:1]
            ),
            ffa_on=Subquery(AdoptionMatch.objects.filter(decision=decision).values("ffa_placed_on")[:1]),
            placed_on=Subquery(
                AdoptionPlacement.objects.filter(decision=decision, placed_on__lte=end).values("placed_on")[:1]
            ),
        )
        .order_by("decided_on", "pk")
    )
    reason = labeller("list_10", "Reason Why Child No Longer Placed for Adoption")
    for r in rows.values(
        *_person_values("child__"),
        "decided_on",
        "reversed_on",
        "reversal_reason",
        "entered_care",
        "placement_order",
        "adoption_order",
        "matched_on",
        "ffa_on",
        "placed_on",
    ).iterator(chunk_size=2000):
        if r["adoption_order"] is not None and r["adoption_order"] < period.start:
            continue  # adopted before the period: not one of its adoptions
        p = _Row(r, "child__", end)
        reversed_on = period.as_at(r["reversed_on"])
        yield [
            p.id,
            "",
            p.gender,
            p.ethnicity,
            p.dob,
            p.age,
            p.disabled,
            r["entered_care"],
            r["decided_on"],
            r["placement_order"],
            r["matched_on"],
            r["placed_on"],
            r["adoption_order"],
            reversed_on,
            reason(r["reversal_reason"]) if reversed_on else "",
            period.as_at(r["ffa_on"]),
        ]


def _none(period: Period):
    return iter(())


LISTS = {
    "List 1": list_1,
    "List 2": _none,
    "List 3": list_3,
    "List 4": list_4,
    "List 5": list_5,
    "List 6": list_6,
    "List 7": list_7,
    "List 8": list_8,
    "List 9": list_9,
    "List 10": list_10,
    "List 11": _none,
}


def build_annex_a(as_of: datetime.date, out, progress: Progress = None, months: int = 12) -> dict[str, int]:
    """Write Annex A for the `months` months ending on `as_of` to the xlsx file `out`.
    Progress counts lists (11 in all). Returns {"List 1": rows, ...}."""
    period = months_ending(as_of, months)
    columns = list_columns()
    counts: dict[str, int] = {}
    with (
        snapshot() as own,
        atomic_file(out, "wb") as handle,
        Workbook(handle) as book,
        read_ahead(
            [(name, functools.partial(rows, period)) for name, rows in LISTS.items()], own_snapshot=own
        ) as lists,
    ):
        report(progress, 0, len(LISTS))
        for done, (name, rows) in enumerate(lists, start=1):
            sheet = book.add_sheet(name)
            sheet.write_row(columns[name])
            for row in rows:
                assert len(row) == len(columns[name]), f"{name}: {len(row)} values for {len(columns[name])} columns"
                sheet.write_row(row)
            counts[name] = len(rows)
            report(progress, done, len(LISTS))
    return counts
