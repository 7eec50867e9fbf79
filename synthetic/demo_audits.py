"""Case audits in the demo, recorded through the audit services with the clock moved to the day
each thing happened:

- "Neglect: children in need and on plans" (help and protection tool), set up by Farah Rahman
  (QA) a month ago for Assessment Team North and Safeguarding Team East: four children drawn
  with seed 2026, audited by Farah Rahman and Kwame Osei (who manages neither team), half
  moderated blind by Gareth Morgan (senior leader). Actions: some done, one overdue (so it reaches
  the owner's manager), the workers' reflections on some.
- "Children in care: permanence" (children in care tool), set up three weeks ago for the Children
  in Care Team: audited by Farah Rahman; one audit done and waiting for Gareth Morgan's blind
  moderation, the others still open in Farah Rahman's list.

Idempotent: it does nothing when a programme is already there.
"""

import datetime

from django.utils import timezone

from audits import services
from audits.models import Audit, AuditAction, AuditTool, Programme
from core import clock
from workforce.models import Team

EVIDENCE = {
    1: "Exceptional: the child's own words drive the plan, and every action is done early.",
    2: "The child is seen alone at most visits; the plan is in date and reviewed on time.",
    3: "Visits happen, but the child's views are thin and the plan's actions drift.",
    4: "The child was not seen for two months and the plan does not address the risks.",
}


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _grades(audit, grade: int, spread: int = 0):
    domains = list(audit.programme.tool.domains.order_by("order"))
    return {
        d.pk: (
            max(1, min(4, grade + (spread if i % 2 else 0))),
            EVIDENCE[max(1, min(4, grade + (spread if i % 2 else 0)))],
        )
        for i, d in enumerate(domains)
    }


def _grade(audit, grade: int, *, actions=(), themes=(), spread=0, reaudit_on=None):
    return services.audit_grade(
        actor=audit.auditor,
        audit=audit,
        grades=_grades(audit, grade, spread),
        overall_grade=grade,
        overall_evidence=EVIDENCE[grade],
        summary="Findings discussed with the worker and their manager.",
        themes=list(themes),
        family_feedback="Mum said the worker listens and explains things.",
        actions=list(actions),
        reaudit_on=reaudit_on,
    )


def load_demo_audits(staff: dict) -> bool:
    if Programme.objects.exists():
        return False
    tools = {t.code: t for t in AuditTool.objects.all()}
    teams = {
        t.name: t
        for t in Team.objects.filter(
            name__in=["Assessment Team North", "Safeguarding Team East", "Children in Care Team"]
        )
    }
    if len(tools) < 2 or len(teams) < 3:
        return False
    qa, osei, morgan = staff["qa.rahman"], staff["tm.osei"], staff["sl.morgan"]
    today = clock.today()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731

    with clock.travel_to(_at(ago(32))):
        neglect = services.programme_create(
            actor=qa,
            theme="Neglect: children in need and on plans",
            tool=tools["help_and_protection"],
            service="any",
            teams=[teams["Assessment Team North"], teams["Safeguarding Team East"]],
            open_from=ago(397),
            open_to=ago(32),
            audit_by=ago(4),
            sample_rule="stratified",
            sample_size=4,
            seed=2026,
            moderation_percent=50,
            auditors=[qa, osei],
            moderators=[morgan],
        )
        services.sample_draw(actor=qa, programme=neglect)
    audits = list(Audit.objects.filter(programme=neglect).select_related("programme__tool", "worker").order_by("pk"))
    # The cases graded below good are to be audited again: the first's re-audit is already
    # overdue in Rahman's tray (a fortnight was asked for), the inadequate one's is 3 months on.
    plan = [
        (3, ("voice", "drift"), 1, 14),
        (2, ("planning",), 0, None),
        (4, ("risk", "oversight"), 1, 91),
        (2, (), 0, None),
    ]
    for n, (audit, (grade, themes, spread, reaudit)) in enumerate(zip(audits, plan, strict=False)):
        day = ago(28 - 3 * n)
        with clock.travel_to(_at(day)):
            owner = "worker" if audit.worker_id else "manager"
            _grade(
                audit,
                grade,
                themes=themes,
                spread=spread,
                reaudit_on=day + datetime.timedelta(days=reaudit) if reaudit else None,
                actions=[
                    {
                        "action": "See the child alone and record their words in the plan",
                        "owner": owner,
                        "due_on": day + datetime.timedelta(days=10),
                    },
                ]
                if grade >= 3
                else [],
            )
    for audit in Audit.objects.filter(programme=neglect, moderator__isnull=False).select_related("programme__tool"):
        with clock.travel_to(_at(ago(12))):
            services.audit_moderate(
                actor=audit.moderator,
                audit=audit,
                grades=_grades(audit, audit.grade, 1),
                overall_grade=audit.grade,
                overall_evidence=EVIDENCE[audit.grade],
            )
    # The first action done on time, with the worker's reflection; the other left overdue.
    first = AuditAction.objects.filter(audit__programme=neglect).select_related("child").order_by("pk").first()
    if first is not None and first.child.current_worker_id:
        with clock.travel_to(_at(ago(16))):
            services.audit_action_done(actor=first.child.current_worker, action=first, done_on=ago(16))
            services.reflection_add(
                actor=first.child.current_worker,
                audit=first.audit,
                reflection="I will see the children alone at school, not only at home.",
            )

    with clock.travel_to(_at(ago(21))):
        care = services.programme_create(
            actor=qa,
            theme="Children in care: permanence",
            tool=tools["children_in_care"],
            service="looked_after",
            teams=[teams["Children in Care Team"]],
            open_from=ago(386),
            open_to=ago(21),
            audit_by=ago(-10),
            sample_rule="stratified",
            sample_size=2,
            seed=7,
            moderation_percent=50,
            auditors=[qa],
            moderators=[morgan],
        )
        services.sample_draw(actor=qa, programme=care)
    waiting = (
        Audit.objects.filter(programme=care, moderator__isnull=False).select_related("programme__tool").first()
        or Audit.objects.filter(programme=care).select_related("programme__tool").first()
    )
    if waiting is not None:
        with clock.travel_to(_at(ago(5))):
            owner = "worker" if waiting.worker_id else "manager"
            _grade(
                waiting,
                2,
                themes=("planning",),
                actions=[{"action": "Book the permanence planning meeting", "owner": owner, "due_on": ago(-14)}],
            )
    return True
