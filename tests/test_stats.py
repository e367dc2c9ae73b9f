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
    assert t["tokens_saved_net"] == t["tokens_saved"] - t["tokens_expanded"]
    assert abs(t["dollars_saved_net"] - t["tokens_saved_net"] * 10 / 1e6) < 1e-3
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
