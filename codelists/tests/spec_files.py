"""Readers for the DfE specification files, for the code list tests.

The specifications are kept in the repository under ``specs/`` (see specs/SOURCES.md);
OPENCSC_SPECS_DIR may point elsewhere, for example at a newer year's files.

PyYAML is not a dependency of the app, so ``read_yaml_subset`` reads the small part of YAML these
schema files use (block mappings, block sequences, quoted or plain scalars). It is not a general YAML
parser and raises rather than guess when it meets anything else.
"""

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

XS = "{http://www.w3.org/2001/XMLSchema}"

# The collection year these code lists are for: the SSDA903 diff files are named by the year the
# collection ends, so 2026 is the 2025 to 2026 return.
COLLECTION_YEAR = 2026


def specs_dir():
    """The specifications folder, or None if it cannot be found."""
    candidates = [
        os.environ.get("OPENCSC_SPECS_DIR"),
        Path(__file__).resolve().parents[2] / "specs",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "cin_census").is_dir():
            return Path(candidate)
    return None


# ---- CIN census XML schema -------------------------------------------------------------------


def xsd_simple_types(path):
    """{type name: [(code, documentation or None, appinfo or None), ...]} for every named
    xs:simpleType with enumerations, in the schema's order."""
    root = ET.parse(path).getroot()
    types = {}
    for simple in root.iter(f"{XS}simpleType"):
        name = simple.get("name")
        enums = simple.findall(f"./{XS}restriction/{XS}enumeration")
        if name and enums:
            types[name] = [(e.get("value"), _text(e, "documentation"), _text(e, "appinfo")) for e in enums]
    return types


def xsd_anonymous_enumerations(path):
    """{element name: [codes]} for elements whose enumeration is declared inline, without a type name."""
    root = ET.parse(path).getroot()
    found = {}
    for element in root.iter(f"{XS}element"):
        enums = element.findall(f"./{XS}simpleType/{XS}restriction/{XS}enumeration")
        if enums:
            found[element.get("name")] = [e.get("value") for e in enums]
    return found


def _text(enumeration, tag):
    node = enumeration.find(f"./{XS}annotation/{XS}{tag}")
    return node.text.strip() if node is not None and node.text else None


# ---- SSDA903 yml schema with yearly diffs ---------------------------------------------------


def ssda903_schema(folder, up_to_year=COLLECTION_YEAR):
    """The SSDA903 column map for a collection year: the 2017 base with every diff up to that
    year applied in year order. Returns (column_map, [diff years applied])."""
    schema = read_yaml_subset((folder / "SSDA903_schema_2017.yml").read_text(encoding="utf-8"))
    applied = []
    diffs = sorted(
        (int(m.group(1)), p)
        for p in folder.glob("SSDA903_schema_*.diff.yml")
        if (m := re.search(r"_(\d{4})\.diff\.yml$", p.name))
    )
    for year, path in diffs:
        if year > up_to_year:
            continue
        for dotted, change in read_yaml_subset(path.read_text(encoding="utf-8")).items():
            if change["type"] not in ("modify", "add"):
                raise ValueError(f"{path.name}: unknown change type {change['type']!r}")
            *parents, last = dotted.split(".")
            node = schema
            for part in parents:
                node = node.setdefault(part, {})
            node[last] = change["value"]
        applied.append(year)
    return schema["column_map"], applied


def categories(column_map):
    """{(table, column): [(code, name), ...]} for every coded column; name is None when the yml
    gives none, and the first name when it gives several (the 2025 UASC SEX lists the old code too)."""
    found = {}
    for table, columns in column_map.items():
        for column, spec in columns.items():
            if isinstance(spec, dict) and "category" in spec:
                found[(table, column)] = [
                    (item["code"], item["name"][0] if isinstance(item.get("name"), list) else item.get("name"))
                    for item in spec["category"]
                ]
    return found


def read_yaml_subset(text):
    lines = []
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise ValueError(f"tab in indentation: {raw!r}")
        lines.append([len(raw) - len(raw.lstrip(" ")), stripped])
    value, pos = _block(lines, 0, lines[0][0])
    if pos != len(lines):
        raise ValueError(f"could not read the line {lines[pos][1]!r}")
    return value


def _block(lines, pos, indent):
    if lines[pos][1].startswith("- "):
        return _sequence(lines, pos, indent)
    return _mapping(lines, pos, indent)


def _mapping(lines, pos, indent):
    result = {}
    while pos < len(lines) and lines[pos][0] == indent and not lines[pos][1].startswith("- "):
        key, colon, rest = lines[pos][1].partition(":")
        if not colon:
            raise ValueError(f"expected 'key: value', got {lines[pos][1]!r}")
        key, rest = key.strip(), rest.strip()
        pos += 1
        if rest:
            result[key] = _scalar(rest)
        elif pos < len(lines) and (
            lines[pos][0] > indent or (lines[pos][0] == indent and lines[pos][1].startswith("- "))
        ):
            # A nested block: deeper, or a sequence at the key's own indent ("key:\n- item").
            result[key], pos = _block(lines, pos, lines[pos][0])
        else:
            result[key] = None
    return result, pos


def _sequence(lines, pos, indent):
    result = []
    while pos < len(lines) and lines[pos][0] == indent and lines[pos][1].startswith("- "):
        content = lines[pos][1][2:].lstrip()
        if content[:1] not in ("'", '"') and re.match(r"[^:]+:(\s|$)", content):
            # "- key: value" starts a mapping whose keys line up with "key".
            child_indent = indent + len(lines[pos][1]) - len(content)
            lines[pos] = [child_indent, content]
            item, pos = _mapping(lines, pos, child_indent)
        else:
            item, pos = _scalar(content), pos + 1
        result.append(item)
    return result, pos


def _scalar(text):
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    if text[:1] in "[{&*!|>":
        raise ValueError(f"YAML feature not supported here: {text!r}")
    return text


# ---- validator rule messages -------------------------------------------------------------------


def validator_rules(path):
    """{rule code: message} from a validator_rules TSV."""
    rules = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        code, _, message = line.partition("\t")
        if code:
            rules[code.strip()] = message.strip()
    return rules
