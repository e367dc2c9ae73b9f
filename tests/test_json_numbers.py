"""Numbers Python's json cannot read or would change: integers of more than 4,300 digits (int()
refuses them), floats of 5,000 digits, `1e400`, `1.50`, `-0`. The filter keeps them as written,
`hr expand` gives them back as written (the whole original byte for byte, and any item or
pointer), and `hr.json_numbers` writes what `json.dumps` writes for everything else."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hr import json_numbers

HR = [str(Path(sys.executable).with_name("hr"))]
DIGEST = re.compile(r"hr expand ([0-9a-f]{12})")

BIG = "9" * 5000
NEGATIVE = "-" + "8" * 5000
LONG_FLOAT = "3." + "14159" * 1000  # 5,000 digits after the point
ODD = {"tiny": "1e-400", "huge": "1e400", "precise": "0.10000000000000000001", "zero": "-0", "padded": "1.50"}
SPECIAL = {150: ("size", BIG), 151: ("size", NEGATIVE), 152: ("ratio", LONG_FLOAT)}


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("HR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("HR_DISABLE", raising=False)


def hr(*args: str, data: bytes | None = None) -> bytes:
    proc = subprocess.run([*HR, *args], input=data, capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout


def record(i: int) -> str:
    size, ratio = str(i * 7), "0.5"
    if i in SPECIAL:
        key, literal = SPECIAL[i]
        size, ratio = (literal, ratio) if key == "size" else (size, literal)
    return f'{{"id": {i}, "name": "item-{i}", "size": {size}, "ratio": {ratio}}}'


def document() -> bytes:
    """300 records (three with a huge number), then the huge and odd numbers by themselves."""
    tail = "".join(f', "{k}": {v}' for k, v in ODD.items())
    return (f'{{"records": [{", ".join(record(i) for i in range(300))}], "big": {BIG}, '
            f'"negative": {NEGATIVE}, "long": {LONG_FLOAT}{tail}}}').encode()


def literal(text: str | bytes):
    """JSON with every number as its text: what the original says, read independently of hr."""
    return json.loads(text, parse_int=str, parse_float=str, parse_constant=str)


@pytest.fixture
def stored() -> tuple[bytes, str]:
    data = document()
    out = hr(data=data).decode()
    m = DIGEST.search(out)
    assert m, out[:2000]
    return data, m.group(1)


def numbers(text: str | bytes) -> list[str]:
    """Every number of a JSON text, as written."""
    found: list[str] = []
    keep = lambda s: found.append(s) or 0  # noqa: E731
    json.loads(text, parse_int=keep, parse_float=keep, parse_constant=keep)
    return found


def test_the_filter_keeps_every_number_as_written(stored):
    data, _ = stored
    out = hr(data=data)
    shown = numbers(out)
    assert set(shown) <= set(numbers(data))  # none rewritten (no 1.5, Infinity, 1e+400)
    for text in (BIG, NEGATIVE, LONG_FLOAT, *ODD.values()):
        assert text in shown, text[:20]


@pytest.mark.parametrize("huge", [BIG, NEGATIVE, "1e400", "-1e200"])
def test_a_record_with_a_number_beyond_float_is_kept_as_an_outlier(huge):
    # its square would overflow the field's spread: it must still stand out, not blind the rest
    rows = [f'{{"name": "pkg{i}", "note": "{"lorem ipsum dolor sit amet " * 4}", "size": {huge if i == 100 else i % 50}}}'
            for i in range(300)]
    out = hr(data=("[" + ",\n".join(rows) + "]").encode())
    assert "[hr " in out.decode() and "pkg100" in out.decode()
    assert huge in numbers(out)


def test_the_whole_original_comes_back_byte_for_byte(stored):
    data, digest = stored
    assert hr("expand", digest, data=None) == data


@pytest.mark.parametrize("target,path", [
    ("/records:149-153", ("records", slice(149, 154))),  # items of an array holding them
    ("/records/150:1-3", ("records", 150, slice(1, 4))),  # members of an object holding one
    ("/records/151:2", ("records", 151, slice(2, 3))),  # the huge negative member alone
    ("/records/152", ("records", 152)),  # the 5,000-digit float's record
])
def test_items_holding_huge_numbers_come_back_as_written(stored, target, path):
    data, digest = stored
    got = hr("expand", digest, "--items", target)
    want = literal(data)
    for step in path:
        want = dict(list(want.items())[step]) if isinstance(step, slice) and isinstance(want, dict) else want[step]
    assert literal(got) == want
    json.loads(got, parse_int=str)  # still JSON


@pytest.mark.parametrize("target,text", [
    ("/records/150/size", BIG),
    ("/records/151/size", NEGATIVE),
    ("/records/152/ratio", LONG_FLOAT),
    ("/big", BIG),
    ("/negative", NEGATIVE),
    ("/long", LONG_FLOAT),
    *((f"/{k}", v) for k, v in ODD.items()),
])
def test_a_number_as_the_target_comes_back_as_its_digits(stored, target, text):
    _, digest = stored
    assert hr("expand", digest, "--items", target) == text.encode() + b"\n"


def test_floats_come_back_unrounded_without_any_huge_integer():
    # no integer over the limit here: only rounding would change these
    floats = [LONG_FLOAT, *ODD.values()]
    rows = [f'{{"id": {i}, "ratio": {floats[i % len(floats)] if i >= 100 else "0.25"}}}' for i in range(300)]
    data = ("[" + ", ".join(rows) + "]").encode()
    digest = DIGEST.search(hr(data=data).decode()).group(1)
    got = hr("expand", digest, "--items", "100-110")
    assert literal(got) == [literal(r) for r in rows[100:111]]
    assert hr("expand", digest, "--items", "/103/ratio") == b"1e-400\n"


def test_ndjson_items_hold_huge_numbers_as_written():
    lines = [f'{{"seq": {i}, "value": {BIG if i == 40 else NEGATIVE if i == 41 else i}}}' for i in range(200)]
    data = ("\n".join(lines) + "\n").encode()
    out = hr(data=data).decode()
    digest = DIGEST.search(out).group(1)
    got = hr("expand", digest, "--items", "39-42")
    assert literal(got) == [literal(line) for line in lines[39:43]]
    assert hr("expand", digest, "--items", "40") == b'[\n  {\n    "seq": 40,\n    "value": ' + BIG.encode() + b"\n  }\n]\n"
    assert hr("expand", digest) == data


def test_loads_and_dumps_keep_number_literals():
    text = f'{{"a": [{BIG}, {NEGATIVE}, {LONG_FLOAT}, {", ".join(ODD.values())}, 7, NaN]}}'
    doc = json_numbers.loads(text)
    assert doc["a"][0] == json_numbers.Number(BIG)
    assert json_numbers.dumps(doc) == text
    assert json_numbers.dumps(doc, indent=2).split("\n")[2] == f"    {BIG},"


@pytest.mark.parametrize("indent", [None, 0, 2])
@pytest.mark.parametrize("ensure_ascii", [True, False])
@pytest.mark.parametrize("separators", [None, (",", ":"), (" , ", " : ")])
def test_dumps_writes_what_json_dumps_writes(indent, ensure_ascii, separators):
    # a real document (pip's own report of this environment), with strings that need escapes
    proc = subprocess.run([sys.executable, "-m", "pip", "inspect", "--local"], capture_output=True)
    if proc.returncode != 0:
        pytest.skip("pip inspect is not available")
    doc = json.loads(proc.stdout)
    doc["extra"] = ["é\u2028\"\\\n\t\x00", "\U0001f600", {}, [], [[{}]], True, False, None, -0.0, 1e300, 12]
    options = {"indent": indent, "ensure_ascii": ensure_ascii, "separators": separators}
    assert json_numbers.dumps(doc, **options) == json.dumps(doc, **options)


@pytest.mark.parametrize("text,truthy", [("0", False), ("-0", False), ("0.000", False), ("0e99", False), ("-0.0E-5", False),
                                         ("1e-400", True), ("0.01", True), ("10", True), (BIG, True), ("NaN", True)])
def test_a_number_is_falsy_only_for_zero(text, truthy):
    # hook handlers test fields such as `run_in_background` for truth
    assert bool(json_numbers.loads(text)) is truthy


@pytest.mark.parametrize("args,needle", [
    (["--items", "/records/" + "9" * 5000], b"no '/records/999"),  # an index int() would refuse
    (["--items", "/records/\u0661"], b"no '/records/"),  # ARABIC-INDIC DIGIT ONE, which int() reads as 1
    (["--items", "/records:1-" + "9" * 5000], b"no '/records:1-999"),  # no range: a key with a colon
    (["--lines", "1-" + "9" * 5000], b"bad range"),
])
def test_a_huge_or_non_ascii_index_is_a_one_line_error(stored, args, needle):
    _, digest = stored
    proc = subprocess.run([*HR, "expand", digest, *args], capture_output=True)
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.startswith(b"hr: expand: ") and needle in proc.stderr and proc.stderr.count(b"\n") == 1


def test_the_proxys_hr_expand_answers_a_huge_line_number_with_an_error(stored):
    # the model's call, answered inside the proxy: an error for the model, not a broken round
    from hr.proxy import expand_tool

    _, digest = stored
    text, is_error = expand_tool.run({"hash": digest, "lines": "1-" + "9" * 5000})
    assert is_error and text.startswith("hr_expand: bad range")
