"""Factories for people, with Faker's British names."""

import datetime

import factory
from factory.django import DjangoModelFactory

from people.models import Person


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    la_id = factory.Sequence(lambda n: f"T{n:07d}")
    given_name = factory.Faker("first_name", locale="en_GB")
    family_name = factory.Faker("last_name", locale="en_GB")
    date_of_birth = factory.Faker(
        "date_between", start_date=datetime.date(2010, 1, 1), end_date=datetime.date(2024, 1, 1)
    )
    sex = factory.Iterator(["M", "F"])
    is_child = True
