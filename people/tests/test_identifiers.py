"""NHS number, UPN and postcode checks. Pure functions: no database."""

import random

import pytest
from django.core.exceptions import ValidationError

from people import identifiers
from people.identifiers import (
    generate_nhs_number,
    generate_upn,
    is_temporary_upn,
    upn_check_letter,
    validate_former_upn,
    validate_nhs_number,
    validate_uk_postcode,
    validate_upn,
)


def error_of(func, value):
    with pytest.raises(ValidationError) as caught:
        func(value)
    return caught.value


# ---- NHS number --------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["9434765919", "943 476 5919", "943-476-5919", "  943 476 5919 ", "943\t476 5919"])
def test_nhs_number_is_stored_as_ten_digits(typed):
    # 9x10 + 4x9 + 3x8 + 4x7 + 7x6 + 6x5 + 5x4 + 9x3 + 1x2 = 299; 299 = 27x11 + 2; 11 - 2 = 9, the last digit.
    assert validate_nhs_number(typed) == "9434765919"


def test_nhs_check_digit_eleven_means_zero():
    # 9x10 + 9x9 + 9x8 + 0 + 0 + 0 + 0 + 0 + 5x2 = 253 = 23x11, remainder 0; 11 - 0 = 11, written 0.
    assert validate_nhs_number("999 000 0050") == "9990000050"
    assert error_of(validate_nhs_number, "999 000 0051").code == "nhs_number_check_digit"


@pytest.mark.parametrize("last", "0123456789")
def test_nhs_number_whose_check_digit_would_be_ten_is_never_valid(last):
    # 9x10 + 9x9 + 9x8 + 1x7 + 2x6 + 3x5 + 4x4 + 5x3 + 6x2 = 320 = 29x11 + 1; 11 - 1 = 10: no such number.
    assert identifiers.nhs_check_digit("999123456") is None
    assert error_of(validate_nhs_number, f"999 123 456{last}").code == "nhs_number_check_digit"


def test_wrong_check_digit_is_told_apart_from_wrong_length():
    wrong_digit = error_of(validate_nhs_number, "943 476 5910")
    assert wrong_digit.code == "nhs_number_check_digit"
    assert wrong_digit.message.startswith("943 476 5910 is not a valid NHS number (the check digit does not match)")

    wrong_length = error_of(validate_nhs_number, "943 476 591")
    assert wrong_length.code == "nhs_number_format"
    assert wrong_length.message == "Enter a valid NHS number: it must be 10 digits, for example 943 476 5919"


@pytest.mark.parametrize(
    "typed",
    [
        "943476591",
        "94347659190",
        "943 476 591O",
        "NHS9434765919",
        "943.476.5919",
        "９４３４７６５９１９",  # full-width digits are not the digits we store
    ],
)
def test_nhs_number_must_be_ten_digits(typed):
    assert error_of(validate_nhs_number, typed).code == "nhs_number_format"


def test_empty_nhs_number_asks_for_one():
    assert error_of(validate_nhs_number, "  ").message == "Enter an NHS number"


def test_synthetic_nhs_numbers_are_valid_test_numbers_and_reproducible():
    numbers = [generate_nhs_number(random.Random(7)) for _ in range(3)]
    assert len(set(numbers)) == 1, "same seed, same number"
    rng = random.Random(42)
    for _ in range(500):
        number = generate_nhs_number(rng)
        assert number.startswith("999") and len(number) == 10
        assert validate_nhs_number(number) == number


# ---- UPN ---------------------------------------------------------------------------------------


def test_hand_worked_permanent_upn():
    # Characters 2-13: 801 2003 21 001 (LA 801, school 2003, year 21, serial 001).
    # 8x2 + 0x3 + 1x4 + 2x5 + 0x6 + 0x7 + 3x8 + 2x9 + 1x10 + 0x11 + 0x12 + 1x13 = 95; 95 = 4x23 + 3.
    # 3 is the fourth letter of ABCDEFGHJKLMNPQRTUVWXYZ: D.
    assert upn_check_letter("801200321001") == "D"
    assert validate_upn("D801200321001") == "D801200321001"
    assert not is_temporary_upn("D801200321001")


def test_hand_worked_temporary_upn():
    # Characters 2-13: 801 2003 21 01 B; the final letter counts as its place in the alphabet, B = 1.
    # 8x2 + 0x3 + 1x4 + 2x5 + 0x6 + 0x7 + 3x8 + 2x9 + 1x10 + 0x11 + 1x12 + 1x13 = 107; 107 = 4x23 + 15: R.
    assert upn_check_letter("80120032101B") == "R"
    assert validate_upn("R80120032101B") == "R80120032101B"
    assert is_temporary_upn("R80120032101B")


def test_example_in_the_message_is_itself_valid():
    # 1x2 + 2x3 + 3x4 + 4x5 + 5x6 + 6x7 + 7x8 + 8x9 + 9x10 + 0x11 + 1x12 + 2x13 = 368 = 16x23: A.
    assert validate_upn(identifiers.UPN_EXAMPLE) == identifiers.UPN_EXAMPLE


def test_upn_is_stored_in_capitals_without_spaces():
    assert validate_upn(" d801 2003 2100 1 ") == "D801200321001"
    assert validate_upn("r80120032101b") == "R80120032101B"


@pytest.mark.parametrize(
    "typed, code",
    [
        ("D80120032100", "upn_length"),  # 12 characters
        ("D8012003210011", "upn_length"),  # 14
        ("1801200321001", "upn_first_character"),  # starts with a digit
        ("I801200321001", "upn_first_character"),  # I, O and S are never check letters
        ("O801200321001", "upn_first_character"),
        ("S801200321001", "upn_first_character"),
        ("D8012003X1001", "upn_digits"),  # a letter among characters 2-12
        ("D80120032100I", "upn_last_character"),  # temporary UPNs never end in I, O or S
        ("D80120032100O", "upn_last_character"),
        ("D80120032100S", "upn_last_character"),
        ("E801200321001", "upn_check_letter"),  # one letter off
        ("D801200321002", "upn_check_letter"),  # one digit off
        ("D810200321001", "upn_check_letter"),  # two digits swapped
        ("R80120032101C", "upn_check_letter"),  # temporary, wrong final letter
        ("", "required"),
    ],
)
def test_invalid_upns(typed, code):
    assert error_of(validate_upn, typed).code == code


def test_upn_messages_say_what_to_fix():
    assert error_of(validate_upn, "D80120032100").message == (
        "Enter a valid UPN: it must be 13 characters, for example A123456789012"
    )
    assert error_of(validate_upn, "E801200321001").message.startswith(
        "E801200321001 is not a valid UPN (the check letter does not match)"
    )


def test_former_upn_follows_the_same_rules_and_names_itself():
    assert validate_former_upn("R80120032101B") == "R80120032101B"
    error = error_of(validate_former_upn, "E801200321001")
    assert error.code == "upn_check_letter" and "not a valid former UPN" in error.message


def test_generated_upns_are_valid_and_carry_the_la_code():
    rng = random.Random(3)
    for _ in range(300):
        upn = generate_upn(rng, "801")
        assert validate_upn(upn) == upn and upn[1:4] == "801" and not is_temporary_upn(upn)
    temporary = [generate_upn(rng, 201, temporary=True) for _ in range(300)]
    assert all(validate_upn(upn) == upn and upn[1:4] == "201" and is_temporary_upn(upn) for upn in temporary)
    assert not {upn[-1] for upn in temporary} & {"I", "O", "S"}


def test_generated_upn_uses_the_school_and_year_given():
    upn = generate_upn(random.Random(1), "801", establishment=2003, year=21)
    assert upn[1:10] == "801200321"


@pytest.mark.parametrize("la_code", ["80", "8011", "abc", 1000])
def test_generate_upn_refuses_a_malformed_la_code(la_code):
    with pytest.raises(ValueError):
        generate_upn(random.Random(1), la_code)


# ---- postcode ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("sw1a1aa", "SW1A 1AA"),  # AA9A
        (" ec1a  1bb ", "EC1A 1BB"),
        ("W1A 0AX", "W1A 0AX"),  # A9A
        ("m11ae", "M1 1AE"),  # A9
        ("B33 8TH", "B33 8TH"),  # A99
        ("cr2 6xh", "CR2 6XH"),  # AA9
        ("DN551PT", "DN55 1PT"),  # AA99
        ("N1C 4AG", "N1C 4AG"),
        ("gir0aa", "GIR 0AA"),  # the one exception
        ("BF1 3AD", "BF1 3AD"),  # British forces post, in postcode form
    ],
)
def test_valid_postcodes_are_stored_in_the_standard_form(typed, stored):
    assert validate_uk_postcode(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "SW1A",  # outward code only
        "SW1A 1A",  # inward code too short
        "SW1A 1AAA",
        "QA1 1AA",  # Q, V and X never start a postcode
        "AZ1 1AA",  # I, J and Z are never second
        "SW1A 1CA",  # C, I, K, M, O and V never in the inward code
        "SW1A 1AV",
        "W1I 1AA",  # I is not a third letter of A9A
        "EC1C 1BB",  # C is not a fourth letter of AA9A
        "SW1A-1AA",
        "12345",
        "BFPO 123",  # a BFPO number is not a postcode
        "GIR 0AB",
    ],
)
def test_invalid_postcodes(typed):
    error = error_of(validate_uk_postcode, typed)
    assert error.code == "postcode_format"
    assert error.message == "Enter a real postcode, like AA1 1AA"


def test_the_postcode_in_the_message_is_itself_real_shaped():
    assert validate_uk_postcode("AA1 1AA") == "AA1 1AA"


def test_empty_postcode_asks_for_one():
    assert error_of(validate_uk_postcode, " ").message == "Enter a postcode"
