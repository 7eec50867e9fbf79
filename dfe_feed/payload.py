"""The per-child document of the DfE's children's social care data feed, as the DfE's
specification v0.7/0.8 lays it out (specs/dfe-csc-api/json_payload_structure.md), built from the
record for every child in the cohort.

The cohort and the window (the reference pipeline's, populate_ssd_api_data_staging_postgres.sql
and ssd_cohort.sql): every child with social care involvement in the 24 months back to the start
of that financial year, that is from 1 April of the financial year holding the day 24 months ago
to today. Inside a document each block holds what overlaps that window; an empty list or object
is left out, and so is an absent value (the pipeline strips nulls), while `purge` is false at
every level that has one.

    cohort(today) -> list of person ids
    build_documents(ids, today) -> {person id: document}

Children are read in chunks, one query per table a chunk.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from assessments.models import Assessment
from care_leavers.models import KeepingInTouch
from casework.models import Allocation
from child_protection.choices import ConferenceKind
from child_protection.models import ChildProtectionPlan, Conference, Section47Enquiry
from children_in_need.models import CINEpisode, CINPlan
from looked_after.models import Episode, SDQScore, UASCStatus
from people.models import Address, Person
from permanence.choices import PermanenceOption
from permanence.models import AdoptionMatch, AdoptionPlacement, PermanenceDecision

CHUNK = 2000
MONTHS_BACK = 24


def window_start(today: datetime.date) -> datetime.date:
    """1 April of the financial year holding the day 24 months before `today`."""
    anchor_year = today.year - MONTHS_BACK // 12
    anchor = (
        today.replace(year=anchor_year)
        if not (today.month == 2 and today.day == 29)
        else datetime.date(anchor_year, 2, 28)
    )
    return datetime.date(anchor.year - (1 if anchor.month < 4 else 0), 4, 1)


def _overlap(start: str, end: str, since: datetime.date, today: datetime.date) -> Q:
    return Q(**{f"{start}__lte": today}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": since}))


def cohort(today: datetime.date) -> list[int]:
    """Ids of the children in the cohort, in LA ID order: a CIN episode (which every referral,
    plan and period of care sits in) overlapping the window, or a care leaver's keeping-in-touch
    contact in it."""
    since = window_start(today)
    episodes = CINEpisode.objects.filter(child=OuterRef("pk")).filter(_overlap("start_date", "end_date", since, today))
    care = Episode.objects.filter(child=OuterRef("pk")).filter(_overlap("start_date", "end_date", since, today))
    contacts = KeepingInTouch.objects.filter(care_leaver__person=OuterRef("pk"), contact_on__range=(since, today))
    return list(
        Person.objects.live()
        .children()
        .filter(Exists(episodes) | Exists(care) | Exists(contacts))
        .order_by("la_id")
        .values_list("pk", flat=True)
    )


def _d(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _strip(values: dict) -> dict:
    """Leave out absent values, as the reference pipeline does (jsonb_strip_nulls)."""
    return {k: v for k, v in values.items() if v is not None and v != [] and v != {}}


def _group(rows, key: str) -> defaultdict:
    grouped = defaultdict(list)
    for row in rows:
        grouped[row[key]].append(row)
    return grouped


def mis_child_id(pk: int) -> str:
    """The case management system's own id for the child: the record's number, stable for life."""
    return str(pk)


class _Chunk:
    def __init__(self, ids: list[int], today: datetime.date):
        since = self.since = window_start(today)
        self.today = today
        self.people = {
            p["pk"]: p
            for p in Person.objects.filter(pk__in=ids).values(
                "pk",
                "la_id",
                "given_name",
                "family_name",
                "date_of_birth",
                "expected_date_of_birth",
                "sex",
                "ethnicity",
                "disabilities",
                "upn",
                "former_upn",
                "upn_unknown_reason",
            )
        }
        self.postcodes = {}
        for row in (
            Address.objects.filter(person_id__in=ids, start_date__lte=today)
            .order_by("person_id", "start_date", "pk")
            .values("person_id", "postcode")
        ):
            self.postcodes[row["person_id"]] = row["postcode"]  # the latest wins
        self.uasc = {
            u["child_id"]: u
            for u in UASCStatus.objects.filter(child_id__in=ids).values("child_id", "uasc_from", "ceased_on")
        }
        self.sdq = _group(
            SDQScore.objects.filter(child_id__in=ids, completed_on__range=(since, today))
            .exclude(score__isnull=True)
            .order_by("-completed_on")
            .values("child_id", "completed_on", "score"),
            "child_id",
        )
        self.episodes = _group(
            CINEpisode.objects.filter(child_id__in=ids)
            .filter(_overlap("start_date", "end_date", since, today))
            .order_by("start_date", "pk")
            .values("pk", "child_id", "start_date", "end_date", "closure_reason", "referral__source", "referral__nfa"),
            "child_id",
        )
        episode_ids = [e["pk"] for rows in self.episodes.values() for e in rows]
        self.assessments = _group(
            Assessment.objects.filter(episode_id__in=episode_ids)
            .filter(Q(start_date__range=(since, today)) | Q(authorised_on__range=(since, today)))
            .order_by("start_date", "pk")
            .values("pk", "episode_id", "start_date", "authorised_on", "factors"),
            "episode_id",
        )
        self.cin_plans = _group(
            CINPlan.objects.filter(episode_id__in=episode_ids)
            .filter(_overlap("start_date", "end_date", since, today))
            .order_by("-start_date")
            .values("pk", "episode_id", "start_date", "end_date"),
            "episode_id",
        )
        icpc = {
            c["section47_id"]: c["held_on"]
            for c in Conference.objects.filter(
                child_id__in=ids, kind=ConferenceKind.INITIAL, held_on__range=(since, today)
            ).values("section47_id", "held_on")
        }
        self.s47 = _group(
            [
                dict(s, icpc_on=icpc.get(s["pk"]))
                for s in Section47Enquiry.objects.filter(episode_id__in=episode_ids)
                .filter(_overlap("start_date", "end_date", since, today) | Q(pk__in=list(icpc)))
                .order_by("start_date", "pk")
                .values("pk", "episode_id", "start_date", "end_date", "icpc_not_required")
            ],
            "episode_id",
        )
        self.cp_plans = _group(
            ChildProtectionPlan.objects.filter(episode_id__in=episode_ids)
            .filter(_overlap("start_date", "end_date", since, today))
            .order_by("start_date", "pk")
            .values("pk", "episode_id", "start_date", "end_date"),
            "episode_id",
        )
        # Care episodes carry the reasons; each placement is reported with the episode that began it.
        self.care = _group(
            Episode.objects.filter(child_id__in=ids)
            .filter(_overlap("placement__start_date", "placement__end_date", since, today))
            .order_by("-start_date", "-pk")
            .values(
                "child_id",
                "placement_id",
                "start_date",
                "end_date",
                "reason_new_episode",
                "reason_ceased",
                "reason_place_change",
                "placement__start_date",
                "placement__end_date",
                "placement__placement_type",
                "placement__postcode",
            ),
            "child_id",
        )
        self.workers = _group(
            Allocation.objects.filter(child_id__in=ids, worker__isnull=False)
            .filter(_overlap("start_date", "end_date", since, today))
            .order_by("-start_date", "-pk")
            .values("child_id", "worker_id", "start_date", "end_date"),
            "child_id",
        )
        decisions = {
            d["pk"]: d
            for d in PermanenceDecision.objects.filter(child_id__in=ids, option=PermanenceOption.ADOPTION).values(
                "pk", "child_id", "decided_on"
            )
        }
        matches = {
            m["decision_id"]: m["matched_on"]
            for m in AdoptionMatch.objects.filter(decision_id__in=list(decisions)).values("decision_id", "matched_on")
        }
        placed = {
            p["decision_id"]: p["placed_on"]
            for p in AdoptionPlacement.objects.filter(decision_id__in=list(decisions)).values(
                "decision_id", "placed_on"
            )
        }
        self.adoption = {}
        for pk, d in sorted(decisions.items(), key=lambda item: item[1]["decided_on"]):
            dates = [d["decided_on"], matches.get(pk), placed.get(pk)]
            if any(day is not None and since <= day <= today for day in dates):
                self.adoption[d["child_id"]] = dates  # the latest decision with a date in the window
        self.keeping_in_touch = {}
        for row in (
            KeepingInTouch.objects.filter(care_leaver__person_id__in=ids, contact_on__range=(since, today))
            .order_by("contact_on", "pk")
            .values("care_leaver__person_id", "contact_on", "activity", "accommodation")
        ):
            self.keeping_in_touch[row["care_leaver__person_id"]] = row

    def in_episode(self, rows, episode, start="start_date", end="end_date"):
        """Rows of the child's (episode-less) tables that overlap the CIN episode."""
        closes = episode["end_date"]
        return [
            r
            for r in rows
            if (closes is None or r[start] <= closes) and (r[end] is None or r[end] >= episode["start_date"])
        ]

    def document(self, pk: int) -> dict:
        p = self.people[pk]
        uasc = self.uasc.get(pk)
        details = _strip(
            {
                "unique_pupil_number": p["upn"] or None,
                "former_unique_pupil_number": p["former_upn"] or None,
                "unique_pupil_number_unknown_reason": None if p["upn"] else (p["upn_unknown_reason"] or None),
                "first_name": p["given_name"] or None,
                "surname": p["family_name"] or None,
                "date_of_birth": _d(p["date_of_birth"]),
                "expected_date_of_birth": None if p["date_of_birth"] else _d(p["expected_date_of_birth"]),
                "sex": p["sex"] if p["sex"] in ("M", "F") else "U",
                "ethnicity": p["ethnicity"] or None,
                "disabilities": sorted(set(p["disabilities"] or [])) or None,
                "postcode": self.postcodes.get(pk),
                "uasc_flag": uasc is not None and (uasc["ceased_on"] is None or uasc["ceased_on"] > self.today),
                "uasc_end_date": _d(uasc["ceased_on"]) if uasc else None,
            }
        )
        details["purge"] = False
        document = {
            "la_child_id": p["la_id"],
            "mis_child_id": mis_child_id(pk),
            "purge": False,
            "child_details": details,
        }
        sdq = self.sdq[pk]
        if sdq:
            document["health_and_wellbeing"] = {
                "sdq_assessments": [{"date": _d(s["completed_on"]), "score": int(s["score"])} for s in sdq],
                "purge": False,
            }
        document["social_care_episodes"] = [self._episode(pk, e) for e in self.episodes[pk]]
        return document

    def _episode(self, pk: int, e: dict) -> dict:
        episode = _strip(
            {
                "social_care_episode_id": str(e["pk"]),
                "referral_date": _d(e["start_date"]),
                "referral_source": e["referral__source"] or None,
                "closure_date": _d(e["end_date"]),
                "closure_reason": e["closure_reason"] or None,
                "referral_no_further_action_flag": bool(e["referral__nfa"]),
                "child_and_family_assessments": [
                    _strip(
                        {
                            "child_and_family_assessment_id": str(a["pk"]),
                            "start_date": _d(a["start_date"]),
                            "authorisation_date": _d(a["authorised_on"]),
                            "factors": list(a["factors"] or []) if a["authorised_on"] else None,
                            "purge": False,
                        }
                    )
                    for a in self.assessments[e["pk"]]
                ],
                "child_in_need_plans": [
                    _strip(
                        {
                            "child_in_need_plan_id": str(c["pk"]),
                            "start_date": _d(c["start_date"]),
                            "end_date": _d(c["end_date"]),
                            "purge": False,
                        }
                    )
                    for c in self.cin_plans[e["pk"]]
                ],
                "section_47_assessments": [
                    _strip(
                        {
                            "section_47_assessment_id": str(s["pk"]),
                            "start_date": _d(s["start_date"]),
                            "icpc_required_flag": None
                            if s["end_date"] is None and s["icpc_on"] is None
                            else not s["icpc_not_required"],
                            "icpc_date": _d(s["icpc_on"]),
                            "end_date": _d(s["end_date"]),
                            "purge": False,
                        }
                    )
                    for s in self.s47[e["pk"]]
                ],
                "child_protection_plans": [
                    _strip(
                        {
                            "child_protection_plan_id": str(c["pk"]),
                            "start_date": _d(c["start_date"]),
                            "end_date": _d(c["end_date"]),
                            "purge": False,
                        }
                    )
                    for c in self.cp_plans[e["pk"]]
                ],
                "child_looked_after_placements": self._placements(pk, e),
                "care_worker_details": [
                    _strip(
                        {
                            "worker_id": f"SW{w['worker_id']:06d}",
                            "start_date": _d(w["start_date"]),
                            "end_date": _d(w["end_date"]),
                        }
                    )
                    for w in self.in_episode(self.workers[pk], e)
                ],
            }
        )
        if pk in self.adoption and self._latest(pk, e):
            decided, matched, placed = self.adoption[pk]
            episode["adoption"] = _strip(
                {"initial_decision_date": _d(decided), "matched_date": _d(matched), "placed_date": _d(placed)}
            ) | {"purge": False}
        contact = self.keeping_in_touch.get(pk)
        if contact and self._latest(pk, e):
            episode["care_leavers"] = _strip(
                {
                    "contact_date": _d(contact["contact_on"]),
                    "activity": contact["activity"] or None,
                    "accommodation": contact["accommodation"] or None,
                }
            ) | {"purge": False}
        episode["purge"] = False
        return episode

    def _latest(self, pk: int, e: dict) -> bool:
        """Blocks about the child rather than one episode (adoption, care leaving) go on the latest."""
        return self.episodes[pk][-1]["pk"] == e["pk"]

    def _placements(self, pk: int, e: dict) -> list[dict]:
        by_placement: dict[int, dict] = {}
        rows = self.in_episode(self.care[pk], e, "placement__start_date", "placement__end_date")
        for row in sorted(rows, key=lambda r: (r["start_date"], r["placement_id"])):
            first = by_placement.setdefault(row["placement_id"], {"first": row, "last": row})
            first["last"] = row
        out = []
        for placement_id, rows_of in sorted(
            by_placement.items(), key=lambda i: i[1]["first"]["placement__start_date"], reverse=True
        ):
            first, last = rows_of["first"], rows_of["last"]
            ended = first["placement__end_date"]
            out.append(
                _strip(
                    {
                        "child_looked_after_placement_id": str(placement_id),
                        "start_date": _d(first["placement__start_date"]),
                        "start_reason": first["reason_new_episode"] or None,
                        "placement_type": first["placement__placement_type"],
                        "postcode": first["placement__postcode"] or None,
                        "end_date": _d(ended),
                        "end_reason": (last["reason_ceased"] or None) if ended else None,
                        "change_reason": (last["reason_place_change"] or None) if ended else None,
                        "purge": False,
                    }
                )
            )
        return out


def la_code() -> int:
    return int(settings.OPENCSC_LA_CODE)


def build_documents(ids: list[int], today: datetime.date):
    """Yield (person id, document) for the children `ids`, in that order."""
    for i in range(0, len(ids), CHUNK):
        part = ids[i : i + CHUNK]
        chunk = _Chunk(part, today)
        for pk in part:
            yield pk, chunk.document(pk)
