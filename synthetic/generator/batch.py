"""A batch of planned rows, not yet saved: model instances grouped by the stage they are
inserted in, and the chronology events to write once their records have ids.

Stages are inserted in STAGES order, so a row only ever points at rows of earlier stages (or at
staff, saved first). Referrals point at the child's previous referral, so each referral of a
child is its own stage ("referral", n).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

STAGES = [
    "person",
    "person_name",
    "address",
    "relationship",
    "contact",
    "referral",
    "cin_episode",
    "allocation",
    "assessment",
    "strategy",
    "section47",
    "icpc",
    "cp_plan",
    "cp_review",
    "core_group",
    "cp_booking",
    "cp_invitee",
    "cin_plan",
    "cin_review",
    "period",
    "placement",
    "care_episode",
    "dolo",
    "iro",
    "la_review",
    "care_plan",
    "health",
    "sdq",
    "immunisation",
    "pep",
    "missing",
    "return_interview",
    "perm_meeting",
    "perm_decision",
    "perm_step",
    "perm_order",
    "adoption_match",
    "adoption_placement",
    "pre_proceedings",
    "pp_meeting",
    "prev_perm",
    "care_leaver",
    "needs_assessment",
    "pathway_plan",
    "pathway_review",
    "keeping_in_touch",
    "visit",
    "case_note",
    "document",
    "access_grant",
]


class Row:
    """A row of one of the big tables (visits, case notes), kept as plain values and written with
    COPY: building a Django model instance for each of millions of rows costs more than the insert.
    `pk` is given by the writer, from the table's sequence, before the COPY."""

    __slots__ = ("pk", "table", "values")

    def __init__(self, table: str, values: tuple):
        self.pk = None
        self.table = table
        self.values = values


@dataclass
class Event:
    child: object
    event_type: str
    occurred_at: object
    actor: object
    source: object
    data: dict


class Batch:
    def __init__(self):
        self.rows: dict[object, list] = defaultdict(list)
        self.events: list[Event] = []
        self.open_children: list = []
        self.restricted_families: list[list] = []  # each family's people, when its records are restricted
        self.documents_of: dict[int, Row] = {}  # id(document) -> its case note
        self.copies: dict[str, list[Row]] = defaultdict(
            list
        )  # table -> rows written with COPY  # children with an open case, for their due items

    def add(self, stage, obj):
        self.rows[stage].append(obj)
        return obj

    def copy(self, table: str, values: tuple) -> Row:
        row = Row(table, values)
        self.copies[table].append(row)
        return row

    def event(self, child, event_type, occurred_at, actor, source, /, **data):
        self.events.append(Event(child, event_type, occurred_at, actor, source, data))

    def ordered(self):
        def rank(stage):
            name, n = stage if isinstance(stage, tuple) else (stage, 0)
            return STAGES.index(name), n

        for stage in sorted(self.rows, key=rank):
            yield stage, self.rows[stage]
