"""Writes for case audits. Each is one transaction; what lands on a child's record (the audit's
outcome, its actions, an action done) writes its chronology line and refreshes the child's due
items in the same one.

Who: QA officers and senior leaders set up programmes and draw their samples (SET_UP_AUDITS); an
audit's auditor grades it and its moderator moderates it (GRADE_AUDIT, relationship AUDITING, and
then the service checks it is theirs: anyone else is a 404); the child's worker and manager add
their reflection (REFLECT_ON_AUDIT); an action's owner marks it done (COMPLETE_AUDIT_ACTION).

Bad input from the issue is refused with a message and nothing saved: a grade without evidence,
an auditor with a conflict of interest, a sample larger than the cohort, a moderation of one's own
audit.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404

from access.capabilities import Capability, require
from audits import cohort as cohorts
from audits import sampling, snapshot
from audits.choices import Grade, ReflectionBy, SampleRule, Service, Status, Theme
from audits.models import Audit, AuditAction, GraderRole, Grading, Programme, Reflection
from casework.chronology import chronology_record
from casework.times import local_moment
from core import clock
from core.constraints import constraint_messages
from core.dates import DateChecks, long_date
from people.locks import lock_child
from timescales.engine import due_from, refresh_due_items
from workforce.roles import Role

OWNER_WORKER, OWNER_MANAGER = "worker", "manager"
ACCESS_AFTER_AUDIT_BY = datetime.timedelta(days=14)  # a little time past the deadline to finish


def _text(value) -> str:
    return (value or "").strip()


def _moment(day: datetime.date) -> datetime.datetime:
    return local_moment(day, datetime.time(12, 0))


# --- Programmes and their samples ----------------------------------------------------------------


@transaction.atomic
def programme_create(
    *,
    actor,
    theme: str,
    tool,
    open_from,
    open_to,
    audit_by,
    auditors,
    service: str = Service.ANY,
    legal_status: str = "",
    teams=(),
    age_from=None,
    age_to=None,
    sample_rule: str = SampleRule.STRATIFIED,
    sample_size=None,
    seed=None,
    moderation_percent: int = 10,
    moderators=(),
) -> Programme:
    require(actor, Capability.SET_UP_AUDITS)
    checks = DateChecks()
    if not _text(theme):
        checks.add("theme", "Enter the theme of the audit programme")
    if tool is None:
        checks.add("tool", "Select the audit tool")
    if service not in Service.values:
        checks.add("service", "Select the part of the service the cohort is drawn from")
    if checks.required("open_from", open_from, "the start of the period") and checks.required(
        "open_to", open_to, "the end of the period"
    ):
        checks.not_before("open_to", open_to, open_from, "The end of the period must be on or after its start")
    if checks.required("audit_by", audit_by, "the date the audits are to be done by"):
        checks.not_before("audit_by", audit_by, clock.today(), "The audits must be due today or later")
    if age_from is not None and age_to is not None and age_to < age_from:
        checks.add("age_to", "The oldest age must be the same as or more than the youngest")
    if sample_rule == SampleRule.STRATIFIED:
        if not sample_size or sample_size < 1:
            checks.add("sample_size", "Enter how many cases to sample, 1 or more")
    elif sample_rule == SampleRule.ALL:
        sample_size = None
    else:
        checks.add("sample_rule", "Select the sample rule")
    if not 0 <= (moderation_percent or 0) <= 100:
        checks.add("moderation_percent", "The share moderated must be between 0 and 100 per cent")
    auditors, moderators = list(auditors or []), list(moderators or [])
    if not auditors:
        checks.add("auditors", "Select at least one auditor")
    if moderation_percent and not moderators:
        checks.add("moderators", "Select at least one moderator, or moderate none (0 per cent)")
    checks.raise_if_any()
    programme = Programme.objects.create(
        theme=_text(theme),
        tool=tool,
        service=service,
        legal_status=legal_status or "",
        age_from=age_from,
        age_to=age_to,
        open_from=open_from,
        open_to=open_to,
        sample_rule=sample_rule,
        sample_size=sample_size,
        seed=seed if seed is not None else clock.now().microsecond % 100_000 + 1,
        moderation_percent=moderation_percent or 0,
        audit_by=audit_by,
        recorded_by=actor,
    )
    programme.teams.set(list(teams or []))
    programme.auditors.set(auditors)
    programme.moderators.set(moderators)
    return programme


def plan_sample(programme, seed: int) -> tuple[list[sampling.Candidate], dict[int, int], dict[int, int], int]:
    """The sample `seed` draws, without saving it: (children, {child: auditor}, {child: moderator},
    the size of the cohort free of conflicts). Raises ValidationError for a sample larger than it."""
    auditors = list(programme.auditors.all())
    moderators = list(programme.moderators.all())
    conflicts = cohorts.Conflicts(auditors + moderators)
    pool = cohorts.candidates(programme)
    conflicts.load_workers([c.child_id for c in pool])
    auditor_ids = [a.pk for a in auditors]
    eligible = [c for c in pool if any(not conflicts(a, c) for a in auditor_ids)]
    try:
        chosen = sampling.draw(eligible, programme.sample_size, seed)
    except sampling.SampleTooLarge:
        left_out = len(pool) - len(eligible)
        reason = f", after leaving out {left_out} its auditors have a conflict with" if left_out else ""
        raise ValidationError(
            {
                "sample_size": f"The sample of {programme.sample_size} is larger than the cohort "
                f"({len(eligible)} children{reason})"
            }
        ) from None
    assigned = sampling.assign(chosen, auditor_ids, seed, conflicts)
    to_moderate = sampling.moderated(list(assigned), programme.moderation_percent, seed)
    by_id = {c.child_id: c for c in chosen}
    moderator_ids = [m.pk for m in moderators]
    moderated = sampling.assign(
        [by_id[c] for c in to_moderate],
        moderator_ids,
        seed + 1,
        lambda m, c: m == assigned[c.child_id] or conflicts(m, c),
    )
    return chosen, assigned, moderated, len(eligible)


@transaction.atomic
def sample_draw(*, actor, programme, seed=None) -> Programme:
    """Draw the programme's sample with its seed (or `seed`), assign auditors and moderators, and
    open the audits: each auditor reads their children until the audits are due (and a little
    after)."""
    require(actor, Capability.SET_UP_AUDITS)
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if programme.drawn_at is not None:
        raise ValidationError(f"The sample was drawn on {long_date(programme.drawn_at.date())}")
    seed = programme.seed if seed is None else seed
    chosen, assigned, moderated, eligible = plan_sample(programme, seed)
    if not assigned:
        raise ValidationError({"seed": "No child in the cohort can be audited by the programme's auditors"})
    from people.models import Person

    held = dict(
        (pk, (team, worker))
        for pk, team, worker in Person.objects.filter(pk__in=list(assigned)).values_list(
            "pk", "current_team_id", "current_worker_id"
        )
    )
    until = _moment(programme.audit_by + ACCESS_AFTER_AUDIT_BY)
    Audit.objects.bulk_create(
        [
            Audit(
                programme=programme,
                child_id=c.child_id,
                auditor_id=assigned[c.child_id],
                moderator_id=moderated.get(c.child_id),
                team_id=held[c.child_id][0],
                worker_id=held[c.child_id][1],
                service=cohorts.service_of(c.child_id) if programme.service == Service.ANY else programme.service,
                access_until=until,
            )
            for c in chosen
            if c.child_id in assigned
        ]
    )
    programme.drawn_at, programme.drawn_seed, programme.cohort_size = clock.now(), seed, eligible
    programme.save(update_fields=["drawn_at", "drawn_seed", "cohort_size"])
    return programme


def _conflict(programme, person_id, user) -> str:
    from people.models import Person

    conflicts = cohorts.Conflicts([user])
    team_id, worker_id = Person.objects.filter(pk=person_id).values_list("current_team_id", "current_worker_id").get()
    return conflicts.reason(user.pk, person_id, team_id, worker_id)


@transaction.atomic
def audit_reassign(*, actor, audit, auditor) -> Audit:
    """Give an open audit to another of the programme's auditors: never one with a conflict."""
    require(actor, Capability.SET_UP_AUDITS)
    audit = Audit.objects.select_for_update().select_related("programme", "child").get(pk=audit.pk)
    if not audit.is_open:
        raise ValidationError("This audit is done: it cannot be given to another auditor")
    if auditor is None or not audit.programme.auditors.filter(pk=auditor.pk).exists():
        raise ValidationError({"auditor": "Select one of the programme’s auditors"})
    reason = _conflict(audit.programme, audit.child_id, auditor)
    if reason:
        raise ValidationError({"auditor": f"{auditor} cannot audit {audit.child.full_name}: {reason}"})
    if audit.moderator_id == auditor.pk:
        raise ValidationError({"auditor": f"{auditor} moderates this audit: choose another auditor"})
    audit.auditor = auditor
    audit.save(update_fields=["auditor"])
    return audit


@transaction.atomic
def moderator_assign(*, actor, audit, moderator) -> Audit:
    require(actor, Capability.SET_UP_AUDITS)
    audit = Audit.objects.select_for_update().select_related("child").get(pk=audit.pk)
    if moderator is None:
        raise ValidationError({"moderator": "Select the moderator"})
    if moderator.pk == audit.auditor_id:
        raise ValidationError({"moderator": "An auditor cannot moderate their own audit"})
    reason = _conflict(audit.programme, audit.child_id, moderator)
    if reason:
        raise ValidationError({"moderator": f"{moderator} cannot moderate this audit: {reason}"})
    if audit.moderated_at is not None:
        raise ValidationError("This audit has been moderated")
    with constraint_messages({"audit_not_own_moderation": ("moderator", "An auditor cannot moderate their own audit")}):
        audit.moderator = moderator
        audit.save(update_fields=["moderator"])
    return audit


@transaction.atomic
def audit_assign(*, actor, audit, auditor=None, moderator=None) -> Audit:
    """Change an audit's auditor, its moderator, or both, in one go: either both changes are
    saved or (a conflict, the auditor as their own moderator) neither is."""
    require(actor, Capability.SET_UP_AUDITS)
    if auditor is None and moderator is None:
        raise ValidationError({"auditor": "Select the new auditor or the new moderator"})
    if auditor is not None and auditor.pk != audit.auditor_id:
        audit = audit_reassign(actor=actor, audit=audit, auditor=auditor)
    if moderator is not None and moderator.pk != audit.moderator_id:
        audit = moderator_assign(actor=actor, audit=audit, moderator=moderator)
    return audit


# --- Grading ---------------------------------------------------------------------------------------


def _grades(audit, grades: dict, overall: tuple, checks: DateChecks, prefix: str = "") -> list[tuple]:
    """[(domain or None, grade, evidence)] for every domain of the tool and the case overall; a
    grade without its evidence, or a domain left ungraded, is a message beside it."""
    out = []
    domains = list(audit.programme.tool.domains.all())
    for domain in [*domains, None]:
        key = f"domain_{domain.pk}" if domain else "overall"
        grade, evidence = grades.get(domain.pk, (None, "")) if domain else overall
        name = domain.name if domain else "the case overall"
        if grade in (None, ""):
            checks.add(f"{key}_grade", f"Select a grade for {name}")
        elif int(grade) not in Grade.values:
            checks.add(f"{key}_grade", f"Select a grade for {name} from the four-point scale")
        if not _text(evidence):
            checks.add(f"{key}_evidence", f"Write the evidence for the grade for {name}")
        if grade not in (None, "") and int(grade) in Grade.values and _text(evidence):
            out.append((domain, int(grade), _text(evidence)))
    return out


def _locked_audit(actor, audit, capability=Capability.GRADE_AUDIT):
    child = lock_child(audit.child)
    require(actor, capability, child)
    audit = (
        Audit.objects.select_for_update(of=("self",))
        .select_related("programme__tool", "worker", "team__manager")
        .get(pk=audit.pk)
    )
    return audit, child


def _owner(audit, owner: str, field: str, checks: DateChecks):
    if owner == OWNER_WORKER:
        if audit.worker is None:
            checks.add(field, "The child had no social worker when the sample was drawn: choose the manager")
        return audit.worker
    if owner == OWNER_MANAGER:
        manager = audit.team.manager if audit.team_id else None
        if manager is None:
            checks.add(field, "The child’s team has no manager: choose the social worker")
        return manager
    checks.add(field, "Select who owns the action")
    return None


@transaction.atomic
def audit_grade(
    *,
    actor,
    audit,
    grades: dict,
    overall_grade,
    overall_evidence: str,
    summary: str = "",
    themes=(),
    family_feedback: str = "",
    child_feedback: str = "",
    reaudit_on=None,
    actions=(),
) -> Audit:
    """The auditor's grades (each domain and overall, each with its evidence), findings, the
    family's and child's feedback, a re-audit date and the actions (each {"action", "owner",
    "due_on"}): the audit is done, its snapshot and compliance part taken as the record stands."""
    audit, child = _locked_audit(actor, audit)
    if audit.auditor_id != actor.pk:
        raise Http404
    if not audit.is_open:
        raise ValidationError("You have completed this audit")
    today = clock.today()
    checks = DateChecks()
    graded = _grades(audit, grades, (overall_grade, overall_evidence), checks)
    themes = list(dict.fromkeys(themes or []))
    if any(t not in Theme.values for t in themes):
        checks.add("themes", "Select learning themes from the list")
    if reaudit_on is not None:
        checks.not_before(
            "reaudit_on", reaudit_on, today + datetime.timedelta(days=1), "The re-audit must be after today"
        )
    agreed = []
    for index, item in enumerate(actions, start=1):
        text = _text(item.get("action"))
        if not text:
            if item.get("due_on") is not None:
                checks.add(f"action_{index}", "Enter the action, or leave its date empty")
            continue
        owner = _owner(audit, item.get("owner", ""), f"owner_{index}", checks)
        due = item.get("due_on") or due_from("audit_action", today)
        checks.not_before(f"due_on_{index}", due, today, "The action cannot be due before today")
        agreed.append((text, owner, due))
    checks.raise_if_any()
    now = clock.now()
    Grading.objects.bulk_create(
        [
            Grading(
                audit=audit,
                domain=domain,
                role=GraderRole.AUDITOR,
                grader=actor,
                grade=grade,
                evidence=evidence,
                stands=True,
                graded_at=now,
            )
            for domain, grade, evidence in graded
        ]
    )
    audit.snapshot = snapshot.take(child)
    for field, value in snapshot.compliance(child).items():
        setattr(audit, field, value)
    audit.grade = graded[-1][1]
    audit.status, audit.completed_at = Status.COMPLETED, now
    audit.started_at = audit.started_at or now
    audit.summary, audit.themes, audit.reaudit_on = _text(summary), themes, reaudit_on
    audit.family_feedback, audit.child_feedback = _text(family_feedback), _text(child_feedback)
    audit.save()
    made = AuditAction.objects.bulk_create(
        [
            AuditAction(audit=audit, child=child, action=text, owner=owner, due_on=due, set_on=today, recorded_by=actor)
            for text, owner, due in agreed
        ]
    )
    chronology_record(
        child=child,
        event_type="audit.completed",
        occurred_at=now,
        actor=actor,
        source=audit,
        data={"theme": audit.programme.theme[:200], "auditor": str(actor), "actions": len(made)},
    )
    for action in made:
        chronology_record(
            child=child,
            event_type="audit.action_set",
            occurred_at=now,
            actor=actor,
            source=action,
            data={"action": action.action[:300], "owner": str(action.owner), "due": long_date(action.due_on)},
        )
    # Always: besides the actions, a re-audit date makes an item due, and this audit may be the
    # re-audit an earlier one asked for (audits.providers).
    refresh_due_items(child)
    return audit


@transaction.atomic
def audit_moderate(*, actor, audit, grades: dict, overall_grade, overall_evidence: str) -> Audit:
    """The moderator's blind grades: they stand in place of the auditor's."""
    if actor.pk == audit.auditor_id:
        raise ValidationError("You cannot moderate your own audit")
    audit, child = _locked_audit(actor, audit)
    if audit.moderator_id != actor.pk:
        raise Http404
    if audit.is_open:
        raise ValidationError("The auditor has not finished this audit yet")
    if audit.moderated_at is not None:
        raise ValidationError("You have moderated this audit")
    checks = DateChecks()
    graded = _grades(audit, grades, (overall_grade, overall_evidence), checks)
    checks.raise_if_any()
    now = clock.now()
    Grading.objects.filter(audit=audit, role=GraderRole.AUDITOR).update(stands=False)
    Grading.objects.bulk_create(
        [
            Grading(
                audit=audit,
                domain=domain,
                role=GraderRole.MODERATOR,
                grader=actor,
                grade=grade,
                evidence=evidence,
                stands=True,
                graded_at=now,
            )
            for domain, grade, evidence in graded
        ]
    )
    audit.grade, audit.moderated_at = graded[-1][1], now
    audit.save(update_fields=["grade", "moderated_at"])
    chronology_record(
        child=child,
        event_type="audit.moderated",
        occurred_at=now,
        actor=actor,
        source=audit,
        data={"moderator": str(actor), "grade": Grade(audit.grade).label},
    )
    return audit


# --- The child's worker and manager, and the actions ----------------------------------------------


@transaction.atomic
def reflection_add(*, actor, audit, reflection: str) -> Reflection:
    """The practitioner's or manager's reflection, after the audit conversation."""
    audit, child = _locked_audit(actor, audit, Capability.REFLECT_ON_AUDIT)
    if audit.is_open:
        raise ValidationError("The audit is not finished yet: reflect once it is")
    if not _text(reflection):
        raise ValidationError({"reflection": "Enter your reflection"})
    by = ReflectionBy.MANAGER if actor.role == Role.TEAM_MANAGER else ReflectionBy.PRACTITIONER
    return Reflection.objects.create(audit=audit, by=by, reflection=_text(reflection), recorded_by=actor)


@transaction.atomic
def audit_action_done(*, actor, action: AuditAction, done_on) -> AuditAction:
    child = lock_child(action.child)
    require(actor, Capability.COMPLETE_AUDIT_ACTION, child)
    action = AuditAction.objects.select_for_update().get(pk=action.pk)
    if not action.is_open:
        raise ValidationError(f"This action was done on {long_date(action.done_on)}")
    checks = DateChecks()
    if checks.required("done_on", done_on, "the date the action was done"):
        checks.not_future("done_on", done_on, "The date the action was done")
        checks.not_before(
            "done_on",
            done_on,
            action.set_on,
            f"The action cannot be done before the audit set it on {long_date(action.set_on)}",
        )
    checks.raise_if_any()
    action.done_on, action.done_by = done_on, actor
    action.save(update_fields=["done_on", "done_by"])
    chronology_record(
        child=child,
        event_type="audit.action_done",
        occurred_at=_moment(done_on),
        actor=actor,
        source=action,
        data={"action": action.action[:300]},
    )
    refresh_due_items(child)
    return action
