"""Deprivation of liberty orders, recorded so that SSDA903 2026 to 2027's rules 700 to 710 hold:
inside the period of care, never overlapping, ending after they start, only while the child is
placed where rule 709 expects, ended with the care."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from looked_after import services
from looked_after.models import DeprivationOfLiberty
from looked_after.tests.factories import FOSTER, HOME, move, start_care

D = datetime.date


def refused(call, field=None):
    before = list(DeprivationOfLiberty.objects.values_list("pk", "start_date", "end_date"))
    with pytest.raises(ValidationError) as error:
        call()
    if field is not None:
        assert field in error.value.message_dict, error.value
    assert list(DeprivationOfLiberty.objects.values_list("pk", "start_date", "end_date")) == before
    return error.value


def test_an_order_is_made_and_ended_in_a_childrens_home(worker, child):
    start_care(worker, child, D(2025, 1, 6), placement=HOME)
    refused(lambda: services.dolo_start(actor=worker, child=child, start_date=D(2025, 1, 5)), "start_date")
    order = services.dolo_start(actor=worker, child=child, start_date=D(2025, 2, 3), court="High Court")
    refused(lambda: services.dolo_start(actor=worker, child=child, start_date=D(2025, 3, 3)))  # one at a time
    refused(lambda: services.dolo_end(actor=worker, order=order, end_date=D(2025, 2, 3)), "end_date")  # rule 702
    services.dolo_end(actor=worker, order=order, end_date=D(2025, 4, 1))
    refused(lambda: services.dolo_start(actor=worker, child=child, start_date=D(2025, 3, 1)), "start_date")  # overlap
    services.dolo_start(actor=worker, child=child, start_date=D(2025, 5, 1))
    assert DeprivationOfLiberty.objects.filter(child=child).count() == 2


def test_an_order_only_while_placed_where_rule_709_expects(worker, child):
    start_care(worker, child, D(2025, 1, 6), placement=FOSTER)
    error = refused(lambda: services.dolo_start(actor=worker, child=child, start_date=D(2025, 2, 3)), "start_date")
    assert "K2, Z12, Z13" in str(error)
    move(worker, child, D(2025, 3, 3), placement=HOME)
    # The foster placement ended on 3 March: the validator counts that episode as overlapping.
    refused(lambda: services.dolo_start(actor=worker, child=child, start_date=D(2025, 3, 3)), "start_date")
    order = services.dolo_start(actor=worker, child=child, start_date=D(2025, 3, 4))
    with pytest.raises(ValidationError) as error:
        move(worker, child, D(2025, 5, 1), placement=FOSTER)
    assert "placement_type" in error.value.message_dict
    services.dolo_end(actor=worker, order=order, end_date=D(2025, 4, 30))
    move(worker, child, D(2025, 5, 1), placement=FOSTER)


def test_ending_care_ends_the_order_the_same_day(worker, child):
    start_care(worker, child, D(2025, 1, 6), placement=HOME)
    order = services.dolo_start(actor=worker, child=child, start_date=D(2025, 2, 3))
    services.period_end(actor=worker, child=child, end_date=D(2025, 5, 30), reason_ceased="E13")
    order.refresh_from_db()
    assert order.end_date == D(2025, 5, 30)


def test_the_looked_after_tab_shows_the_order_and_its_page_ends_it(client, worker, child):
    start_care(worker, child, D(2025, 1, 6), placement=HOME)
    order = services.dolo_start(actor=worker, child=child, start_date=D(2025, 2, 3), court="High Court")
    client.force_login(worker)
    page = client.get(reverse("looked_after:record", args=[child.pk])).content.decode()
    assert "Deprivation of liberty order" in page and "Made 3 February 2025 by High Court" in page
    response = client.post(
        reverse("looked_after:dolo_end", args=[child.pk, order.pk]),
        {"end_date_0": "3", "end_date_1": "2", "end_date_2": "2025"},
    )
    assert response.status_code == 200 and "must end after the day it was made" in response.content.decode()
    response = client.post(
        reverse("looked_after:dolo_end", args=[child.pk, order.pk]),
        {"end_date_0": "1", "end_date_1": "4", "end_date_2": "2025"},
    )
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.end_date == D(2025, 4, 1)
