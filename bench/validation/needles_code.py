#!/usr/bin/env python3
"""Needles for bench/validation/code by the corpus README's code rules, from each input alone:
every top-level definition signature (from the keyword through the name) and every
import/use/include line, per language (chosen by the input's extension).

Usage: needles_code.py [CASE_DIR...]  (default: every case under code/).
"""
import re
from pathlib import Path

from needle_rules import rewrite, verbatim
IDENT = r"[A-Za-z_$][\w$]*"


def matches(lines, patterns, group=0):
    out = []
    for l in lines:
        for p in patterns:
            if m := re.search(p, l):
                out.append(m.group(group) if m.groups() and group else m.group(0))
                break
    return out


def python(lines):
    return matches(lines, [rf"^(async def|def) {IDENT}\(", rf"^class {IDENT}[(:]",
                           r"^\s*(import \S.*|from \S+ import .*)$"])


def rust(lines):
    return matches(lines, [
        rf"^(?:pub(?:\([^)]*\))? )?(?:(?:async|unsafe|const|extern \"C\") )*((?:fn|struct|enum|trait|union|type|mod|static|const) {IDENT})",
        rf"^(macro_rules! {IDENT})", r"^(impl\b.*?)\s*\{?\s*$", r"^\s*((?:pub(?:\([^)]*\))? )?use .*|extern crate .*)$",
    ], group=1)


def go(lines):
    out, in_import = [], False
    for l in lines:
        if l.startswith("import ("):
            in_import = True
        elif in_import and l.startswith(")"):
            in_import = False
        elif in_import and l.strip():
            out.append(l.strip())
        elif m := re.match(r'^import (.*)$', l):
            out.append(l.strip())
        elif m := re.match(rf"^(func (\([^)]*\) )?{IDENT}|type {IDENT})", l):
            out.append(m.group(1))
    return out


JAVA_MODS = r"(?:(?:public|protected|private|static|final|abstract|synchronized|native|default|sealed|non-sealed|strictfp)\s+)*"


def java(lines):
    out = matches(lines, [r"^(package|import) .*;"])
    out += matches(lines, [rf"^\s*{JAVA_MODS}(class|interface|enum|record|@interface) {IDENT}"])
    # members at the first indentation level of the top-level class
    out += [m for m in matches(lines, [rf"^ {{4}}(?! ){JAVA_MODS}(?:<[^>]+>\s+)?[\w.<>\[\]?, ]+?\s+{IDENT}(?=\s*\()"])
            if not re.match(r"\s*(return|throw|new|else|case|if|for|while|switch|synchronized)\b", m)]
    return [o.strip() for o in out]


def js(lines):
    out = matches(lines, [r"^\s*(import .*|export .* from .*|(?:const|let|var) .*= require\(.*|require\(.*|module\.exports.*|exports\.\w+.*)$"])
    out += matches(lines, [
        rf"^(?:export )?(?:default )?(?:declare )?(?:abstract )?(?:async )?(function\*? ?{IDENT}|class {IDENT}|interface {IDENT}|type {IDENT}|enum {IDENT}|(?:const|let|var) {IDENT})",
    ], group=1)
    # methods of top-level classes: two-space or four-space indented `name(args)` openings
    in_class = False
    for l in lines:
        if re.match(r"^(export )?(default )?(abstract )?class ", l):
            in_class = True
        elif l.startswith("}"):
            in_class = False
        elif in_class and (m := re.match(
                rf"^ {{2,4}}((?:(?:public|private|protected|static|async|get|set|readonly|override)\s+)*\*?{IDENT}\s*(?:<[^>]*>)?\([^)]*\))", l)) \
                and not re.match(r"^\s*(if|for|while|switch|catch|return|super)\b", l):
            out.append(m.group(1))
    return out


def c(lines):
    out = matches(lines, [r"^#include .*"])
    out += matches(lines, [rf"^(?:typedef )?((?:struct|enum|union) {IDENT})"], group=1)
    for i, l in enumerate(lines):
        # a function definition: a column-0 declarator followed by a body
        if m := re.match(rf"^((?:[\w*]+[ *]+)+?\**{IDENT})\(", l):
            nxt = "".join(lines[i:i + 4])
            if "{" in nxt and ";" not in nxt.split("{")[0] and not l.startswith(("return", "typedef")):
                out.append(m.group(1).strip())
    return out


RULES = {".py": python, ".rs": rust, ".go": go, ".java": java, ".js": js, ".ts": js, ".c": c}


def needles(path: Path):
    text = path.read_text()
    return verbatim(RULES[path.suffix](text.splitlines()), text)


SOURCES = {
    "py-httpx-client": ("encode/httpx@HEAD:httpx/_client.py", "BSD-3-Clause (httpx)"),
    "py-httpx-models": ("encode/httpx@HEAD:httpx/_models.py", "BSD-3-Clause (httpx)"),
    "rs-fd-walk": ("sharkdp/fd@v9.0.0:src/walk.rs", "MIT OR Apache-2.0 (fd)"),
    "rs-fd-cli": ("sharkdp/fd@v9.0.0:src/cli.rs", "MIT OR Apache-2.0 (fd)"),
    "java-jsoup-element": ("jhy/jsoup@HEAD:src/main/java/org/jsoup/nodes/Element.java", "MIT (jsoup)"),
    "java-jsoup-treebuilder": ("jhy/jsoup@HEAD:src/main/java/org/jsoup/parser/HtmlTreeBuilder.java", "MIT (jsoup)"),
    "c-sds": ("antirez/sds@HEAD:sds.c", "BSD-2-Clause (sds)"),
    "go-text-template-exec": ("Go 1.26 standard library src/text/template/exec.go", "BSD-3-Clause (Go)"),
    "go-net-http-cookie": ("Go 1.26 standard library src/net/http/cookie.go", "BSD-3-Clause (Go)"),
    "js-eslint-linter": ("lib/linter/linter.js of the eslint@8.57.0 npm package", "MIT (eslint)"),
    "js-eslint-source-code": ("lib/source-code/source-code.js of the eslint@8.57.0 npm package", "MIT (eslint)"),
    "ts-ajv-core": ("lib/core.ts of the ajv@8.17.1 npm tarball", "MIT (ajv)"),
    "ts-ajv-compile": ("lib/compile/index.ts of the ajv@8.17.1 npm tarball", "MIT (ajv)"),
}


def describe(case: Path) -> dict:
    source, licence = SOURCES[case.name]
    return dict(source=source, license=licence,
                why="top-level signatures and import lines by the corpus README code rules",
                needles=needles(next(case.glob("input.*"))))


if __name__ == "__main__":
    rewrite("code", describe, __doc__)
