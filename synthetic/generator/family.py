"""A child and the family around them: identity, identifiers, address, parents.

Identifiers are valid by construction: NHS numbers from the 999 range with a modulus 11 check
digit, UPNs with their check letter for LA 330, for every child of school age (rule 8770Q);
younger children carry the reason UN1 instead.
"""

from __future__ import annotations

import datetime

from access.models import RestrictedAccessGrant
from codelists.cin import Disability
from people import identifiers
from people.choices import NameKind, RelationshipKind
from people.models import Address, Person, PersonName, Relationship
from synthetic.generator.context import LA_CODE, Context

# England's children in need by ethnicity, roughly (DfE characteristics of children in need).
ETHNICITIES = [
    ("WBRI", 60),
    ("WOTH", 5),
    ("WIRI", 1),
    ("WROM", 1),
    ("MWBC", 3),
    ("MWBA", 1),
    ("MWAS", 2),
    ("MOTH", 3),
    ("AIND", 2),
    ("APKN", 5),
    ("ABAN", 2),
    ("AOTH", 2),
    ("BCRB", 2),
    ("BAFR", 5),
    ("BOTH", 1),
    ("CHNE", 1),
    ("OOTH", 3),
    ("NOBT", 1),
]
ETHNIC_CODES = [code for code, _ in ETHNICITIES]
ETHNIC_WEIGHTS = [weight for _, weight in ETHNICITIES]
DISABILITIES = [d for d in Disability.values if d != Disability.NONE]
SCHOOL_AGE = 5  # from the September after the fifth birthday; a UPN from age 5 keeps 8770Q clean
# Names that changed: children whose surname changed when their mother married or re-partnered
# (their birth surname kept as a previous name), and married mothers' maiden names.
CHILDREN_RENAMED = 0.07
MOTHER_MAIDEN_NAME = 0.8  # of mothers who share their surname with the children's father
# Restricted records (a staff member's family, a case in the news, a family in a refuge): the
# whole family, about 0.7% of them, seen only by the workers an administrator names.
RESTRICTED_FAMILY = 0.007


def la_id(ctx: Context, n: int) -> str:
    # Generated people have their own id range (G...), apart from the sequence the app uses (C...).
    return f"G{ctx.seed % 100:02d}{n:08d}"


def school_age_on(dob: datetime.date, day: datetime.date) -> bool:
    return (day - dob).days >= SCHOOL_AGE * 365


def new_child(ctx: Context, batch, *, family_name: str, dob: datetime.date, actor, heritage: str = "english") -> Person:
    rng = ctx.rng
    sex = rng.choice("MF")
    given = ctx.names.first_name(sex, heritage)
    disabled = rng.random() < 0.12
    child = Person(
        la_id=la_id(ctx, ctx.next("person")),
        is_child=True,
        given_name=given,
        family_name=family_name,
        date_of_birth=dob,
        sex=sex,
        ethnicity=rng.choices(ETHNIC_CODES, ETHNIC_WEIGHTS)[0],
        disabilities=sorted(rng.sample(DISABILITIES, rng.choice((1, 1, 2)))) if disabled else [Disability.NONE],
        nhs_number=identifiers.generate_nhs_number(rng),
        first_language="English" if rng.random() < 0.85 else "",
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
    rng, names = ctx.rng, ctx.names
    heritage = names.heritage()
    family_name = names.family_surname(heritage)
    n = rng.choices((1, 2, 3), (55, 30, 15))[0]
    children = []
    for _ in range(n):
        age_days = rng.randint(0, 17 * 365 + 200)
        dob = first_contact - datetime.timedelta(days=age_days)
        children.append(new_child(ctx, batch, family_name=family_name, dob=dob, actor=actor, heritage=heritage))
    eldest = min(c.date_of_birth for c in children)
    mother = batch.add(
        "person",
        Person(
            la_id=la_id(ctx, ctx.next("person")),
            is_child=False,
            given_name=names.first_name("F", heritage),
            family_name=family_name,
            sex="F",
            date_of_birth=eldest - datetime.timedelta(days=rng.randint(18 * 365, 38 * 365)),
            created_by=actor,
        ),
    )
    parents = [(mother, RelationshipKind.MOTHER)]
    if rng.random() < 0.6:
        father = batch.add(
            "person",
            Person(
                la_id=la_id(ctx, ctx.next("person")),
                is_child=False,
                given_name=names.first_name("M", heritage),
                family_name=family_name if rng.random() < 0.6 else names.surname(heritage),
                sex="M",
                date_of_birth=eldest - datetime.timedelta(days=rng.randint(19 * 365, 45 * 365)),
                created_by=actor,
            ),
        )
        parents.append((father, RelationshipKind.FATHER))
    _previous_names(ctx, batch, children, parents, heritage)
    if names.chance(RESTRICTED_FAMILY):
        members = [*children, *(p for p, _ in parents)]
        for person in members:
            person.restricted = True
        batch.restricted_families.append(members)
    postcode = ctx.postcode()
    street = ctx.fake.street_address().split("\n")[0]
    moved_in = min(c.date_of_birth for c in children)
    for person in [*children, *(p for p, _ in parents)]:
        batch.add(
            "address",
            Address(
                person=person,
                line_1=street,
                town="Metropolitan Borough",
                postcode=postcode,
                start_date=min(moved_in, person.date_of_birth) if person.is_child else moved_in,
            ),
        )
    for child in children:
        for parent, kind in parents:
            lives = kind == RelationshipKind.MOTHER or rng.random() < 0.5
            batch.add(
                "relationship",
                Relationship(
                    from_person=parent,
                    to_person=child,
                    kind=kind,
                    parental_responsibility=True,
                    lives_with=lives,
                    start_date=child.date_of_birth,
                ),
            )
        for other in children:
            if other is not child:
                batch.add(
                    "relationship",
                    Relationship(from_person=other, to_person=child, kind=RelationshipKind.SIBLING, lives_with=True),
                )
    return children, postcode


def _previous_names(ctx: Context, batch, children: list[Person], parents, heritage: str) -> None:
    names = ctx.names
    mother = parents[0][0]
    father = parents[1][0] if len(parents) > 1 else None
    if father is not None and father.family_name == mother.family_name and names.chance(MOTHER_MAIDEN_NAME):
        batch.add(
            "person_name",
            PersonName(
                person=mother, kind=NameKind.BIRTH, given_name=mother.given_name, family_name=names.surname(heritage)
            ),
        )
    if names.chance(CHILDREN_RENAMED):
        birth_surname = names.surname(heritage)
        if birth_surname != children[0].family_name:
            for child in children:
                batch.add(
                    "person_name",
                    PersonName(
                        person=child, kind=NameKind.PREVIOUS, given_name=child.given_name, family_name=birth_surname
                    ),
                )


def grant_restricted_access(ctx: Context, batch) -> None:
    """Each restricted family is open to the workers who hold its children now, and their
    managers, by a grant from the authority's administrator, as access.services would record
    it: a restricted record is seen only by the people named (access.selectors)."""
    for members in batch.restricted_families:
        named = []
        for child in members:
            worker = child.current_worker if child.is_child else None
            if worker is None:
                continue
            for user in (worker, worker.team.manager if worker.team is not None else None):
                if user is not None and all(user is not other for other in named):
                    named.append(user)
        if not named:
            continue  # closed cases: an administrator names someone when the record is needed again
        admin = ctx.staff.administrator()
        for person in members:
            for user in named:
                batch.add(
                    "access_grant",
                    RestrictedAccessGrant(
                        person=person,
                        user=user,
                        reason="Restricted record: named by the service manager",
                        starts_at=ctx.now - datetime.timedelta(days=30),
                        expires_at=ctx.now + datetime.timedelta(days=365),
                        granted_by=admin,
                    ),
                )
