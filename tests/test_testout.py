"""Test and build output through the real `hr` CLI, with the real runners this machine has.

Each test writes a small project with deliberate failures into a temporary directory, runs the
real tool, compresses what it printed and checks that every failure's name, message and
location, and the runner's own summary line, survive verbatim. Needles are taken from the
tool's own output (and checked to be there), never assumed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tool_helpers import assert_compressed, assert_survive, hr, need, run_tool

# npm installs and build caches live in the repository's ignored .cache/, never in ~/.cache
CACHE = Path(os.environ.get("HR_TEST_TOOL_CACHE", Path(__file__).resolve().parent.parent / ".cache" / "tests"))
FIXTURES = Path(__file__).parent / "fixtures" / "testout"


def line_of(path: Path, needle: str) -> int:
    """1-based line number of the first line of `path` holding `needle`."""
    for n, line in enumerate(path.read_text().splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {path}")


def last_line(text: str) -> str:
    return [l for l in text.splitlines() if l.strip()][-1]


# ---------------------------------------------------------------- python

CALC_PY = "def add(a, b):\n    return a + b\n\n\ndef div(a, b):\n    return a / b\n"

PYTEST_FILE = '''import pytest
from calc import add, div


@pytest.mark.parametrize("n", range(40))
def test_add_ok(n):
    print(f"adding {n} and 1")
    assert add(n, 1) == n + 1


def test_add_wrong():
    print("checking two and two")
    assert add(2, 2) == 5, "two and two make five"


def test_div_zero():
    assert div(1, 0) == 0


@pytest.mark.skip(reason="not today")
def test_later():
    pass
'''


@pytest.fixture
def pyproj(tmp_path: Path) -> Path:
    (tmp_path / "calc.py").write_text(CALC_PY)
    (tmp_path / "test_calc.py").write_text(PYTEST_FILE)
    return tmp_path


ANSI = re.compile(r"\x1b\[[0-9;?]*[@-~]")


@pytest.mark.parametrize(
    "mode", [["-v"], [], ["-q"], ["-rA"], ["-v", "--tb=short"], ["-v", "--color=yes"]],
    ids=["v", "default", "q", "rA", "v-tbshort", "v-colour"],
)
def test_pytest(pyproj: Path, tmp_path: Path, mode: list[str]) -> None:
    raw = run_tool([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *mode, "test_calc.py"], pyproj)
    out = hr(raw, tmp_path / "cache")
    if "--color=yes" in mode:
        # kept lines are verbatim, colours included; compare what a reader sees
        assert "\x1b[" in raw and "\x1b[" in out
        raw, out = ANSI.sub("", raw), ANSI.sub("", out)
    test_line = line_of(pyproj / "test_calc.py", "assert add(2, 2) == 5")
    div_line = line_of(pyproj / "calc.py", "return a / b")
    needles = [
        "test_add_wrong",
        "test_div_zero",
        "AssertionError: two and two make five",
        "ZeroDivisionError: division by zero",
        f"test_calc.py:{test_line}",
        f"calc.py:{div_line}",
        last_line(raw),  # the runner's summary line, verbatim
    ]
    if mode != ["-q"]:
        needles.append("checking two and two")  # captured output shown for the failure
    assert_survive(out, needles, raw)
    if "-v" in mode or "-rA" in mode:
        assert_compressed(out, raw)
        assert re.search(r"\[hr 40 passed", out), out
        assert "test_add_ok[7] PASSED" not in out
    if "-rA" in mode:
        assert "adding 7 and 1" not in out  # passing tests' captured output folds


GEOMETRY_PY = '''"""A small geometry library: shapes are described by their corners."""


def _check(points):
    for p in points:
        if len(p) != 2:
            raise ValueError(f"not a point: {p!r}")
    return points


def _shoelace(points):
    """Signed area of a simple polygon by the shoelace formula.

    The corners must be given in order, clockwise or not; the sign of the
    sum says which, and the caller takes its absolute value.
    """
    total = 0
    # each edge (x1, y1) -> (x2, y2) adds the cross product of its ends
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
        total += x1 * y2 - x2 * y1
    half = "2"  # the bug: a string where a number belongs
    return total / half


def area(points):
    """Area of the polygon with these corners, in order."""
    return abs(_shoelace(_check(list(points))))


def rectangle(w, h):
    return [(0, 0), (w, 0), (w, h), (0, h)]
'''


def geometry_project(path: Path) -> None:
    """`GEOMETRY_PY` and its tests: 20 fail on its one bug, 30 pass."""
    (path / "geometry.py").write_text(GEOMETRY_PY)
    tests = "import geometry\n"
    for i in range(20):
        tests += f"\n\ndef test_area_of_rectangle_{i:02d}():\n    corners = geometry.rectangle({i + 1}, {i + 2})\n"
        tests += f"    assert geometry.area(corners) == {(i + 1) * (i + 2)}\n"
    for i in range(30):
        tests += f"\n\ndef test_rectangle_has_four_corners_{i:02d}():\n    assert len(geometry.rectangle({i}, {i})) == 4\n"
    (path / "test_geometry.py").write_text(tests)


def test_pytest_twenty_failures_from_one_bug(tmp_path: Path) -> None:
    geometry_project(tmp_path)
    raw = run_tool([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "test_geometry.py"], tmp_path)
    out = hr(raw, tmp_path / "cache")
    message = "E       TypeError: unsupported operand type(s) for /: 'int' and 'str'"
    raising = f"geometry.py:{line_of(tmp_path / 'geometry.py', 'return total / half')}: TypeError"
    assert raw.count(message) == 20 and raw.count(raising) == 20, raw
    titles = re.findall(r"^_+ test_area_of_rectangle_\d+ _+$", raw, re.M)
    summary = re.findall(r"^FAILED test_geometry\.py::test_area_of_rectangle_\d+ .*$", raw, re.M)
    assert len(titles) == 20 and len(summary) == 20, raw
    test_locations = [f"test_geometry.py:{line_of(tmp_path / 'test_geometry.py', f'== {(i + 1) * (i + 2)}')}: "
                      for i in range(20)]
    assert_survive(out, [*titles, *summary, *test_locations, last_line(raw)], raw)
    # every failure keeps its message and where it was raised; what repeats points at the first
    assert out.count(message) == 20 and out.count(raising) == 20, out
    assert out.count('"""Signed area of a simple polygon') == 1, out
    # the first marker names the failure it points at; later ones give its lines, which are it
    assert len(re.findall(r"\[hr \d+ lines as in test_area_of_rectangle_00 ", out)) == 1, out
    cited = set(re.findall(r"\[hr \d+ lines as in L(\d+)-(\d+) · L\d+-\d+\]", out))
    assert len(cited) == 1, out
    start, end = map(int, cited.pop())
    first = raw.splitlines()[start - 1:end]
    assert re.match(r"^_+ test_area_of_rectangle_00 _+$", first[0]), first
    assert not any("test_area_of_rectangle_01" in line for line in first), first
    assert len(out) <= 0.4 * len(raw), (len(out), len(raw))


def test_pytest_native_tracebacks_of_one_bug_keep_each_tests_own_frame(tmp_path: Path) -> None:
    # with --tb=native every failure is a Python traceback under pytest's own frames: a repeat
    # folds, but keeps the test's own frame, the first in a test file
    geometry_project(tmp_path)
    raw = run_tool([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--tb=native", "test_geometry.py"], tmp_path)
    own = re.findall(r'^  File "[^"]*test_geometry\.py", line \d+, in test_area_of_rectangle_\d+$', raw, re.M)
    titles = re.findall(r"^_+ test_area_of_rectangle_\d+ _+$", raw, re.M)
    assert len(own) == 20 and len(titles) == 20, raw
    out = hr(raw, tmp_path / "cache")
    assert_survive(out, [*own, *titles, last_line(raw)], raw)
    assert_compressed(out, raw)


UNITTEST_FILE = '''import unittest
from calc import add, div


class CalcTest(unittest.TestCase):
    def test_wrong(self):
        self.assertEqual(add(2, 2), 5)

    def test_div(self):
        div(1, 0)

    def test_documented(self):
        """Adds with a docstring, shown by -v on its own line."""
        self.assertEqual(add(1, 1), 2)


for _i in range(40):
    setattr(CalcTest, f"test_ok_{_i}", lambda self, i=_i: self.assertEqual(add(i, 1), i + 1))
'''


@pytest.mark.parametrize("verbose", [True, False], ids=["v", "plain"])
def test_unittest(pyproj: Path, tmp_path: Path, verbose: bool) -> None:
    (pyproj / "test_calc_ut.py").write_text(UNITTEST_FILE)
    raw = run_tool([sys.executable, "-m", "unittest", *(["-v"] if verbose else []), "test_calc_ut"], pyproj)
    out = hr(raw, tmp_path / "cache")
    headers = re.findall(r"^(?:FAIL|ERROR): .*$", raw, re.M)
    assert len(headers) == 2, raw
    ran = re.search(r"^Ran \d+ tests? in ", raw, re.M).group(0)
    needles = [
        *headers,
        "AssertionError: 4 != 5",
        "ZeroDivisionError: division by zero",
        f'test_calc_ut.py", line {line_of(pyproj / "test_calc_ut.py", "assertEqual(add(2, 2), 5)")}',
        f'calc.py", line {line_of(pyproj / "calc.py", "return a / b")}',
        ran,
        last_line(raw),  # FAILED (failures=1, errors=1)
    ]
    assert_survive(out, needles, raw)
    if verbose:
        assert_compressed(out, raw)
        assert "test_ok_7 (test_calc_ut.CalcTest" not in out
        assert "passed" in out


# ---------------------------------------------------------------- go

GO_CALC = "package calc\n\nfunc Add(a, b int) int { return a + b }\n"
GO_TEST = '''package calc

import (
	"fmt"
	"testing"
)

func TestAddTable(t *testing.T) {
	for i := 0; i < 30; i++ {
		t.Run(fmt.Sprintf("case_%02d", i), func(t *testing.T) {
			t.Logf("adding %d", i)
			if Add(i, 1) != i+1 {
				t.Fatal("bad")
			}
		})
	}
}

func TestAddWrong(t *testing.T) {
	if got := Add(2, 2); got != 5 {
		t.Errorf("Add(2, 2) = %d, want 5", got)
	}
}
'''


@pytest.mark.parametrize("flags", [["-v"], [], ["-json"]], ids=["v", "plain", "json"])
def test_go(tmp_path: Path, flags: list[str]) -> None:
    go = need("go")
    proj = tmp_path / "calc"
    proj.mkdir()
    (proj / "go.mod").write_text("module example.com/calc\n\ngo 1.21\n")
    (proj / "calc.go").write_text(GO_CALC)
    (proj / "calc_test.go").write_text(GO_TEST)
    env = {"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local", "GOCACHE": str(CACHE / "go-build")}
    raw = run_tool([go, "test", *flags, "./..."], proj, env)
    out = hr(raw, tmp_path / "cache")
    line = line_of(proj / "calc_test.go", "t.Errorf(")
    needles = [f"calc_test.go:{line}: Add(2, 2) = 4, want 5", "--- FAIL: TestAddWrong", "example.com/calc"]
    assert_survive(out, needles, raw)
    if flags:
        assert_compressed(out, raw)
        assert "30 passed" in out or "31 passed" in out, out
        assert "case_07" not in out


def test_go_vet_keeps_every_diagnostic(tmp_path: Path) -> None:
    # vet's findings have no error word and one message is said at many places: each is a line
    # at its own place, which a log's compressor would fold like a repeat
    go = need("go")
    proj = tmp_path / "vetted"
    for k in range(3):
        body = "".join(f"func F{i}(x int) int {{\n\tx = x\n\tfmt.Printf(\"%d\\n\", \"s{i}\")\n\treturn x\n}}\n\n" for i in range(4))
        (proj / f"pkg{k}").mkdir(parents=True)
        (proj / f"pkg{k}" / "f.go").write_text(f"package pkg{k}\n\nimport \"fmt\"\n\n{body}")
    (proj / "go.mod").write_text("module example.com/vetted\n\ngo 1.21\n")
    env = {"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local", "GOCACHE": str(CACHE / "go-build")}
    raw = run_tool([go, "vet", "./..."], proj, env)
    findings = re.findall(r"^\S+\.go:\d+:\d+: .*$", raw, re.M)
    assert len(findings) >= 20, raw
    assert_survive(hr(raw, tmp_path / "cache"), findings, raw)


# ---------------------------------------------------------------- cargo

CARGO_LIB = '''pub fn add(a: u32, b: u32) -> u32 {
    a + b
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! ok_tests {
        ($($name:ident: $n:expr,)*) => {$(
            #[test]
            fn $name() { assert_eq!(add($n, 1), $n + 1); }
        )*};
    }
    ok_tests! {
        ok_00: 0, ok_01: 1, ok_02: 2, ok_03: 3, ok_04: 4, ok_05: 5, ok_06: 6, ok_07: 7, ok_08: 8, ok_09: 9,
        ok_10: 10, ok_11: 11, ok_12: 12, ok_13: 13, ok_14: 14, ok_15: 15, ok_16: 16, ok_17: 17, ok_18: 18, ok_19: 19,
        ok_20: 20, ok_21: 21, ok_22: 22, ok_23: 23, ok_24: 24, ok_25: 25, ok_26: 26, ok_27: 27, ok_28: 28, ok_29: 29,
    }

    #[test]
    fn adds_wrong() {
        assert_eq!(add(2, 2), 5, "two and two make five");
    }
}
'''


def test_cargo(tmp_path: Path) -> None:
    cargo = need("cargo")
    proj = tmp_path / "calc"
    (proj / "src").mkdir(parents=True)
    (proj / "Cargo.toml").write_text('[package]\nname = "calc"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n')
    (proj / "src" / "lib.rs").write_text(CARGO_LIB)
    env = {"CARGO_TARGET_DIR": str(CACHE / "cargo-target"), "RUST_BACKTRACE": "1", "CARGO_TERM_COLOR": "never"}
    raw = run_tool([cargo, "test", "--offline", "--lib"], proj, env)
    out = hr(raw, tmp_path / "cache")
    line = line_of(proj / "src" / "lib.rs", "assert_eq!(add(2, 2), 5")
    result = re.search(r"^test result: FAILED\..*$", raw, re.M).group(0)
    # the failing test's verdict line folds with the passes; its report and the list below name it
    needles = ["---- tests::adds_wrong stdout ----", "\n    tests::adds_wrong\n", f"src/lib.rs:{line}:", "two and two make five", result]
    assert_survive(out, needles, raw)
    assert_compressed(out, raw)
    assert re.search(r"\[hr 30 passed, 1 failed · hr expand \w+ --lines \d+-\d+\]", out) and "tests::ok_07 ... ok" not in out, out


# ---------------------------------------------------------------- node: tsc, jest, mocha

def npm_tool(package: str, rel: str) -> Path:
    """A node tool installed once into the test cache (npm registry); skip when npm fails."""
    need("node")
    npm = need("npm")
    path = CACHE / "npm" / "node_modules" / rel
    if not path.exists():
        try:
            p = subprocess.run([npm, "install", "--prefix", str(CACHE / "npm"), package, "--no-audit", "--no-fund"],
                               capture_output=True, timeout=300,
                               env={**os.environ, "npm_config_cache": str(CACHE / "npm-cache")})
        except subprocess.TimeoutExpired:
            pytest.skip(f"npm install {package} timed out")
        if p.returncode != 0 or not path.exists():
            pytest.skip(f"npm install {package} failed: {p.stderr.decode()[-300:]}")
    return path


def test_tsc_repeated_elaborations_fold_and_every_headline_stays(tmp_path: Path) -> None:
    tsc = npm_tool("typescript@5.6.3", "typescript/bin/tsc")
    (tmp_path / "a.ts").write_text(TSC_ELABORATIONS)
    raw = run_tool(["node", str(tsc), "--noEmit", "--strict", "--pretty", "false", "--lib", "es2020,dom", "a.ts"], tmp_path)
    check_tsc_elaborations(raw, hr(raw, tmp_path / "cache"))


def test_tsc_elaborations_fixture(tmp_path: Path) -> None:
    """The same check on a committed real tsc run of TSC_ELABORATIONS, for machines without npm."""
    assert (FIXTURES / "tsc-elaborations.ts").read_text() == TSC_ELABORATIONS
    raw = (FIXTURES / "tsc-elaborations.txt").read_text()
    check_tsc_elaborations(raw, hr(raw, tmp_path / "cache"))


def check_tsc_elaborations(raw: str, out: str) -> None:
    headlines = re.findall(r"^a\.ts\(\d+,\d+\): error TS\d+: .*$", raw, re.M)
    chain = "  Types of parameters 'e' and 'event' are incompatible."
    assert len(headlines) == 30 and raw.count(chain) == 30, raw
    assert_survive(out, headlines, raw)
    assert out.count(chain) == 1, out  # said once; the 29 repeats fold with their headline kept
    assert re.search(r"\[hr 4 details L\d+-\d+\]", out), out
    assert len(out) <= 0.6 * len(raw), (len(out), len(raw))


def test_tsc(tmp_path: Path) -> None:
    tsc = npm_tool("typescript@5.6.3", "typescript/bin/tsc")
    src = "".join(f"export function f{i}(x: number): string {{\n  return x * {i};\n}}\n" for i in range(12))
    src += "export const broken: number = 'text';\n"
    (tmp_path / "a.ts").write_text(src)
    raw = run_tool(["node", str(tsc), "--noEmit", "--strict", "--pretty", "false", "a.ts"], tmp_path)
    out = hr(raw, tmp_path / "cache")
    headlines = re.findall(r"^a\.ts\(\d+,\d+\): error TS\d+: .*$", raw, re.M)
    assert len(headlines) == 13, raw
    assert_survive(out, headlines, raw)


@pytest.mark.parametrize("form", ["compact", "unix"])
def test_eslint_keeps_every_problem_in_its_one_line_formats(form: str, tmp_path: Path) -> None:
    # one line a problem, each at its place, most of them one message about other names
    eslint = npm_tool("eslint@8.57.0", "eslint/bin/eslint.js")
    (tmp_path / "js").mkdir()
    for f in range(6):
        body = "".join(f"function f{i}(a) {{\n  if (a == {i}) {{ return x{i} + y{f}; }}\n  return a;\n}}\n" for i in range(5))
        (tmp_path / "js" / f"file{f}.js").write_text(body)
    raw = run_tool(["node", str(eslint), "--no-eslintrc", "--rule", "no-undef: error", "--rule", "eqeqeq: warn",
                    "-f", form, "js"], tmp_path)
    problems = re.findall(r"^\S+file\d\.js\S* .*(?:Error|Warning).*$", raw, re.M)
    assert len(problems) >= 90, raw
    assert_survive(hr(raw, tmp_path / "cache"), problems, raw)


def test_eslint_keeps_every_problem_in_its_stylish_format(tmp_path: Path) -> None:
    # eslint's default format: each file's path, then its problems one a line, a few spaces in.
    # A run of little to fold is read as a log too, which folds one message said at many
    # places: a linter's findings are no log
    eslint = npm_tool("eslint@8.57.0", "eslint/bin/eslint.js")
    (tmp_path / "js").mkdir()
    for f in range(6):
        body = "".join(f"function f{i}(a) {{\n  if (a == {i}) {{ return x{i} + y{f}; }}\n  return a;\n}}\n" for i in range(5))
        (tmp_path / "js" / f"file{f}.js").write_text(body)
    raw = run_tool(["node", str(eslint), "--no-eslintrc", "--rule", "no-undef: error", "--rule", "eqeqeq: warn", "js"],
                   tmp_path)
    problems = re.findall(r"^ +\d+:\d+ +(?:error|warning) .*$", raw, re.M)
    assert len(problems) >= 90, raw
    assert_survive(hr(raw, tmp_path / "cache"), problems, raw)


RSPEC_CART = """\
class Cart
  def initialize(prices) = @prices = prices
  def total = @prices.sum { |p| price_of(p) }

  def price_of(p)
    raise ArgumentError, "bad price" unless p.positive?
    p
  end
end

RSpec.describe Cart do
  40.times { |i| it("sums #{i} items") { expect(Cart.new([1] * i).total).to eq(i) } }
  8.times { |i| it("rejects a negative price #{i}") { expect(Cart.new([1, -i - 1]).total).to eq(0) } }
  6.times { |i| it("counts case #{i} with tax") { expect(Cart.new([10, i + 1]).total).to eq(10 + i) } }
end
"""


@pytest.mark.parametrize("stamped", [False, True], ids=["alone", "in-a-ci-log"])
def test_rspec_keeps_every_failed_example(stamped: bool, tmp_path: Path) -> None:
    # RSpec's progress is one line of dots; each failure is numbered under `Failures:`, then
    # listed to run again. Read as a log, its failures folded by template and the examples
    # to run again as "like above": 12 of 14 failed examples were named nowhere
    rspec = need("rspec")
    (tmp_path / "cart_spec.rb").write_text(RSPEC_CART)
    raw = run_tool([rspec, "--no-color", "--seed", "1", "cart_spec.rb"], tmp_path)
    if stamped:
        raw = "".join(f"2026-12-07T10:04:{i // 100:02d}.{i:07d}Z {line}\n" for i, line in enumerate(raw.splitlines()))
    failed = re.findall(r"^(?:\S+Z )?rspec \S+ # (.*)$", raw, re.M)
    assert len(failed) == 14, raw
    out = hr(raw, tmp_path / "cache")
    for name in failed:
        assert re.search(r"^(?:\S+Z )? +\d+\) " + re.escape(name) + "$", out, re.M), (name, out)
        assert f"# {name}\n" in out, (name, out)
    assert "54 examples, 14 failures" in out


MINITEST_CART = """\
require "minitest/autorun"

class Cart
  def initialize(prices) = @prices = prices
  def total = @prices.sum { |p| raise ArgumentError, "bad price #{p}" unless p.positive?; p }
end

class CartTest < Minitest::Test
  300.times { |i| define_method("test_sums_#{i}") { assert_equal i, Cart.new([1] * i).total } }
  12.times { |i| define_method("test_tax_#{i}") { assert_equal 10 + i, Cart.new([10, i + 1]).total } }
  6.times { |i| define_method("test_negative_#{i}") { assert_equal 0, Cart.new([1, -i - 1]).total } }
end
"""


@pytest.mark.parametrize("stamped", [False, True], ids=["alone", "in-a-ci-log"])
def test_minitest_keeps_every_failed_test(stamped: bool, tmp_path: Path) -> None:
    # Minitest numbers each failure a few spaces in, and names its test at the margin below
    # (`CartTest#test_tax_2 [cart_test.rb:13]:`), then what it compared or the exception. In a
    # CI job's log, 10 of 14 such names folded as repeats of the first's template; and an
    # exception's message, read as an error's level, folded by its template
    # (`ArgumentError: bad price -3` under `ArgumentError: bad price -1`)
    ruby = need("ruby")
    (tmp_path / "cart_test.rb").write_text(MINITEST_CART)
    probe = subprocess.run([ruby, "-e", "require 'minitest/autorun'"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("minitest not installed")
    raw = run_tool([ruby, "cart_test.rb", "--seed", "3"], tmp_path)
    if stamped:
        raw = "".join(f"2026-12-07T10:04:{i // 100:02d}.{i:07d}Z {line}\n" for i, line in enumerate(raw.splitlines()))
    failed = re.findall(r"^(?:\S+Z )?(CartTest#test_\w+)", raw, re.M)
    raised = re.findall(r"^(?:\S+Z )?(ArgumentError: bad price -\d+)$", raw, re.M)
    assert len(failed) == 18 and len(raised) == 6, raw
    out = hr(raw, tmp_path / "cache")
    assert_survive(out, failed + raised, raw)
    assert "318 runs, " in out


def test_shellcheck_keeps_every_place_and_every_finding(tmp_path: Path) -> None:
    # its default format: the place, the line, a caret line a finding, and a suggested fix; a
    # finding said again at another place folds, its place stays
    shellcheck = need("shellcheck")
    for k in range(12):
        (tmp_path / f"s{k:02d}.sh").write_text(
            f"#!/bin/sh\nset -e\necho $var{k}\ncd /tmp/dir{k}\nfor f in $(ls *.txt); do echo $f; done\n")
    raw = run_tool([shellcheck, *sorted(p.name for p in tmp_path.glob("*.sh"))], tmp_path)
    places = re.findall(r"^In \S+ line \d+:$", raw, re.M)
    findings = sorted({m.strip() for m in re.findall(r"^\s*\^-*\^? SC\d{4} \(\w+\): .*$", raw, re.M)})
    assert len(places) >= 24 and len(findings) >= 15, raw
    out = hr(raw, tmp_path / "cache")
    assert_survive(out, places + findings, raw)
    assert_compressed(out, raw)


# 30 handlers whose parameter type differs from the expected one three levels down: tsc explains
# each with the same four-line chain of elaborations
TSC_ELABORATIONS = (
    "export interface Event { kind: string; meta: { id: number; tags: string[]; source: { host: string; port: number } } }\n"
    "export type Handler = (event: Event) => void;\n"
) + "".join(
    f"export const h{i}: Handler = (e: {{ kind: string; meta: {{ id: number; tags: string[]; source: "
    f"{{ host: string; port: string }} }} }}) => {{ console.log(e.kind, {i}); }};\n"
    for i in range(30)
)


JEST_TEST = '''const add = (a, b) => a + b;

describe('add', () => {
  for (let i = 0; i < 40; i++) {
    test(`adds case ${i}`, () => {
      expect(add(i, 1)).toBe(i + 1);
    });
  }
  test('adds wrong', () => {
    expect(add(2, 2)).toBe(5);
  });
  test('throws', () => {
    throw new Error('boom from the test');
  });
});
'''


def test_jest(tmp_path: Path) -> None:
    jest = npm_tool("jest@29.7.0", "jest/bin/jest.js")
    (tmp_path / "sum.test.js").write_text(JEST_TEST)
    (tmp_path / "package.json").write_text('{"name": "t", "version": "1.0.0"}\n')
    raw = run_tool(["node", str(jest), "--ci", "--verbose", "--rootDir", str(tmp_path)], tmp_path)
    out = hr(raw, tmp_path / "cache")
    line = line_of(tmp_path / "sum.test.js", "toBe(5)")
    tests_line = re.search(r"^Tests:.*$", raw, re.M).group(0)
    needles = ["● add › adds wrong", "● add › throws", "expect(received).toBe(expected)", "boom from the test",
               f"sum.test.js:{line}:", tests_line, "FAIL "]
    assert_survive(out, needles, raw)
    assert_compressed(out, raw)
    assert "adds case 7 " not in out and "40 passed" in out


MOCHA_TEST = '''const assert = require('assert');

describe('add', function () {
  for (let i = 0; i < 40; i++) {
    it(`adds case ${i}`, function () { assert.strictEqual(i + 1, i + 1); });
  }
  it('adds wrong', function () {
    assert.strictEqual(2 + 2, 5);
  });
});
'''


def test_mocha(tmp_path: Path) -> None:
    mocha = npm_tool("mocha@10", "mocha/bin/mocha.js")
    (tmp_path / "add.test.js").write_text(MOCHA_TEST)
    raw = run_tool(["node", str(mocha), "--no-color", "add.test.js"], tmp_path)
    out = hr(raw, tmp_path / "cache")
    line = line_of(tmp_path / "add.test.js", "strictEqual(2 + 2, 5)")
    needles = ["1) adds wrong", "AssertionError", f"add.test.js:{line}:", "40 passing", "1 failing"]
    assert_survive(out, needles, raw)
    assert_compressed(out, raw)


# ---------------------------------------------------------------- C compiler, make

def test_gcc_via_make(tmp_path: Path) -> None:
    gcc = need("gcc")
    need("make")
    body = "".join(f"int ok{i}(int a) {{ int unused{i}; return a + {i}; }}\n" for i in range(15))
    body += "int broken(void) { return missing_name + 1 }\n"
    (tmp_path / "a.c").write_text(body)
    (tmp_path / "Makefile").write_text(f"all:\n\t{gcc} -Wall -Wextra -c a.c -o a.o\n")
    raw = run_tool(["make"], tmp_path)
    out = hr(raw, tmp_path / "cache")
    headlines = re.findall(r"^a\.c:\d+:\d+: (?:error|warning): .*$", raw, re.M)
    assert any(": error: " in h for h in headlines) and len(headlines) >= 16, raw
    assert_survive(out, [*headlines, re.search(r"^make: \*\*\*.*$", raw, re.M).group(0)], raw)


# ---------------------------------------------------------------- captured fixtures

FIXTURE_NEEDLES = {
    # file: strings that must survive (each checked to be in the fixture too)
    "go-test-v.txt": ["--- FAIL: TestAddWrong", "want 5", "FAIL\texample.com/calc"],
    "cargo-test.txt": ["---- tests::adds_wrong stdout ----", "two and two make five", "test result: FAILED. 30 passed; 1 failed"],
    "jest-verbose.txt": ["● add › adds wrong", "● add › throws", "Tests:       2 failed, 40 passed, 42 total"],
    # TAP without the optional dash before each test's name: a test run, not a log
    "bats-tap.txt": ["not ok 13 cli handles input 12", "not ok 14 cli handles input 13", "not ok 78 cli handles input 77",
                     "not ok 151 config parse 150", "# (in test file t.bats, line 315)", "# got: abc"],
    "ctest.txt": [" 17/150 Test  #17: check_17 .........................***Failed    0.01 sec",
                  "***Exception: SegFault", "Subprocess aborted***Exception:", "***Timeout   1.00 sec",
                  "97% tests passed, 5 tests failed out of 150", "\t120 - check_120 (Timeout)"],
    "vitest-verbose.txt": ["FAIL  sum.test.js > add > adds wrong", "AssertionError: expected 4 to be 5", "sum.test.js:7:46",
                           "Tests  1 failed | 60 passed (61)"],
}


@pytest.mark.parametrize("name", sorted(FIXTURE_NEEDLES))
def test_fixture(name: str, tmp_path: Path) -> None:
    raw = (FIXTURES / name).read_text()
    out = hr(raw, tmp_path / "cache")
    assert_survive(out, FIXTURE_NEEDLES[name], raw)
    assert_compressed(out, raw)


def test_ruff_full_format_keeps_every_finding_and_its_place(tmp_path: Path) -> None:
    # each finding's code, message and place, though a finding said before folds its excerpt
    # (`D101 Missing docstring in public class` at each class): the sniffer read the report as
    # a log, whose templates folded every D101 under D103's message
    raw = (FIXTURES / "ruff-full.txt").read_text()
    lines = raw.splitlines()
    findings = [(head, place) for head, place in zip(lines, lines[1:]) if re.match(r"\s*--> \S+:\d+:\d+$", place)]
    assert len({head for head, _ in findings}) >= 10 and len(findings) >= 60
    out = hr(raw, tmp_path / "cache")
    missing = [f for f in findings if f"{f[0]}\n{f[1]}\n" not in out]
    assert not missing, missing[:3]
    assert_compressed(out, raw)


def test_a_job_log_keeps_each_finding_a_linter_reports(tmp_path: Path) -> None:
    # ruff's findings in a CI job's log, each line behind the service's stamp: each message keeps
    # a place (`D101 Missing docstring in public class`, which a log's templates folded under
    # D103's `… in public function`); the same message at other places folds
    raw = (FIXTURES / "ruff-concise.txt").read_text()
    stamped = "".join(f"2026-12-04T06:24:37.{i:07d}Z {line}\n" for i, line in enumerate(raw.splitlines()))
    out = hr(stamped, tmp_path / "cache")
    says = {re.sub(r"\d+", "N", m) for m in re.findall(r"^\S+:\d+:\d+: (.*)$", raw, re.M)}
    assert len(says) >= 20
    kept = {re.sub(r"\d+", "N", m) for m in re.findall(r"^\S+Z \S+:\d+:\d+: (.*)$", out, re.M)}
    assert says == kept, says - kept
    assert_compressed(out, stamped)


def test_a_job_log_keeps_each_failed_ctest_result(tmp_path: Path) -> None:
    # CTest's output in a CI job's log, each line behind the service's stamp: read as a log,
    # whose templates would fold a failed result among passed ones of its shape
    raw = (FIXTURES / "ctest.txt").read_text()
    stamped = "".join(f"2026-12-04T06:24:{38 + i // 100:02d}.{i:07d}Z {line}\n" for i, line in enumerate(raw.splitlines()))
    out = hr(stamped, tmp_path / "cache")
    failed = [line for line in stamped.splitlines() if re.search(r"Test +#\d+: .*(\*\*\*|Not Run)", line)]
    assert len(failed) == 5
    assert_survive(out, failed, stamped)
    assert_compressed(out, stamped)


def test_budget_keeps_failures_first(pyproj: Path, tmp_path: Path) -> None:
    raw = run_tool([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-v", "test_calc.py"], pyproj)
    out = hr(raw, tmp_path / "cache", "--budget", "1500c")
    assert "AssertionError: two and two make five" in out, out
    assert last_line(raw) in out


def test_a_marker_that_counts_lines_by_kind_counts_them_all(tmp_path: Path):
    # the end of `dpkg-buildpackage -b` of GNU hello (captured): the test suite's log, then
    # `make[N]: Leaving directory` lines beside a banner said again. A marker that names the
    # kinds of the lines it folds counts every line it holds, not some of them
    data = (FIXTURES / "dpkg-buildpackage-check.txt").read_text()
    lines = data.splitlines()
    out = hr(data, tmp_path)
    marker = re.compile(r"^\[hr (.*?)(?: L(\d+)(?:-(\d+))?| · hr expand \w+ --lines (\d+)(?:-(\d+))?)\]$")
    named = 0
    for m in filter(None, map(marker.match, out.splitlines())):
        a = int(m.group(2) or m.group(4))
        b = int(m.group(3) or m.group(5) or a)
        counts = [int(k.replace(",", "")) for k in re.findall(r"([\d,]+) (?:[a-z]+ )*lines?\b", m.group(1))]
        if counts:
            named += 1
            assert sum(counts) == sum(1 for l in lines[a - 1:b] if l.strip()), m.group(0)
    assert named >= 2, out

