"""The SSDA903 return (children looked after) for a collection year, as the CSV tables the
DfE's validator reads, each with exactly its column set (specs/ssda903/SSDA903_columns.txt) and
dates written dd/mm/YYYY.

    build_ssda903(year, out_dir, progress=None, previous=True) -> dict of row counts per table

`out_dir/<year>/` gets one CSV per table (header.csv, episodes.csv, ...); with `previous` the
year before goes to `out_dir/<year - 1>/` too, because some rules compare the two years. Each
year's folder is written beside its final name and moved into place when complete.

Who is in it: every child looked after at some time in the year (an episode open in it), and
the care leavers whose 17th to 21st birthday fell in it (OC3). As in the CIN census, the record
is shown as it stood on 31 March: later end dates are left out. Children are read in chunks,
one query per table a chunk, and rows are written as they are built.
"""

from __future__ import annotations

import csv
import datetime
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.db.models import Exists, Min, OuterRef, Q, Subquery
from django.utils import timezone

from care_leavers.models import CareLeaver, KeepingInTouch
from casework.models import Allocation
from looked_after.choices import HealthCheckKind
from looked_after.models import (
    SHORT_BREAK_STATUSES,
    Conviction,
    DeprivationOfLiberty,
    Episode,
    HealthCheck,
    ImmunisationStatus,
    LAReview,
    MissingEpisode,
    PeriodOfCare,
    SDQScore,
    SubstanceMisuse,
    UASCStatus,
)
from people.choices import RelationshipKind
from people.models import Person, Relationship
from permanence.choices import PermanenceOption
from permanence.models import AdoptionMatch, PermanenceDecision, PreviousPermanence
from returns.output import OutputError, Progress, by_child, chunks, prepare_directory, report, snapshot
from returns.periods import CollectionYear
from timescales.calendar import birthday

# File name and exact columns of each table, in the validator's order (lac_validator/config.py).
TABLES: dict[str, tuple[str, list[str]]] = {
    "Header": ("header.csv", ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]),
    "Episodes": (
        "episodes.csv",
        [
            "CHILD",
            "DECOM",
            "RNE",
            "LS",
            "CIN",
            "PLACE",
            "PLACE_PROVIDER",
            "DEC",
            "REC",
            "REASON_PLACE_CHANGE",
            "HOME_POST",
            "PL_POST",
            "URN",
        ],
    ),
    "Reviews": ("reviews.csv", ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]),
    "UASC": ("uasc.csv", ["CHILD", "SEX", "DOB", "DUC"]),
    "OC2": (
        "oc2.csv",
        [
            "CHILD",
            "DOB",
            "SDQ_SCORE",
            "SDQ_REASON",
            "CONVICTED",
            "HEALTH_CHECK",
            "IMMUNISATIONS",
            "TEETH_CHECK",
            "HEALTH_ASSESSMENT",
            "SUBSTANCE_MISUSE",
            "INTERVENTION_RECEIVED",
            "INTERVENTION_OFFERED",
        ],
    ),
    "OC3": ("oc3.csv", ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]),
    "AD1": (
        "ad1.csv",
        ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
    ),
    "PlacedAdoption": (
        "placed_adoption.csv",
        ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    ),
    "PrevPerm": ("prev_perm.csv", ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"]),
    "Missing": ("missing.csv", ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"]),
    "SWEpisodes": ("sw_episodes.csv", ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"]),
}

# Tables added in a later collection year: name -> (first year, file, columns). The DoLo table
# (deprivation of liberty orders) comes with 2026 to 2027; the validator's lac2026_27 rules 700
# to 710 read it, and 706 compares it with last year's, so a 2027 build writes it for the year
# before too (from the same record), where it stands beside the tables only as that comparison.
LATER_TABLES: dict[str, tuple[int, str, list[str]]] = {
    "DoLo": (2027, "dolo.csv", ["CHILD", "DOB", "DOLO_START", "DOLO_END"]),
}


def tables_for(year: int) -> dict[str, tuple[str, list[str]]]:
    """The tables of the return for the collection year ending 31 March `year`."""
    later = {name: (filename, columns) for name, (first, filename, columns) in LATER_TABLES.items() if year >= first}
    return {**TABLES, **later}


def ruleset_for(year: int) -> str:
    """The csc-validator-be-903 rule set of a collection year: lac2025_26 for 2026, lac2026_27 for 2027."""
    return f"lac{year - 1}_{year % 100:02d}"


ADOPTED = ("E11", "E12")
OC3_DAYS_BEFORE, OC3_DAYS_AFTER = 91, 31
NOT_ASKED = {"DIED", "RHOM"}  # OC3 IN_TOUCH answers after which ACTIV and ACCOM are "0"
# A placement with no Ofsted URN is written XXXXXXX (the DfE guide's convention), but only for
# the placement types that may be without one (rule 242: adoption placements A3 to A6, through
# a regional adoption agency, and foster placements U1 to U6). Any other type is left blank: the
# types that never have a URN (P1 placed with parents, R1, T0 and the like) must be blank (rules
# 222, 242), and for one that needs a URN a blank is what rule 218 reports as missing.
NO_URN = "XXXXXXX"
NO_URN_TYPES = frozenset({"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"})
# SW_REASON is why this social worker episode started (the change of worker), required for
# every episode since April 2023 (rule SW13STG1). The codes' meanings are those of the DfE's
# Standard Safeguarding Dataset (../shared/specs/ssd/objects/ssd_involvements.yml,
# invo_worker_change_reason): FCONTA "first contact or re-referral", LEFTRL "previous social
# worker left role", MANAGE "managing caseloads", TSPROC "transfer due to standard process"
# (the case moving on from the assessment team, say), OTHERS "other reason".
# An episode that opens a case is FCONTA whatever reason was typed: the child's first worker, or
# the first after the case was closed (a re-referral). Rules SW10STG2 and SW10aSTG2 expect a gap
# before a new episode only then.
FIRST_CONTACT = "FCONTA"
SW_REASONS = {"worker_left": "LEFTRL", "caseload": "MANAGE", "transfer": "TSPROC", "new_case": FIRST_CONTACT}


def _d(day: datetime.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _birthday(dob: datetime.date, age: int) -> datetime.date:
    # One convention everywhere: a 29 February birthday is 28 February in other years
    # (timescales.calendar.birthday says why and where it comes from).
    return birthday(dob, age)


def _urn(episode: dict) -> str:
    if episode["placement__ofsted_urn"]:
        return episode["placement__ofsted_urn"]
    return NO_URN if episode["placement__placement_type"] in NO_URN_TYPES else ""


def looked_after_in_year(year: CollectionYear) -> set[int]:
    episodes = Episode.objects.filter(start_date__lte=year.end).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=year.start)
    )
    return set(episodes.values_list("child_id", flat=True).distinct())


def care_leavers_in_year(year: CollectionYear) -> set[int]:
    """OC3: care leavers (not only qualifying) whose 17th to 21st birthday was in the year."""
    born_from = datetime.date(year.start.year - 21, year.start.month, year.start.day)
    born_to = datetime.date(year.end.year - 17, year.end.month, year.end.day)
    rows = (
        CareLeaver.objects.exclude(category="qualifying")
        .filter(person__date_of_birth__range=(born_from, born_to))
        .values_list("person_id", "person__date_of_birth")
    )
    # A care leaver at the birthday: care had ended before it (by the end of the year, as the
    # return shows the record on 31 March). Someone whose care ended on the birthday or later,
    # after the year included, was not yet a care leaver at it (rule 1016).
    left_care = by_child(
        PeriodOfCare.objects.filter(child_id__in=[pk for pk, _ in rows], end_date__lte=year.end).values(
            "child_id", "end_date"
        )
    )
    return {
        pk
        for pk, dob in rows
        if any(
            b in year and any(p["end_date"] < b for p in left_care[pk])
            for b in (_birthday(dob, age) for age in range(17, 22))
        )
    }


def children_in_return(year: CollectionYear) -> list[int]:
    ids = looked_after_in_year(year) | care_leavers_in_year(year)
    return list(Person.objects.live().filter(pk__in=ids).order_by("la_id").values_list("pk", flat=True))


class _Chunk:
    """The rows of every table for a chunk of children: one query per table."""

    def __init__(self, ids: list[int], year: CollectionYear):
        start, end = year.start, year.end
        self.year = year
        self.people = {
            p["pk"]: p
            for p in Person.objects.filter(pk__in=ids).values(
                "pk", "la_id", "sex", "date_of_birth", "ethnicity", "upn", "upn_unknown_reason"
            )
        }
        self.first_child_born = {
            r["from_person_id"]: r["first"]
            for r in Relationship.objects.filter(
                from_person_id__in=ids, kind=RelationshipKind.MOTHER, to_person__date_of_birth__lte=end
            )
            .values("from_person_id")
            .annotate(first=Min("to_person__date_of_birth"))
        }
        self.episodes = by_child(
            Episode.objects.filter(child_id__in=ids, start_date__lte=end)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
            .order_by("start_date", "pk")
            .values(
                "child_id",
                "start_date",
                "end_date",
                "reason_new_episode",
                "legal_status",
                "category_of_need",
                "reason_ceased",
                "reason_place_change",
                "home_postcode",
                "placement__placement_type",
                "placement__provider",
                "placement__postcode",
                "placement__ofsted_urn",
                "period__start_date",
                "period__end_date",
            )
        )
        self.reviews = by_child(
            LAReview.objects.filter(child_id__in=ids, held_on__range=(start, end))
            .order_by("held_on")
            .values("child_id", "held_on", "participation")
        )
        self.uasc = {
            u["child_id"]: u
            for u in UASCStatus.objects.filter(child_id__in=ids, uasc_from__lte=end).values("child_id", "ceased_on")
        }
        self.health = by_child(
            HealthCheck.objects.filter(child_id__in=ids, done_on__range=(start, end)).values("child_id", "kind")
        )
        self.immunisations = {}
        for row in (
            ImmunisationStatus.objects.filter(child_id__in=ids, checked_on__lte=end)
            .order_by("child_id", "checked_on", "pk")
            .values("child_id", "up_to_date")
        ):
            self.immunisations[row["child_id"]] = row["up_to_date"]  # the latest wins
        self.sdq = {}
        for row in (
            SDQScore.objects.filter(child_id__in=ids, completed_on__range=(start, end))
            .order_by("child_id", "completed_on", "pk")
            .values("child_id", "score", "reason")
        ):
            self.sdq[row["child_id"]] = row
        self.convicted = set(
            Conviction.objects.filter(child_id__in=ids, convicted_on__range=(start, end)).values_list(
                "child_id", flat=True
            )
        )
        self.substance = by_child(
            SubstanceMisuse.objects.filter(child_id__in=ids, identified_on__range=(start, end)).values(
                "child_id", "intervention_offered", "intervention_received"
            )
        )
        self.keeping_in_touch = by_child(
            # From 3 months before the year: a check before 1 April stands for a birthday early in
            # the year (the window oc3_rows looks in). None after 31 March, as everywhere.
            KeepingInTouch.objects.filter(
                care_leaver__person_id__in=ids,
                contact_on__range=(start - datetime.timedelta(days=OC3_DAYS_BEFORE), end),
            ).values("care_leaver__person_id", "contact_on", "in_touch", "activity", "accommodation"),
            key="care_leaver__person_id",
        )
        self.adoption_decisions = by_child(
            PermanenceDecision.objects.filter(child_id__in=ids, option=PermanenceOption.ADOPTION, decided_on__lte=end)
            .filter(Q(reversed_on__isnull=True) | Q(reversed_on__gte=start))
            .order_by("decided_on", "pk")
            .values("pk", "child_id", "decided_on", "reversed_on", "reversal_reason")
        )
        self.matches = {
            m["decision_id"]: m
            for m in AdoptionMatch.objects.filter(decision__child_id__in=ids, matched_on__lte=end).values(
                "decision_id",
                "matched_on",
                "foster_carers_adopting",
                "number_of_adopters",
                "adopter_sex",
                "adopter_legal_status",
            )
        }
        self.previous_permanence = {
            (p["child_id"], p["care_started_on"]): p
            for p in PreviousPermanence.objects.filter(child_id__in=ids, care_started_on__range=(start, end)).values(
                "child_id", "care_started_on", "option", "order_date", "order_date_known", "arranged_by_la"
            )
        }
        self.missing = by_child(
            MissingEpisode.objects.filter(child_id__in=ids, period__isnull=False, started_at__date__lte=end)
            .filter(Q(returned_at__isnull=True) | Q(returned_at__date__gte=start))
            .order_by("started_at")
            .values("child_id", "kind", "started_at", "returned_at")
        )
        self.liberty_orders = by_child(
            DeprivationOfLiberty.objects.filter(child_id__in=ids, start_date__lte=end)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
            .order_by("start_date", "pk")
            .values("child_id", "start_date", "end_date")
        )
        # How the allocation before each one ended ("closed": this one opens a new case).
        before = (
            Allocation.objects.filter(child_id=OuterRef("child_id"), start_date__lte=OuterRef("start_date"))
            .exclude(pk=OuterRef("pk"))
            .exclude(start_date=OuterRef("start_date"), pk__gt=OuterRef("pk"))
            .order_by("-start_date", "-pk")
        )
        self.allocations = by_child(
            Allocation.objects.filter(child_id__in=ids, worker__isnull=False, start_date__lte=end)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
            .annotate(previous_end=Subquery(before.values("end_reason")[:1]), has_previous=Exists(before))
            .order_by("start_date", "pk")
            .values("child_id", "worker_id", "start_date", "end_date", "reason", "previous_end", "has_previous")
        )

    # --- one function per table: the rows of one child --------------------------------------

    def header(self, pk):
        p = self.people[pk]
        mother = ""
        if p["sex"] == "F" and self.episodes[pk]:
            mother = _flag(pk in self.first_child_born)
        yield [
            p["la_id"],
            p["sex"] or "U",
            _d(p["date_of_birth"]),
            p["ethnicity"] or "NOBT",
            p["upn"] or p["upn_unknown_reason"],
            mother,
            _d(self.first_child_born.get(pk)),
        ]

    def episodes_rows(self, pk):
        la_id, end = self.people[pk]["la_id"], self.year.end
        for e in self.episodes[pk]:
            ended = e["end_date"] if e["end_date"] and e["end_date"] <= end else None
            yield [
                la_id,
                _d(e["start_date"]),
                e["reason_new_episode"],
                e["legal_status"],
                e["category_of_need"],
                e["placement__placement_type"],
                e["placement__provider"],
                _d(ended),
                e["reason_ceased"] if ended else "",
                e["reason_place_change"] if ended else "",
                e["home_postcode"],
                e["placement__postcode"],
                _urn(e),
            ]

    def reviews_rows(self, pk):
        p = self.people[pk]
        for r in self.reviews[pk]:
            yield [p["la_id"], _d(p["date_of_birth"]), _d(r["held_on"]), r["participation"]]

    def uasc_rows(self, pk):
        if pk in self.uasc:
            p = self.people[pk]
            yield [p["la_id"], p["sex"] or "U", _d(p["date_of_birth"]), _d(self.year.as_at(self.uasc[pk]["ceased_on"]))]

    def continuously_looked_after(self, pk) -> bool:
        """Looked after for the whole year to 31 March (the OC2 cohort): in care on 1 April and
        still on 31 March, in one period, and never on short breaks in the year."""
        episodes = self.episodes[pk]
        if not episodes or any(e["legal_status"] in SHORT_BREAK_STATUSES for e in episodes):
            return False
        period_start, period_end = episodes[0]["period__start_date"], episodes[-1]["period__end_date"]
        one_period = all(e["period__start_date"] == period_start for e in episodes)
        return one_period and period_start <= self.year.start and (period_end is None or period_end >= self.year.end)

    def oc2_rows(self, pk):
        if not self.continuously_looked_after(pk):
            return
        p = self.people[pk]
        kinds = {h["kind"] for h in self.health[pk]}
        sdq = self.sdq.get(pk, {})
        substance = self.substance[pk]
        immunised = self.immunisations.get(pk)
        assessed = bool(kinds & {HealthCheckKind.INITIAL, HealthCheckKind.REVIEW})
        # HEALTH_CHECK is the under-fives' health promotion (developmental) check, left blank
        # from 5 (rule 546); their health assessment in the year is what this record holds of it.
        dob = p["date_of_birth"]
        under_five = dob is not None and _birthday(dob, 5) > self.year.end
        # CONVICTED is asked only of children aged 10 or over at 31 March (rule 542).
        ten_or_over = dob is not None and _birthday(dob, 10) <= self.year.end
        yield [
            p["la_id"],
            _d(dob),
            "" if sdq.get("score") is None else sdq["score"],
            sdq.get("reason", ""),
            _flag(pk in self.convicted) if ten_or_over else "",
            _flag(assessed) if under_five else "",
            "" if immunised is None else _flag(immunised),
            _flag(HealthCheckKind.DENTAL in kinds),
            _flag(assessed),
            _flag(bool(substance)),
            _flag(any(s["intervention_received"] for s in substance)) if substance else "",
            _flag(any(s["intervention_offered"] for s in substance)) if substance else "",
        ]

    def oc3_rows(self, pk):
        p = self.people[pk]
        dob = p["date_of_birth"]
        birthday = (
            next((b for b in (_birthday(dob, a) for a in range(17, 22)) if b in self.year), None) if dob else None
        )
        if birthday is None:
            return
        # A young person still looked after on the birthday (care ending on it or later) was not
        # yet a care leaver at it: no OC3 for that birthday (rule 1016), whatever contact the
        # leaving care team recorded in its window.
        if any(
            e["start_date"] <= birthday and (e["end_date"] is None or e["end_date"] >= birthday)
            for e in self.episodes[pk]
        ):
            return
        # "Around their birthday": the check nearest it, from 3 months before to 1 month after,
        # the same window as care_leavers.selectors.oc3_row (TIMESCALES.md B marks it unconfirmed).
        checks = [
            c
            for c in self.keeping_in_touch[pk]
            if -OC3_DAYS_BEFORE <= (c["contact_on"] - birthday).days <= OC3_DAYS_AFTER
        ]
        if not checks:
            return
        nearest = min(checks, key=lambda c: (abs((c["contact_on"] - birthday).days), c["contact_on"]))
        activity, accommodation = nearest["activity"], nearest["accommodation"]
        if nearest["in_touch"] in NOT_ASKED:
            # Died, or back home with parents six months or more: no activity or accommodation
            # is asked, and the return codes that "0", never blank (rules 344, 132, 133, 153).
            activity, accommodation = activity or "0", accommodation or "0"
        yield [p["la_id"], _d(dob), nearest["in_touch"], activity, accommodation]

    def ad1_rows(self, pk):
        adopted = [e for e in self.episodes[pk] if e["reason_ceased"] in ADOPTED and e["end_date"] in self.year]
        if not adopted:
            return
        p = self.people[pk]
        for decision in self.adoption_decisions[pk][-1:]:
            match = self.matches.get(decision["pk"], {})
            yield [
                p["la_id"],
                _d(p["date_of_birth"]),
                _d(decision["decided_on"]),
                _d(match.get("matched_on")),
                _flag(match["foster_carers_adopting"]) if match else "",
                match.get("number_of_adopters", ""),
                match.get("adopter_sex", ""),
                match.get("adopter_legal_status", ""),
            ]

    def placed_adoption_rows(self, pk):
        p = self.people[pk]
        for decision in self.adoption_decisions[pk]:
            ceased = self.year.as_at(decision["reversed_on"])
            yield [
                p["la_id"],
                _d(p["date_of_birth"]),
                _d(decision["decided_on"]),
                _d(ceased),
                decision["reversal_reason"] if ceased else "",
            ]

    def prev_perm_rows(self, pk):
        p = self.people[pk]
        starts = {e["period__start_date"] for e in self.episodes[pk] if e["reason_new_episode"] == "S"}
        # One row a child (INT35), however many periods of care began in the year: the latest
        # period's answer, the one asked most recently. Rule 630 matches PrevPerm by child, so it
        # stands for the earlier periods too.
        for started in sorted(starts, reverse=True):
            row = self.previous_permanence.get((pk, started))
            if row is None:
                continue
            yield [
                p["la_id"],
                _d(p["date_of_birth"]),
                row["option"],
                row["arranged_by_la"],
                PreviousPermanence(**row).ssda903_date,
            ]
            return

    def missing_rows(self, pk):
        p = self.people[pk]
        for m in self.missing[pk]:
            returned = timezone.localdate(m["returned_at"]) if m["returned_at"] else None
            yield [
                p["la_id"],
                _d(p["date_of_birth"]),
                m["kind"],
                _d(timezone.localdate(m["started_at"])),
                _d(self.year.as_at(returned)),
            ]

    def sw_episodes_rows(self, pk):
        if not self.episodes[pk]:
            return
        p = self.people[pk]
        for a in self.allocations[pk]:
            ended = self.year.as_at(a["end_date"])
            yield [
                p["la_id"],
                _d(p["date_of_birth"]),
                sw_id(a["worker_id"]),
                _d(a["start_date"]),
                _d(ended),
                sw_reason(a),
            ]

    def dolo_rows(self, pk):
        """Orders live in the year; an end after 31 March is not yet known (rules 703, 704)."""
        p = self.people[pk]
        for order in self.liberty_orders[pk]:
            yield [p["la_id"], _d(p["date_of_birth"]), _d(order["start_date"]), _d(self.year.as_at(order["end_date"]))]


def sw_reason(allocation: dict) -> str:
    """SW_REASON of an allocation (with `has_previous` and `previous_end`, how the one before it ended)."""
    if not allocation["has_previous"] or allocation["previous_end"] == "closed":
        return FIRST_CONTACT
    return SW_REASONS.get(allocation["reason"], "OTHERS")


def sw_id(worker_id: int) -> str:
    """The social worker's ID in the return: SW and the member of staff's number, padded to six
    digits, because rule SW02STG1 refuses an ID shorter than four characters (SW5)."""
    return f"SW{worker_id:06d}"


ROWS = {
    "Header": _Chunk.header,
    "Episodes": _Chunk.episodes_rows,
    "Reviews": _Chunk.reviews_rows,
    "UASC": _Chunk.uasc_rows,
    "OC2": _Chunk.oc2_rows,
    "OC3": _Chunk.oc3_rows,
    "AD1": _Chunk.ad1_rows,
    "PlacedAdoption": _Chunk.placed_adoption_rows,
    "PrevPerm": _Chunk.prev_perm_rows,
    "Missing": _Chunk.missing_rows,
    "SWEpisodes": _Chunk.sw_episodes_rows,
    "DoLo": _Chunk.dolo_rows,
}


def _build_year(
    year: CollectionYear, folder: Path, progress: Progress, done: int, total: int, tables: dict
) -> tuple[dict, int]:
    counts = dict.fromkeys(tables, 0)
    ids = children_in_return(year)
    files = {name: open(folder / filename, "w", newline="", encoding="utf-8") for name, (filename, _) in tables.items()}
    try:
        writers = {name: csv.writer(handle) for name, handle in files.items()}
        for name, (_, columns) in tables.items():
            writers[name].writerow(columns)
        for part in chunks(ids):
            chunk = _Chunk(part, year)
            for pk in part:
                for name in tables:
                    for row in ROWS[name](chunk, pk):
                        writers[name].writerow(row)
                        counts[name] += 1
            done += len(part)
            report(progress, done, total)
    finally:
        for handle in files.values():
            handle.close()
    return counts, done


def _install(built: Path, final: Path) -> None:
    """Move a finished year's folder into place, replacing an older build of the same year."""
    if final.exists():
        old = final.with_name(f".{final.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(final, old)
        os.replace(built, final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(built, final)


def build_ssda903(year: int | CollectionYear, out_dir, progress: Progress = None, previous: bool = True) -> dict:
    """Write the SSDA903 tables for the year ending 31 March `year` to `out_dir/<year>/` (and the
    year before to `out_dir/<year - 1>/`). Returns {year: {table: rows}}."""
    year = year if isinstance(year, CollectionYear) else CollectionYear.ending(year)
    directory = prepare_directory(out_dir)
    years = [year, year.previous] if previous else [year]
    result: dict[int, dict] = {}
    with snapshot():
        cohorts = {y.year: len(children_in_return(y)) for y in years}
        total, done = sum(cohorts.values()), 0
        report(progress, 0, total)
        for y in years:
            try:
                building = Path(tempfile.mkdtemp(dir=directory, prefix=f".{y.year}.", suffix=".part"))
            except OSError as error:
                raise OutputError(f"Cannot write to {directory}: {error.strerror or error}") from error
            try:
                result[y.year], done = _build_year(y, building, progress, done, total, tables_for(year.year))
                _install(building, directory / str(y.year))
            except BaseException:
                shutil.rmtree(building, ignore_errors=True)
                raise
    return result


def table_files(out_dir, year: int) -> Iterator[tuple[str, Path]]:
    for name, (filename, _) in tables_for(year).items():
        yield name, Path(out_dir) / str(year) / filename
