"""core.content_types: the content type of any record, every model's read in one query on a miss,
and the same answer should a Django upgrade take away the cache it peeks into."""

import pytest
from django.contrib.contenttypes.models import ContentType

from casework.models import ChronologyEvent
from core import content_types
from core.content_types import content_type_for
from people.models import Person

pytestmark = pytest.mark.django_db


def test_a_miss_reads_every_models_content_type_in_one_query(django_assert_num_queries):
    ContentType.objects.clear_cache()
    with django_assert_num_queries(1):
        first = content_type_for(Person)
    with django_assert_num_queries(0):
        second = content_type_for(ChronologyEvent)
        again = content_type_for(Person())
    assert (first.app_label, first.model) == ("people", "person")
    assert (second.app_label, second.model) == ("casework", "chronologyevent")
    assert again == first


def test_without_djangos_private_cache_the_answer_is_the_same(monkeypatch):
    expected = {model: ContentType.objects.get_for_model(model) for model in (Person, ChronologyEvent)}
    # As if a Django upgrade had dropped the private method the quick path peeks through.
    monkeypatch.setattr(content_types, "_PEEK", "_a_method_django_no_longer_has")
    ContentType.objects.clear_cache()
    assert {model: content_type_for(model) for model in expected} == expected
