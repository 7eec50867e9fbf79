"""What changed in a child's document since the DfE last accepted it, the way the reference
pipeline works it out (specs/dfe-csc-api/payload.py): the identifiers always; of the rest only
what differs, recursing into objects; in a list, an item matched by its `..._id` key is reduced
to its id and what changed in it (with `purge: false` where the block has a purge flag), an item
not seen before is sent whole, an unchanged one is left out. A child who has left the cohort is
sent as a purge: identifiers and `purge: true`."""

from __future__ import annotations

import hashlib
import json

REQUIRED = ("la_child_id", "mis_child_id", "purge")


def document_hash(document: dict) -> str:
    """SHA-256 of the document in a canonical form (sorted keys), so the same content always
    hashes the same, whatever the order it was built in."""
    text = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _id_key(item: dict) -> str | None:
    return next((k for k in item if k.endswith("_id")), None)


def _diff_list(current: list, previous: list) -> list:
    out = []
    for item in current:
        if not isinstance(item, dict):
            if item not in previous:
                out.append(item)
            continue
        key = _id_key(item)
        before = next((p for p in previous if isinstance(p, dict) and key and p.get(key) == item.get(key)), None)
        if before is None:
            out.append(item)
            continue
        changed = diff(item, before)
        if changed:
            changed[key] = item[key]
            if "purge" in item:
                changed["purge"] = False
            out.append(changed)
    return out


def diff(current: dict, previous: dict) -> dict:
    """The keys of `current` whose values differ from `previous`, recursively."""
    out = {}
    for key, value in current.items():
        if key in previous and previous[key] == value:
            continue
        before = previous.get(key)
        if isinstance(value, dict) and isinstance(before, dict):
            nested = diff(value, before)
            if nested:
                out[key] = nested
        elif isinstance(value, list) and isinstance(before, list):
            changed = _diff_list(value, before)
            if changed:
                out[key] = changed
        else:
            out[key] = value
    return out


def partial(current: dict, previous: dict | None) -> dict:
    """What to send for a child: the whole document when the DfE has none yet, else the
    identifiers and what changed."""
    if previous is None:
        return current
    out = {k: current[k] for k in REQUIRED if k in current}
    for key, value in diff(current, previous).items():
        out.setdefault(key, value)
    return out


def purge(previous: dict) -> dict:
    return {"la_child_id": previous.get("la_child_id"), "mis_child_id": previous.get("mis_child_id"), "purge": True}
