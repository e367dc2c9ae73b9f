"""`hr expand HASH --symbol NAME`: find a function, method or class by name in a stored original.

Every definition gets a dotted name from the definitions around it (`Command.addCommand`,
`SmallVec.push` for a method in `impl SmallVec`, `Command.Execute` for a Go method on
`*Command`). A query matches a whole name or its last dotted parts, so `push`, `SmallVec.push`
and `SmallVec::push` all find the same method. Its span starts at its decorators, attributes or
`template <…>` line and the doc comment right above it, and ends with its last line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hr.code.compressor import Source, load
from hr.code.languages import LEADING
from hr.code.skeleton import captures, first_row, last_row
from hr.expand.spans import SpanError

# Nodes that wrap a definition and belong to its span.
_WRAPPERS = frozenset(
    "decorated_definition export_statement template_declaration ambient_declaration".split()
)
# Where an anonymous function takes its name from.
_NAMERS = frozenset("variable_declarator assignment_expression pair lexical_declaration field_definition public_field_definition".split())


@dataclass(frozen=True)
class Symbol:
    name: str  # dotted: Outer.inner
    start: int  # 1-based, inclusive
    end: int
    extends: bool = False  # a Rust `impl` block: the type itself is defined elsewhere


def index(src: Source) -> list[Symbol]:
    """Every named definition of a parsed source, in file order."""
    lang = src.parsed.lang
    nodes = captures(lang, src.parsed.tree.root_node).get("d", [])
    wanted = lang.funcs | lang.containers
    out = []
    for node in sorted(nodes, key=lambda n: n.start_byte):
        if node.type not in wanted:
            continue
        name = _name(node)
        if not name:
            continue
        parts = [name]
        parent = node.parent
        while parent is not None:
            if parent.type in wanted:
                outer = _name(parent)
                if outer:
                    parts.append(outer)
            parent = parent.parent
        out.append(Symbol(".".join(reversed(parts)), _start(node) + 1, last_row(node) + 1, node.type == "impl_item"))
    return out


def _text(node) -> str:
    return node.text.decode("utf-8", "replace") if node is not None else ""


def _base_type(text: str) -> str:
    """`*Command[T]` / `SmallVec<A>` / `&'a mut Foo` -> the bare type name."""
    text = re.sub(r"[<\[].*", "", text)
    words = re.findall(r"[A-Za-z_]\w*(?:::\w+)*", text)
    words = [w for w in words if w not in ("mut", "const", "dyn", "impl")]
    return words[-1].split("::")[-1] if words else ""


def _strip_template_args(name: str) -> str:
    """`A<T>::g` -> `A::g`: a query names the class, not an instantiation."""
    while True:
        stripped = re.sub(r"<[^<>]*>", "", name)
        if stripped == name:
            return name
        name = stripped


def _name(node) -> str:
    kind = node.type
    if kind.startswith("preproc_"):
        return ""  # `#ifdef X` groups definitions but is not one
    if kind == "impl_item":  # Rust: methods are named after the type, not the trait
        return _base_type(_text(node.child_by_field_name("type")))
    if kind == "method_declaration" and node.child_by_field_name("receiver") is not None:  # Go
        receiver = node.child_by_field_name("receiver")
        owner = _base_type(_text(receiver).strip("()").split()[-1]) if receiver.named_child_count else ""
        name = _text(node.child_by_field_name("name"))
        return f"{owner}.{name}" if owner else name
    name = node.child_by_field_name("name")
    if name is not None:
        return _text(name).replace("::", ".")
    declarator = node.child_by_field_name("declarator")
    if declarator is not None:  # C and C++: dig through pointer and function declarators
        while declarator.child_by_field_name("declarator") is not None:
            declarator = declarator.child_by_field_name("declarator")
        return _strip_template_args(_text(declarator)).replace("::", ".")
    for child in node.named_children:  # Go `type X struct`, `const (...)`
        if child.type == "type_spec":
            return _text(child.child_by_field_name("name"))
    parent = node.parent
    if parent is not None and parent.type in _NAMERS:  # `const f = () => …`, `X.prototype.f = function`
        target = parent.child_by_field_name("name") or parent.child_by_field_name("left") or parent.child_by_field_name("key")
        return _text(target).replace("::", ".")
    return ""


def _start(node) -> int:
    while node.parent is not None and node.parent.type in _WRAPPERS:
        node = node.parent
    row = first_row(node)
    prev = node.prev_named_sibling
    if prev is None and node.parent is not None and node.parent.type == "block":
        prev = node.parent.prev_named_sibling  # Python keeps a comment before a block outside it
    while prev is not None and prev.type in LEADING and last_row(prev) >= row - 1:
        row = first_row(prev)
        prev = prev.prev_named_sibling
    return row


def find(symbols: list[Symbol], query: str) -> list[Symbol]:
    """Symbols whose dotted name is `query` or ends with `.query`."""
    query = query.strip().replace("::", ".").replace("#", ".")
    hits = [s for s in symbols if s.name == query] or [s for s in symbols if s.name.endswith("." + query)]
    defined = [s for s in hits if not s.extends]
    # `SmallVec` means the struct, not each `impl … for SmallVec` block
    return defined if len(defined) == 1 else hits


def expand(data: bytes, query: str, label: str | None) -> tuple[bytes, str]:
    """The lines of the one definition `query` names, each as `N:line` like `--grep` prints
    them, and a description for the ledger. Raises SpanError (exit status 2) when the original
    is not code, or the name matches nothing or more than one definition; the error lists the
    candidates and their line ranges."""
    src = load(data, label)
    if src.parsed is None:
        raise SpanError("--symbol needs source code in a language hr parses; try --grep instead")
    symbols = index(src)
    hits = find(symbols, query)
    if not hits:
        close = _similar(symbols, query)
        hint = f"; similar: {', '.join(close)}" if close else ""
        raise SpanError(f"no definition named {query!r} ({src.parsed.lang.name}, {len(symbols)} definitions){hint}")
    if len(hits) > 1:
        listing = "\n".join(f"  {s.name}  lines {s.start}-{s.end}  (--lines {s.start}-{s.end})" for s in hits)
        raise SpanError(f"{query!r} names {len(hits)} definitions; pick one with --lines:\n{listing}")
    sym = hits[0]
    raw = data.split(b"\n")
    lines = [b"%d:%s\n" % (n, raw[n - 1]) for n in range(sym.start, min(sym.end, len(raw)) + 1)]
    return b"".join(lines), f"symbol {sym.name} lines {sym.start}-{sym.end}"


def _similar(symbols: list[Symbol], query: str) -> list[str]:
    import difflib

    names = sorted({s.name.rsplit(".", 1)[-1] for s in symbols} | {s.name for s in symbols})
    return difflib.get_close_matches(query, names, n=5, cutoff=0.6)


def expand_stored(store, digest: str, data: bytes, query: str) -> tuple[bytes, str]:
    """`expand` for an original in the store, with the file name it was compressed under (from
    the ledger) as a language hint."""
    try:
        from hr.store import ledger

        label = ledger.label_of(store.root, digest)
    except Exception:
        label = None  # the ledger only helps; content detection still works
    return expand(data, query, label)
