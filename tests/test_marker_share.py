"""bench/marker_share.py, the measure behind "markers are under 5% of output tokens": it must
find each marker whole in real outputs, brackets in its description included."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from support import REPO, run_hr


def marker_share():
    spec = importlib.util.spec_from_file_location("marker_share", REPO / "bench" / "marker_share.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_a_marker_naming_a_parametrized_test_is_found_whole(cache):
    # real pytest output (bench/validation): repeated tracebacks fold as `lines as in NAME`, and
    # NAME is a parametrized test id, `test_ordinal[-13--13th]`
    data = next((REPO / "bench" / "validation" / "test" / "pytest-q-inflection").glob("input.*")).read_bytes()
    out = run_hr([], data).stdout.decode()
    lines = [line.rstrip("\r") for line in out.split("\n") if line.startswith("[hr ")]
    assert any("[" in line[1:-1] for line in lines), out  # a marker with brackets inside
    found = marker_share().MARKER.findall(out)
    assert found == lines, [line for line in lines if line not in found][:3]


def test_a_table_note_naming_its_columns_is_found_whole(cache):
    rows = [{"path": f"src/module_{i}.js", "size": 1000 + i * 37, "mode": 420 + i % 2} for i in range(300)]
    out = run_hr(["--kind", "json"], json.dumps(rows, indent=2).encode()).stdout.decode()
    notes = [v for v in json.loads(out) if isinstance(v, str) and v.startswith("[hr ")]
    assert notes and notes[0].startswith("[hr table, rows are [path, size, mode]"), out[:300]
    assert [m for m in marker_share().MARKER.findall(out) if m.startswith("[hr table")] == notes[:1]
