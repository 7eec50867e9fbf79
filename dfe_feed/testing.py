"""A local stand-in for the DfE's API, for the feed's tests: a real HTTP server on 127.0.0.1 with
an OAuth2 token endpoint and the children endpoint, which checks each document against the
DfE's JSON structure as published (specs/dfe-csc-api/json_payload_structure.md, read from the
file) and answers as the reference pipeline expects (specs/dfe-csc-api/api.py). Never imported
by app code."""

from __future__ import annotations

import datetime
import json
import re
import threading
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SPEC = Path(__file__).resolve().parents[1] / "specs" / "dfe-csc-api" / "json_payload_structure.md"
CLIENT_ID, CLIENT_SECRET, SUPPLIER_KEY = "opencsc-test", "s3cret", "supplier-key"
IDENTIFIERS = ("la_child_id", "mis_child_id", "purge")


def spec_child() -> dict:
    """The per-child object of the published structure (its "Children" value)."""
    text = SPEC.read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", text, re.S).group(1)
    block = re.sub(r"Integer e\.g\. \d+", "0", block)
    return json.loads(block)["Children"]


def shape_errors(value, template, path: str = "") -> list[str]:
    """Where `value` departs from the published structure: a key it does not have, a value of
    the wrong type, a date not written YYYY-MM-DD."""
    errors = []
    if isinstance(template, dict):
        if not isinstance(value, dict):
            return [f"{path or 'document'} is not an object"]
        for key, item in value.items():
            if key not in template:
                errors.append(f"{path}{key} is not in the specification")
            else:
                errors += shape_errors(item, template[key], f"{path}{key}.")
    elif isinstance(template, list):
        if not isinstance(value, list):
            return [f"{path[:-1]} is not a list"]
        for i, item in enumerate(value):
            errors += shape_errors(item, template[0], f"{path[:-1]}[{i}].")
    elif isinstance(template, bool):
        if not isinstance(value, bool):
            errors.append(f"{path[:-1]} is not true or false")
    elif isinstance(template, int):
        if not isinstance(value, int) or isinstance(value, bool):
            errors.append(f"{path[:-1]} is not a whole number")
    elif template == "YYYY-MM-DD":
        try:
            datetime.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else 1 / 0
        except (ValueError, ZeroDivisionError):
            errors.append(f"{path[:-1]} is not a date written YYYY-MM-DD: {value!r}")
    elif not isinstance(value, str) or not value:
        errors.append(f"{path[:-1]} is not a non-empty string")
    return errors


def document_errors(document: dict, template: dict) -> list[str]:
    errors = [f"{key} is missing" for key in IDENTIFIERS if key not in document]
    return errors + shape_errors(document, template)


class FakeDfE:
    """Start with `with FakeDfE() as api:`; `api.config` is the DFE_FEED settings pointing at it.

    `api.answers` is a list of scripted answers, used one per POST to the children endpoint
    before the normal answer: each an HTTP status (with a Retry-After of 0 for 429), or
    ("reject", [indexes]) for a 400 naming those documents."""

    def __init__(self):
        self.template = spec_child()
        self.batches: list[list[dict]] = []
        self.answers: list = []
        self.tokens_issued = 0
        self.shape_failures: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _reply(self, status: int, body, headers=None):
                data = (body if isinstance(body, str) else json.dumps(body)).encode()
                self.send_response(status)
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.path == "/token":
                    form = urllib.parse.parse_qs(body.decode())
                    if (form.get("grant_type"), form.get("client_id"), form.get("client_secret")) != (
                        ["client_credentials"],
                        [CLIENT_ID],
                        [CLIENT_SECRET],
                    ):
                        return self._reply(401, {"error": "invalid_client"})
                    fake.tokens_issued += 1
                    return self._reply(200, {"access_token": f"token-{fake.tokens_issued}", "expires_in": 3600})
                match = re.fullmatch(r"/children_social_care_data/(\d{3})/children", self.path)
                if not match:
                    return self._reply(404, {"error": "no such endpoint"})
                if (
                    self.headers.get("Authorization") != f"Bearer token-{fake.tokens_issued}"
                    or self.headers.get("SupplierKey") != SUPPLIER_KEY
                ):
                    return self._reply(401, "Invalid API token")
                documents = json.loads(body)
                if not isinstance(documents, list):
                    return self._reply(400, "Malformed payload: expected a list")
                bad = {i: document_errors(d, fake.template) for i, d in enumerate(documents)}
                bad = {i: e for i, e in bad.items() if e}
                if bad:
                    fake.shape_failures += [f"[{i}] {e}" for i, errors in bad.items() for e in errors]
                    return self._reply(400, "; ".join(f"[{i}] {e[0]}" for i, e in bad.items()))
                if fake.answers:
                    answer = fake.answers.pop(0)
                    if isinstance(answer, tuple):
                        return self._reply(400, "; ".join(f"[{i}] unknown referral source" for i in answer[1]))
                    return self._reply(answer, "try again", {"Retry-After": "0"} if answer == 429 else None)
                fake.batches.append(documents)
                now = datetime.datetime(2026, 6, 1, 2, 0)
                return self._reply(200, [f"{now:%Y-%m-%d_%H:%M:%S.%f}_{uuid.uuid4()}" for _ in documents])

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.config = {
            "API_ENDPOINT": base + "/children_social_care_data/{la_code}/children",
            "TOKEN_ENDPOINT": base + "/token",
            "CLIENT_ID": CLIENT_ID,
            "CLIENT_SECRET": CLIENT_SECRET,
            "SCOPE": "api://dfe/.default",
            "SUPPLIER_KEY": SUPPLIER_KEY,
            "BATCH_SIZE": 2,
            "RETRIES": 3,
            "BACKOFF_SECONDS": 0,
        }

    @property
    def received(self) -> list[dict]:
        return [d for batch in self.batches for d in batch]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
