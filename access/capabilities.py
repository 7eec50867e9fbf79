"""Who may record what: one capability table, by role and by the user's relationship to the child.

Reading and recording are different rights. `access.selectors.people_visible_to` says who may
*see* a child's record; this table says who may *write* to it, and it is narrower: a role that
reads across the authority (QA, senior leaders, the LADO, IROs, the front door) does not thereby
record on every child it can see. A write is allowed when

    the user can see the child (the visibility rule, restricted records included), and
    the user's role appears under the capability, and
    the user stands in one of the relationships listed for that role to this child.

Every service calls `require(actor, Capability.X, child)` before it writes; every view that renders
a form calls the same before rendering, so a role that may not record gets the 403 page instead of a
form it could never send. Templates ask `may(user, Capability.X, child)` to decide whether to show a
"Record..." link. The table below is the whole policy; the README's security section prints it.

Relationships are worked out lazily and only those the role's entry names, so a check costs at most a
query or two. Relationships that belong to a higher area (an IRO chairing the child's reviews, a
personal adviser, a private fostering arrangement) are registered by that area's AppConfig.ready()
with `register_relationship`, so this module imports no domain area above it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from django.core.exceptions import PermissionDenied

from workforce.roles import Role


class Capability(enum.StrEnum):
    ADD_CHILD = "add_child"  # a new child's record (front door, private fostering notifications)
    EDIT_PERSON = "edit_person"  # identity, names, addresses, family, professionals, warnings
    ALLOCATE = "allocate"  # change the child's team and worker
    RECORD_CASEWORK = "record_casework"  # visits, case notes, documents
    RECORD_FRONT_DOOR = "record_front_door"  # contacts, screening, referrals and their decisions
    RECORD_HELP_AND_PROTECTION = "record_help_and_protection"  # assessments, strategy, s47, CIN and CP plans, closure
    CHAIR_CONFERENCE = "chair_conference"  # initial, review and transfer-in child protection conferences
    AUTHORISE_ASSESSMENT = "authorise_assessment"  # a manager's authorisation or return of an assessment
    RECORD_LOOKED_AFTER = "record_looked_after"  # periods of care, placements, health, education, missing, visits
    CHAIR_REVIEW = "chair_review"  # looked-after reviews and the IRO's own contact with the child
    RECORD_PERMANENCE = "record_permanence"
    RECORD_CARE_LEAVING = "record_care_leaving"
    RECORD_PRIVATE_FOSTERING = "record_private_fostering"
    RECORD_ALLEGATION = "record_allegation"  # LADO allegations (about adults; not on a child's record)
    SUBMIT_DECISION = (
        "submit_decision"  # ask the team manager for a decision (plan, closure, step-down, transfer, placement)
    )
    AUTHORISE_DECISION = "authorise_decision"  # the team manager authorises or returns it, with the rationale
    RECORD_OVERSIGHT = "record_oversight"  # a manager's recorded oversight of a key event on the child's record
    RAISE_CHALLENGE = "raise_challenge"  # the IRO's (or CP chair's) challenge of a child's plan, and good practice
    RESPOND_TO_CHALLENGE = "respond_to_challenge"  # a reply to a challenge addressed to the user (oversight.services)
    RUN_RETURNS = "run_returns"  # statutory returns for the whole authority
    PREPARE_BOARD_PACK = "prepare_board_pack"  # the corporate parenting board's pack: build, write, issue
    MANAGE_ACCESS = "manage_access"  # restrict a record and name who may see it
    MERGE_RECORDS = "merge_records"
    ADMINISTER_SYSTEM = "administer_system"  # configuration, locked accounts, break-glass support access
    RECORD_SUPERVISION = "record_supervision"  # a worker's professional supervision, by their supervisor
    SIGN_SUPERVISION = "sign_supervision"  # the supervisee's signature, comment or disagreement on their own
    RECORD_CASE_SUPERVISION = "record_case_supervision"  # a case discussion in supervision, on the child's record
    COMPLETE_SUPERVISION_ACTION = "complete_supervision_action"  # an action agreed in case supervision done
    SET_UP_AUDITS = "set_up_audits"  # a case audit programme: theme, tool, cohort, sample (audits.services)
    GRADE_AUDIT = "grade_audit"  # an auditor's (or blind moderator's) grades, evidence, feedback and actions
    REFLECT_ON_AUDIT = "reflect_on_audit"  # the practitioner's or manager's reflection on their case's audit
    COMPLETE_AUDIT_ACTION = "complete_audit_action"  # an action set by a case audit done
    MANAGE_STAFF = "manage_staff"  # staff profiles, starters and leavers, the establishment (staff app)
    RECORD_INDUCTION = "record_induction"  # an item of a worker's induction done (their line manager)
    RECORD_TRAINING = "record_training"  # a worker's attendance at a course
    RECORD_IMPROVEMENT_PLAN = "record_improvement_plan"  # inspections, recommendations, the plan and its actions
    UPDATE_IMPROVEMENT_ACTION = "update_improvement_action"  # an action's status and progress, by its owner
    MANAGE_LETTER_TEMPLATES = "manage_letter_templates"  # the council's letter templates (documents app)


class Relationship(enum.StrEnum):
    """How a member of staff stands to one child."""

    ALLOCATED = "allocated"  # the child's worker, or the child's team is theirs or one they manage
    UNALLOCATED = "unallocated"  # the child has no team and no worker yet (the front door's stage)
    CHAIRED = "chaired"  # the user is the IRO appointed for the child's current period of care
    ADVISED = "advised"  # the user is the care leaver's current personal adviser
    PRIVATELY_FOSTERED = "privately_fostered"  # the child has an open private fostering arrangement
    AUDITING = "auditing"  # the user audits (or moderates) an open audit of the child (audits.access)
    ANY = "any"  # any child the user may see


A = Relationship
SW, TM, IRO, MASH = Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.IRO, Role.MASH_WORKER
PA, PFO, LADO = Role.PERSONAL_ADVISER, Role.PRIVATE_FOSTERING_OFFICER, Role.LADO_OFFICER
QA, SL, ADMIN = Role.QA_OFFICER, Role.SENIOR_LEADER, Role.SYSTEM_ADMIN
SM, HOS, DIR = Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE, Role.DIRECTOR
WL = Role.WORKFORCE_LEAD
OWN = frozenset({A.ALLOCATED})
FRONT_DOOR_STAGE = frozenset({A.ALLOCATED, A.UNALLOCATED})
ANY = frozenset({A.ANY})

# Capability -> {role: the relationships to the child under which that role may do it}.
# A capability that is not about one child (adding a child, an allegation, the returns) lists the
# roles with ANY, and is checked with child=None. Roles absent from an entry may not do it at all.
TABLE: dict[Capability, dict[Role, frozenset[Relationship]]] = {
    Capability.ADD_CHILD: {SW: ANY, TM: ANY, MASH: ANY, PFO: ANY},
    Capability.EDIT_PERSON: {
        SW: OWN,
        TM: OWN,
        MASH: FRONT_DOOR_STAGE,
        PA: frozenset({A.ADVISED}),
        PFO: frozenset({A.PRIVATELY_FOSTERED}),
    },
    Capability.ALLOCATE: {TM: OWN, MASH: FRONT_DOOR_STAGE},
    Capability.RECORD_CASEWORK: {
        SW: OWN,
        TM: OWN,
        MASH: FRONT_DOOR_STAGE,
        IRO: frozenset({A.CHAIRED}),
        PA: frozenset({A.ADVISED}),
        PFO: frozenset({A.PRIVATELY_FOSTERED}),
    },
    Capability.RECORD_FRONT_DOOR: {MASH: ANY, SW: OWN, TM: OWN},
    Capability.RECORD_HELP_AND_PROTECTION: {SW: OWN, TM: OWN, MASH: FRONT_DOOR_STAGE},
    # Child protection chairs are IROs and chair conferences for children of any team.
    Capability.CHAIR_CONFERENCE: {IRO: ANY, SW: OWN, TM: OWN},
    Capability.AUTHORISE_ASSESSMENT: {TM: OWN},
    Capability.RECORD_LOOKED_AFTER: {SW: OWN, TM: OWN},
    # An IRO may chair a review for a colleague (cover), so any looked-after child they can see.
    Capability.CHAIR_REVIEW: {IRO: ANY, SW: OWN, TM: OWN},
    Capability.RECORD_PERMANENCE: {SW: OWN, TM: OWN},
    Capability.RECORD_CARE_LEAVING: {SW: OWN, TM: OWN, PA: frozenset({A.ADVISED})},
    Capability.RECORD_PRIVATE_FOSTERING: {PFO: ANY, SW: OWN, TM: OWN, MASH: FRONT_DOOR_STAGE},
    Capability.RECORD_ALLEGATION: {LADO: ANY},
    # Management oversight at key decisions is the child's team manager's.
    Capability.RECORD_OVERSIGHT: {TM: OWN},
    # Decisions that need a manager: the child's worker (or manager) asks, the team manager decides
    # (never their own request: decisions.services).
    Capability.SUBMIT_DECISION: {SW: OWN, TM: OWN},
    Capability.AUTHORISE_DECISION: {TM: OWN},
    # IROs and CP chairs (IROs here) challenge the plan of any child they can see.
    Capability.RAISE_CHALLENGE: {IRO: ANY},
    # The worker or managers a challenge is addressed to; the service also checks it is addressed
    # to this user (or escalated to them).
    Capability.RESPOND_TO_CHALLENGE: {SW: OWN, TM: OWN, SM: ANY, HOS: ANY, DIR: ANY},
    Capability.RUN_RETURNS: {QA: ANY, SL: ANY},
    Capability.PREPARE_BOARD_PACK: {QA: ANY, SL: ANY},
    Capability.MANAGE_ACCESS: {ADMIN: ANY},
    Capability.MERGE_RECORDS: {ADMIN: ANY},
    Capability.ADMINISTER_SYSTEM: {ADMIN: ANY},
    # Supervision is of a worker, not about a child: a team manager supervises the members of the
    # teams they manage (supervision.services checks who), and each supervisee signs their own.
    Capability.RECORD_SUPERVISION: {TM: ANY},
    Capability.SIGN_SUPERVISION: {
        SW: ANY,
        TM: ANY,
        IRO: ANY,
        MASH: ANY,
        QA: ANY,
        SL: ANY,
        LADO: ANY,
        PA: ANY,
        PFO: ANY,
    },
    # The case discussion is written on the child's record: by the manager of the child's team.
    Capability.RECORD_CASE_SUPERVISION: {TM: OWN},
    Capability.COMPLETE_SUPERVISION_ACTION: {SW: OWN, TM: OWN},
    # Case audits (PRACTICE.md section 3): QA officers and senior leaders set up the programmes;
    # the auditors are whoever a programme names, of any of these roles, and grade only the
    # children assigned to them while the audit is open; the child's worker and manager reflect.
    Capability.SET_UP_AUDITS: {QA: ANY, SL: ANY},
    Capability.GRADE_AUDIT: {role: frozenset({A.AUDITING}) for role in (QA, SL, TM, SW, IRO, SM, HOS, DIR)},
    Capability.REFLECT_ON_AUDIT: {SW: OWN, TM: OWN},
    Capability.COMPLETE_AUDIT_ACTION: {SW: OWN, TM: OWN},
    # Staff records are about a worker, not a child: the workforce lead keeps them; a team manager
    # records the induction and training of the people they line-manage (staff.services checks who).
    Capability.MANAGE_STAFF: {WL: ANY},
    Capability.RECORD_INDUCTION: {TM: ANY, WL: ANY},
    Capability.RECORD_TRAINING: {TM: ANY, WL: ANY},
    # Inspections and the improvement plan are the authority's, not a child's: QA officers and
    # senior leaders record them; an action's owner (any of the roles an action can be given to)
    # updates their own action (improvement.services checks it is theirs), and the plan's
    # recorders may update any.
    Capability.RECORD_IMPROVEMENT_PLAN: {QA: ANY, SL: ANY},
    Capability.UPDATE_IMPROVEMENT_ACTION: {
        role: ANY for role in (QA, SL, TM, SW, IRO, SM, HOS, DIR, WL, PA, PFO, LADO, MASH)
    },
    # The council's letter templates are the authority's wording, not a child's record: the system
    # administrator and the QA and performance officers (the business support role here) keep them.
    # Making a letter from one is recording on the child's record (RECORD_CASEWORK).
    Capability.MANAGE_LETTER_TEMPLATES: {ADMIN: ANY, QA: ANY},
}

# Relationship -> test(user, child) -> bool, for the relationships higher areas define.
_RELATIONSHIP_TESTS: dict[Relationship, Callable[[object, object], bool]] = {}


def register_relationship(relationship: Relationship, test: Callable[[object, object], bool]) -> None:
    """An area says how to tell that a user stands in `relationship` to a child (AppConfig.ready())."""
    _RELATIONSHIP_TESTS[relationship] = test


def _allocated(user, child) -> bool:
    from access.selectors import team_ids_for

    if child.current_worker_id is not None and child.current_worker_id == user.pk:
        return True
    return child.current_team_id is not None and child.current_team_id in team_ids_for(user)


def _unallocated(user, child) -> bool:
    return child.current_team_id is None and child.current_worker_id is None


_BUILT_IN = {A.ALLOCATED: _allocated, A.UNALLOCATED: _unallocated, A.ANY: lambda user, child: True}


def stands_in(user, child, relationship: Relationship) -> bool:
    test = _BUILT_IN.get(relationship) or _RELATIONSHIP_TESTS.get(relationship)
    # A relationship no area has registered (its app not installed) is never held.
    return bool(test and test(user, child))


def _held(user, child, capabilities) -> frozenset[Capability]:
    """Which of `capabilities` the user holds for `child` (for some child, when there is none):
    the one answer behind `may` and `capabilities_for`. Visibility is checked once, and each
    relationship worked out at most once, and only when a capability needs it."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return frozenset()
    role = getattr(user, "role", None)
    wanted = {capability: TABLE[capability][role] for capability in capabilities if TABLE[capability].get(role)}
    if not wanted or child is None:
        return frozenset(wanted)
    from access.selectors import can_view_person

    if not can_view_person(user, child):
        return frozenset()
    held: dict[Relationship, bool] = {}

    def holds(relationship: Relationship) -> bool:
        if relationship not in held:
            held[relationship] = stands_in(user, child, relationship)
        return held[relationship]

    return frozenset(capability for capability, relationships in wanted.items() if any(map(holds, relationships)))


def may(user, capability: Capability, child=None) -> bool:
    """May `user` do `capability` (to `child`, when it is about one)?"""
    return bool(_held(user, child, [Capability(capability)]))


def require(user, capability: Capability, child=None) -> None:
    """Raise PermissionDenied (the 403 page) unless `may(user, capability, child)`."""
    if not may(user, capability, child):
        raise PermissionDenied("Your role cannot record this for this child.")


def roles_with(capability: Capability) -> frozenset[Role]:
    """The roles that hold `capability` for some child: for pages and navigation."""
    return frozenset(TABLE[Capability(capability)])


def capabilities_for(user, child=None) -> frozenset[Capability]:
    """Every capability `user` holds for `child`, the same answer as `may` for each, but with the
    visibility check and each relationship worked out once: for a page that shows several
    "Record..." links, so it costs the same couple of queries as one check."""
    return _held(user, child, TABLE)


def capabilities_for_request(request, child=None) -> frozenset[Capability]:
    """`capabilities_for(request.user, child)`, kept on the request: the page and its template tag
    (`{% may %}`) ask once between them. Only for deciding what to show; services call `require`."""
    cache = request.__dict__.setdefault("_capabilities", {})
    key = getattr(child, "pk", None)
    if key not in cache:
        cache[key] = capabilities_for(request.user, child)
    return cache[key]
