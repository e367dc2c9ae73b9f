"""Counters for `GET /stats` (JSON) and `GET /metrics` (Prometheus text). No content, no
header, no credential ever reaches them."""

from __future__ import annotations

import threading
import time
from collections import Counter


class Metrics:
    def __init__(self):
        self.started = time.time()
        self.requests: Counter[str] = Counter()  # by api ("other" for relayed paths)
        self.responses: Counter[str] = Counter()  # by status class: 2xx, 4xx, 5xx
        self.events: Counter[str] = Counter()  # upstream_unreachable, stream_dropped, fail_open, expansions
        self.in_flight = 0
        # set while nothing is being relayed: what a shutdown, or a test, can wait on
        self.idle = threading.Event()
        self.idle.set()

    def request_started(self) -> None:
        self.in_flight += 1
        self.idle.clear()

    def request_finished(self) -> None:
        self.in_flight -= 1
        if not self.in_flight:
            self.idle.set()

    def snapshot(self, compressor) -> dict:
        saved = compressor.bytes_in - compressor.bytes_out
        return {
            "uptime_s": round(time.time() - self.started, 1),
            "requests": dict(self.requests),
            "responses": dict(self.responses),
            "in_flight": self.in_flight,
            "tool_results_compressed": compressor.compressed,
            "memo_hits": compressor.memo_hits,
            "bytes_in": compressor.bytes_in,
            "bytes_out": compressor.bytes_out,
            "bytes_saved": saved,
            **{k: v for k, v in sorted(self.events.items())},
        }

    def prometheus(self, compressor) -> str:
        lines = []

        def metric(name: str, kind: str, help_: str, samples: list[tuple[str, float]]) -> None:
            lines.extend([f"# HELP hr_proxy_{name} {help_}", f"# TYPE hr_proxy_{name} {kind}"])
            lines.extend(f"hr_proxy_{name}{labels} {value}" for labels, value in samples)

        metric("requests_total", "counter", "Requests received, by API.",
               [(f'{{api="{k}"}}', v) for k, v in sorted(self.requests.items())] or [("", 0)])
        metric("responses_total", "counter", "Responses sent, by status class.",
               [(f'{{status="{k}"}}', v) for k, v in sorted(self.responses.items())] or [("", 0)])
        metric("in_flight", "gauge", "Requests being relayed now.", [("", self.in_flight)])
        metric("tool_results_compressed_total", "counter", "Tool results replaced by their compressed form.", [("", compressor.compressed)])
        metric("tool_result_bytes_in_total", "counter", "Bytes of the tool results that were compressed.", [("", compressor.bytes_in)])
        metric("tool_result_bytes_out_total", "counter", "Bytes they were replaced with.", [("", compressor.bytes_out)])
        for name in ("upstream_unreachable", "stream_dropped", "fail_open", "expansions"):
            metric(f"{name}_total", "counter", f"Count of {name.replace('_', ' ')}.", [("", self.events[name])])
        return "\n".join(lines) + "\n"
