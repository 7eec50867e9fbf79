"""The synthetic local authority generator: `generate(size="small", seed=1)`.

Plans each family's journeys in pure Python from seeded random sources (`random.Random(seed)`
and Faker `en_GB` seeded the same way), writes them in batches of children with bulk inserts,
then brings the due items of every open case up to date with the timescale engine, exactly as
the services would have left them. Same seed, same data. See README "Synthetic data".
"""

from __future__ import annotations

import datetime
import time
from collections import Counter
from dataclasses import dataclass, field

import pghistory
import pgtrigger
from django.db import transaction

from core import clock
from synthetic.generator import faults as fault_kinds
from synthetic.generator import loading
from synthetic.generator.context import Context
from synthetic.generator.family import grant_restricted_access, la_id, new_family
from synthetic.generator.journeys import Journey
from synthetic.generator.sizes import SIZES
from synthetic.generator.staff import StaffPools
from synthetic.generator.writer import write_batch


@dataclass
class Result:
    size: str
    seed: int
    created: bool
    counts: Counter = field(default_factory=Counter)
    manifest: list = field(default_factory=list)  # (fault id, LA child ID)
    seconds: float = 0.0


def already_generated(seed: int) -> bool:
    from people.models import Person

    class _Ctx:  # la_id needs only the seed
        pass

    probe = _Ctx()
    probe.seed = seed
    return Person.objects.filter(la_id=la_id(probe, 1)).exists()


def generate(size: str = "small", seed: int = 1, faults: int = 0, progress=None, audit: bool | None = None) -> Result:
    """`audit` overrides the size's own choice (Size.audit): the tests build the medium authority
    without its audit rows, the same children and records in a fraction of the time."""
    if size not in SIZES:
        raise ValueError(f"Unknown size {size!r}: choose one of {', '.join(SIZES)}")
    if seed < 0:
        raise ValueError("The seed must be zero or a positive whole number")
    if faults < 0:
        raise ValueError("The number of faults must be zero or more")
    spec = SIZES[size]
    result = Result(size=size, seed=seed, created=False)
    if already_generated(seed):
        return result
    from people.models import Person

    if Person.objects.filter(la_id__startswith="G").exists():
        # Generated staff and LA child IDs would collide: one generated authority per database.
        raise ValueError(
            "This database already holds a generated authority with another seed: "
            "generate into an empty database (OPENCSC_DB_NAME)"
        )
    started = time.monotonic()
    audited = spec.audit if audit is None else audit
    if audited:
        audit = pghistory.context(source="synthetic generator", size=size, seed=seed)
    elif loading.can_load_as_replica():
        audit = loading.replica_session()
    else:
        audit = pgtrigger.ignore()
    with audit:
        open_ids = _generate_children(spec, seed, result, progress)
        with transaction.atomic():
            result.manifest = fault_kinds.inject(seed=seed, count=faults)
        with transaction.atomic():
            from synthetic.generator.supervision import write_supervision

            result.counts.update(write_supervision(seed, clock.today(), open_ids))
            from synthetic.generator.oversight import generate_oversight

            result.counts.update(generate_oversight(seed, clock.today()))
            from synthetic.generator.decisions import write_decisions

            result.counts.update(write_decisions(seed, clock.today(), open_ids))
            from synthetic.generator.plans import write_plans

            result.counts.update(write_plans(seed, open_ids))
            from synthetic.generator.care_plans import write_care_plans

            result.counts.update(write_care_plans(seed, clock.today(), open_ids))
            from synthetic.generator.documents import write_documents

            result.counts.update(write_documents(seed, clock.today()))
            from synthetic.generator.audits import generate_audits

            result.counts.update(generate_audits(seed, clock.today(), open_ids))
            from synthetic.generator.improvement import generate_improvement

            result.counts.update(generate_improvement(seed, clock.today()))
            from synthetic.generator.workforce import write_workforce

            result.counts.update(write_workforce(seed, clock.today()))
        _refresh_due_items(open_ids, progress)
    if not audited:
        _check_and_analyze(progress)
    result.created = True
    result.seconds = time.monotonic() - started
    return result


def _generate_children(spec, seed, result, progress) -> list[int]:
    from faker import Faker

    fake = Faker("en_GB")
    fake.seed_instance(seed)
    pools = StaffPools(seed, fake)
    ctx = Context.create(spec, seed, pools)
    ctx.fake = fake
    span = (ctx.today - ctx.start).days
    planned, open_ids = 0, []
    while planned < spec.children:
        from synthetic.generator.batch import Batch

        batch = Batch()
        in_batch = 0
        while in_batch < spec.batch and planned + in_batch < spec.children:
            first = ctx.days(ctx.start, ctx.rng.randint(0, span - 1))
            actor = pools["front_door"].any()
            children, postcode = new_family(ctx, batch, first_contact=first, actor=actor)
            for child in children:
                Journey(ctx, batch, child, postcode).run(first)
            in_batch += len(children)
        grant_restricted_access(ctx, batch)
        with transaction.atomic():
            result.counts.update(write_batch(batch, pools))
        open_ids.extend(dict.fromkeys(c.pk for c in batch.open_children))
        planned += in_batch
        if progress:
            progress(f"{planned:,} children planned and written")
    return open_ids


def _check_and_analyze(progress) -> None:
    """After a bulk load: every foreign key checked once (loading.py), then the planner's
    statistics brought up to date, so the first pages served plan from the real sizes."""
    from django.db import connection

    if progress:
        progress("checking every foreign key")
    broken = loading.broken_foreign_keys()
    if broken:
        listed = "; ".join(f"{table} {name}: {count:,} rows" for table, name, count in broken)
        raise RuntimeError(f"The generated rows break foreign keys ({listed}): the planner has a bug")
    if progress:
        progress("analyzing the tables")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _refresh_due_items(person_ids, progress, chunk=500):
    """The engine works out each open case's due items from its records, as every service does
    after a write. Open cases only: a closed case has nothing due. The generated children have
    no items yet, so the engine's matching is skipped (due.py): same rows, a chunk at a time."""
    from people.models import Person
    from synthetic.generator.due import refresh_fresh
    from timescales.calendar import get_calendar

    calendar = get_calendar()
    for i in range(0, len(person_ids), chunk):
        with transaction.atomic():
            refresh_fresh(list(Person.objects.filter(pk__in=person_ids[i : i + chunk]).order_by("pk")), calendar)
        if progress:
            progress(f"due items: {min(i + chunk, len(person_ids)):,} of {len(person_ids):,} open cases")


__all__ = ["generate", "Result", "SIZES", "datetime"]
