"""Reads for case audits. Every list that names a child goes through access.selectors.visible_to
(an auditor sees their sampled children by audits.access while the audit is open). A moderator
grading blind is never shown the auditor's grades (`is_blind_to`)."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from access.selectors import visible_to
from audits.agreement import Agreement, agreement
from audits.choices import Grade, Service, Status, Theme
from audits.models import Audit, AuditAction, AuditDomain, AuditTool, GraderRole, Grading, Programme, Reflection
from core import clock
from core.forms import parse_id
from timescales.calendar import london_date
from workforce.roles import Role

SET_UP_ROLES = (Role.QA_OFFICER, Role.SENIOR_LEADER)
REPORT_ROLES = (
    Role.QA_OFFICER,
    Role.SENIOR_LEADER,
    Role.SERVICE_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.DIRECTOR,
    Role.TEAM_MANAGER,
)


def tools() -> QuerySet[AuditTool]:
    return AuditTool.objects.order_by("name")


def domains_of(tool) -> list[AuditDomain]:
    return list(AuditDomain.objects.filter(tool=tool).prefetch_related("questions").order_by("order"))


def programmes() -> QuerySet[Programme]:
    return Programme.objects.select_related("tool").order_by("-open_to", "-id")


def programme_get_for_user(user, programme_id) -> Programme:
    """A programme's page is for those who set up audits and read their report; 404 otherwise."""
    pk = parse_id(programme_id)
    found = Programme.objects.select_related("tool").filter(pk=pk).first() if pk else None
    if found is None or user.role not in REPORT_ROLES:
        raise Http404
    return found


def programme_theme(programme_id: int) -> str:
    """The theme a report is narrowed to, for its title ("No such programme" for a stale link:
    its figures are then empty)."""
    return Programme.objects.filter(pk=programme_id).values_list("theme", flat=True).first() or "No such programme"


def programme_audits(programme, *, user) -> list[Audit]:
    return list(
        visible_to(user, Audit.objects.filter(programme=programme), via="child")
        .select_related("child", "auditor", "moderator", "team")
        .order_by("team__name", "child__family_name", "pk")
    )


def audits_to_do(*, user) -> list[Audit]:
    return list(
        visible_to(user, Audit.objects.filter(auditor=user, status=Status.ASSIGNED), via="child")
        .select_related("child", "programme")
        .order_by("programme__audit_by", "pk")
    )


def moderations_to_do(*, user) -> list[Audit]:
    return list(
        visible_to(
            user, Audit.objects.filter(moderator=user, status=Status.COMPLETED, moderated_at__isnull=True), via="child"
        )
        .select_related("child", "programme")
        .order_by("completed_at", "pk")
    )


def awaiting_reflection(*, user, days: int = 90) -> list[Audit]:
    """Recent audits of the user's cases (as the child's worker when drawn, or their team's
    manager) without the user's reflection yet: the invitation to the audit conversation."""
    since = clock.now() - datetime.timedelta(days=days)
    mine = Q(worker=user) | Q(team__manager=user)
    reflected = Reflection.objects.filter(recorded_by=user).values("audit_id")
    return list(
        visible_to(user, Audit.objects.filter(mine, status=Status.COMPLETED, completed_at__gte=since), via="child")
        .exclude(pk__in=reflected)
        .select_related("child", "programme")
        .order_by("-completed_at")[:50]
    )


def overdue_actions_of_reports(*, user) -> list[AuditAction]:
    """Audit actions past their date owned by members of the teams `user` manages: an overdue
    action reaches its owner's manager."""
    today = clock.today()
    return list(
        visible_to(
            user,
            AuditAction.objects.open().filter(due_on__lt=today, owner__team__manager=user).exclude(owner=user),
            via="child",
        )
        .select_related("child", "owner", "audit")
        .order_by("due_on", "pk")[:200]
    )


def reaudits_to_arrange(*, user) -> list[Audit]:
    """Re-audits asked for on the completed audits of the programmes `user` set up, whose child
    has not been audited again since: the same items as the re-audit due items in their tray
    (audits.providers), each with `overdue`."""
    again = Audit.objects.filter(
        child_id=OuterRef("child_id"), status=Status.COMPLETED, completed_at__gt=OuterRef("completed_at")
    )
    audits = list(
        visible_to(
            user,
            Audit.objects.filter(programme__recorded_by=user, status=Status.COMPLETED, reaudit_on__isnull=False),
            via="child",
        )
        .exclude(Exists(again))
        .select_related("child", "programme")
        .defer("snapshot")
        .order_by("reaudit_on", "pk")[:200]
    )
    today = clock.today()
    for audit in audits:
        audit.overdue = audit.reaudit_on < today
    return audits


def actions_owned_by(*, user) -> list[AuditAction]:
    return list(
        visible_to(user, AuditAction.objects.open().filter(owner=user), via="child")
        .select_related("child")
        .order_by("due_on", "pk")[:200]
    )


def is_blind_to(user, audit) -> bool:
    """The audit's moderator has not graded yet: they must not see the auditor's grades."""
    return audit.moderator_id == user.pk and audit.moderated_at is None


def audits_for_child(child, *, user) -> list[Audit]:
    audits = list(
        Audit.objects.filter(child=child)
        .select_related("programme__tool", "auditor", "moderator")
        .order_by("-completed_at", "-pk")
    )
    actions = defaultdict(list)
    for action in AuditAction.objects.filter(child=child).select_related("owner").order_by("due_on", "pk"):
        actions[action.audit_id].append(action)
    for audit in audits:
        audit.blind = is_blind_to(user, audit)
        audit.action_list = actions[audit.pk]
    return audits


def audit_for_child(child, audit_id) -> Audit | None:
    pk = parse_id(audit_id)
    return (
        Audit.objects.filter(child=child, pk=pk)
        .select_related("programme__tool", "auditor", "moderator", "team", "worker")
        .first()
        if pk
        else None
    )


def action_for_child(child, action_id) -> AuditAction | None:
    pk = parse_id(action_id)
    return AuditAction.objects.filter(child=child, pk=pk).select_related("audit").first() if pk else None


@dataclass
class DomainRow:
    domain: AuditDomain | None
    auditor: Grading | None = None
    moderator: Grading | None = None

    @property
    def name(self) -> str:
        return self.domain.name if self.domain else "The case overall"


def gradings_of(audit) -> list[DomainRow]:
    rows = {d.pk: DomainRow(d) for d in AuditDomain.objects.filter(tool_id=audit.programme.tool_id).order_by("order")}
    overall = DomainRow(None)
    for grading in Grading.objects.filter(audit=audit).select_related("grader"):
        row = rows.get(grading.domain_id, overall) if grading.domain_id else overall
        setattr(row, grading.role, grading)
    return [*rows.values(), overall]


def reflections_of(audit) -> list[Reflection]:
    return list(Reflection.objects.filter(audit=audit).select_related("recorded_by").order_by("pk"))


# --- Agreement between auditors and moderators ---------------------------------------------------


def agreement_by_domain(audits: QuerySet[Audit]) -> list[tuple[str, Agreement]]:
    """Percentage agreement and kappa for each domain (and overall) over the moderated audits."""
    pairs: dict = defaultdict(dict)
    names = {}
    rows = Grading.objects.filter(audit__in=audits.filter(moderated_at__isnull=False)).values_list(
        "audit_id", "domain_id", "domain__name", "domain__order", "role", "grade"
    )
    for audit_id, domain_id, name, order, role, grade in rows:
        key = (order if domain_id else 10_000, name or "The case overall")
        names[key] = key[1]
        pairs[key].setdefault(audit_id, {})[role] = grade
    out = []
    for key in sorted(pairs):
        both = [
            (g[GraderRole.AUDITOR], g[GraderRole.MODERATOR])
            for g in pairs[key].values()
            if GraderRole.AUDITOR in g and GraderRole.MODERATOR in g
        ]
        out.append((names[key], agreement(both)))
    return out


# --- The report ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    programme: int | None = None
    team: int | None = None
    service: str = ""
    grade: int | None = None
    month: str = ""  # YYYY-MM
    theme: str = ""
    moderated: bool = False
    compliance: str = ""  # a COMPLIANCE field
    compliant: bool | None = None

    def query(self, **changes) -> str:
        """The query string for these filters (and `changes`), for the drill-down links."""
        from urllib.parse import urlencode

        values = {**self.__dict__, **changes}
        parts = {
            k: ("1" if v is True else "0" if v is False else v)
            for k, v in values.items()
            if v not in (None, "", False) or (k == "compliant" and v is False)
        }
        return urlencode(parts)


def _filtered(queryset, filters: Filters):
    if filters.programme:
        queryset = queryset.filter(programme_id=filters.programme)
    if filters.team:
        queryset = queryset.filter(team_id=filters.team)
    if filters.service:
        queryset = queryset.filter(service=filters.service)
    return queryset


def completed_audits(*, user, filters: Filters) -> QuerySet[Audit]:
    """The completed audits of children `user` may see, narrowed by the filters (the drill-down)."""
    audits = _filtered(visible_to(user, Audit.objects.filter(status=Status.COMPLETED), via="child"), filters)
    if filters.grade:
        audits = audits.filter(grade=filters.grade)
    if filters.month:  # checked by the view: YYYY-MM
        year, month = (int(x) for x in filters.month.split("-"))
        audits = audits.filter(completed_at__year=year, completed_at__month=month)
    if filters.theme:
        audits = audits.filter(themes__contains=[filters.theme])
    if filters.moderated:
        audits = audits.filter(moderated_at__isnull=False)
    if filters.compliance:
        audits = audits.filter(**{filters.compliance: filters.compliant})
    return audits


def audit_rows(*, user, filters: Filters, limit: int = 500) -> list[Audit]:
    return list(
        completed_audits(user=user, filters=filters)
        .select_related("child", "programme", "team", "auditor")
        .order_by("-completed_at", "-pk")[:limit]
    )


def action_rows(*, user, filters: Filters, state: str, limit: int = 500) -> list[AuditAction]:
    actions = AuditAction.objects.filter(audit__in=_filtered(Audit.objects.all(), filters))
    today = clock.today()
    actions = {
        "done": actions.filter(done_on__isnull=False),
        "overdue": actions.filter(done_on__isnull=True, due_on__lt=today),
        "open": actions.filter(done_on__isnull=True, due_on__gte=today),
    }.get(state, actions)
    return list(
        visible_to(user, actions, via="child")
        .select_related("child", "owner", "audit__programme")
        .order_by("due_on", "pk")[:limit]
    )


@dataclass
class Report:
    total: int = 0
    by_grade: Counter = field(default_factory=Counter)
    by_programme: dict = field(default_factory=dict)  # id -> (label, Counter)
    by_team: dict = field(default_factory=dict)
    by_service: dict = field(default_factory=dict)
    by_month: dict = field(default_factory=dict)
    themes: Counter = field(default_factory=Counter)
    completion: list = field(default_factory=list)  # (programme, sampled, completed)
    actions: Counter = field(default_factory=Counter)
    timeliness: list = field(default_factory=list)  # (grade, label, n, {field: (in time, applicable)})
    agreement: list = field(default_factory=list)
    moderated: int = 0
    grades: list = field(default_factory=lambda: list(Grade.choices))


def _add(table: dict, key, label, grade) -> None:
    table.setdefault(key, (label, Counter()))[1][grade] += 1


def report(*, user, filters: Filters) -> Report:
    """Everything the report page shows, in a handful of queries: the completed audits' rows read
    once and counted here (a year of audits is thousands of rows, not millions)."""
    from audits.snapshot import COMPLIANCE

    out = Report()
    base = completed_audits(
        user=user, filters=Filters(programme=filters.programme, team=filters.team, service=filters.service)
    )
    rows = base.values_list(
        "programme_id",
        "programme__theme",
        "team_id",
        "team__name",
        "service",
        "grade",
        "completed_at",
        "themes",
        "moderated_at",
        *COMPLIANCE,
    )
    services = dict(Service.choices)
    checks = {g: {f: [0, 0] for f in COMPLIANCE} for g in Grade.values}
    per_grade = Counter()
    for programme_id, theme, team_id, team, service, grade, completed_at, themes, moderated_at, *comp in rows:
        out.total += 1
        out.by_grade[grade] += 1
        _add(out.by_programme, programme_id, theme, grade)
        _add(out.by_team, team_id or 0, team or "No team", grade)
        _add(out.by_service, service, services.get(service, service), grade)
        month = london_date(completed_at).strftime("%Y-%m")
        _add(out.by_month, month, month, grade)
        out.themes.update(themes or [])
        out.moderated += moderated_at is not None
        per_grade[grade] += 1
        for name, value in zip(COMPLIANCE, comp, strict=True):
            if value is not None:
                checks[grade][name][1] += 1
                checks[grade][name][0] += bool(value)
    out.by_month = dict(sorted(out.by_month.items()))
    out.timeliness = [
        (value, label, per_grade[value], {f: tuple(checks[value][f]) for f in COMPLIANCE})
        for value, label in Grade.choices
    ]
    sampled = _filtered(visible_to(user, Audit.objects.all(), via="child"), filters)
    counts = Counter()
    for programme_id, status in sampled.values_list("programme_id", "status"):
        counts[(programme_id, status)] += 1
    progs = Programme.objects.filter(pk__in={p for p, _ in counts}).order_by("-open_to", "-pk")
    out.completion = [
        (p, counts[(p.pk, Status.ASSIGNED)] + counts[(p.pk, Status.COMPLETED)], counts[(p.pk, Status.COMPLETED)])
        for p in progs
    ]
    today = clock.today()
    actions = visible_to(
        user, AuditAction.objects.filter(audit__in=_filtered(Audit.objects.all(), filters)), via="child"
    )
    for done_on, due_on in actions.values_list("done_on", "due_on"):
        out.actions["done" if done_on else "overdue" if due_on < today else "open"] += 1
    out.agreement = agreement_by_domain(base)
    labels = dict(Theme.choices)
    # A list, not the Counter: a template looks `most_common` up as a key of a Counter first.
    out.theme_rows = [(code, labels.get(code, code), n) for code, n in out.themes.most_common()]
    return out
