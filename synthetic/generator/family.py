"""A child and the family around them: identity, identifiers, address, parents.

Identifiers are valid by construction: NHS numbers from the 999 range with a modulus 11 check
digit, UPNs with their check letter for LA 330, for every child of school age (rule 8770Q);
younger children carry the reason UN1 instead.
"""

from __future__ import annotations

import datetime

from codelists.cin import Disability
from people import identifiers
from people.choices import RelationshipKind
from people.models import Address, Person, Relationship
from synthetic.generator.context import LA_CODE, Context

# England's children in need by ethnicity, roughly (DfE characteristics of children in need).
ETHNICITIES = [
    ("WBRI", 60), ("WOTH", 5), ("WIRI", 1), ("WROM", 1), ("MWBC", 3), ("MWBA", 1), ("MWAS", 2), ("MOTH", 3),
    ("AIND", 2), ("APKN", 5), ("ABAN", 2), ("AOTH", 2), ("BCRB", 2), ("BAFR", 5), ("BOTH", 1), ("CHNE", 1),
    ("OOTH", 3), ("NOBT", 1),
]
ETHNIC_CODES = [code for code, _ in ETHNICITIES]
ETHNIC_WEIGHTS = [weight for _, weight in ETHNICITIES]
DISABILITIES = [d for d in Disability.values if d != Disability.NONE]
SCHOOL_AGE = 5  # from the September after the fifth birthday; a UPN from age 5 keeps 8770Q clean


def la_id(ctx: Context, n: int) -> str:
    # Generated people have their own id range (G...), apart from the sequence the app uses (C...).
    return f"G{ctx.seed % 100:02d}{n:08d}"


def school_age_on(dob: datetime.date, day: datetime.date) -> bool:
    return (day - dob).days >= SCHOOL_AGE * 365


def new_child(ctx: Context, batch, *, family_name: str, dob: datetime.date, actor) -> Person:
    rng = ctx.rng
    sex = rng.choice("MF")
    given = ctx.fake.first_name_male() if sex == "M" else ctx.fake.first_name_female()
    disabled = rng.random() < 0.12
    child = Person(
        la_id=la_id(ctx, ctx.next("person")), is_child=True, given_name=given, family_name=family_name,
        date_of_birth=dob, sex=sex, ethnicity=rng.choices(ETHNIC_CODES, ETHNIC_WEIGHTS)[0],
        disabilities=sorted(rng.sample(DISABILITIES, rng.choice((1, 1, 2)))) if disabled else [Disability.NONE],
        nhs_number=identifiers.generate_nhs_number(rng), first_language="English" if rng.random() < 0.85 else "",
        created_by=actor,
    )
    if school_age_on(dob, ctx.today):
        child.upn = _unique_upn(ctx, dob)
    else:
        child.upn_unknown_reason = "UN1"
    return batch.add("person", child)


def _unique_upn(ctx: Context, dob: datetime.date) -> str:
    # Serial from a counter, so no two children share a UPN (rule 1520).
    n = ctx.next("upn")
    establishment = 1000 + (n // 1000) % 7000
    serial = n % 1000
    last_twelve = f"{LA_CODE}{establishment:04d}{(dob.year + 5) % 100:02d}{serial:03d}"
    return identifiers.upn_check_letter(last_twelve) + last_twelve


def new_family(ctx: Context, batch, *, first_contact: datetime.date, actor) -> tuple[list[Person], str]:
    """One to three children, a mother (and often a father), all at one address."""
    rng = ctx.rng
    family_name = ctx.fake.last_name()
    n = rng.choices((1, 2, 3), (55, 30, 15))[0]
    children = []
    for _ in range(n):
        age_days = rng.randint(0, 17 * 365 + 200)
        dob = first_contact - datetime.timedelta(days=age_days)
        children.append(new_child(ctx, batch, family_name=family_name, dob=dob, actor=actor))
    eldest = min(c.date_of_birth for c in children)
    mother = batch.add("person", Person(
        la_id=la_id(ctx, ctx.next("person")), is_child=False, given_name=ctx.fake.first_name_female(),
        family_name=family_name, sex="F", date_of_birth=eldest - datetime.timedelta(days=rng.randint(18 * 365, 38 * 365)),
        created_by=actor,
    ))
    parents = [(mother, RelationshipKind.MOTHER)]
    if rng.random() < 0.6:
        father = batch.add("person", Person(
            la_id=la_id(ctx, ctx.next("person")), is_child=False, given_name=ctx.fake.first_name_male(),
            family_name=family_name if rng.random() < 0.6 else ctx.fake.last_name(), sex="M",
            date_of_birth=eldest - datetime.timedelta(days=rng.randint(19 * 365, 45 * 365)), created_by=actor,
        ))
        parents.append((father, RelationshipKind.FATHER))
    postcode = ctx.postcode()
    street = ctx.fake.street_address().split("\n")[0]
    moved_in = min(c.date_of_birth for c in children)
    for person in [*children, *(p for p, _ in parents)]:
        batch.add("address", Address(person=person, line_1=street, town="Metropolitan Borough", postcode=postcode,
                                     start_date=min(moved_in, person.date_of_birth) if person.is_child else moved_in))
    for child in children:
        for parent, kind in parents:
            lives = kind == RelationshipKind.MOTHER or rng.random() < 0.5
            batch.add("relationship", Relationship(from_person=parent, to_person=child, kind=kind,
                                                   parental_responsibility=True, lives_with=lives,
                                                   start_date=child.date_of_birth))
        for other in children:
            if other is not child:
                batch.add("relationship", Relationship(from_person=other, to_person=child,
                                                       kind=RelationshipKind.SIBLING, lives_with=True))
    return children, postcode
