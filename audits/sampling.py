"""Drawing a programme's sample: at random, stratified by team, reproducibly, and assigning each
child to an auditor fairly and free of conflicts of interest.

Pure functions of plain values (no database), so the same cohort and seed always give the same
sample and the same auditors, which a test can show and a leader can re-run to check.

- Stratified: each team gets one child first (when the sample has room for one a team), then the
  rest is shared in proportion to each team's share of the cohort (largest remainders, ties to the
  larger team, then the lower team id), so a small team is not left out by chance; within a team,
  children are picked by a seeded sample of their ids.
- Conflicts: a child is eligible only if at least one auditor has no conflict with them; the
  caller says who conflicts with whom.
- Fair: each child goes to the free auditor with the fewest audits so far (ties by a seeded
  order), the children fewest auditors are free for first, so a conflict does not pile the others'
  work onto one auditor.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass


class SampleTooLarge(ValueError):
    pass


@dataclass(frozen=True)
class Candidate:
    child_id: int
    team_id: int | None


def _quotas(sizes: dict, n: int) -> dict:
    """How many from each team: one each first when the sample is big enough (so a small team is
    never left out by chance), then the rest in proportion to what each team has left."""
    floor = 1 if n >= len(sizes) else 0
    left = {team: size - floor for team, size in sizes.items()}
    rest_n, total = n - floor * len(sizes), sum(left.values())
    exact = {team: (rest_n * size / total if total else 0) for team, size in left.items()}
    quotas = {team: int(value) for team, value in exact.items()}
    rest = rest_n - sum(quotas.values())
    order = sorted(sizes, key=lambda t: (-(exact[t] - quotas[t]), -sizes[t], t if t is not None else -1))
    for team in order[:rest]:
        quotas[team] += 1
    return {team: quota + floor for team, quota in quotas.items()}


def draw(candidates: Iterable[Candidate], n: int | None, seed: int) -> list[Candidate]:
    """`n` children (all of them when n is None), stratified by team. Raises SampleTooLarge when
    the cohort has fewer than n."""
    pool = sorted(candidates, key=lambda c: c.child_id)
    if n is None:
        return pool
    if n > len(pool):
        raise SampleTooLarge(f"The sample ({n}) is larger than the cohort ({len(pool)} children)")
    rng = random.Random(seed)
    by_team: dict = defaultdict(list)
    for candidate in pool:
        by_team[candidate.team_id].append(candidate)
    quotas = _quotas({team: len(rows) for team, rows in by_team.items()}, n)
    chosen = []
    for team in sorted(by_team, key=lambda t: t if t is not None else -1):
        rows = by_team[team]
        chosen += rng.sample(rows, quotas[team])
    return sorted(chosen, key=lambda c: c.child_id)


def assign(
    children: list[Candidate], auditors: list[int], seed: int, conflicts: Callable[[int, Candidate], bool]
) -> dict[int, int]:
    """{child_id: auditor_id}: each child to the conflict-free auditor with the fewest so far.
    A child no auditor is free for is left out (the caller excluded them from the cohort)."""
    rng = random.Random(seed * 31 + 7)
    order = sorted(auditors)
    rng.shuffle(order)
    rank = {auditor: i for i, auditor in enumerate(order)}
    load = dict.fromkeys(order, 0)
    out = {}
    free_for = {c.child_id: [a for a in order if not conflicts(a, c)] for c in children}
    for child in sorted(children, key=lambda c: (len(free_for[c.child_id]), c.child_id)):
        free = free_for[child.child_id]
        if not free:
            continue
        auditor = min(free, key=lambda a: (load[a], rank[a]))
        load[auditor] += 1
        out[child.child_id] = auditor
    return out


def moderated(child_ids: list[int], percent: int, seed: int) -> list[int]:
    """The share of a programme's audits that go to a moderator: at least one when the share is
    above nothing, chosen by the seed."""
    if not percent or not child_ids:
        return []
    count = max(1, round(len(child_ids) * percent / 100))
    return sorted(random.Random(seed * 17 + 3).sample(sorted(child_ids), min(count, len(child_ids))))
