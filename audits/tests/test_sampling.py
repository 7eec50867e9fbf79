"""The sample and the agreement figures as pure functions: reproducible, stratified, fair."""

import pytest

from audits.agreement import agreement
from audits.sampling import Candidate, SampleTooLarge, assign, draw, moderated


def _cohort():
    return [Candidate(i, 1) for i in range(1, 31)] + [Candidate(i, 2) for i in range(31, 41)]


def test_the_same_seed_draws_the_same_sample_and_another_seed_another():
    first, again = draw(_cohort(), 8, seed=7), draw(list(reversed(_cohort())), 8, seed=7)
    assert first == again
    assert any(draw(_cohort(), 8, seed=s) != first for s in range(8, 12))


def test_the_sample_is_shared_between_teams_in_proportion():
    sample = draw(_cohort(), 8, seed=3)
    assert sum(1 for c in sample if c.team_id == 1) == 6 and sum(1 for c in sample if c.team_id == 2) == 2


def test_a_small_team_is_not_left_out_by_chance():
    cohort = [Candidate(i, 1) for i in range(1, 20)] + [Candidate(99, 2)]
    assert all(Candidate(99, 2) in draw(cohort, 2, seed=s) for s in range(20))


def test_a_sample_larger_than_the_cohort_is_refused():
    with pytest.raises(SampleTooLarge):
        draw(_cohort(), 41, seed=1)
    assert len(draw(_cohort(), None, seed=1)) == 40


def test_auditors_get_an_even_share_and_never_a_conflicted_child():
    children = draw(_cohort(), 9, seed=5)
    out = assign(children, [10, 20, 30], seed=5, conflicts=lambda a, c: a == 10 and c.team_id == 2)
    loads = [list(out.values()).count(a) for a in (10, 20, 30)]
    assert sorted(loads) == [3, 3, 3]
    assert all(out[c.child_id] != 10 for c in children if c.team_id == 2)


def test_the_moderated_share_is_at_least_one_and_reproducible():
    ids = list(range(1, 21))
    assert moderated(ids, 10, seed=4) == moderated(ids, 10, seed=4) and len(moderated(ids, 10, seed=4)) == 2
    assert len(moderated([1, 2, 3], 10, seed=1)) == 1 and moderated(ids, 0, seed=1) == []


def test_agreement_and_kappa():
    # Perfect agreement across grades: kappa 1.
    assert agreement([(1, 1), (2, 2), (3, 3), (4, 4)]).kappa == 1.0
    # Half the same, and the disagreements cancel out: po 0.5, pe 0.5, kappa 0 (no better than chance).
    a = agreement([(2, 2), (3, 3), (2, 3), (3, 2)])
    assert a.percent == 50.0 and a.kappa == 0.0
    b = agreement([(1, 1), (2, 2), (1, 2), (2, 2)])
    # po 0.75; auditor 1,2 each half; moderator 1 a quarter, 2 three quarters: pe 0.5; kappa 0.5.
    assert b.percent == 75.0 and b.kappa == 0.5
    # Near misses count for part: weighted kappa above plain kappa when every miss is by one grade.
    c = agreement([(1, 2), (2, 2), (3, 3), (4, 3), (4, 4), (1, 1)])
    assert c.weighted_kappa > c.kappa
    # Everyone gave one grade: chance explains it all, no kappa.
    assert agreement([(2, 2), (2, 2)]).kappa is None
    assert agreement([]).percent is None
