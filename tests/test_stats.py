"""`hr stats`: totals, breakdowns, net of expansions, dollars, JSON."""

from __future__ import annotations

import json

from support import expand_hash, repetitive_log, run_hr


def test_stats_net_of_expansions(cache):
    a = run_hr(["--label", "app-log"], repetitive_log(600)).stdout
    run_hr(["--label", "other"], repetitive_log(300))
    run_hr(["--kind", "text", "--label", "as-text"], repetitive_log(200))
    h = expand_hash(a)
    run_hr(["expand", h, "--lines", "1-40"])
    r = run_hr(["stats", "--json", "--price-per-mtok", "10"])
    assert r.returncode == 0
    report = json.loads(r.stdout)
    t = report["totals"]
    assert t["calls"] == 3 and t["compressed"] == 3 and t["expansions"] == 1
    assert t["tokens_saved"] == t["tokens_in"] - t["tokens_out"] > 0
    assert 0 < t["tokens_expanded"] < t["tokens_saved"]
    assert t["tokens_saved_net"] == t["tokens_saved"] - t["tokens_expanded"] - 100 * t["expansions"]
    assert abs(t["usd_saved_net"] - t["tokens_saved_net"] * 10 / 1e6) < 1e-3
    assert report["tokens"] == "estimated"
    assert {r["key"] for r in report["by_label"]} == {"app-log", "other", "as-text"}
    assert {r["key"] for r in report["by_kind"]} == {"log", "text"}
    assert len(report["by_day"]) == 1 and report["by_day"][0]["calls"] == 3


def test_stats_text_names_price_and_estimate(cache):
    run_hr(["--label", "app-log"], repetitive_log(600))
    out = run_hr(["stats"]).stdout.decode()
    assert "Claude Sonnet 4.5" in out and "$3.00/MTok" in out
    assert "estimate" in out
    assert "by kind" in out and "by label" in out and "by day" in out and "app-log" in out


def test_stats_on_an_empty_cache(cache):
    r = run_hr(["stats", "--json"])
    assert r.returncode == 0
    assert json.loads(r.stdout)["totals"]["calls"] == 0


def test_stats_days_window(cache):
    import sqlite3
    import time

    run_hr([], repetitive_log(600))
    conn = sqlite3.connect(cache / "ledger.sqlite3")
    conn.execute("UPDATE compressions SET ts = ?", (time.time() - 10 * 86400,))
    conn.commit()
    run_hr([], repetitive_log(300))
    week = json.loads(run_hr(["stats", "--json", "--days", "7"]).stdout)["totals"]
    ever = json.loads(run_hr(["stats", "--json"]).stdout)["totals"]
    assert week["calls"] == 1 and ever["calls"] == 2


def test_credentials_in_command_lines_never_reach_the_ledger(cache):
    import sqlite3
    import sys

    code = "import sys; [print(f'2024-01-01 00:00:{i % 60:02d} INFO step {i} ok') for i in range(2000)]"
    secrets = ["hunter2-SECRET", "Bearer abc.SECRET.def", "user:SECRETpw@"]
    run_hr(["run", "--", sys.executable, "-c", code, "--password", secrets[0], "-H", f"Authorization: {secrets[1]}"])
    run_hr(["--label", f"curl https://{secrets[2]}api.example.com/x?token=SECRETtok"], repetitive_log())
    run_hr(["run", "--", "env", "PGPASSWORD=SECRETpg", sys.executable, "-c", code])
    labels = [r[0] for r in sqlite3.connect(cache / "ledger.sqlite3").execute("SELECT label FROM compressions")]
    assert len(labels) == 3
    assert not [label for label in labels if "SECRET" in label], labels
    assert any("api.example.com/x" in label for label in labels)  # what is not secret stays useful
    assert b"SECRET" not in run_hr(["stats"]).stdout


def test_binary_input_is_named_by_its_format_in_the_ledger(cache):
    import sqlite3

    import pytest

    pytest.importorskip("magic")
    png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000010000000100806000000") + bytes(4000)
    assert run_hr([], png).stdout == png
    row = sqlite3.connect(cache / "ledger.sqlite3").execute("SELECT kind, note, passthrough FROM compressions").fetchone()
    assert row[0] == "binary" and row[2] == 1
    assert row[1].startswith("binary: PNG image data")
