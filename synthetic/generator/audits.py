"""A year of case audits for a generated authority, written in bulk after its children: five
programmes (neglect, children in care, placed with parents, care leavers, voice of the child),
each drawing its sample from the open children with the same sampling as the service
(audits.sampling: stratified by team, seeded, free of conflicts of interest), audited by the
authority's QA officers and a team manager, a tenth moderated blind by a senior leader. Grades
lean towards good with some requiring improvement and a few inadequate; the compliance part
leans with the grade; audits graded below good set actions, most done, some overdue (so they
reach the owners' managers). The latest programme is still in progress.

Plain values from one seeded random source, so the same seed gives the same audits. The due
items of the actions are made by the engine with everyone else's (generate())."""

from __future__ import annotations

import datetime
import random
from collections import Counter

from django.utils import timezone

from audits import cohort as cohorts
from audits import sampling
from audits.choices import Service, Status, Theme
from audits.models import Audit, AuditAction, AuditTool, GraderRole, Grading, Programme, Reflection
from people.models import Person
from workforce.models import User
from workforce.roles import Role

PROGRAMMES = [  # (days before today the period ends, theme, tool, service)
    (330, "Neglect: children in need and on plans", "help_and_protection", Service.CHILD_IN_NEED),
    (240, "Children in care: permanence", "children_in_care", Service.LOOKED_AFTER),
    (180, "Children placed with parents", "children_in_care", Service.PLACED_WITH_PARENTS),
    (120, "Care leavers' pathway plans", "children_in_care", Service.CARE_LEAVER),
    (20, "Voice of the child", "help_and_protection", Service.CHILD_IN_NEED),
]
GRADE_WEIGHTS = (0.08, 0.47, 0.33, 0.12)
EVIDENCE = {
    1: "The child's own words drive the plan; every action is done early.",
    2: "Seen alone at most visits; the plan is in date and reviewed on time.",
    3: "Visits happen but the child's views are thin and actions drift.",
    4: "Not seen for two months; the plan does not address the risks.",
}
ACTIONS = [
    "See the child alone and record their words",
    "Update the plan with SMART actions",
    "Hold the overdue review",
    "Record management oversight of the plan",
]
THEMES = list(Theme.values)


def _moment(day: datetime.date, hour: int = 11) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _staff(seed: int) -> tuple[list[User], User]:
    """Two QA officers and a senior leader for the generated authority (it has none of its own)."""
    made = []
    for username, role, first in (
        (f"gen{seed}.qa1", Role.QA_OFFICER, "Quinn"),
        (f"gen{seed}.qa2", Role.QA_OFFICER, "Rowan"),
        (f"gen{seed}.senior", Role.SENIOR_LEADER, "Sam"),
    ):
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": f"Generated {seed}",
                "role": role,
                "job_title": Role(role).label,
                "password": "!",
            },
        )
        made.append(user)
    return made[:2], made[2]


def _bounded(grade: int) -> int:
    return max(1, min(4, grade))


def generate_audits(seed: int, today: datetime.date, open_ids) -> Counter:
    rng = random.Random(seed * 6_271 + 5)
    tools = {t.code: t for t in AuditTool.objects.prefetch_related("domains")}
    if not tools:
        return Counter()
    qa, senior = _staff(seed)
    manager = (
        User.objects.filter(role=Role.TEAM_MANAGER, username__startswith="gen", is_active=True).order_by("pk").first()
    )
    auditors = qa + ([manager] if manager else [])
    open_set = set(open_ids)
    counts = Counter()
    for n, (ends_ago, theme, tool_code, service) in enumerate(PROGRAMMES):
        ends = today - datetime.timedelta(days=ends_ago)
        programme = Programme.objects.create(
            theme=theme,
            tool=tools[tool_code],
            service=service,
            open_from=ends - datetime.timedelta(days=365),
            open_to=ends,
            sample_rule="stratified",
            sample_size=1,
            seed=seed * 100 + n,
            moderation_percent=10,
            audit_by=ends + datetime.timedelta(days=35),
            recorded_by=qa[0],
        )
        programme.auditors.set(auditors)
        programme.moderators.set([senior])
        pool = [c for c in cohorts.candidates(programme) if c.child_id in open_set]
        size = min(40, max(6, len(pool) // 40), len(pool))
        if not size:
            programme.delete()
            continue
        conflicts = cohorts.Conflicts(auditors + [senior])
        conflicts.load_workers([c.child_id for c in pool])
        chosen = sampling.draw([c for c in pool if any(not conflicts(a.pk, c) for a in auditors)], size, programme.seed)
        assigned = sampling.assign(chosen, [a.pk for a in auditors], programme.seed, conflicts)
        moderated = set(sampling.moderated(list(assigned), programme.moderation_percent, programme.seed))
        Programme.objects.filter(pk=programme.pk).update(
            sample_size=size, drawn_at=_moment(ends), drawn_seed=programme.seed, cohort_size=len(pool)
        )
        counts.update(
            _write(
                rng,
                programme,
                tools[tool_code],
                chosen,
                assigned,
                moderated,
                senior,
                ends,
                today,
                in_progress=n == len(PROGRAMMES) - 1,
            )
        )
    return counts


def _write(rng, programme, tool, chosen, assigned, moderated, senior, ends, today, *, in_progress) -> Counter:
    held = {
        pk: (team, worker, manager, name)
        for pk, team, worker, manager, name in Person.objects.filter(pk__in=list(assigned)).values_list(
            "pk", "current_team_id", "current_worker_id", "current_team__manager_id", "given_name"
        )
    }
    domains = list(tool.domains.all())
    audits, plans = [], []
    for child in chosen:
        if child.child_id not in assigned:
            continue
        team, worker, manager, name = held[child.child_id]
        done_on = ends + datetime.timedelta(days=rng.randint(3, 40))
        done = done_on <= today and not (in_progress and rng.random() < 0.4)
        grade = rng.choices((1, 2, 3, 4), weights=GRADE_WEIGHTS)[0]
        in_time = lambda: rng.random() < (0.95, 0.85, 0.6, 0.35)[grade - 1]  # noqa: E731 - compliance leans with the grade
        audit = Audit(
            programme=programme,
            child_id=child.child_id,
            auditor_id=assigned[child.child_id],
            team_id=team,
            worker_id=worker,
            service=programme.service,
            access_until=_moment(programme.audit_by + datetime.timedelta(days=14)),
            moderator=senior if child.child_id in moderated else None,
        )
        if done:
            audit.status, audit.grade = Status.COMPLETED, grade
            audit.started_at = audit.completed_at = _moment(done_on)
            audit.visits_in_time, audit.reviews_in_time, audit.supervision_in_time = in_time(), in_time(), in_time()
            audit.themes = rng.sample(THEMES, rng.randint(0, 2))
            audit.snapshot = {"summary": {"name": name}, "due": [], "recent": [], "generated": True}
            audit.summary = EVIDENCE[grade]
            # An inadequate case is audited again 3 months on (no draw from rng: the rest of the
            # generated year stays as it was). A year's early ones are overdue unless a later
            # programme happened to sample the child again.
            audit.reaudit_on = done_on + datetime.timedelta(days=91) if grade == 4 else None
        audits.append(audit)
        plans.append((audit, grade, done_on, manager))
    Audit.objects.bulk_create(audits)
    gradings, actions, reflections, moderated_n = [], [], [], 0
    for audit, grade, done_on, manager in plans:
        if audit.status != Status.COMPLETED:
            continue
        per_domain = [_bounded(grade + rng.choice((-1, 0, 0, 0, 1))) for _ in domains]
        for domain, g in [*zip(domains, per_domain, strict=True), (None, grade)]:
            gradings.append(
                Grading(
                    audit=audit,
                    domain=domain,
                    role=GraderRole.AUDITOR,
                    grader_id=audit.auditor_id,
                    grade=g,
                    evidence=EVIDENCE[g],
                    stands=audit.moderator_id is None,
                    graded_at=audit.completed_at,
                )
            )
        moderated_on = done_on + datetime.timedelta(days=rng.randint(5, 20))
        if audit.moderator_id and moderated_on <= today:
            moderated_n += 1
            final = grade if rng.random() < 0.75 else _bounded(grade + rng.choice((-1, 1)))
            for domain, g in [*zip(domains, per_domain, strict=True), (None, final)]:
                g = g if rng.random() < 0.8 or domain is None else _bounded(g + rng.choice((-1, 1)))
                gradings.append(
                    Grading(
                        audit=audit,
                        domain=domain,
                        role=GraderRole.MODERATOR,
                        grader_id=audit.moderator_id,
                        grade=g,
                        evidence=EVIDENCE[g],
                        stands=True,
                        graded_at=_moment(moderated_on),
                    )
                )
            audit.grade, audit.moderated_at = final, _moment(moderated_on)
        elif audit.moderator_id:  # still waiting for the moderator: the auditor's grades stand meanwhile
            for grading in gradings:
                if grading.audit is audit:
                    grading.stands = True
        if grade >= 3:
            owner = audit.worker_id or manager
            for text in rng.sample(ACTIONS, rng.randint(1, 2)):
                due = done_on + datetime.timedelta(days=28)
                finished = due < today and rng.random() < 0.7
                actions.append(
                    AuditAction(
                        audit=audit,
                        child_id=audit.child_id,
                        action=text,
                        owner_id=owner,
                        due_on=due,
                        set_on=done_on,
                        recorded_by_id=audit.auditor_id,
                        done_on=min(today, due + datetime.timedelta(days=rng.randint(-10, 5))) if finished else None,
                        done_by_id=owner if finished else None,
                    )
                )
        if audit.worker_id and rng.random() < 0.5:
            reflections.append(
                Reflection(
                    audit=audit,
                    by="practitioner",
                    recorded_by_id=audit.worker_id,
                    reflection="Talked it through with the auditor; I will see the child alone more.",
                )
            )
    Audit.objects.bulk_update([a for a, *_ in plans if a.moderated_at], ["grade", "moderated_at"])
    Grading.objects.bulk_create(gradings)
    AuditAction.objects.bulk_create([a for a in actions if a.owner_id])
    Reflection.objects.bulk_create(reflections)
    return Counter(
        {
            "audits": len(audits),
            "audit gradings": len(gradings),
            "audits moderated": moderated_n,
            "audit actions": len(actions),
        }
    )
