import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from returns.models import ExportStatus, ReturnExport

ROOT = Path(__file__).resolve().parents[2]


def test_the_command_writes_each_return_and_records_who_ran_it(authority, tmp_path, capsys):
    call_command("export_return", "cin", "--year", "2026", "--out", str(tmp_path / "cin.xml"))
    call_command("export_return", "ssda903", "--year", "2026", "--out", str(tmp_path / "903"))
    call_command("export_return", "annex-a", "--as-of", "2026-03-31", "--out", str(tmp_path / "a.xlsx"))
    assert (tmp_path / "cin.xml").is_file()
    assert (tmp_path / "903" / "2026" / "episodes.csv").is_file()
    assert (tmp_path / "903" / "2025" / "header.csv").is_file()
    assert (tmp_path / "a.xlsx").is_file()
    out = capsys.readouterr().out
    assert "CIN census 2025 to 2026 written to" in out
    exports = list(ReturnExport.objects.order_by("pk"))
    assert [(e.kind, e.status, e.requested_via) for e in exports] == [
        ("cin", ExportStatus.DONE, "command"),
        ("ssda903", ExportStatus.DONE, "command"),
        ("annex-a", ExportStatus.DONE, "command"),
    ]
    assert exports[0].command_user
    assert exports[0].counts == {"children": 4, "episodes": 4}  # two looked after, children in need too
    # The audit trail has each export: who, what, when.
    assert ReturnExport.pgh_event_model.objects.filter(pgh_obj_id=exports[0].pk, kind="cin").exists()


def _run(*args):
    """The real command in a process of its own, as an officer would run it."""
    return subprocess.run(
        [sys.executable, "manage.py", "export_return", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONWARNINGS": "ignore"},
        timeout=300,
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["cin", "--year", "26", "--out", "x.xml"], "Year must be four digits"),
        (["cin", "--year", "1999", "--out", "x.xml"], "Year must be between"),
        (["ssda903", "--out", "dir"], "Give the collection year"),
        (["annex-a", "--as-of", "2026-02-30", "--out", "a.xlsx"], "Date must be a real date"),
        (["annex-a", "--as-of", "31/03/2026", "--out", "a.xlsx"], "Date must be a real date"),
        (["cin", "--year", "2026", "--out", "/no/such/folder/cin.xml"], "does not exist"),
        (["annex-a", "--as-of", "2026-03-31", "--out", "/proc/annex.xlsx"], "permission denied"),
    ],
)
def test_bad_input_is_one_line_and_a_non_zero_exit(args, message):
    done = _run(*args)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert message in lines[0]
    assert done.stdout == ""
