"""The demo's staff records, kept through the staff services as the workforce lead would:

- everyone's profile: FTE, Social Work England registration (renewed to 30 November), the date
  they qualified; Sophie Clarke's registration lapsed last 30 November;
- Ben Brown is an agency social worker (Acme Social Care, 4 weeks' notice, within the cap);
- Ruth Lindqvist, an agency social worker, started in Safeguarding Team East 9 days ago: her
  induction is under way (some items done, one overdue) and her mandatory training is due;
- Yusuf Ali is in his ASYE, so his caseload limit is protected;
- each team's establishment: a post for each member and a vacant post in two teams;
- mandatory training attended, one course expired (Amara Okafor's information governance);
- a social worker who left in the summer (turnover) and the regional price caps.

Idempotent: it does nothing when any staff profile is recorded.
"""

import datetime
from decimal import Decimal

from core import clock
from staff import services
from staff.models import AgencyPriceCap, Attendance, Course, InductionTask, Post, StaffProfile
from workforce.models import Team, User
from workforce.roles import Role

LEAD = "wf.shah"
STARTED_YEARS_AGO = {
    "sw.okafor": 4,
    "sw.brown": 1,
    "sw.ali": 0,
    "sw.clarke": 6,
    "sw.nowak": 3,
    "tm.hughes": 9,
    "tm.wright": 12,
    "tm.osei": 7,
    "mash.lee": 10,
    "iro.patel": 8,
    "pa.adeyemi": 5,
    "pf.harris": 6,
}
QUALIFIED_YEARS_AGO = {
    "sw.okafor": 6,
    "sw.brown": 8,
    "sw.ali": 0,
    "sw.clarke": 9,
    "sw.nowak": 5,
    "tm.hughes": 15,
    "tm.wright": 18,
    "tm.osei": 12,
    "iro.patel": 20,
}
VACANT = {"Safeguarding Team East": 1, "Children in Care Team": 1}


def _years_ago(today, years, days=40):
    return today.replace(year=today.year - years) - datetime.timedelta(days=days)


def load_demo_workforce(staff: dict) -> bool:
    if StaffProfile.objects.exists():
        return False
    today = clock.today()
    lead = User.objects.get(username=LEAD)
    renewed_to = datetime.date(today.year if today.month < 12 else today.year + 1, 11, 30)
    AgencyPriceCap.objects.get_or_create(
        role=Role.SOCIAL_WORKER, defaults={"hourly_cap": Decimal("42.00"), "region": "Demo region"}
    )
    AgencyPriceCap.objects.get_or_create(
        role=Role.TEAM_MANAGER, defaults={"hourly_cap": Decimal("52.00"), "region": "Demo region"}
    )
    everyone = {u.username: u for u in User.objects.filter(username__in=STARTED_YEARS_AGO)}
    for n, (username, user) in enumerate(sorted(everyone.items())):
        # Yusuf Ali started on the first day of his ASYE (demo_supervision: 90 days ago).
        started = (
            today - datetime.timedelta(days=90)
            if username == "sw.ali"
            else _years_ago(today, STARTED_YEARS_AGO[username], 30 + n)
        )
        User.objects.filter(pk=user.pk).update(started_on=started)
        qualified = QUALIFIED_YEARS_AGO.get(username)
        StaffProfile.objects.create(
            user=user,
            fte=Decimal("0.8") if username == "sw.clarke" else Decimal("1"),
            swe_number=f"SW{700100 + n}" if qualified is not None else "",
            registered_until=(renewed_to.replace(year=renewed_to.year - 1) if username == "sw.clarke" else renewed_to)
            if qualified is not None
            else None,
            qualified_on=_years_ago(today, qualified, 200) if qualified is not None else None,
            early_career="asye" if username == "sw.ali" else "",
            agency_name="Acme Social Care" if username == "sw.brown" else "",
            agency_notice_weeks=4 if username == "sw.brown" else None,
            agency_hourly_rate=Decimal("40.00") if username == "sw.brown" else None,
        )
    _establishment(today)
    _training(today, lead)
    _starter_and_leaver(today, lead)
    return True


def _establishment(today):
    opened = today.replace(year=today.year - 5)
    for team in Team.objects.exclude(name__endswith="(generated)").order_by("name"):
        for member in User.objects.filter(team=team, is_active=True).order_by("pk"):
            Post.objects.create(
                team=team,
                title=member.job_title or Role(member.role).label,
                role=member.role,
                holder=member,
                opened_on=opened,
            )
        for n in range(VACANT.get(team.name, 0)):
            Post.objects.create(team=team, title=f"Social worker (vacant {n + 1})", opened_on=opened)


def _training(today, lead):
    courses = {c.title: c for c in Course.objects.all()}
    from staff.selectors import expiry_for

    for username in ("sw.okafor", "sw.brown", "sw.clarke", "sw.nowak", "tm.hughes", "tm.wright", "tm.osei"):
        worker = User.objects.get(username=username)
        for title, course in courses.items():
            if worker.role not in course.mandatory_for:
                continue
            months_ago = 14 if (username, title) == ("sw.okafor", "Information governance and data protection") else 5
            attended = today - datetime.timedelta(days=30 * months_ago)
            Attendance.objects.create(
                worker=worker,
                course=course,
                attended_on=attended,
                recorded_by=lead,
                expires_on=expiry_for(course, attended),
            )


def _starter_and_leaver(today, lead):
    team = Team.objects.get(name="Safeguarding Team East")
    vacant = Post.objects.filter(team=team, holder__isnull=True).first()
    started = today - datetime.timedelta(days=9)
    worker = services.starter_record(
        actor=lead,
        username="sw.lindqvist",
        first_name="Ruth",
        last_name="Lindqvist",
        role=Role.SOCIAL_WORKER,
        team=team,
        started_on=started,
        agency=True,
        post=vacant,
        fte=Decimal("1"),
        agency_name="Northern Locums",
        agency_notice_weeks=4,
        agency_hourly_rate=Decimal("41.50"),
        swe_number="SW700190",
        registered_until=datetime.date(today.year if today.month < 12 else today.year + 1, 11, 30),
        qualified_on=today.replace(year=today.year - 7),
        early_career="",
    )
    tasks = list(InductionTask.objects.filter(induction__worker=worker).order_by("due_on", "pk"))
    for task in tasks[:3]:
        services.induction_task_done(actor=User.objects.get(username="tm.wright"), task=task, done_on=task.due_on)
    leaver_team = Team.objects.get(name="Children in Care Team")
    leaver = services.starter_record(
        actor=lead,
        username="sw.okeke",
        first_name="Chidi",
        last_name="Okeke",
        role=Role.SOCIAL_WORKER,
        team=leaver_team,
        started_on=today.replace(year=today.year - 3),
        fte=Decimal("1"),
        qualified_on=today.replace(year=today.year - 5),
        swe_number="SW700191",
    )
    left = today - datetime.timedelta(days=100)
    services.leaver_record(actor=lead, worker=leaver, left_on=left, leaving_reason="other_la")
