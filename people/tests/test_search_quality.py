"""Search finds the child a worker means, from what they actually type.

A population of a few thousand people is drawn with the synthetic authorities' own names
(synthetic.generator.names: long-tailed surnames of many heritages, double-barrelled ones,
previous names), and a few hundred of its children are searched for the way people get names
wrong: one letter wrong, missing, doubled or swapped; ph for f, y for i, ck for k, Mac for Mc;
the name the child had before; one part of a double-barrelled surname. Each query is made twice:
with the child's first name, and with their date of birth (the date field, not the name). The
intended child must be in the first five results of at least 95% of queries, and no query may
find nobody.
"""

import datetime
import random
from collections import defaultdict

import pytest

from people.choices import NameKind
from people.models import Person, PersonName
from people.selectors import SearchQuery, person_search
from synthetic.generator.names import NameSource
from workforce.roles import Role

FAMILIES = 1_600
TARGETS_PER_KIND = 25
TOP = 5


def _population(seed=7):
    """Families with a long-tailed spread of surnames; some children renamed (their previous
    surname kept), some with a double-barrelled surname. Returns the children."""
    rng, names = random.Random(seed), NameSource(seed)
    people, previous = [], []
    start = datetime.date(2008, 1, 1)
    for f in range(FAMILIES):
        heritage = names.heritage()
        surname = names.family_surname(heritage)
        if f % 25 == 0 and "-" not in surname:  # enough double-barrelled families to test both parts
            surname = f"{surname}-{names.surname()}"
        renamed = f % 9 == 0
        old_surname = names.surname(heritage) if renamed else ""
        for _ in range(rng.choice((1, 1, 2, 3))):
            sex = rng.choice("MF")
            child = Person(
                la_id=f"Q{len(people):08d}",
                is_child=True,
                given_name=names.first_name(sex, heritage),
                family_name=surname,
                sex=sex,
                date_of_birth=start + datetime.timedelta(days=rng.randint(0, 17 * 365)),
            )
            people.append(child)
            if renamed and old_surname != surname:
                previous.append((child, old_surname))
        people.append(
            Person(
                la_id=f"Q{len(people):08d}",
                is_child=False,
                given_name=names.first_name("F", heritage),
                family_name=surname,
                sex="F",
                date_of_birth=datetime.date(1985, 1, 1),
            )
        )
    Person.objects.bulk_create(people, batch_size=2_000)
    PersonName.objects.bulk_create(
        [
            PersonName(person=child, kind=NameKind.PREVIOUS, given_name=child.given_name, family_name=old)
            for child, old in previous
        ]
    )
    return [p for p in people if p.is_child], dict(previous)


# --- the mistakes people make -------------------------------------------------------------------
def _wrong(s, rng):
    i = rng.randrange(1, len(s))
    return s[:i] + rng.choice([c for c in "abcdefghijklmnoprstuvwy" if c != s[i].lower()]) + s[i + 1 :]


def _missing(s, rng):
    i = rng.randrange(1, len(s))
    return s[:i] + s[i + 1 :]


def _doubled(s, rng):
    i = rng.randrange(1, len(s))
    return s[:i] + s[i] + s[i:]


def _swapped(s, rng):
    i = rng.randrange(1, len(s) - 1)
    return s[:i] + s[i + 1] + s[i] + s[i + 2 :]


def _swap_sounds(pairs):
    def mistake(s, rng):
        for a, b in pairs:
            for x, y in ((a, b), (b, a)):
                # Nobody types "pph" for "pf": a sound is spelt another way only where it is one sound.
                if x in s.lower() and not (y == "ph" and "p" + x in s.lower()):
                    x = "ff" if x == "f" and "ff" in s.lower() else x  # McCaffrey is misspelt McCaphrey
                    i = s.lower().index(x)
                    replaced = s[:i] + (y.capitalize() if i == 0 else y) + s[i + len(x) :]
                    return replaced
        return None

    return mistake


def _mac(s, rng):
    if s.startswith("Mac"):
        return "Mc" + s[3:]
    if s.startswith("Mc"):
        return "Mac" + s[2:]
    return None


def _single(surname):
    return "-" not in surname and " " not in surname and len(surname) >= 4


SPELLING = {
    "one wrong letter": _wrong,
    "one missing letter": _missing,
    "one doubled letter": _doubled,
    "two letters swapped": _swapped,
    "ph for f": _swap_sounds([("ph", "f")]),
    "y for i": _swap_sounds([("y", "i")]),
    "ck for k": _swap_sounds([("ck", "k")]),
    "Mac for Mc": _mac,
}


def _queries(children, previous, rng):
    """(kind, surname typed, the child), about TARGETS_PER_KIND of each kind."""
    queries = []
    for kind, mistake in SPELLING.items():
        found = 0
        for child in rng.sample(children, len(children)):
            if not _single(child.family_name):
                continue
            typed = mistake(child.family_name, rng)
            if typed and typed.lower() != child.family_name.lower():
                queries.append((kind, typed, child))
                found += 1
                if found == TARGETS_PER_KIND:
                    break
    renamed = list(previous.items())
    for child, old in rng.sample(renamed, min(TARGETS_PER_KIND, len(renamed))):
        queries.append(("previous name", old, child))
    barrelled = [c for c in children if "-" in c.family_name]
    for child in rng.sample(barrelled, min(TARGETS_PER_KIND, len(barrelled))):
        first, second = child.family_name.split("-", 1)
        queries.append(("one part of a double-barrelled surname", rng.choice((first, second)), child))
    return queries


@pytest.mark.django_db
def test_search_finds_the_intended_child_despite_realistic_mistakes(make_staff):
    children, previous = _population()
    rng = random.Random(3)
    searcher = make_staff(Role.MASH_WORKER)  # the front door searches the whole authority
    queries = _queries(children, previous, rng)
    hits, nobody, counts = defaultdict(int), [], defaultdict(int)
    for kind, typed, child in queries:
        for how, query in (
            ("with first name", SearchQuery(name=f"{child.given_name} {typed}")),
            ("with date of birth", SearchQuery(name=typed, date_of_birth=child.date_of_birth)),
        ):
            found = list(person_search(user=searcher, query=query).values_list("pk", flat=True)[:TOP])
            counts[kind, how] += 1
            hits[kind, how] += child.pk in found
            if not found:
                nobody.append((kind, how, query))
    report = "\n".join(f"{kind} {how}: {hits[kind, how]}/{n}" for (kind, how), n in sorted(counts.items()))
    assert all(counts[kind, how] >= 10 for kind in [*SPELLING, "previous name"] for how in ("with first name",)), report
    assert not nobody, f"{len(nobody)} searches found nobody: {nobody[:5]}\n{report}"
    total, found = sum(counts.values()), sum(hits.values())
    assert found / total >= 0.95, f"{found}/{total} in the first {TOP}\n{report}"
