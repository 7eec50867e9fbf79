"""The pages the benchmark measures, each with its target from issue 7.

Every page is requested as a real member of staff who may see it: a social worker opens the
children they hold, a manager their team, the front door searches the whole authority.
"""

from __future__ import annotations

import datetime
import random
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from bench.load import Scenario

QUERY_LIMIT = 30  # no page above 30 SQL queries (issue 7)
LONDON = ZoneInfo("Europe/London")


def _child(worker, rng: random.Random) -> int:
    return rng.choice(worker.children)


def case_summary(client, worker, rng):
    return client.get(f"/people/{_child(worker, rng)}/")


def chronology(client, worker, rng):
    return client.get(f"/people/{_child(worker, rng)}/chronology/")


def my_work(client, worker, rng):
    return client.get("/my-work/")


def my_team(client, worker, rng):
    return client.get("/my-team/")


def search_step(names):
    def step(client, worker, rng):
        return client.get("/people/search/?" + urlencode({"name": rng.choice(names)}))

    return step


def _visit_form(worker, rng) -> dict:
    """A visit yesterday (always in the past, whatever the time of day), seen alone."""
    day = datetime.datetime.now(LONDON).date() - datetime.timedelta(days=1)
    return {
        "visit_date_0": str(day.day),
        "visit_date_1": str(day.month),
        "visit_date_2": str(day.year),
        "visit_time": f"{rng.randint(8, 19):02d}:{rng.randint(0, 59):02d}",
        "visit_type": "home",
        "child_seen": "yes",
        "seen_alone": "yes",
        "bedroom_seen": "yes",
        "voice_of_child": "Said school is going better and wants to see her nan more often.",
        "observations": "Home warm and tidy; food in the cupboards. Child relaxed with mother.",
        "next_steps": "Check school attendance with the designated teacher.",
    }


def prepare_visit(client, worker):
    """Open the form once, as the worker would, for its CSRF token and cookie (per client:
    two simulated users signed in as one worker still have a cookie each)."""
    client.csrf = client.csrf_token(f"/people/{worker.children[0]}/visits/new/")


# The server rolls back each recorded visit when its response is ready (opencsc/sql_timing.py,
# under the benchmark's OPENCSC_BENCH_SQL): every query, trigger and check of a real recording
# runs, and the benchmark leaves the authority as it found it instead of adding visits, chronology
# lines, due items and audit rows run after run.
ROLLBACK = {"X-Bench-Rollback": "1"}


def record_visit(client, worker, rng):
    child = _child(worker, rng)
    form = {"csrfmiddlewaretoken": client.csrf, **_visit_form(worker, rng)}
    return client.post(f"/people/{child}/visits/new/", form, headers=ROLLBACK)


def audit_report(client, worker, rng):
    """What the audits say (issue 17): the whole authority's year of audits, as a QA officer
    reads it, half the time for one programme."""
    programme = rng.choice(worker.children) if worker.children and rng.random() < 0.5 else None
    return client.get("/audits/report/" + (f"?programme={programme}" if programme else ""))


def improvement_plan(client, worker, rng):
    """The improvement plan (issue 15, part 5): every action with its RAG and the latest figures of
    the indicators that evidence it, as the senior leader who owns it reads it."""
    return client.get(f"/improvement/inspections/{rng.choice(worker.children)}/plan/")


def record_page(client, worker, rng):
    """One of the pages of a kind the worker holds (bench.data.record_pages)."""
    return client.get(rng.choice(worker.pages))


def _redirected_to_visits(response) -> bool:
    return response.status == 302 and "/visits/" in response.headers.get("location", "")


def _get(url):
    def step(client, worker, rng):
        return client.get(url)

    return step


def build(
    *, social_workers, managers, searchers, names, leaders=(), auditors=(), plan_readers=(), cp_plans=(), assessments=()
) -> list[Scenario]:
    none_with_cases = "" if social_workers else "no social worker in this authority holds a child"
    no_manager = "" if managers else "no team manager has a team"
    return [
        Scenario("case_summary", "Case summary", 150, social_workers, case_summary, unavailable=none_with_cases),
        Scenario("chronology", "Chronology", None, social_workers, chronology, unavailable=none_with_cases),
        Scenario(
            "search",
            "Person search (half misspelt)",
            50,
            searchers or social_workers,
            search_step(names),
            unavailable="" if (searchers or social_workers) and names else "nobody to search for",
        ),
        Scenario("my_work", "My work (social worker)", 100, social_workers, my_work, unavailable=none_with_cases),
        Scenario(
            "my_team",
            "My team (manager)",
            100,
            managers,
            my_team,
            unavailable="" if managers else "no team manager has a team",
        ),
        Scenario(
            "record_visit",
            "Recording a visit (POST, rolled back)",
            200,
            social_workers,
            record_visit,
            prepare=prepare_visit,
            ok=_redirected_to_visits,
            unavailable=none_with_cases,
        ),
        # Issue 14: the manager's supervision, oversight and oversight-figures pages.
        Scenario("supervision", "Supervision (manager)", 150, managers, _get("/supervision/"), unavailable=no_manager),
        Scenario(
            "oversight", "Management oversight (manager)", 150, managers, _get("/oversight/"), unavailable=no_manager
        ),
        Scenario(
            "oversight_figures",
            "Oversight figures (manager)",
            150,
            managers,
            _get("/performance/oversight/"),
            unavailable=no_manager,
        ),
        # The manager's queue of decisions waiting for them (the generator's decisions and the
        # assessments waiting for authorisation); no target until it is measured on the large build.
        Scenario(
            "decisions", "Decisions waiting (manager)", None, managers, _get("/decisions/"), unavailable=no_manager
        ),
        # Issue 15: the dashboards (the leader's from the snapshots the job keeps).
        Scenario(
            "team_dashboard",
            "Team dashboard (manager)",
            None,
            managers,
            _get("/performance/dashboards/team/"),
            unavailable=no_manager,
        ),
        Scenario(
            "leader_dashboard",
            "Senior leader's dashboard",
            500,
            list(leaders),
            _get("/performance/dashboards/leaders/"),
            unavailable="" if leaders else "no senior leader in this authority",
        ),
        Scenario(
            "audit_report",
            "Case audit report (QA officer)",
            300,
            list(auditors),
            audit_report,
            unavailable="" if auditors else "no QA officer or senior leader in this authority",
        ),
        Scenario(
            "improvement_plan",
            "Improvement plan (senior leader)",
            300,
            list(plan_readers),
            improvement_plan,
            unavailable="" if plan_readers else "no improvement plan, or nobody to read it, in this authority",
        ),
        # Issue 13: the work's content, read as the worker who holds the child; a record page's
        # target, as the case summary's.
        Scenario(
            "cp_plan",
            "Child protection plan with outcomes and actions",
            150,
            list(cp_plans),
            record_page,
            unavailable="" if cp_plans else "no social worker holds an open CP plan with content",
        ),
        Scenario(
            "assessment",
            "Assessment with its sections (authorised)",
            150,
            list(assessments),
            record_page,
            unavailable="" if assessments else "no social worker holds an authorised assessment",
        ),
    ]
