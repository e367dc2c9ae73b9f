"""Code skeletons (hr.code) and `hr expand --symbol`, on small real snippets of every supported
language, on the shared corpus when it is present, and through the `hr` command."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import CORPUS as SHARED_CORPUS, LINE_MARKER, expand_hash, marker_range, run_hr

from hr.code import compress
from hr.code.compressor import load, skeletonize
from hr.code.symbols import expand, index
from hr.expand.spans import SpanError

CORPUS = SHARED_CORPUS / "code"
HR = [str(Path(sys.executable).with_name("hr")) if Path(sys.executable).with_name("hr").exists() else shutil.which("hr") or "hr"]
MARKER = LINE_MARKER

# One snippet per language: a type with a method whose body is long enough to elide. The body
# holds BODY_ONLY, which must not survive; SIG is the signature line that must.
SNIPPETS = {
    "python": ("x.py", "Shape.area", "def area(self, scale: float = 1.0) -> float:", '''\
"""Shapes."""
import math
from typing import Protocol

LIMIT = 10


class Shape:
    """A shape.

    With a long description that goes on.
    """

    sides: int = 0

    def area(self, scale: float = 1.0) -> float:
        """Area of the shape."""
        total = 0.0
        for i in range(self.sides):
            total += math.sin(i) * scale
        BODY_ONLY = total * 2
        return BODY_ONLY
'''),
    "javascript": ("x.js", "Shape.area", "area(scale) {", '''\
const path = require('node:path');

class Shape {
  constructor(sides) {
    this.sides = sides;
  }

  area(scale) {
    let total = 0;
    for (let i = 0; i < this.sides; i++) {
      total += Math.sin(i) * scale;
    }
    const BODY_ONLY = total * 2;
    return BODY_ONLY;
  }
}

module.exports = { Shape };
'''),
    "typescript": ("x.ts", "Shape.area", "area(scale: number): number {", '''\
import { sin } from "./math";

export interface Sized {
  sides: number;
}

export class Shape implements Sized {
  sides: number = 0;

  area(scale: number): number {
    let total = 0;
    for (let i = 0; i < this.sides; i++) {
      total += sin(i) * scale;
    }
    const BODY_ONLY: number = total * 2;
    return BODY_ONLY;
  }
}
'''),
    "go": ("x.go", "Shape.Area", "func (s *Shape) Area(scale float64) float64 {", '''\
package shapes

import (
	"fmt"
	"math"
)

// Shape is a shape.
type Shape struct {
	Sides int
}

// Area is its area.
func (s *Shape) Area(scale float64) float64 {
	total := 0.0
	for i := 0; i < s.Sides; i++ {
		total += math.Sin(float64(i)) * scale
	}
	BODY_ONLY := total * 2
	fmt.Println(BODY_ONLY)
	return BODY_ONLY
}
'''),
    "rust": ("x.rs", "Shape.area", "pub fn area(&self, scale: f64) -> f64 {", '''\
use std::fmt;

/// A shape.
pub struct Shape {
    pub sides: u32,
}

impl Shape {
    /// Its area.
    pub fn area(&self, scale: f64) -> f64 {
        let mut total = 0.0;
        for i in 0..self.sides {
            total += (i as f64).sin() * scale;
        }
        let body_only = total * 2.0;
        body_only
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.sides)
    }
}
'''),
    "java": ("X.java", "Shape.area", "public double area(double scale) {", '''\
package shapes;

import java.util.List;

/** A shape. */
public class Shape {
  private int sides;

  /** Its area. */
  public double area(double scale) {
    double total = 0;
    for (int i = 0; i < sides; i++) {
      total += Math.sin(i) * scale;
    }
    double BODY_ONLY = total * 2;
    return BODY_ONLY;
  }
}
'''),
    "c": ("x.c", "shape_area", "double shape_area(const struct shape *s, double scale)", '''\
#include <math.h>
#include "shape.h"

struct shape {
    int sides;
};

/* Its area. */
double shape_area(const struct shape *s, double scale)
{
    double total = 0;
    for (int i = 0; i < s->sides; i++) {
        total += sin(i) * scale;
    }
    double BODY_ONLY = total * 2;
    return BODY_ONLY;
}
'''),
    "cpp": ("x.cpp", "geo.Shape.area", "double area(double scale) const {", '''\
#include <cmath>
#include <vector>

namespace geo {

class Shape {
 public:
  double area(double scale) const {
    double total = 0;
    for (int i = 0; i < sides_; i++) {
      total += std::sin(i) * scale;
    }
    double BODY_ONLY = total * 2;
    return BODY_ONLY;
  }

 private:
  int sides_ = 0;
};

}  // namespace geo
'''),
    "c_sharp": ("X.cs", "Shape.Area", "public double Area(double scale)", '''\
using System;
using System.Collections.Generic;

namespace Geo
{
    public class Shape
    {
        public int Sides { get; set; }

        public double Area(double scale)
        {
            double total = 0;
            for (int i = 0; i < Sides; i++)
            {
                total += Math.Sin(i) * scale;
            }
            double BODY_ONLY = total * 2;
            return BODY_ONLY;
        }
    }
}
'''),
    "php": ("x.php", "Shape.area", "public function area(float $scale = 1.0): float", '''\
<?php
namespace Geo;

use Math\\Trig;

/** A shape. */
class Shape
{
    private int $sides = 0;

    public function area(float $scale = 1.0): float
    {
        $total = 0.0;
        for ($i = 0; $i < $this->sides; $i++) {
            $total += sin($i) * $scale;
        }
        $BODY_ONLY = $total * 2;
        return $BODY_ONLY;
    }
}
'''),
    "ruby": ("x.rb", "Geo.Shape.area", "def area(scale = 1.0)", '''\
require 'json'

module Geo
  # A shape.
  class Shape
    attr_reader :sides

    def area(scale = 1.0)
      total = 0.0
      sides.times do |i|
        total += Math.sin(i) * scale
      end
      body_only = total * 2
      body_only
    end
  end
end
'''),
    "bash": ("x.sh", "area", "area() {", '''\
#!/usr/bin/env bash
set -euo pipefail

# Prints the area.
area() {
  local total=0
  for i in $(seq 1 "$1"); do
    total=$((total + i))
  done
  BODY_ONLY=$((total * 2))
  echo "$BODY_ONLY"
}

area 3
'''),
}


GROUP = re.compile(r"(?P<n>\d+) (?:bodies|folds) marked …")


def check_truthful(original: str, output: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every output line is the next original line, verbatim; or a marker that covers exactly
    the original lines up to the next kept one; or a group's marker, which stands before its
    folds and gives their count and range, and then each of its folds is a line ending in the
    sign `…` that covers the next span. Returns the ranges of the folds, in order."""
    orig = original.split("\n")
    if original.endswith("\n"):
        orig.pop()
    pos = 1
    ranges: list[tuple[int, int]] = []
    group: tuple[int, int, int] | None = None  # folds still to come, and the group's range
    for line in output.split("\n")[: -1 if output.endswith("\n") else None]:
        if pos <= len(orig) and line == orig[pos - 1]:
            pos += 1
            continue
        m = MARKER.search(line)
        g = GROUP.fullmatch(m["what"]) if m else None
        if g:
            assert group is None or group[0] == 0, f"{line!r} begins before the group above ends"
            group = (int(g["n"]), *marker_range(m))
            assert group[0] >= 2 and group[1] >= pos, line
        elif m:
            a, b = marker_range(m)
            assert a == pos, f"marker {line!r} should start at line {pos}"
            ranges.append((a, b))
            pos = b + 1
        else:
            assert re.search(r"(?:^|\s)…(?: \*/)?$", line), f"line {pos}: {line!r} is not the original {orig[pos - 1]!r}"
            assert group is not None and group[0] > 0, f"sign {line!r} outside a group"
            a, b = spans[len(ranges)]
            assert a == pos and group[1] <= a <= b <= group[2], (line, a, b, group)
            group = (group[0] - 1, group[1], group[2])
            if group[0] == 0:
                assert b == group[2], "a group's range ends with its last fold"
            ranges.append((a, b))
            pos = b + 1
    assert group is None or group[0] == 0, "a group has fewer folds than its marker says"
    assert pos == len(orig) + 1, f"output stops at original line {pos} of {len(orig)}"
    assert ranges == spans
    return ranges


def skeleton_of(code: str, name: str) -> tuple[str, list[tuple[int, int]]]:
    """The skeleton of `code` and its spans, checked to be truthful (and, for Python, to parse)."""
    out, spans = compress("code", code.encode(), "h", None, name)
    text = out.decode()
    check_truthful(code, text, spans)
    if name.endswith(".py"):
        ast.parse(text)
    return text, spans


@pytest.mark.parametrize("lang", sorted(SNIPPETS))
def test_skeleton_keeps_signatures_and_elides_bodies(lang):
    name, _, sig, code = SNIPPETS[lang]
    out, spans = compress("code", code.encode(), "0123456789ab", None, name)
    text = out.decode()
    assert load(code.encode(), name).parsed.lang.name == lang
    assert sig in text
    assert "BODY_ONLY" not in text and "body_only" not in text
    assert check_truthful(code, text, spans)
    first = MARKER.search(text)
    assert "· hr expand 0123456789ab --lines" in first.group(0)
    assert text.count("hr expand") == 1


@pytest.mark.parametrize("lang", sorted(SNIPPETS))
def test_language_is_detected_from_content_alone(lang):
    _, _, sig, code = SNIPPETS[lang]
    src = load(code.encode(), None)
    if lang == "c_sharp" or lang == "cpp" or lang == "typescript":
        # supersets and look-alikes: any language that parses it and keeps the signature will do
        out, _ = skeletonize(code.encode(), "h", None, None)
        assert sig in out.decode()
    else:
        assert src.parsed is not None and src.parsed.lang.name == lang


@pytest.mark.parametrize("lang", sorted(SNIPPETS))
def test_expand_symbol_in_every_language(lang):
    name, symbol, sig, code = SNIPPETS[lang]
    out, span = expand(code.encode(), symbol, name)
    lines = out.decode().splitlines()
    numbered = [re.match(r"(\d+):(.*)", line) for line in lines]
    assert all(numbered)
    original = code.split("\n")
    for m in numbered:  # each line is the original line with that number
        assert original[int(m[1]) - 1] == m[2]
    assert any(sig in m[2] for m in numbered)
    assert any("BODY_ONLY" in m[2] or "body_only" in m[2] for m in numbered)
    assert span.startswith("symbol ")


def test_expand_symbol_bare_name_ambiguous_and_missing():
    code = SNIPPETS["rust"][3]
    # `fmt` is one method; `Shape` is the struct, not each impl block for it
    assert b"fn fmt(" in expand(code.encode(), "fmt", "x.rs")[0]
    assert b"pub struct Shape" in expand(code.encode(), "Shape", "x.rs")[0]
    py = "class A:\n    def run(self):\n        return 1\n\n\nclass B:\n    def run(self):\n        return 2\n"
    with pytest.raises(SpanError) as ambiguous:
        expand(py.encode(), "run", "x.py")
    assert "A.run  lines 2-3" in str(ambiguous.value) and "B.run  lines 7-8" in str(ambiguous.value)
    assert b"return 2" in expand(py.encode(), "B.run", "x.py")[0]
    with pytest.raises(SpanError, match="similar: run"):
        expand(py.encode(), "rnu", "x.py")
    with pytest.raises(SpanError, match="source code"):
        expand(b"Just some words.\nAnd more words here.\n", "x", None)


def test_symbol_spans_take_decorators_comments_and_templates():
    py = "import functools\n\n\nclass A:\n    # the value\n    @property\n    @functools.cache\n    def value(self):\n        return 1\n"
    assert expand(py.encode(), "A.value", "x.py")[0].decode().splitlines()[0] == "5:    # the value"
    cpp = "namespace n {\n// Does g.\ntemplate <typename T>\nvoid A<T>::g(int x) {\n  x++;\n}\n}\n"
    out = expand(cpp.encode(), "A::g", "x.cpp")[0].decode().splitlines()
    assert out[0] == "2:// Does g." and out[-1] == "6:}"


def test_python_skeleton_is_valid_python_with_ellipsis_bodies():
    code = SNIPPETS["python"][3]
    out, _ = compress("code", code.encode(), "h", None, "x.py")
    text = out.decode()
    ast.parse(text)
    # two folds in one class: one marker before them with their count and range, a sign at each
    assert '    # [hr 2 folds marked … · hr expand h --lines 10-22]\n    """A shape.\n' in text
    assert '"""A shape.\n    """ # …\n' in text  # the docstring keeps its first line and closes
    assert re.search(r"^        \.\.\. # …$", text, re.M)  # the elided body is `...`, marked
    lone = "def area(scale):\n" + "".join(f"    step{i} = scale * {i}\n" for i in range(6)) + "    return step5\n"
    alone = compress("code", lone.encode(), "h", None, "x.py")[0].decode()
    assert alone == "def area(scale):\n    ...  # [hr body · hr expand h --lines 2-8]\n"


def _methods(n: int) -> str:
    return "import os\n\n\nclass Jobs:\n" + "".join(
        f"    def run{i}(self, job):\n        step = job.first({i})\n        while step:\n"
        f"            step = step.next()\n        os.sync()\n        return {i}\n\n" for i in range(n))


def test_folded_bodies_of_a_class_share_one_marker():
    # Jobs: 12 methods (one group); Other: 5 methods, and `main` after it joins that group (a
    # group of one fold would cost a marker of its own)
    code = (_methods(12) + "\n" + _methods(5).split("\n", 3)[3].replace("class Jobs", "class Other")
            + "\ndef main():\n    jobs = Jobs()\n    jobs.run0(None)\n    jobs.run1(None)\n    return jobs\n")
    text, spans = skeleton_of(code, "x.py")
    assert len(spans) == 18
    marks = [m for m in MARKER.finditer(text)]
    assert [m["what"] for m in marks] == ["12 bodies marked …", "6 bodies marked …"]
    assert [marker_range(m) for m in marks] == [(6, 87), (92, 131)]
    lines = text.splitlines()
    assert lines[4] == "    # [hr 12 bodies marked … · hr expand h --lines 6-87]"
    assert lines[5] == "    def run0(self, job):"
    other = lines.index("class Other:")
    assert lines[other + 1:other + 3] == ["    # [hr 6 bodies marked … L92-131]", "    def run0(self, job):"]
    assert text.count("        ... # …\n") == 17 and "    ... # …\n" in text and "step.next()" not in text
    for i in (0, 7, 11):
        body, _ = expand(code.encode(), f"Jobs.run{i}", "x.py")
        assert f"return {i}" in body.decode()


def test_a_group_marker_stands_above_the_doc_comment_of_its_first_member():
    code = "package jobs\n\nimport \"fmt\"\n\n" + "".join(
        f"// Run{i} runs job {i} and prints what it did.\nfunc Run{i}(n int) int {{\n\tn += {i}\n"
        f"\tfmt.Println(\"job\", {i}, \"gives\", n)\n\treturn n * {i}\n}}\n\n" for i in range(5))
    text, _ = skeleton_of(code, "jobs.go")
    lines = text.splitlines()
    head = next(i for i, line in enumerate(lines) if "5 bodies marked …" in line)
    assert lines[head + 1:head + 3] == ["// Run0 runs job 0 and prints what it did.", "func Run0(n int) int {"]


def test_a_group_marker_restores_its_range_and_every_body_by_name(tmp_path):
    code = _methods(8)
    env = {"HR_CACHE_DIR": str(tmp_path)}
    out = run_hr(["--label", "jobs.py"], code.encode(), env=env).stdout.decode()
    m = MARKER.search(out)
    assert m["what"] == "8 bodies marked …" and m["hash"]
    lines = run_hr(["expand", m["hash"], "--lines", m["range"]], env=env).stdout.decode()
    a, b = marker_range(m)
    assert lines.count("\n") == b - a + 1 and "return 0" in lines and "return 7" in lines
    body = run_hr(["expand", m["hash"], "--symbol", "Jobs.run5"], env=env).stdout.decode()
    assert "return 5" in body and "return 4" not in body


def test_a_body_on_the_last_line_of_its_signature_stays_with_it():
    code = "".join(f"def many{i}(arg1, arg2,\narg3, arg4): return arg1 + arg2 + arg3 + arg4 + {i}\n\n\n" for i in range(6))
    code += "".join(f"def long{i}(x):\n    y = x * {i}\n    z = y + {i}\n    return {{'x': x, 'y': y, 'z': z}}\n\n\n" for i in range(6))
    text, _ = skeleton_of(code, "x.py")
    assert all(f"arg3, arg4): return arg1 + arg2 + arg3 + arg4 + {i}\n" in text for i in range(6))
    assert "z = y +" not in text


def test_an_arrow_function_body_on_the_row_of_its_signature_stays_with_it():
    code = "import { run } from './run.js';\n\n" + "".join(
        f"export const handler{i} = (event,\n  context) => run(event, context,\n    {{ retries: {i}, timeout: 1000 }},\n    log);\n\n"
        for i in range(4))
    text, _ = skeleton_of(code, "x.js")
    assert text.count("  context) => run(event, context,\n") == 4 and "retries" not in text


def test_python_imports_inside_bodies_stay_and_frames_parse():
    code = '''\
def load(path):
    """Load it."""
    data = read(path)
    try:
        import yaml
    except ImportError:
        yaml = None
        warn("no yaml")
        fallback()
    if data:
        process(data)
        more(data)
        done(data)
    return yaml.safe_load(data)
'''
    text, _ = skeleton_of(code, "x.py")
    assert "        import yaml\n" in text and "    except ImportError:\n" in text


def test_python_skeletons_of_the_standard_library_parse():
    import logging

    root = Path(logging.__file__).parent.parent
    files = [root / n for n in ("argparse.py", "dataclasses.py", "subprocess.py", "typing.py", "asyncio/base_events.py",
                                "xml/etree/ElementTree.py", "email/message.py", "unittest/case.py")]
    for f in files:
        data = f.read_bytes()
        out, spans = skeletonize(data, "h", None, str(f))
        assert spans, f
        ast.parse(out)
        check_truthful(data.decode(), out.decode(), spans)


def test_bodies_of_trivial_accessors_fold_in_a_group_unless_shorter_than_the_sign():
    accessors = "".join(f"    @property\n    def field{i}(self) -> dict[str, int]:\n        return self._fields_by_name[{i}]\n\n"
                        for i in range(6))
    code = "class Record:\n" + accessors + "    def size(self):\n        return 0\n"
    text, _ = skeleton_of(code, "x.py")
    assert "_fields_by_name" not in text and text.count("        ... # …\n") == 6
    assert "[hr 6 bodies marked … · hr expand h --lines 4-24]" in text
    assert "    def size(self):\n        return 0\n" in text  # fewer tokens than `... # …`: it stays


_GET = """\
    def get(
        self,
        url: str,
        *,
        params: typing.Mapping[str, str] | None = None,
        headers: typing.Mapping[str, str] | None = None,
        timeout: float | None = None,
    ) -> bytes:
        request = self.build("GET", url, params=params, headers=headers)
        response = self.send(request, timeout=timeout)
        response.raise_for_status()
        return response.content
"""
# A client and its async twin, whose `get` takes the same parameters word for word.
TWINS = "import typing\n\n\nclass Client:\n" + _GET + """
    def head(
        self,
        url: str,
        *,
        headers: typing.Mapping[str, str] | None = None,
        timeout: float | None = None,
        follow: bool = False,
    ) -> bytes:
        request = self.build("HEAD", url, headers=headers, follow=follow)
        response = self.send(request, timeout=timeout)
        response.raise_for_status()
        return response.headers


class AsyncClient:
""" + _GET.replace("def get", "async def get").replace("self.send", "await self.send")


def test_a_parameter_list_that_repeats_one_above_folds_and_names_it(tmp_path):
    text, _ = skeleton_of(TWINS, "x.py")
    # the async twin's parameters are the sync `get`'s, word for word: they fold
    rows = TWINS.splitlines()
    first, twin = rows.index("    def get(") + 2, rows.index("    async def get(") + 2
    assert (first, twin) == (6, 34)
    assert f"    async def get(\n        # [hr parameters as in get (L6-11) L34-39]\n    ) -> bytes:\n" in text
    assert text.count("params: typing.Mapping[str, str] | None = None,") == 1
    # a parameter list seen only once stays whole, in every signature
    assert "        follow: bool = False,\n" in text and text.count("        url: str,\n") == 2
    env = {"HR_CACHE_DIR": str(tmp_path)}
    digest = expand_hash(run_hr(["--label", "client.py"], TWINS.encode(), env=env).stdout)
    lines = run_hr(["expand", digest, "--lines", "34-39"], env=env).stdout.decode()
    assert lines == "".join(f"{row}\n" for row in rows[33:39])


def _send(prefix: str) -> str:
    """A method in the shape of httpx's `send` and its async twin (the same docstring)."""
    return f"""\
    {prefix}def send(self, request: Request, *, stream: bool = False) -> Response:
        \"\"\"
        Send a request.

        The request is sent as-is, unmodified.
        \"\"\"
        response = {"await " if prefix else ""}self._send_single_request(request)
        if not stream:
            response.read()
        return response

    {prefix}def close(self) -> None:
        \"\"\"
        Close transport and proxies ({prefix or "sync"}).
        \"\"\"
        self._transport.close()
        self._state = ClientState.CLOSED

"""


def test_a_docstring_that_repeats_one_above_folds_with_its_body():
    code = "class Client:\n" + _send("") + "\nclass AsyncClient:\n" + _send("async ")
    text, spans = skeleton_of(code, "x.py")
    # the async twin's docstring says what the sync one says: it folds with the body...
    assert text.count("        Send a request.\n") == 1
    twin = code.splitlines().index("    async def send(self, request: Request, *, stream: bool = False) -> Response:") + 1
    assert "    async def send(self, request: Request, *, stream: bool = False) -> Response:\n        ... # …\n" in text
    assert (twin + 1, twin + 9) in spans
    # ...while each signature, and a docstring seen once, stays
    assert text.count("def send(self, request: Request, *, stream: bool = False) -> Response:\n") == 2
    assert "Close transport and proxies (sync)." in text and "Close transport and proxies (async )." in text


# Overloads in the shape of a Java library's setters: both `header` overloads share one Javadoc.
_OVERLOADS = """\
package org.example.http;

public final class RequestBuilder {
    /**
     * Sets a header on the request, replacing any value it had. Header names are
     * case-insensitive; the value is sent as given.
     *
     * @param name the header name, e.g. {@code Accept}
     * @return this builder, for chaining
     */
    public RequestBuilder header(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    /**
     * Sets a header on the request, replacing any value it had. Header names are
     * case-insensitive; the value is sent as given.
     *
     * @param name the header name, e.g. {@code Content-Length}
     * @param value a number, written in decimal
     * @return this builder, for chaining
     */
    public RequestBuilder header(String name, long value) {
        Objects.requireNonNull(name, "name");
        String text = Long.toString(value);
        headers.put(name.toLowerCase(Locale.ROOT), text);
        return this;
    }

    /**
     * Builds the request.
     *
     * @return the request, immutable
     */
    public Request build() {
        Objects.requireNonNull(url, "url");
        return new Request(method, url, Map.copyOf(headers));
    }
}
"""


def test_a_doc_comment_that_repeats_one_above_folds_whole():
    text, spans = skeleton_of(_OVERLOADS, "RequestBuilder.java")
    summary = "     * Sets a header on the request, replacing any value it had."
    assert text.count(summary) == 1
    second = _OVERLOADS.splitlines().index("     * @param value a number, written in decimal") + 1
    assert any(a <= second - 5 and second + 2 <= b for a, b in spans)  # the whole second Javadoc
    for kept in ("public RequestBuilder header(String name, String value) {", "public RequestBuilder header(String name, long value) {",
                 "public Request build() {", "     * Builds the request."):
        assert kept in text
    assert not load(text.encode(), "RequestBuilder.java").parsed.tree.root_node.has_error, text


def test_a_two_line_block_comment_is_closed_by_its_sign():
    code = "#include <stdio.h>\n\n" + "".join(
        f"/* Print number {i} on its own line, and then flush the stream so the\n   reader sees it at once. */\n"
        f"void print{i}(int x) {{\n    printf(\"%d\\n\", x + {i});\n    fflush(stdout);\n}}\n\n" for i in range(4))
    text, _ = skeleton_of(code, "x.c")
    assert text.count("\n   … */\n") == 4 and "reader sees it" not in text
    assert not load(text.encode(), "x.c").parsed.tree.root_node.has_error  # every comment is closed again
    assert all(f"void print{i}(int x) {{" in text for i in range(4))


# A one-line block comment right above a function's doc comment, in each language with `/* */`:
# the function as (file name, signature, body lines).
_DOC_COMMENTED = {
    "c": ("x.c", "int f{i}(int x) {{", "    int y = x * {i};\n    y += 3;\n    return y;\n}}\n"),
    "cpp": ("x.cpp", "int f{i}(int x) {{", "    int y = x * {i};\n    y += 3;\n    return y;\n}}\n"),
    "java": ("X.java", "    static int f{i}(int x) {{", "        int y = x * {i};\n        y += 3;\n        return y;\n    }}\n"),
    "javascript": ("x.js", "function f{i}(x) {{", "    let y = x * {i};\n    y += 3;\n    return y;\n}}\n"),
    "typescript": ("x.ts", "function f{i}(x: number): number {{", "    let y = x * {i};\n    y += 3;\n    return y;\n}}\n"),
    "go": ("x.go", "func F{i}(x int) int {{", "\ty := x * {i}\n\ty += 3\n\treturn y\n}}\n"),
    "rust": ("x.rs", "fn f{i}(x: i32) -> i32 {{", "    let mut y = x * {i};\n    y += 3;\n    y\n}}\n"),
}


@pytest.mark.parametrize("lang", sorted(_DOC_COMMENTED))
def test_a_doc_comment_below_a_closed_block_comment_keeps_its_summary_and_the_code_parses(lang):
    name, sig, body = _DOC_COMMENTED[lang]
    head = {"java": "class X {\n", "go": "package x\n\n"}.get(lang, "")
    code = head + "".join(
        f"/* comment {i} */\n/**\n * Doc for f{i}: what it computes.\n * @param x the input\n * @return the output\n */\n"
        + sig.format(i=i) + "\n" + body.format(i=i) + "\n" for i in range(5)) + ("}\n" if lang == "java" else "")
    text, _ = skeleton_of(code, name)
    assert not load(text.encode(), name).parsed.tree.root_node.has_error, text
    assert all(f"/* comment {i} */\n/**\n * Doc for f{i}: what it computes.\n" in text for i in range(5)), text
    assert "@return the output" not in text  # the rest of each doc comment still folds


def test_a_doc_comment_followed_by_a_line_comment_is_closed():
    code = "class X {\n" + "".join(
        f"    /**\n     * Tests f{i}, case-insensitive.\n     * @param x the name\n     * @return true if it does\n     */\n"
        f"    // performance sensitive\n    boolean f{i}(String x) {{\n        if (x == null) return false;\n"
        f"        return x.length() > {i};\n    }}\n\n" for i in range(5)) + "}\n"
    text, _ = skeleton_of(code, "X.java")
    assert not load(text.encode(), "X.java").parsed.tree.root_node.has_error, text
    assert all(f"     * Tests f{i}, case-insensitive.\n" in text for i in range(5))


def test_one_line_block_comments_in_a_row_fold_without_a_stray_closer():
    code = "".join(f"/** @typedef {{import('./types').T{i}}} T{i} */\n" for i in range(8)) + "\n" + "".join(
        f"function f{i}(x) {{\n    const y = x * {i};\n    return y + 1;\n}}\n\n" for i in range(5))
    text, _ = skeleton_of(code, "x.js")
    assert not load(text.encode(), "x.js").parsed.tree.root_node.has_error, text
    assert "/** @typedef {import('./types').T0} T0 */\n" in text and "T7" not in text


def test_line_comments_on_consecutive_rows_fold_as_one_block():
    # a Rust `///` comment node ends with its newline, on the next row: still one row each
    code = "".join(f"/// Doc for f{i}, its summary.\n/// More about f{i}, line one.\n/// More about f{i}, line two.\n"
                   f"/// More about f{i}, line three.\nfn f{i}(x: i32) -> i32 {{\n    x + {i}\n}}\n\n" for i in range(4))
    text, _ = skeleton_of(code, "x.rs")
    assert all(f"/// Doc for f{i}, its summary.\n" in text for i in range(4)) and "line three" not in text, text
    assert not load(text.encode(), "x.rs").parsed.tree.root_node.has_error


@pytest.mark.parametrize("name, code", [
    ("x.ts", "export {\n" + "".join(f"  Name{i},\n" for i in range(8)) + "} from \"./types\"\n\n"
     + "export function run(x: number): number {\n  return x\n}\n"),
    ("x.js", "const fs = require(\"fs\"),\n    {\n        Legacy: {\n            ConfigOps,\n            environments\n"
     "        }\n    } = require(\"@eslint/eslintrc/universal\"),\n    path = require(\"path\");\n"),
    ("x.ts", "export interface Options {\n  strict?: boolean\n  $comment?:\n    | true\n"
     "    | ((comment: string, schemaPath?: string) => unknown)\n  formats?: string[]\n}\n"),
    ("x.go", "package x\n\nconst help = `{{with .Long}}\n" + "".join(f"line {i} of the help text\n" for i in range(8))
     + "{{end}}`\n\nfunc Run() string {\n\treturn help\n}\n"),
])
def test_a_statement_folded_inside_keeps_the_row_that_closes_its_first_row(name, code):
    # the closing row carries more than the closer (`} from "x"`), or the first row opens a
    # string that only the last row closes
    text, spans = skeleton_of(code, name)
    assert not load(text.encode(), name).parsed.tree.root_node.has_error, text


def test_unsupported_or_broken_input_never_fails():
    prose = ("This is prose that no grammar parses, with words and more words.\n" * 50).encode()
    assert compress("code", prose, "h", None, None) == (prose, [])
    weird = b"\xff\xfe not utf-8 \x00\n" * 100
    out, spans = compress("code", weird, "h", None, "x.py")
    assert isinstance(out, bytes)
    # an unknown language falls back to keeping definition-like lines and the left margin
    fortran = "".join(f"subroutine s{i}(x)\n  real :: x\n  x = x + {i}\n  x = x * 2\n  x = x - 1\n  print *, x\nend subroutine\n" for i in range(30))
    out, spans = compress("code", fortran.encode(), "h", None, "x.f90")
    text = out.decode()
    assert spans and "subroutine s29(x)" in text
    check_truthful(fortran, text, spans)


def test_large_input_keeps_every_class():
    unit = SNIPPETS["python"][3].split("\n", 4)[4]  # from `LIMIT = 10` on
    code = "import math\n" + "".join(unit.replace("class Shape", f"class Shape{i}") for i in range(1700))
    assert code.count("\n") > 30_000
    out, spans = skeletonize(code.encode(), "h", None, None)  # its speed is measured in bench/run.py
    assert len(spans) >= 1500
    ast.parse(out)


def test_crlf_and_missing_final_newline_are_kept():
    code = SNIPPETS["go"][3].replace("\n", "\r\n").rstrip("\r\n")
    out, spans = compress("code", code.encode(), "h", None, "x.go")
    text = out.decode()
    assert spans and not text.endswith("\n")
    assert all(line.endswith("\r") for line in text.split("\n")[:-1])


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HR_CACHE_DIR", str(tmp_path))
    return tmp_path


def _hr(args, data: bytes, env_cache) -> subprocess.CompletedProcess:
    env = dict(os.environ, HR_CACHE_DIR=str(env_cache))
    return subprocess.run(HR + args, input=data, capture_output=True, env=env)


def test_cli_compresses_code_and_expands_a_symbol(cache):
    code = "import os\n\n\n" + "".join(
        f"class Worker{i}:\n    \"\"\"Worker {i}.\"\"\"\n\n    def run(self, job):\n        step = job.first()\n"
        f"        while step:\n            step = step.next()\n        os.sync()\n        return {i}\n\n\n" for i in range(20))
    r = _hr(["--label", "pkg/workers.py"], code.encode(), cache)
    assert r.returncode == 0
    text = r.stdout.decode()
    assert "class Worker19:" in text and "step.next()" not in text
    ast.parse(text)
    digest = re.search(r"· hr expand (\w+)", text).group(1)
    r = _hr(["expand", digest, "--symbol", "Worker7.run"], b"", cache)
    assert r.returncode == 0
    assert r.stdout.decode().splitlines()[0] == f"{code.split(chr(10)).index('class Worker7:') + 4}:    def run(self, job):"
    r = _hr(["expand", digest, "--symbol", "run"], b"", cache)
    assert r.returncode == 2 and "Worker0.run  lines" in r.stderr.decode()
    r = _hr(["expand", digest, "--symbol", "run", "--lines", "1-2"], b"", cache)
    assert r.returncode == 2


def test_label_names_the_kind():
    from hr.engine.dispatch import Hint, detect_kind

    text = b"Just prose.\nMore prose here.\n"
    assert detect_kind(text, Hint(label="src/main.rs")) == "code"
    assert detect_kind(text, Hint(label="cat src/main.rs")) == "code"
    assert detect_kind(text, Hint(label="Bash: cat src/main.rs")) == "code"  # as the hook labels
    assert detect_kind(text, Hint(label="Read: /repo/src/main.rs")) == "code"
    assert detect_kind(text, Hint(label="pytest tests/test_x.py")) == "text"
    assert detect_kind(text, Hint()) == "text"


corpus_cases = sorted(CORPUS.glob("*/case.json")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not corpus_cases, reason="shared corpus not present")
@pytest.mark.parametrize("case", corpus_cases, ids=lambda p: p.parent.name)
def test_corpus_file(case):
    import json

    from hr.engine import core

    data = next(case.parent.glob("input.*")).read_bytes()
    assert core.sniff(data) == "code"
    out, spans = skeletonize(data, "h", None, None)
    text = out.decode()
    for needle in json.loads(case.read_text())["needles"]:
        options = needle.get("any_of") or [needle["verbatim"]]
        assert any(s in text for s in options), needle
    check_truthful(data.decode(), text, spans)
    assert core.estimate_tokens(out) < 0.6 * core.estimate_tokens(data)
    if case.parent.name.startswith("py-"):
        ast.parse(text)
    symbols = index(load(data, None))
    assert len(symbols) > 20
    sym = symbols[len(symbols) // 2]
    body, _ = expand(data, sym.name, None) if len([s for s in symbols if s.name == sym.name]) == 1 else (None, None)
    if body is not None:
        assert body.startswith(b"%d:" % sym.start)


def test_markdown_with_code_samples_is_not_skeletonized():
    md = "# Guide\n\nSome prose.\n\n```python\n" + SNIPPETS["python"][3] + "```\n\nMore prose.\n"
    assert compress("code", md.encode(), "h", None, None) == (md.encode(), [])
    assert compress("code", md.encode(), "h", None, "notes.md") == (md.encode(), [])


def test_a_budget_elides_more():
    code = SNIPPETS["python"][3] + "".join(
        f"\n\n# Helper number {i} transforms, normalises and combines its argument.\ndef helper{i}(x):\n"
        f"    y = transform(x, offset={i}, strict=True)\n    z = normalise(y, scale=2.0, strict=True)\n    return combine(x, y, z)\n"
        for i in range(30))
    plain, _ = compress("code", code.encode(), "h", None, "x.py")
    assert "# Helper number 29 transforms" in plain.decode()  # without a budget, one-line comments stay
    tight, spans = compress("code", code.encode(), "h", len(plain.decode()) - 1, "x.py")
    assert len(tight) < len(plain)
    ast.parse(tight)
    check_truthful(code, tight.decode(), spans)
    assert "def helper29(x):" in tight.decode()


@pytest.mark.parametrize("lang", ["python", "java", "go"])
def test_a_budget_too_small_for_the_skeleton_cuts_the_rest_of_the_file(lang):
    name, _, sig, code = SNIPPETS[lang]
    if lang == "python":
        big = code + "".join(f"\n\nclass Extra{i}:\n    def run(self):\n        return {i}\n" for i in range(200))
    elif lang == "go":
        big = code + "".join(f"\nfunc Extra{i}(a int) int {{\n\treturn a + {i}\n}}\n" for i in range(200))
    else:
        big = code.rstrip().rstrip("}") + "".join(f"  int extra{i}(int a) {{ return a + {i}; }}\n" for i in range(200)) + "}\n"
    out, spans = compress("code", big.encode(), "h", 1500, name)
    text = out.decode()
    assert len(text) <= 1500
    assert sig in text or "rest of the file" in text.splitlines()[0]
    assert "rest of the file" in text and spans[-1][1] == big.count("\n")
    check_truthful(big, text, spans)
    if lang == "python":
        ast.parse(text)


def test_a_five_line_module_value_folds_and_stays_valid():
    code = ('import os\n\nROUTES = {\n'
            + "".join(f'    "route_number_{i}": "/api/v1/resources/{i}/details",\n' for i in range(3))
            + '}\n\n\ndef handler(request):\n    return ROUTES\n')
    text, spans = skeleton_of(code, "app.py")
    assert spans == [(4, 6)]
    assert "ROUTES = {" in text and "route_number_1" not in text
    assert "import os" in text and "def handler(request):" in text


def test_a_source_too_big_to_parse_within_the_memory_bound_is_folded_by_the_core(monkeypatch):
    import hr.code
    from hr.engine import core

    data = Path(ast.__file__).read_bytes()  # real source: the standard library's ast module
    skeleton, _ = hr.code.compress("code", data, "abcdef012345", None, "x.py")
    monkeypatch.setattr(core, "source_fits", lambda data: False)
    out, spans = hr.code.compress("code", data, "abcdef012345", None, "x.py")
    assert (out, spans) == core.compress("code", data, "abcdef012345", None, 0)
    assert out != skeleton


def test_dense_source_is_folded_by_the_core_where_ordinary_source_of_its_size_is_parsed():
    import hr.code
    from hr.engine import core

    # 500 KB of tiny statements (about a token a byte) would parse into 150 MB
    dense = b"x=1\n" * 125_000
    assert hr.code.compress("code", dense, "abcdef012345", 8000, "x.py") == core.compress("code", dense, "abcdef012345", 8000, 0)
    # ordinary code of the same size is parsed: its skeleton keeps the signatures
    unit = Path(ast.__file__).read_bytes()
    big = unit * (len(dense) // len(unit))
    assert core.source_fits(big) and not core.source_fits(dense)
    skeleton, spans = hr.code.compress("code", big, "abcdef012345", None, "x.py")
    assert spans and b"def parse(" in skeleton


def test_a_fold_of_the_fallback_counts_its_lines():
    # code no grammar parses keeps its left margin and folds the indented runs between; such a
    # run names no construct, so its marker says how many lines it holds
    body = "".join(f"    step_{i} with argument {i}\n" for i in range(6))
    src = f"procedure one is\n{body}end one\nprocedure two is\n{body}end two\n"
    out, spans = skeletonize(src.encode(), "abcdef012345", None, None)
    markers = [line.strip() for line in out.decode().splitlines() if "[hr " in line]
    assert spans == [(2, 7), (10, 15)]
    assert markers == ["# [hr 6 lines · hr expand abcdef012345 --lines 2-7]", "# [hr 6 L10-15]"], out.decode()
