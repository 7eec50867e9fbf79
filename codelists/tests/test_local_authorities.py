"""The placement's local authority: every English authority, named as Annex A names it, and
inside or outside the council's own (settings.OPENCSC_LA_CODE)."""

from codelists.local_authorities import NOT_KNOWN, LocalAuthority, annex_a_location, annex_a_name


def test_every_english_authority_and_not_known_can_be_chosen():
    assert len(LocalAuthority.choices) == 153 + 1
    assert LocalAuthority("330").label == "Birmingham"
    assert LocalAuthority(NOT_KNOWN).label == "Not known"


def test_annex_a_names_an_authority_in_the_templates_spelling():
    assert annex_a_name("334") == "Solihull"
    assert annex_a_name("840") == "Durham"  # "County Durham" in the DfE's statistics
    assert annex_a_name(NOT_KNOWN) == annex_a_name("") == ""


def test_inside_is_the_councils_own_authority(settings):
    settings.OPENCSC_LA_CODE = "334"
    assert annex_a_location("334") == "a) In"
    assert annex_a_location("330") == "b) Out"
    assert annex_a_location(NOT_KNOWN) == annex_a_location("") == ""
