"""The CIN census (children in need) for a collection year, as XML valid against the DfE's
2026 schema (specs/cin_census/CIN_schema_2026.xsd).

    build_cin_census(year, out, progress=None) -> dict of counts

`year` is the year the collection ends (2026: 1 April 2025 to 31 March 2026); `out` a file path.
Every child with a CIN episode open at any time in the year is in it, with each of those
episodes (CINdetails) and, inside it, what the census asks about that was live in the year:
assessments not completed before it, CIN plans, section 47 enquiries (with their initial
conference), and child protection plans with the review conferences held in the year.

From the 2026 to 2027 collection (`year` 2027 on) each CINdetails also carries the child's
pre-proceedings work live in the year (PreProceedingsandFGDM, several per episode; see
`_pre_proceedings`), and the rules the DfE's validator runs are chosen by the year too
(`ruleset_for`).

The return shows the record as it stood on 31 March: anything dated later (a closure, an
authorisation, a date of death) is left out, so a return for a past year built today matches
the one built at the time. Children are read in chunks of 2,000, one query per table a chunk,
and each child's XML is written as soon as it is built. The XML is built with lxml (libxml2)
rather than the standard library's ElementTree, whose serialising in Python was a third of the
census's time on the large authority; the same API and byte for byte the same XML.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from lxml import etree as ET

from assessments.models import Assessment
from child_protection.choices import ConferenceKind
from child_protection.models import ChildProtectionPlan, Conference, Section47Enquiry
from children_in_need.models import CINEpisode, CINPlan
from core import clock
from people.models import Person
from permanence.models import PreProceedings, PreProceedingsMeeting
from returns.output import Progress, among, atomic_file, by_child, chunks, report, snapshot
from returns.periods import CollectionYear

SOFTWARE_CODE = "OpenCSC"
RELEASE = "0.1"
# The first collection with the pre-proceedings and family group decision-making block.
PRE_PROCEEDINGS_FROM = 2027


def ruleset_for(year: int) -> str:
    """The csc-validator-be-cin rule set of a collection year: cin2025_26 for 2026 and so on
    (the package names each by the years it spans)."""
    return f"cin{year - 1}_{year % 100:02d}"


def _d(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _add(parent: ET.Element, tag: str, text) -> ET.Element | None:
    """Optional elements are left out when empty: the schema has no nil values."""
    if text is None or text == "":
        return None
    element = ET.SubElement(parent, tag)
    element.text = str(text)
    return element


def _flag(value: bool) -> str:
    return "1" if value else "0"


def children_in_year(year: CollectionYear) -> list[int]:
    """Ids of the children with a CIN episode open at some time in the year, in LA ID order."""
    episodes = CINEpisode.objects.filter(child=OuterRef("pk"), start_date__lte=year.end).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=year.start)
    )
    return list(
        Person.objects.live().children().filter(Exists(episodes)).order_by("la_id").values_list("pk", flat=True)
    )


def _header(year: CollectionYear) -> str:
    header = ET.Element("Header")
    details = ET.SubElement(header, "CollectionDetails")
    _add(details, "Collection", "CIN")
    _add(details, "Year", year.year)
    _add(details, "ReferenceDate", _d(year.end))
    source = ET.SubElement(header, "Source")
    _add(source, "SourceLevel", "L")
    _add(source, "LEA", settings.OPENCSC_LA_CODE)
    _add(source, "SoftwareCode", SOFTWARE_CODE)
    _add(source, "Release", RELEASE)
    _add(source, "SerialNo", "001")
    _add(source, "DateTime", clock.now().replace(microsecond=0).isoformat())
    return ET.tostring(header, encoding="unicode")


class _Chunk:
    """One query per table for a chunk of children, grouped by child (or by episode)."""

    def __init__(self, ids: list[int], year: CollectionYear):
        end = year.end
        self.people = {
            p["pk"]: p
            for p in Person.objects.filter(pk__in=among(ids)).values(
                "pk",
                "la_id",
                "upn",
                "former_upn",
                "upn_unknown_reason",
                "date_of_birth",
                "expected_date_of_birth",
                "sex",
                "date_of_death",
                "ethnicity",
                "disabilities",
            )
        }
        self.episodes = by_child(
            CINEpisode.objects.filter(child_id__in=among(ids), start_date__lte=end)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=year.start))
            .order_by("start_date", "pk")
            .values(
                "pk",
                "child_id",
                "start_date",
                "end_date",
                "closure_reason",
                "primary_need",
                "referral__source",
                "referral__nfa",
            )
        )
        # Assessments completed before the year were counted in an earlier census.
        self.assessments = by_child(
            Assessment.objects.filter(child_id__in=among(ids), start_date__lte=end)
            .filter(Q(authorised_on__isnull=True) | Q(authorised_on__gte=year.start))
            .order_by("start_date", "pk")
            .values("episode_id", "start_date", "status", "authorised_on", "factors"),
            key="episode_id",
        )
        self.cin_plans = by_child(
            CINPlan.objects.filter(child_id__in=among(ids), start_date__lte=end)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=year.start))
            .order_by("start_date", "pk")
            .values("episode_id", "start_date", "end_date"),
            key="episode_id",
        )
        initial = {
            c["section47_id"]: c["held_on"]
            for c in Conference.objects.filter(
                child_id__in=among(ids), kind=ConferenceKind.INITIAL, held_on__lte=end
            ).values("section47_id", "held_on")
        }
        self.section47s: dict[int, list[dict]] = by_child([], key="episode_id")
        for s47 in (
            Section47Enquiry.objects.filter(child_id__in=among(ids), start_date__lte=end)
            .order_by("start_date", "pk")
            .values("pk", "episode_id", "start_date", "icpc_target_date", "end_date", "icpc_not_required")
        ):
            s47["icpc_on"] = initial.get(s47["pk"])
            # An enquiry whose conference (or conclusion) came before the year is last year's.
            finished = s47["icpc_on"] or (s47["end_date"] if s47["end_date"] and s47["end_date"] <= end else None)
            if finished is None or finished >= year.start:
                self.section47s[s47["episode_id"]].append(s47)
        plans = list(
            ChildProtectionPlan.objects.filter(child_id__in=among(ids), start_date__lte=end)
            .order_by("start_date", "pk")
            .values("pk", "child_id", "episode_id", "start_date", "end_date", "initial_category", "latest_category")
        )
        # Every earlier plan of the child counts, however long ago (NumberOfPreviousCPP).
        starts = by_child(plans)
        self.cp_plans = by_child([], key="episode_id")
        for plan in plans:
            plan["previous"] = sum(1 for other in starts[plan["child_id"]] if other["start_date"] < plan["start_date"])
            if year.overlaps(plan["start_date"], plan["end_date"]):
                self.cp_plans[plan["episode_id"]].append(plan)
        self.pre_proceedings = by_child([], key="episode_id")
        if year.year >= PRE_PROCEEDINGS_FROM:
            self._pre_proceedings(ids, year)
        self.reviews = by_child(
            Conference.objects.filter(
                child_id__in=among(ids), kind=ConferenceKind.REVIEW, held_on__range=(year.start, end)
            )
            .order_by("held_on")
            .values("plan_id", "held_on"),
            key="plan_id",
        )

    def _pre_proceedings(self, ids: list[int], year: CollectionYear) -> None:
        """Pre-proceedings with a step in the year, each under the CIN episode open on the day it
        started (or, failing that, the child's latest episode begun by then)."""
        start = year.start
        rows = list(
            PreProceedings.objects.filter(child_id__in=among(ids), started_on__lte=year.end)
            .filter(
                Q(decided_on__isnull=True)
                | Q(decided_on__gte=start)
                | Q(court_application_on__gte=start)
                | Q(letter_issue_on__gte=start)
            )
            .order_by("started_on", "pk")
            .values(
                "pk",
                "child_id",
                "started_on",
                "letter_sent_on",
                "fgdm_offered",
                "fgdm_held",
                "decided_on",
                "outcome",
                "court_application_on",
                "letter_issue_on",
            )
        )
        meetings = by_child(
            PreProceedingsMeeting.objects.filter(
                pre_proceedings_id__in=among([r["pk"] for r in rows]), held_on__lte=year.end
            )
            .order_by("held_on", "pk")
            .values("pre_proceedings_id", "held_on"),
            key="pre_proceedings_id",
        )
        for row in rows:
            row["meetings"] = [m["held_on"] for m in meetings[row["pk"]]]
            episodes = [e for e in self.episodes[row["child_id"]] if e["start_date"] <= row["started_on"]]
            within = [e for e in episodes if e["end_date"] is None or e["end_date"] >= row["started_on"]]
            episode = (within or episodes or [None])[-1]
            if episode is not None:
                self.pre_proceedings[episode["pk"]].append(row)


def _pre_proceedings(details: ET.Element, row: dict, year: CollectionYear) -> None:
    """One PreProceedingsandFGDM block. Every date in it must fall in the collection year (rules
    9005, 9006, 9008, 9009, 9012, 9013): a step taken before the year was reported then and is
    left out now, and so is one after 31 March. The offer of a family group meeting goes with
    the letter that made it (9007), whether it was held with the offer (9010Q), and the number
    of review meetings with the first meeting (9015Q)."""

    def in_year(day):
        return day if day in year else None

    letter = in_year(row["letter_sent_on"])
    first = next(iter(row["meetings"]), None)
    values = {
        "PPStartDate": _d(in_year(row["started_on"])),
        "LBPSentDate": _d(letter),
        "FGDMMeetingOffer": _flag(row["fgdm_offered"]) if letter and row["fgdm_offered"] is not None else None,
        "FGDMMeetingFac": (
            _flag(row["fgdm_held"]) if letter and row["fgdm_offered"] and row["fgdm_held"] is not None else None
        ),
        "InitialPPMeetingDate": _d(in_year(first)),
        "ReviewMeetingsCount": len(row["meetings"]) - 1 if in_year(first) else None,
        "StepDecisionDate": _d(in_year(row["decided_on"])),
        "PPOutcome": row["outcome"] if in_year(row["decided_on"]) else None,
        "CourtAppDate": _d(in_year(row["court_application_on"])),
        "LetterInitCPDate": _d(in_year(row["letter_issue_on"])),
    }
    if not any(v is not None for v in values.values()):
        return
    block = ET.SubElement(details, "PreProceedingsandFGDM")
    for tag, value in values.items():
        _add(block, tag, value)


def _child(chunk: _Chunk, pk: int, year: CollectionYear) -> ET.Element:
    person = chunk.people[pk]
    child = ET.Element("Child")
    ids = ET.SubElement(child, "ChildIdentifiers")
    _add(ids, "LAchildID", person["la_id"])
    _add(ids, "UPN", person["upn"])
    _add(ids, "FormerUPN", person["former_upn"])
    if not person["upn"]:
        _add(ids, "UPNunknown", person["upn_unknown_reason"])
    _add(ids, "PersonBirthDate", _d(person["date_of_birth"]))
    if person["date_of_birth"] is None:
        _add(ids, "ExpectedPersonBirthDate", _d(person["expected_date_of_birth"]))
    # Not recorded: the census's own codes for "unknown" and "not yet obtained".
    _add(ids, "Sex", person["sex"] or "U")
    _add(ids, "PersonDeathDate", _d(year.as_at(person["date_of_death"])))
    characteristics = ET.SubElement(child, "ChildCharacteristics")
    _add(characteristics, "Ethnicity", person["ethnicity"] or "NOBT")
    if person["disabilities"]:
        disabilities = ET.SubElement(characteristics, "Disabilities")
        for code in person["disabilities"]:
            _add(disabilities, "Disability", code)
    for episode in chunk.episodes[pk]:
        child.append(_cin_details(chunk, episode, year))
    return child


def _cin_details(chunk: _Chunk, episode: dict, year: CollectionYear) -> ET.Element:
    details = ET.Element("CINdetails")
    closed_on = year.as_at(episode["end_date"])
    _add(details, "CINreferralDate", _d(episode["start_date"]))
    _add(details, "ReferralSource", episode["referral__source"])
    _add(details, "PrimaryNeedCode", episode["primary_need"])
    _add(details, "CINclosureDate", _d(closed_on))
    _add(details, "ReasonForClosure", episode["closure_reason"] if closed_on else None)
    # The initial conference goes on its section 47 enquiry only (rule 2884: not at both levels).
    for assessment in chunk.assessments[episode["pk"]]:
        element = ET.SubElement(details, "Assessments")
        authorised_on = year.as_at(assessment["authorised_on"])
        _add(element, "AssessmentActualStartDate", _d(assessment["start_date"]))
        _add(element, "AssessmentAuthorisationDate", _d(authorised_on))
        # Factors belong to a completed assessment only (rule 8614).
        if authorised_on and assessment["factors"]:
            factors = ET.SubElement(element, "FactorsIdentifiedAtAssessment")
            for code in assessment["factors"]:
                _add(factors, "AssessmentFactors", code)
    for plan in chunk.cin_plans[episode["pk"]]:
        element = ET.SubElement(details, "CINPlanDates")
        _add(element, "CINPlanStartDate", _d(plan["start_date"]))
        _add(element, "CINPlanEndDate", _d(year.as_at(plan["end_date"])))
    for s47 in chunk.section47s[episode["pk"]]:
        element = ET.SubElement(details, "Section47")
        concluded = year.as_at(s47["end_date"]) is not None
        _add(element, "S47ActualStartDate", _d(s47["start_date"]))
        _add(element, "InitialCPCtarget", _d(s47["icpc_target_date"]))
        _add(element, "DateOfInitialCPC", _d(s47["icpc_on"]))
        _add(element, "ICPCnotRequired", _flag(concluded and s47["icpc_not_required"]))
    _add(details, "ReferralNFA", _flag(episode["referral__nfa"]))
    for plan in chunk.cp_plans[episode["pk"]]:
        element = ET.SubElement(details, "ChildProtectionPlans")
        _add(element, "CPPstartDate", _d(plan["start_date"]))
        _add(element, "CPPendDate", _d(year.as_at(plan["end_date"])))
        _add(element, "InitialCategoryOfAbuse", plan["initial_category"])
        _add(element, "LatestCategoryOfAbuse", plan["latest_category"])
        _add(element, "NumberOfPreviousCPP", plan["previous"])
        reviews = chunk.reviews[plan["pk"]]
        if reviews:
            element = ET.SubElement(element, "Reviews")
            for review in reviews:
                _add(element, "CPPreviewDate", _d(review["held_on"]))
    for row in chunk.pre_proceedings[episode["pk"]]:
        _pre_proceedings(details, row, year)
    return details


def build_cin_census(year: int | CollectionYear, out, progress: Progress = None) -> dict[str, int]:
    """Write the CIN census for the collection year ending 31 March `year` to the file `out`.
    Returns counts of what it wrote: {"children": n, "episodes": n}."""
    year = year if isinstance(year, CollectionYear) else CollectionYear.ending(year)
    counts = {"children": 0, "episodes": 0}
    with snapshot(), atomic_file(out, "w", encoding="utf-8") as handle:
        ids = children_in_year(year)
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n<Message>')
        handle.write(_header(year))
        handle.write("<Children>")
        report(progress, 0, len(ids))
        for part in chunks(ids):
            chunk = _Chunk(part, year)
            for pk in part:
                element = _child(chunk, pk, year)
                counts["children"] += 1
                counts["episodes"] += len(chunk.episodes[pk])
                handle.write(ET.tostring(element, encoding="unicode"))
            handle.write("\n")
            report(progress, counts["children"], len(ids))
        handle.write("</Children></Message>\n")
    return counts
