"""Issue 16, "true everywhere": the returns of three generated authorities (two small seeds and
a medium one) and of the demo pass both DfE validators with zero errors, beside the honest
excuses of test_validators (LAC_FALSE_POSITIVES, let through row by row in the one situation
each names), and every looked-after child is in the CIN census (every looked-after child is a
child in need). Each authority is built and validated once a session (conftest.py)."""

from returns.tests.validators import describe


def test_the_returns_pass_both_validators_and_every_looked_after_child_is_a_child_in_need(checked_authority):
    checked = checked_authority
    assert checked.cin_children > 20 and checked.lac_children > 5, (checked.name, checked.cin_children,
                                                                     checked.lac_children)
    assert not checked.cin_errors, f"{checked.name}, CIN census:\n" + describe(checked.cin_errors)
    assert not checked.lac_errors, f"{checked.name}, SSDA903:\n" + describe(checked.lac_errors)
    assert not checked.crashed, (checked.name, checked.crashed)
    assert not any(checked.own_rules.values()), (checked.name, checked.own_rules)
    assert not checked.looked_after_not_in_cin, (checked.name, "looked after but not in the CIN census",
                                                 checked.looked_after_not_in_cin)
    print(f"{checked.name}: let through as false positives:\n" + describe(checked.excused))
