"""Issue 13: each order checked against the age the law allows it at, as a care order at 17 now
is (looked_after.legal_status_rules): a special guardianship or child arrangements order is for a
child (under 18); nothing is saved when refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from children_in_need.testing import TODAY
from people.services import person_create
from permanence import services
from permanence.models import PermanenceOrder

D = datetime.date


@pytest.mark.parametrize("kind, extra", [("sgo", {"special_guardians": "E47"}), ("cao", {})])
def test_no_order_for_a_young_person_of_18(worker, today, kind, extra):
    adult = person_create(actor=worker, given_name="Sky", family_name="Old", date_of_birth=D(2007, 1, 1))
    with pytest.raises(ValidationError) as refused:
        services.permanence_order_record(actor=worker, child=adult, kind=kind, made_on=TODAY, **extra)
    assert "cannot be made for a young person aged 18 or over" in str(refused.value.message_dict["made_on"])
    assert "1 January 2025" in str(refused.value.message_dict["made_on"])
    assert not PermanenceOrder.objects.exists()


def test_an_order_before_18_is_accepted(worker, today):
    young = person_create(actor=worker, given_name="Sam", family_name="Young", date_of_birth=D(2007, 6, 3))
    services.permanence_order_record(actor=worker, child=young, kind="cao", made_on=TODAY)
    assert PermanenceOrder.objects.count() == 1
