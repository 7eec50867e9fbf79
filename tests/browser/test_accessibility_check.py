"""The browser tests' accessibility check itself: it fails a page axe finds a serious problem on,
and a page already checked once is checked again as soon as anything in it differs."""

import pytest

from tests.browser.conftest import AccessibilityViolation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_page_that_changed_since_it_passed_is_checked_again_and_can_fail(browse):
    browse.goto("/sign-in/")
    browse.goto("/sign-in/")  # the same document again: it passed a moment ago
    # An image without a text alternative (axe's image-alt, a critical problem) in the same page.
    browse.page.evaluate("() => document.querySelector('main').append(document.createElement('img'))")
    with pytest.raises(AccessibilityViolation, match="image-alt"):
        browse.check()
    # Put right, the page passes again.
    browse.page.evaluate("() => document.querySelector('main img').setAttribute('alt', 'A crest')")
    browse.check()
