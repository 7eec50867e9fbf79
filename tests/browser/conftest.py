"""Browser tests: Playwright driving Debian's Chromium (its headless shell), with an axe check on every page.

Use `browse.goto(path)` and `browse.submit(button)`: each waits for the page and runs axe on
it, failing on any serious or critical violation. At the end of each test, every document the
browser loaded must have been checked, and no console error (a CSP violation, a script error)
may have happened.
"""

import base64
import hashlib
import os
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from conftest import TEST_PASSWORD

CHROMIUM = os.environ.get("OPENCSC_CHROMIUM", "/usr/bin/chromium-headless-shell")
AXE_SOURCE = (Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js").read_text()
# A page's DOM as the accessibility check saw it, less the two values Django writes afresh into
# every form it renders (the CSRF token and the once-only form token, core.submissions: hidden
# inputs, which axe never looks at).
FORM_TOKENS = re.compile(r'(name="(?:csrfmiddlewaretoken|form_token)" value=")[^"]*"')
# The digests of the documents that have passed axe this session: axe's verdict depends only on
# the DOM, the stylesheets (the same files for the whole run) and the window (the same size in
# every test), so a document identical to one that passed passes again. Some 27% of the pages
# the tests load are such repeats (156 of 570 checks on 4 December 2026, two workers), most of
# them the sign-in page, and axe is some 0.1-0.25 s of Chromium's CPU a page.
_passed_axe: set[bytes] = set()
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not at {CHROMIUM}: run `make test` (it installs it) or `apt-get install chromium-headless-shell`."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class AccessibilityViolation(AssertionError):
    pass


class Browse:
    """A page that checks accessibility as it goes."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.loaded: list[str] = []
        self.checked: list[str] = []
        self.console_errors: list[tuple[str, str]] = []
        self.documents: set[str] = set()
        page.on("response", self._response)
        page.on("load", lambda p: self.loaded.append(p.url))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append((str(error), "")))

    def _response(self, response):
        if response.request.resource_type == "document":
            self.documents.add(response.url)

    def _console(self, message):
        if message.type == "error":
            self.console_errors.append((message.text, message.location.get("url", "")))

    def unexpected_console_errors(self) -> list[str]:
        """Console errors, less the browser's note that a page itself answered 404 or 429:
        tests visit those on purpose, and check their status themselves."""
        return [
            f"{text} ({url})"
            for text, url in self.console_errors
            if not (text.startswith("Failed to load resource") and url in self.documents)
        ]

    def goto(self, path: str):
        response = self.page.goto(self.base_url + path)
        self.check()
        return response

    def submit(self, button: str = "Save"):
        """Press a button that submits a form, wait for the next page, check it."""
        with self.page.expect_navigation():
            self.page.get_by_role("button", name=button, exact=True).click()
        self.check()

    def follow(self, link: str):
        """Follow a link (or a link styled as a button, which has the button role)."""
        target = self.page.get_by_role("link", name=link, exact=True).or_(
            self.page.get_by_role("button", name=link, exact=True)
        )
        with self.page.expect_navigation():
            target.first.click()
        self.check()

    def check(self):
        """Run axe on the current page; fail on serious or critical violations."""
        self.page.wait_for_load_state("load")
        dom = self.page.evaluate("() => document.documentElement.outerHTML")
        digest = hashlib.sha256(FORM_TOKENS.sub(r"\1", dom).encode()).digest()
        if digest not in _passed_axe:
            self._run_axe()
            _passed_axe.add(digest)
        self.checked.append(self.page.url)

    def _run_axe(self):
        # The same rules; only the violations are asked for (resultTypes spares axe the details
        # of every rule that passed), and only they come back to Python.
        violations = self.page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}, "
            "resultTypes: ['violations']}).then(result => result.violations)"
        )
        bad = [v for v in violations if v["impact"] in ("serious", "critical")]
        if bad:
            lines = [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in bad]
            raise AccessibilityViolation(f"axe found problems on {self.page.url}:\n" + "\n".join(lines))

    def sign_in(self, username: str, password: str = TEST_PASSWORD):
        self.goto("/sign-in/")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(password)
        self.submit("Sign in")
        if "/sign-in/two-factor/" in self.page.url:
            self.give_the_code(username)

    def give_the_code(self, username: str):
        """An administrator's second step: type what their authenticator app would show. On the
        set-up page the app is set up from the key the page shows, as a person would type it in."""
        from django_otp.oath import totp

        if self.page.url.endswith("/set-up/"):
            typed = self.page.get_by_test_id("totp-secret").text_content().replace(" ", "")
            key = base64.b32decode(typed + "=" * (-len(typed) % 8))
        else:
            from django_otp.plugins.otp_totp.models import TOTPDevice

            device = TOTPDevice.objects.get(user__username=username, confirmed=True)
            key = device.bin_key
            # A code is good once: signing in again within the same 30 seconds, a person waits
            # for their app to show the next code (django_otp refuses a step at or before last_t).
            while (time.time() - device.t0) // device.step + device.drift <= device.last_t:
                time.sleep(0.5)
        self.page.get_by_label("Code from your authenticator app").fill(f"{totp(key):06d}")
        self.submit("Continue")


@pytest.fixture
def browse(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    # axe is put into every document as it is created rather than evaluated into each page after
    # it loads: Chromium then compiles its half a megabyte once per renderer, not once a page
    # (about a tenth of a second a page).
    context.add_init_script(AXE_SOURCE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    helper = Browse(page, live_server.url)
    yield helper
    context.close()
    unchecked = [url for url in helper.loaded if url not in helper.checked]
    assert not unchecked, f"pages loaded without an accessibility check: {unchecked}"
    errors = helper.unexpected_console_errors()
    assert not errors, f"errors in the browser console: {errors}"
