"""A record's content type, all of them read in one query the first time one is needed.

Why: Django caches each content type in the process the first time it is asked for, one query
each. Recording a visit names about ten kinds of record (the visit, its chronology line, the
source of each due item it refreshes), so a server process's first visits, and every visit in a
test whose cache was cleared, cost ten queries more than the rest (`make bench` saw 22 where a
warm process makes 12 to 15). Asked here, a miss fills the cache for every installed model at
once: one query, then none.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType

# Django's private per-process cache look-up (see below); a name, so that the tests can take the
# path a Django without it would take.
_PEEK = "_get_from_cache"


def content_type_for(model_or_instance) -> ContentType:
    """ContentType.objects.get_for_model, but a miss reads every model's content type at once."""
    manager = ContentType.objects
    opts = model_or_instance._meta.concrete_model._meta
    # Django's own per-process cache is read through its private `_get_from_cache` (a KeyError is
    # a miss): the public ways cost a query per model (get_for_model) or a walk over every model on
    # each call (get_for_models). Django's cache, not one of ours, because Django clears it when the
    # content types are recreated (a test database flushed), so ours could hand out stale ids.
    # Should a Django upgrade drop the method, this still answers correctly, a little slower
    # (core/tests/test_content_types.py takes that path), and casework/tests/test_visit_queries.py
    # shows the queries it costs.
    peek = getattr(manager, _PEEK, None)
    if peek is None:
        return manager.get_for_models(*apps.get_models())[model_or_instance._meta.concrete_model]
    try:
        return peek(opts)
    except KeyError:
        manager.get_for_models(*apps.get_models())
    return manager.get_for_model(model_or_instance)
