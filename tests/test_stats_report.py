"""`hr stats`: prices, net of expansions, breakdowns, exact counts, the HTML page in Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from learn_helpers import compress, home, hr, kubectl_log  # noqa: F401 (fixture)
from support import CORPUS, expand_hash, needs_corpus


def _ledger() -> None:
    for i in range(3):
        out = compress(kubectl_log(i), "kubectl logs api-0", session="s1")
        if i == 0:
            hr("expand", expand_hash(out.output))
        if i == 1:
            hr("expand", expand_hash(out.output), "--lines", "1-30")
    from hr.engine.api import Hint, compress as api

    api(kubectl_log(5), Hint(label="pytest -q"), source="hook-claude")


def _drop_prices(report):
    if isinstance(report, dict):
        return {k: _drop_prices(v) for k, v in report.items() if not k.startswith("usd") and k != "price"}
    if isinstance(report, list):
        return [_drop_prices(v) for v in report]
    return report


def test_model_changes_the_dollars_and_nothing_else(home):
    _ledger()
    reports = {m: json.loads(hr("stats", "--json", "--model", m).output)
               for m in ("claude-opus-4-1", "claude-haiku-4-5", "gpt-5-mini", "claude-sonnet-4-5-20250929")}
    opus, haiku = reports["claude-opus-4-1"], reports["claude-haiku-4-5"]
    assert _drop_prices(opus) == _drop_prices(haiku) == _drop_prices(reports["gpt-5-mini"])
    assert opus["totals"]["usd_saved_net"] == pytest.approx(15 * haiku["totals"]["usd_saved_net"], rel=1e-3)
    assert opus["price"]["date"] and opus["price"]["model"] == "claude-opus-4-1"
    assert reports["claude-sonnet-4-5-20250929"]["price"]["usd_per_mtok"] == 3.0
    default = hr("stats")
    assert "claude-sonnet-4-5" in default.output and "prices of 20" in default.output
    bad = hr("stats", "--model", "gpt-2")
    assert bad.exit_code == 2 and "unknown model 'gpt-2'" in bad.output


def test_net_saving_subtracts_expansions_and_their_calls(home):
    _ledger()
    r = json.loads(hr("stats", "--json").output)
    t = r["totals"]
    assert t["expansions"] == 2 and t["tokens_expanded"] > 0
    assert t["tokens_saved_net"] == t["tokens_saved"] - t["tokens_expanded"] - 2 * r["expansion_call_tokens"]
    # breakdowns are net too, and add up to the totals
    for name in ("entry", "agent", "session", "label", "kind", "day"):
        rows = r[f"by_{name}"]
        assert sum(x["tokens_saved_net"] for x in rows) == t["tokens_saved_net"], name
    entries = {x["key"]: x for x in r["by_entry"]}
    assert set(entries) == {"run", "hook"} and entries["run"]["expansions"] == 2
    assert {x["key"] for x in r["by_agent"]} == {"claude", "-"}
    assert {x["key"] for x in r["by_label"]} == {"kubectl logs", "pytest"}
    assert {x["key"] for x in r["by_session"]} == {"s1", "-"}


def test_exact_without_the_bpe_file_fails_in_one_line(home, tmp_path, monkeypatch):
    pytest.importorskip("tiktoken")
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path / "empty"))
    r = hr("stats", "--exact")
    assert r.exit_code == 2 and r.output.count("\n") == 1 and "never downloads" in r.output


@needs_corpus
def test_exact_counts_with_a_local_bpe_file(home, monkeypatch):
    pytest.importorskip("tiktoken")
    _ledger()
    monkeypatch.setenv("HR_O200K_FILE", str(CORPUS / "o200k_base.tiktoken"))
    est = json.loads(hr("stats", "--json").output)
    exact = json.loads(hr("stats", "--json", "--exact").output)
    assert exact["tokens"] == "o200k" and est["tokens"] == "estimated"
    assert exact["totals"]["calls"] == est["totals"]["calls"]
    assert exact["totals"]["tokens_in"] != est["totals"]["tokens_in"]
    from hr.stats.tokens import exact_counter

    count = exact_counter()
    assert exact["totals"]["tokens_in"] == sum(count(kubectl_log(i)) for i in (0, 1, 2, 5))


@needs_corpus
def test_the_estimate_error_in_help_is_what_the_corpus_measures():
    pytest.importorskip("tiktoken")
    import importlib.util

    from hr.stats.tokens import ESTIMATE_ERROR

    from pathlib import Path

    bench = Path(__file__).resolve().parent.parent / "bench" / "token_estimate.py"
    spec = importlib.util.spec_from_file_location("token_estimate", bench)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.measure(CORPUS) == ESTIMATE_ERROR
    assert f"{ESTIMATE_ERROR['mean_abs_error_pct']}%" in hr("stats", "--help").output


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not found:
        pytest.skip("chromium is not installed (.ci/run installs it)")
    return found


def _browse(browser: str, tmp_path, url: str, *extra: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile{len(list(tmp_path.glob('profile*')))}"
    return subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync", "--no-first-run",
                           f"--user-data-dir={profile}", *extra, url], capture_output=True, timeout=120)


def test_html_page_renders_in_chromium_with_the_json_figures(home, tmp_path):
    browser = _chromium()
    _ledger()
    from hr.learn import policy

    policy.write([{"label": "kubectl logs", "kind": "log", "min_fold_run": 16, "evidence": 2, "outputs": 3,
                   "reason": "a test <rule> & more"}])
    page = tmp_path / "stats.html"
    assert hr("stats", "--html", str(page)).exit_code == 0
    report = json.loads(hr("stats", "--json").output)
    html = page.read_text()
    # nothing from the network: a strict CSP, and no URL to load anything from
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"(?i)(https?:|//[a-z0-9.-]+\.[a-z]{2,}/|<script|<link|@import|url\()", html)
    dom = _browse(browser, tmp_path, page.as_uri(), "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    shown = dict(re.findall(r'data-k="([^"]+)">([^<]*)<', dom.stdout.decode()))
    t = report["totals"]
    for key in ("calls", "tokens_in", "tokens_saved", "expansions", "tokens_expanded", "tokens_saved_net"):
        assert int(shown[f"totals.{key}"]) == t[key], key
    assert float(shown["totals.usd_saved_net"]) == pytest.approx(t["usd_saved_net"])
    for name in ("kind", "label"):
        for row in report[f"by_{name}"]:
            assert int(shown[f"by_{name}[{row['key']}].tokens_saved_net"]) == row["tokens_saved_net"]
            assert int(shown[f"by_{name}[{row['key']}].expansions"]) == row["expansions"]
    # the chart: one bar per day, its value the day's net saving
    bars = re.findall(r'<rect class="bar[^"]*"[^>]*data-day="([^"]+)" data-v="(-?\d+)"', dom.stdout.decode())
    assert [(d, int(v)) for d, v in bars] == [(r["key"], r["tokens_saved_net"]) for r in report["by_day"]]
    assert 'label = "kubectl logs"' in dom.stdout.decode() and "a test &lt;rule&gt; &amp; more" in dom.stdout.decode()
    # the page the proxy serves is the same page
    from hr.stats.html import page as served

    assert served() == html
    shot = tmp_path / "shot.png"
    done = _browse(browser, tmp_path, page.as_uri(), f"--screenshot={shot}", "--window-size=1000,1400")
    assert done.returncode == 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000  # a blank page compresses to a few hundred bytes
