"""The generator given a seed: the same data for the same seed, other data for another, and bad
input refused (in an empty database, apart from test_generator.py's shared small authority)."""

import pytest
from django.db import transaction

from synthetic.generator import generate
from synthetic.generator.fingerprint import fingerprint


def test_the_same_seed_gives_the_same_data(db, bank_holidays):
    class Rollback(Exception):
        pass

    prints = []
    for _ in range(2):
        try:
            with transaction.atomic():
                generate(size="small", seed=7)
                prints.append(fingerprint())
                raise Rollback
        except Rollback:
            pass
    assert prints[0] == prints[1]
    with transaction.atomic():
        generate(size="small", seed=8)
        assert fingerprint() != prints[0]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"size": "huge"}, "Unknown size 'huge'"),
        ({"seed": -1}, "The seed must be zero or a positive whole number"),
    ],
)
def test_bad_input_is_refused(db, kwargs, message):
    with pytest.raises(ValueError, match=message):
        generate(**kwargs)
