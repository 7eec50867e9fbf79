"""The families of the demo authority: children with their relatives, addresses, professionals,
visits and case notes, written through the same services a social worker's clicks use, so the
chronology, allocations and due items are exactly what the live system would hold.

Deterministic: the same seed gives the same families every time.
"""

import contextlib
import datetime
import random

from django.utils import timezone
from faker import Faker

from casework import services as casework
from casework.choices import CaseNoteType, VisitType
from core import clock
from people import identifiers
from people import services as people
from people.models import Person

SEED = 2026

# Who holds each family's children, by demo username. The first family is the one the user
# guide and the browser tests talk about: Jonathan Smith, born 27 March 2015.
FAMILIES = [
    ("sw.okafor", "Smith", [("Jonathan", "M", datetime.date(2015, 3, 27)), ("Lily", "F", datetime.date(2018, 9, 2))]),
    ("sw.okafor", "Begum", [("Ayaan", "M", datetime.date(2012, 6, 14))]),
    ("sw.okafor", "Kowalczyk", [("Zofia", "F", datetime.date(2020, 1, 30))]),
    ("sw.brown", "O'Neill", [("Cian", "M", datetime.date(2011, 11, 5)), ("Aoife", "F", datetime.date(2014, 4, 18))]),
    ("sw.brown", "Ahmed", [("Yasmin", "F", datetime.date(2009, 2, 23))]),
    (
        "sw.ali",
        "Williams",
        [
            ("Tyler", "M", datetime.date(2013, 8, 8)),
            ("Mia", "F", datetime.date(2016, 12, 1)),
            ("Leo", "M", datetime.date(2021, 5, 20)),
        ],
    ),
    ("sw.ali", "Hussain", [("Adam", "M", datetime.date(2010, 10, 10))]),
    ("sw.clarke", "Taylor", [("Ruby", "F", datetime.date(2017, 7, 7))]),
    ("sw.clarke", "Nowicki", [("Kacper", "M", datetime.date(2008, 3, 3))]),
    ("sw.nowak", "Johnson", [("Ellie", "F", datetime.date(2012, 1, 15))]),
    ("sw.nowak", "Mensah", [("Kofi", "M", datetime.date(2010, 5, 9))]),
    ("sw.nowak", "Evans", [("Harvey", "M", datetime.date(2014, 9, 29))]),
]

# The families whose record was opened before today, days before it: the children who came into
# care the day the authority opened their record (demo_looked_after starts their care then). The
# worker who opened the record holds the case from that day, so the SSDA903 social worker
# episodes cover the whole of their care (rule SW12STG2), as a live record's would.
OPENED_DAYS_AGO = {"Johnson": 400, "Mensah": 700}

VOICES = [
    "Said school is better now and she likes her new teacher.",
    "Told me he feels safe at home but worries when mum is upset.",
    "Did not want to talk today; showed me his drawings instead.",
    "Said she misses her dad and would like to see him more.",
    "Wants to go to football club on Saturdays.",
]
OBSERVATIONS = [
    "Home warm and tidy; food in the cupboards. Child appeared relaxed with mum.",
    "Home cluttered; mum said she is struggling with the washing machine broken.",
    "Child was clean and appropriately dressed. Interaction with carer warm.",
    "Bedroom has a bed and bedding; some damp on the window frame.",
]


def load_demo_families(staff: dict) -> int:
    """Create the demo families if they are not there. Returns the number of children created."""
    if Person.objects.filter(family_name="Smith", given_name="Jonathan", is_child=True).exists():
        return 0
    rng = random.Random(SEED)
    fake = Faker("en_GB")
    fake.seed_instance(SEED)
    today = clock.today()
    created = 0
    for index, (username, surname, children) in enumerate(FAMILIES):
        worker = staff[username]
        family = []
        for given, sex, dob in children:
            with _opened(surname, today):
                child = people.person_create(
                    actor=worker,
                    given_name=given,
                    family_name=surname,
                    date_of_birth=dob,
                    sex=sex,
                    nhs_number=identifiers.generate_nhs_number(rng),
                    **_census_details(given, surname),
                )
            family.append(child)
            created += 1
        first = family[0]
        mother = people.family_member_create(
            actor=worker,
            child=first,
            kind="mother",
            parental_responsibility=True,
            lives_with=True,
            given_name=fake.first_name_female(),
            family_name=surname,
            date_of_birth=dob_between(rng, 1975, 1995),
            sex="F",
        )
        for sibling in family[1:]:
            people.relationship_add(
                actor=worker, child=sibling, other=mother, kind="mother", parental_responsibility=True, lives_with=True
            )
            people.relationship_add(actor=worker, child=sibling, other=first, kind="sibling", lives_with=True)
        if index % 3 == 0:
            people.family_member_create(
                actor=worker,
                child=first,
                kind="father",
                parental_responsibility=True,
                lives_with=False,
                given_name=fake.first_name_male(),
                family_name=surname if index % 2 else fake.last_name(),
                date_of_birth=dob_between(rng, 1970, 1994),
                sex="M",
            )
        address_start = today - datetime.timedelta(days=rng.randint(200, 2000))
        for person in [*family, mother]:
            people.address_add(
                actor=worker,
                person=person,
                line_1=fake.street_address(),
                town="Northshire",
                postcode=fake.postcode(),
                start_date=address_start,
            )
        for child in family:
            people.professional_add(
                actor=worker,
                child=child,
                role="gp",
                name=f"Dr {fake.last_name()}",
                organisation=f"{fake.last_name()} Medical Centre",
                phone=fake.phone_number(),
            )
            people.professional_add(
                actor=worker,
                child=child,
                role="school",
                name=fake.name(),
                organisation=f"{fake.last_name()} Primary School",
                email=fake.email(),
            )
            _visits_and_notes(rng, worker, child, today)
        if index == 5:
            people.warning_add(
                actor=worker,
                person=first,
                kind="risk_to_staff",
                details="Large dog at the property; ask for it to be shut away before entering.",
                review_date=today + datetime.timedelta(days=60),
            )
    return created


# What the CIN census and SSDA903 ask of every child (rules 4220, 8540, 8770Q): recorded for
# each demo child, so the demo's returns are as valid as the generated ones. Drawn from a stream
# of their own, so the families' other details stay as they were.
ETHNICITY = {
    "Smith": "WBRI",
    "Begum": "ABAN",
    "Kowalczyk": "WOTH",
    "O'Neill": "WIRI",
    "Ahmed": "APKN",
    "Williams": "BCRB",
    "Hussain": "APKN",
    "Taylor": "WBRI",
    "Nowicki": "WOTH",
    "Johnson": "WBRI",
    "Mensah": "BAFR",
    "Evans": "WBRI",
}
DEMO_LA_CODE = "330"  # the generated authority's DfE code (synthetic.generator.context.LA_CODE)


def _census_details(given: str, surname: str) -> dict:
    details = random.Random(f"{SEED}-{given}-{surname}")
    return {
        "ethnicity": ETHNICITY.get(surname, "NOBT"),
        "disabilities": ["NONE"],
        "upn": identifiers.generate_upn(details, DEMO_LA_CODE),
    }


def _visits_and_notes(rng, worker, child, today):
    for n in range(rng.randint(2, 5)):
        when = timezone.make_aware(
            datetime.datetime.combine(
                today - datetime.timedelta(days=rng.randint(3, 150)),
                datetime.time(rng.randint(9, 17), rng.choice([0, 15, 30, 45])),
            )
        )
        seen = rng.random() < 0.9
        casework.visit_record(
            actor=worker,
            child=child,
            visited_at=when,
            visit_type=rng.choice([VisitType.HOME, VisitType.STATUTORY_CIN, VisitType.UNANNOUNCED]),
            child_seen=seen,
            seen_alone=seen and rng.random() < 0.6,
            bedroom_seen=rng.choice([True, False, None]) if seen else None,
            voice_of_child=rng.choice(VOICES) if seen else "",
            observations=rng.choice(OBSERVATIONS),
            next_steps="Visit again within 4 weeks; speak to school about attendance.",
        )
    for n in range(rng.randint(1, 3)):
        when = timezone.make_aware(
            datetime.datetime.combine(
                today - datetime.timedelta(days=rng.randint(1, 120)), datetime.time(rng.randint(9, 17), 0)
            )
        )
        kind = rng.choice([CaseNoteType.TELEPHONE, CaseNoteType.MULTI_AGENCY, CaseNoteType.OFFICE_VISIT])
        casework.case_note_record(
            actor=worker,
            child=child,
            note_type=kind,
            occurred_at=when,
            subject={
                "telephone": "Call with school",
                "multi_agency": "Team around the family meeting",
                "office_visit": "Mum came to the office",
            }[kind],
            body="Discussed attendance and how the family is managing. Agreed actions recorded in the plan.",
        )


def _opened(surname: str, today: datetime.date):
    """The clock on the day the family's record was opened (OPENED_DAYS_AGO), else as it is."""
    days = OPENED_DAYS_AGO.get(surname)
    if not days:
        return contextlib.nullcontext()
    day = today - datetime.timedelta(days=days)
    return clock.travel_to(timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0))))


def dob_between(rng, first_year: int, last_year: int) -> datetime.date:
    start = datetime.date(first_year, 1, 1)
    return start + datetime.timedelta(days=rng.randint(0, (datetime.date(last_year, 12, 31) - start).days))
