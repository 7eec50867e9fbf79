"""Signed-in clients for each role, and the list of violations a sweep collects: every finding is
recorded (URL, role, scenario, what happened) and the test asserts the list is empty at the end,
so one run shows them all."""

from __future__ import annotations

import re

from django.test import Client

from workforce.roles import Role

ROLES = list(Role)


class Answer:
    """What a sweep looks at in a response (status, headers, content), kept without the rest."""

    streaming = False

    def __init__(self, response):
        self.status_code = response.status_code
        self.content = response.content
        self._headers = dict(response.items())

    def get(self, header, default=None):
        return self._headers.get(header, default)


class Sweeper:
    def __init__(self, world, answers: dict | None = None):
        self.world = world
        self.violations: list[str] = []
        self._clients: dict = {}
        # (role, url) -> Answer, shared by the tests of a module that change nothing in the world:
        # the same URL asked by the same role of the same data gets the same answer.
        self._answers = answers

    def client(self, role) -> Client:
        if role not in self._clients:
            client = Client(raise_request_exception=False)
            client.force_login(self.world.user(role))
            self._clients[role] = client
        return self._clients[role]

    def get(self, role, url, **extra):
        if self._answers is None or extra:
            return self.client(role).get(url, **extra)
        if (role, url) not in self._answers:
            response = self.client(role).get(url)
            if getattr(response, "streaming", False):
                return response  # read once, by the caller
            self._answers[role, url] = Answer(response)
        return self._answers[role, url]

    def post(self, role, url, data):
        return self.client(role).post(url, data)

    def violation(self, scenario: str, role, url: str, what: str) -> None:
        self.violations.append(f"{scenario:<14} {Role(role).label:<35} {url:<75} {what}")

    def check_no_server_error(self, scenario, role, url, response) -> bool:
        if response.status_code >= 500:
            self.violation(scenario, role, url, f"{response.status_code} server error")
            return False
        return True

    def names_shown(self, response, child_ids) -> list[str]:
        """The children (of `child_ids`) whose name or LA ID the response shows."""
        content = _text(response)
        found = []
        for child_id in child_ids:
            name, la_id = self.world.names[child_id]
            # The plain substring first: it rules out almost every child at a fraction of the regex's cost.
            if name in content or (la_id in content and re.search(rf"\b{re.escape(la_id)}\b", content)):
                found.append(f"{name} ({la_id})")
        return found

    def assert_none(self, what: str) -> None:
        assert not self.violations, f"{len(self.violations)} {what}:\n" + "\n".join(self.violations)


def _text(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")
