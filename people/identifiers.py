"""Checks for the identifiers on a person's record: NHS number, unique pupil number (UPN), postcode.

Each ``validate_*`` function takes what someone typed and either returns it in the one form we store
or raises ``django.core.exceptions.ValidationError`` with a message written for the person at the
keyboard (GOV.UK style: say what is wrong and how to put it right). Each error has a ``code`` so
callers and tests can tell the cases apart without matching on wording.

The ``generate_*`` functions make valid synthetic identifiers for demo and test data, from a
``random.Random`` so the data is reproducible.
"""

import re

from django.core.exceptions import ValidationError

# ---- NHS number --------------------------------------------------------------------------------
# Ten digits; the tenth is a modulus 11 check digit over the first nine (weights 10 down to 2).
# Numbers beginning 999 are never issued to patients, so synthetic data uses only those.

NHS_NUMBER_EXAMPLE = "943 476 5919"


def nhs_check_digit(first_nine):
    """The check digit for nine digits, or None when no check digit is possible (the sum leaves
    remainder 1, so 11 - 1 = 10: the NHS never issues such numbers)."""
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:  # remainder 0
        return 0
    return None if check == 10 else check


def format_nhs_number(digits):
    """'9434765919' -> '943 476 5919', the 3-3-4 grouping people read NHS numbers in."""
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def validate_nhs_number(value):
    """Return the NHS number as 10 digits, or raise ValidationError. Spaces and hyphens are
    allowed when typing (people copy "943 476 5919" and "943-476-5919" from letters)."""
    digits = re.sub(r"[\s-]", "", str(value or ""))
    if not digits:
        raise ValidationError("Enter an NHS number", code="required")
    if not re.fullmatch(r"[0-9]{10}", digits):
        raise ValidationError(
            f"Enter a valid NHS number: it must be 10 digits, for example {NHS_NUMBER_EXAMPLE}",
            code="nhs_number_format",
        )
    if nhs_check_digit(digits[:9]) != int(digits[9]):
        raise ValidationError(
            f"{format_nhs_number(digits)} is not a valid NHS number (the check digit does not match): "
            "check each digit against the letter or record you are copying from",
            code="nhs_number_check_digit",
        )
    return digits


def generate_nhs_number(rng):
    """A valid synthetic NHS number, 999 followed by six random digits and the check digit."""
    while True:  # about 1 in 11 bodies has no valid check digit; draw again
        first_nine = "999" + "".join(str(rng.randrange(10)) for _ in range(6))
        check = nhs_check_digit(first_nine)
        if check is not None:
            return first_nine + str(check)


# ---- Unique pupil number (UPN) -------------------------------------------------------------------
# The DfE's UPN: 13 characters. Character 1 is a check letter computed from characters 2 to 13.
# Characters 2-4 are the LA code, 5-8 the school's establishment number, 9-10 the year of
# allocation, 11-13 a serial number. A temporary UPN ends in a letter instead of a digit.
# The check letter: multiply characters 2 to 13 by weights 2 to 13 (a letter in position 13 counts
# as its place in the check alphabet below, A = 0), sum, take the remainder on division by 23 and
# look it up in the alphabet A-Z without I, O and S (0 = A ... 22 = Z).
# The CIN census checks the same things: rules 1510 (check letter), 1540 (characters 5-12 numeric),
# 1550 (character 13 a digit or a letter other than I, O, S). Rule 1530 also checks characters 2-4
# against the DfE's list of LA codes, which is not in our specifications, so here they need only be
# digits.

UPN_CHECK_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"
UPN_EXAMPLE = "A123456789012"  # LA 123 does not exist, so this is nobody's UPN


def upn_check_letter(last_twelve):
    """The check letter for characters 2 to 13 of a UPN."""
    total = 0
    for weight, char in zip(range(2, 14), last_twelve):
        value = int(char) if char in "0123456789" else UPN_CHECK_ALPHABET.index(char)
        total += value * weight
    return UPN_CHECK_ALPHABET[total % 23]


def is_temporary_upn(upn):
    """A temporary UPN ends in a letter; it should be replaced (and kept as the former UPN) once
    the child's permanent UPN is known."""
    return upn[-1:].isalpha()


def validate_upn(value):
    """Return the UPN in capitals without spaces, or raise ValidationError."""
    return _validate_upn(value, "UPN")


def validate_former_upn(value):
    """The same rules for the former UPN (census rule 1560Q queries a wrongly formatted one)."""
    return _validate_upn(value, "former UPN")


def _validate_upn(value, name):
    upn = re.sub(r"\s", "", str(value or "")).upper()
    if not upn:
        raise ValidationError(f"Enter the {name}", code="required")
    if len(upn) != 13:
        raise ValidationError(
            f"Enter a valid {name}: it must be 13 characters, for example {UPN_EXAMPLE}", code="upn_length"
        )
    if upn[0] not in UPN_CHECK_ALPHABET:
        raise ValidationError(
            f"Enter a valid {name}: it must start with a letter other than I, O or S", code="upn_first_character"
        )
    if not re.fullmatch(r"[0-9]{11}", upn[1:12]):
        raise ValidationError(f"Enter a valid {name}: characters 2 to 12 must be numbers", code="upn_digits")
    if upn[12] not in "0123456789" + UPN_CHECK_ALPHABET:
        raise ValidationError(
            f"Enter a valid {name}: the last character must be a number, or a letter other than I, O or S",
            code="upn_last_character",
        )
    if upn_check_letter(upn[1:]) != upn[0]:
        raise ValidationError(
            f"{upn} is not a valid {name} (the check letter does not match): check each character "
            "against the school's records",
            code="upn_check_letter",
        )
    return upn


def generate_upn(rng, la_code, *, establishment=None, year=None, temporary=False):
    """A valid synthetic UPN for a school in the LA with this 3-digit code.

    establishment (4 digits) and year (2 digits, the year the UPN was allocated) are random unless
    given; a temporary UPN ends in a letter (not I, O or S) instead of a third serial digit."""
    la = _digits(la_code, 3, "la_code")
    establishment = _digits(rng.randrange(1000, 8000) if establishment is None else establishment, 4, "establishment")
    year = _digits(rng.randrange(100) if year is None else year, 2, "year")
    serial = f"{rng.randrange(100):02d}" + (rng.choice(UPN_CHECK_ALPHABET) if temporary else str(rng.randrange(10)))
    last_twelve = la + establishment + year + serial
    return upn_check_letter(last_twelve) + last_twelve


def _digits(value, width, what):
    text = f"{value:0{width}d}" if isinstance(value, int) else str(value)
    if not re.fullmatch(rf"[0-9]{{{width}}}", text):
        raise ValueError(f"{what} must be {width} digits, got {value!r}")
    return text


# ---- UK postcode ------------------------------------------------------------------------------
# The published shape of a UK postcode: an outward code (area and district: A9, A99, AA9, AA99,
# A9A or AA9A) and an inward code (sector digit and two unit letters). Letters are restricted by
# position: the first is never Q, V or X; the second never I, J or Z; the third of A9A only
# A-H, J, K, P, S, T, U, W; the fourth of AA9A only A, B, E, H, M, N, P, R, V, W, X, Y; the inward
# letters never C, I, K, M, O or V. GIR 0AA (Girobank) is the one exception still in use.
# BFPO numbers ("BFPO 123") are not postcodes; every BFPO has a BF1 postcode, which passes.

_FIRST, _SECOND = "[A-PR-UWYZ]", "[A-HK-Y]"
_OUTWARD = (
    f"{_FIRST}[0-9][0-9]?"  # A9, A99
    f"|{_FIRST}{_SECOND}[0-9][0-9]?"  # AA9, AA99
    f"|{_FIRST}[0-9][A-HJKPSTUW]"  # A9A
    f"|{_FIRST}{_SECOND}[0-9][ABEHMNPRVWXY]"  # AA9A
)
_POSTCODE = re.compile(f"(?:(?:{_OUTWARD})[0-9][ABD-HJLNP-UW-Z]{{2}}|GIR0AA)")

POSTCODE_MESSAGE = "Enter a real postcode, like AA1 1AA"


def validate_uk_postcode(value):
    """Return the postcode in capitals with one space before the inward code ("SW1A 1AA"), or
    raise ValidationError. Spacing and case as typed do not matter."""
    compact = re.sub(r"\s", "", str(value or "")).upper()
    if not compact:
        raise ValidationError("Enter a postcode", code="required")
    if not _POSTCODE.fullmatch(compact):
        raise ValidationError(POSTCODE_MESSAGE, code="postcode_format")
    return f"{compact[:-3]} {compact[-3:]}"
