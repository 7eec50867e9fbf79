"""Agreement between an auditor and a moderator grading the same cases on the four-point scale
(PRACTICE.md section 3): the share of cases where they gave the same grade, Cohen's kappa (that
agreement beyond what chance would give), and kappa weighted linearly by how far apart the two
grades are, which suits an ordered scale (good against outstanding is a smaller disagreement than
inadequate against outstanding)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from audits.choices import Grade

CATEGORIES = tuple(Grade.values)


@dataclass(frozen=True)
class Agreement:
    pairs: int
    agreed: int
    kappa: float | None  # None when chance explains everything (both always gave one grade)
    weighted_kappa: float | None

    @property
    def percent(self) -> float | None:
        return None if not self.pairs else round(100 * self.agreed / self.pairs, 1)


def _kappa(observed: float, expected: float) -> float | None:
    if expected >= 1:
        return None
    return round((observed - expected) / (1 - expected), 3)


def agreement(pairs: list[tuple[int, int]]) -> Agreement:
    """`pairs`: (auditor's grade, moderator's grade) for each case both graded."""
    n = len(pairs)
    if not n:
        return Agreement(0, 0, None, None)
    agreed = sum(1 for a, b in pairs if a == b)
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in CATEGORIES) / (n * n)
    span = CATEGORIES[-1] - CATEGORIES[0]

    def weight(a, b):
        return 1 - abs(a - b) / span

    observed_w = sum(weight(a, b) for a, b in pairs) / n
    expected_w = sum(first[a] * second[b] * weight(a, b) for a in CATEGORIES for b in CATEGORIES) / (n * n)
    return Agreement(n, agreed, _kappa(agreed / n, expected), _kappa(observed_w, expected_w))
