"""The skeleton of a parsed source file: what to keep and which line ranges to elide.

One algorithm for every language (node types come from `languages.py`). It walks only the
statement level: the members of the file, of classes, impls, namespaces and other containers.
It never walks inside a body it elides, so the cost follows the number of definitions, not the
size of the file. Lines are kept unless a cut covers them; a cut never wins over a line that
must be kept (a signature, an import, the first line of a docstring).

What stays: imports, every signature in full (decorators, attributes, generics, parameters,
return types), class/struct/enum/interface/trait shapes with their fields, module constants, the
first line of each docstring and comment block, and what would cost less than the marker or sign
that stands for it (render.py weighs that). What goes: the rest of bodies, comments and
statements that define nothing, a parameter list that repeats one above word for word, and a
docstring or doc comment whose kept lines repeat one above word for word (overloads, twins).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from hr.code import markers
from hr.code.languages import COMMENTS, LEADING, Lang
from hr.code.parsing import grammar


# Plain classes with __slots__, not dataclasses, here and in the other modules on the
# compress path: `dataclasses` (with `inspect`) and the code it generates per class cost several
# ms of every `hr` process's start-up.


class Tuning:
    __slots__ = ("small_body", "small_stmt", "small_comment", "doc_lines")

    def __init__(self, small_body: int = 0, small_stmt: int = 2, small_comment: int = 1, doc_lines: int = 1):
        self.small_body = small_body  # bodies of at most this many lines stay whole
        self.small_stmt = small_stmt  # other statements of at most this many lines stay whole
        self.small_comment = small_comment  # comment blocks of at most this many lines stay whole
        self.doc_lines = doc_lines  # lines of each docstring / comment block that stay


DEFAULT = Tuning()
# Used when a budget asks for less: every body goes, and docstrings with it.
TIGHT = Tuning(small_body=0, small_stmt=2, small_comment=0, doc_lines=0)

# Fewer elided lines than this are not worth a marker line (render.py also keeps any run that
# is shorter than what would stand in its place).
MIN_CUT = 1
# A parameter list of at least this many lines that repeats one above folds (Skeleton.signature).
REPEATED_PARAMS = 3
_WORDS = re.compile(r"[A-Za-z0-9]")
_PY_CLAUSES = frozenset(
    "else_clause elif_clause except_clause except_group_clause finally_clause case_clause".split()
)


_MIRROR = str.maketrans("([{", ")]}")
# A row that ends in an operator or separator: the expression goes on below it.
_DANGLING = re.compile(r"(?:[=:|&+\-*/,?]|=>)\s*$")


class Cut:
    __slots__ = ("first", "last", "what", "style", "closer", "indent", "group", "anchor", "own")

    def __init__(self, first: int, last: int, what: str, style: str = markers.CODE, closer: str = "",
                 indent: str | None = None, group: int | None = None, anchor: int | None = None, own: bool = False):
        self.first = first  # 0-based rows, inclusive
        self.last = last
        self.what = what  # body, docstring, comment, code
        self.style = style
        self.closer = closer  # a Python docstring's closing quotes, or a block comment's `*/`
        self.indent = indent  # where the marker goes, when the lines cannot tell
        # Cuts of one run of sibling members share a group (render.py may give them one marker);
        # `anchor` is the first row of the member the cut is in, where a group's marker can stand.
        self.group = group
        self.anchor = anchor
        self.own = own  # its marker says more than a group's sign could: it keeps it


class Plan:
    __slots__ = ("keep", "cuts", "starts")

    def __init__(self, keep: set[int] | None = None, cuts: list[Cut] | None = None, starts: list[int] | None = None):
        self.keep = set() if keep is None else keep
        self.cuts = [] if cuts is None else cuts
        self.starts = [] if starts is None else starts  # rows where a member of the file or a class begins


def first_row(node) -> int:
    return node.start_point[0]


def last_row(node) -> int:
    end_row, end_col = node.end_point
    # a node that ends with its newline (a preprocessor line) ends on the row before
    return end_row - 1 if end_col == 0 and end_row > node.start_point[0] else end_row


def text_end(line: str) -> int:
    """The byte column just past a row's last non-blank character (tree-sitter counts bytes)."""
    return len(line.rstrip().encode("utf-8", "surrogateescape"))


@lru_cache(maxsize=None)
def index_query(lang: Lang):
    """One query for every definition (`@d`) and import (`@i`) in a tree: tree-sitter finds
    them in C, so the walk never has to look inside bodies."""
    import tree_sitter

    g = grammar(lang)

    def pattern(types: frozenset[str], capture: str) -> str:
        valid = sorted(t for t in types if g.id_for_node_kind(t, True))
        return "[" + " ".join(f"({t})" for t in valid) + f"] @{capture}" if valid else ""

    parts = (pattern(lang.funcs | lang.containers, "d"), pattern(lang.imports, "i"), lang.import_calls)
    source = " ".join(p for p in parts if p)
    return tree_sitter.Query(g, source) if source else None


def captures(lang: Lang, root) -> dict[str, list]:
    import tree_sitter

    query = index_query(lang)
    return tree_sitter.QueryCursor(query).captures(root) if query is not None else {}


class Skeleton:
    def __init__(self, lang: Lang, tree, lines: list[str], tuning: Tuning = DEFAULT):
        self.lang = lang
        self.root = tree.root_node
        self.lines = lines
        self.t = tuning
        self.python = lang.name == "python"
        self.plan = Plan()
        self.group = 0  # a new one for each container's members and for the siblings after it
        self.anchor = 0  # the first row of the member being planned
        self.params_seen: dict[tuple[str, ...], tuple[str, int, int]] = {}  # lines -> (name, first, last line)
        self.docs_seen: set[tuple[str, ...]] = set()  # the kept lines of each docstring / doc comment shown
        self.closer_rx = re.compile(rf"\s*{lang.closers}(?!\w)")  # a row that starts by closing
        found = captures(lang, self.root)
        self._imports = sorted(n.start_byte for n in found.get("i", []))
        self._defs = sorted(self._imports + [n.start_byte for n in found.get("d", [])])

    @staticmethod
    def _within(starts: list[int], node) -> bool:
        i = bisect.bisect_left(starts, node.start_byte)
        return i < len(starts) and starts[i] < node.end_byte

    # -- building the plan

    def build(self) -> Plan:
        self.members(self.root.children)
        return self.plan

    def keep(self, first: int, last: int) -> None:
        self.plan.keep.update(range(first, last + 1))

    def cut(self, first: int, last: int, what: str, **kw) -> None:
        if first <= last:
            self.plan.cuts.append(Cut(first, last, what, group=self.group, anchor=self.anchor, **kw))

    def nested(self, children) -> None:
        """The members of a container: a group of their own, and the siblings after it another."""
        anchor = self.anchor
        self.group += 1
        self.members(children)
        self.group += 1
        self.anchor = anchor

    def members(self, children, record: bool = True) -> None:
        """The members of a file or container, in order; runs of comments go together.
        `record` notes where each begins: a budget may cut from there to the end."""
        named = [c for c in children if c.is_named]
        if record:
            self.plan.starts.extend(first_row(c) for c in named)
        if self.python:
            lead = next((c for c in named if c.type not in COMMENTS), None)
            if lead is not None and self._docstring(lead) is not None:
                if record:
                    self.anchor = first_row(lead)
                self.docstring(lead)
                named.remove(lead)
        i = 0
        while i < len(named):
            node = named[i]
            prev = named[i - 1] if i else None
            # a member's marker goes above the comments and attributes right above it
            if record and not (prev is not None and prev.type in LEADING and first_row(node) <= last_row(prev) + 1):
                self.anchor = first_row(node)
            if node.type in COMMENTS:
                j = i
                while j + 1 < len(named) and self._same_block(named[j], named[j + 1]):
                    j += 1
                self.comment_block(named[i:j + 1])
                i = j + 1
                continue
            self.member(node)
            i += 1

    def member(self, node) -> None:
        kind = node.type
        if kind in self.lang.imports:
            self.keep(first_row(node), last_row(node))
        elif kind in self.lang.funcs:
            self.function(node)
        elif kind in self.lang.containers:
            body = self._body(node)
            self.nested(body.children if body is not None else node.children)
        else:
            self.other(node)

    def _body(self, node, depth: int = 0):
        body = node.child_by_field_name("body")
        if body is not None and (body.type in self.lang.bodies or not self.lang.bodies):
            return body
        if depth < 3:
            # the body may sit a level or two down, on the same line (`type X struct {`,
            # `typedef struct {`); a definition of its own further down is a member instead
            for child in node.named_children:
                if child.type in self.lang.bodies:
                    return child
                if first_row(child) != first_row(node) or child.type in self.lang.containers or child.type in self.lang.funcs:
                    continue
                found = self._body(child, depth + 1)
                if found is not None:
                    return found
        return None

    def other(self, node) -> None:
        """A statement that is neither an import nor a definition: kept when short, searched
        when it holds definitions (an export, a decorated class, an IIFE), else cut inside."""
        a, b = first_row(node), last_row(node)
        if b - a + 1 <= self.t.small_stmt:
            return
        if self._within(self._defs, node):
            self.members(node.children, record=False)
            return
        self.cut_inside(node)

    def cut_inside(self, node) -> None:
        a, b = first_row(node), last_row(node)
        if self.python:
            self._cut_python(node)
            return
        # the last row stays when it closes what the first row opened: a bracket (`} from "x"`,
        # `} = require("x")`), a string or comment that runs on past the first row, or an
        # expression the first row leaves wanting its operand (`$comment?:`, `x =`)
        last = (b - 1 if self.closer_rx.match(self.lines[b]) or self._runs_on(node, a)
                or _DANGLING.search(self.lines[a]) else b)
        self.cut(a + 1, last, "code")

    def _runs_on(self, node, row: int) -> bool:
        """Whether the token at the end of `row` (a multi-line string or comment) goes on below it."""
        end = text_end(self.lines[row]) - 1
        if end < 0:
            return False
        token = node.descendant_for_point_range((row, end), (row, end))
        return token is not None and token != node and first_row(token) <= row < last_row(token)

    def _cut_python(self, node) -> None:
        """Cuts that leave valid Python: each block of a compound statement (its clause headers
        stay), or the inside of a bracketed value (`X = {` … `}` becomes `X = {...}`)."""
        a, b = first_row(node), last_row(node)
        if node.type == "match_statement":
            return  # `match x:` needs its `case` lines: kept whole
        blocks = [c for c in node.named_children if c.type == "block" or c.type in _PY_CLAUSES]
        if blocks:
            for child in blocks:
                if child.type == "block":
                    if first_row(child) > self._header_end(node):
                        self.cut(first_row(child), last_row(child), "code")
                else:
                    self._cut_python(child)
            return
        if node.type == "block":
            self.cut(a, b, "code")
            return
        opened = re.search(r"[(\[{]+$", self.lines[a].rstrip())
        closed = self.lines[b].strip().rstrip(",;")
        if opened and closed == opened.group(0)[::-1].translate(_MIRROR):
            self.cut(a + 1, b - 1, "code")

    def function(self, node) -> None:
        body = node.child_by_field_name("body")
        if body is None:
            return
        b0, b1 = first_row(body), last_row(body)
        kids = body.children
        # a body that opens with `{`, or that starts after the signature on its row (an arrow
        # function's expression), is cut from the next row: that row is the signature's
        shared_row = bool(self.lines[b0][: body.start_point[1]].strip())
        first = b0 + 1 if (kids and not kids[0].is_named) or shared_row else b0
        last = b1 - 1 if kids and not kids[-1].is_named and len(kids) > 1 else b1
        if self.python:
            # comments between the `:` and the first statement belong to the body too
            colon = [c for c in node.children if c.type == ":" and c.end_byte <= body.start_byte]
            if colon:
                first = min(first, last_row(colon[-1]) + 1)
        if first <= first_row(node):
            first = first_row(node) + 1
        self.signature(node, first_row(node), first - 1)
        if self._is_wrapper(node, body):
            self.nested(kids)
            return
        stmts = [c for c in kids if c.is_named]
        doc = self._docstring(stmts[0]) if self.python and stmts else None
        if doc is not None:
            stmts = stmts[1:]
            d0, d1 = first_row(doc), last_row(doc)
            keep_to = self._text_row(d0, d1)
            if self._repeats_doc(d0, keep_to) and not self._within(self._imports, body):
                # the docstring says what one above says (a sync and an async twin, overloads):
                # it folds with the body it documents
                if last - first + 1 > self.t.small_body:
                    self.cut(first, last, "docstring and body")
                return
            if keep_to < d1:
                # the docstring goes on: its first line stays, the marker closes the string
                if last - keep_to <= self.t.small_body:
                    return
                self.keep(d0, keep_to)
                doc_cut = dict(style=markers.DOCSTRING, closer=self._closer(doc), indent=self._indent(d0, doc.start_point[1]))
                if not (stmts and self._within(self._imports, body)):
                    self.cut(keep_to + 1, last, "docstring", **doc_cut)
                    return
                self.cut(keep_to + 1, d1, "docstring", **doc_cut)
            self.keep(d0, min(keep_to, d1))
            first = d1 + 1
        if last - first + 1 <= self.t.small_body:
            return
        if stmts and self._imports and self._within(self._imports, body):
            # imports inside a body stay (they are what the file depends on)
            for stmt in stmts:
                self.body_statement(stmt)
            return
        self.cut(first, last, "body")

    def signature(self, node, a: int, b: int) -> None:
        """Keeps a signature (rows a-b). A parameter list of whole lines that repeats one above
        word for word (a sync and an async twin, overloads) folds, and its marker names the first."""
        params = node.child_by_field_name("parameters")
        name = node.child_by_field_name("name")
        if params is not None and name is not None:
            p0, p1 = first_row(params), last_row(params)
            if (a <= p0 and p1 <= b and p1 - p0 > REPEATED_PARAMS and self.lines[p0].rstrip().endswith("(")
                    and self.lines[p1].lstrip().startswith(")")):
                key = tuple(line.strip() for line in self.lines[p0 + 1:p1])
                shown = self.params_seen.setdefault(key, (name.text.decode("utf-8", "replace"), p0 + 2, p1))
                if shown[1] != p0 + 2:
                    self.keep(a, p0)
                    self.keep(p1, b)
                    self.cut(p0 + 1, p1 - 1, f"parameters as in {shown[0]} (L{shown[1]}-{shown[2]})",
                             style=markers.COMMENT, own=True)
                    return
        self.keep(a, b)

    def _is_wrapper(self, node, body) -> bool:
        """An anonymous function around most of the file (an IIFE, a UMD or AMD module, a test
        suite's callback) is a container, not a body to elide."""
        if node.child_by_field_name("name") is not None:
            return False
        return last_row(body) - first_row(body) > len(self.lines) // 2 and self._within(self._defs, body)

    def body_statement(self, node) -> None:
        if node.type in self.lang.imports:
            self.keep(first_row(node), last_row(node))
        elif self._within(self._imports, node) or node.type in _PY_CLAUSES:
            # the statement around an import stays as a frame: its first line, the first
            # line of each clause (`except …:`, `else:`), and the import itself
            if node.type != "block":  # a block has no line of its own to keep
                self.keep(first_row(node), self._header_end(node))
            for child in node.named_children:
                self.body_statement(child)
        else:
            self.cut(first_row(node), last_row(node), "body")

    def _header_end(self, node) -> int:
        """The last row of a compound statement's header (`if a and \\` … `b:`)."""
        block = next((c for c in node.named_children if c.type == "block"), None)
        if block is None or first_row(block) <= first_row(node):
            return first_row(node)
        colons = [c for c in node.children if c.type == ":" and c.end_byte <= block.start_byte]
        return last_row(colons[-1]) if colons else first_row(block) - 1

    # -- docstrings and comments

    @staticmethod
    def _docstring(stmt):
        """The string node when `stmt` is a Python docstring statement."""
        if stmt.type == "expression_statement" and stmt.named_child_count == 1:
            string = stmt.named_children[0]
            if string.type == "string":
                return string
        return None

    def _text_row(self, a: int, b: int) -> int:
        """The row through which a docstring or comment starting at `a` is kept."""
        shown = 0
        for row in range(a, b + 1):
            if _WORDS.search(self.lines[row]):
                shown += 1
                if shown >= self.t.doc_lines:
                    return row
        return a if self.t.doc_lines == 0 else b

    def docstring(self, stmt) -> None:
        doc = self._docstring(stmt)
        d0, d1 = first_row(doc), last_row(doc)
        keep_to = self._text_row(d0, d1) if self.t.doc_lines else d0
        self.keep(d0, keep_to)
        if d1 - keep_to >= MIN_CUT:
            self.cut(keep_to + 1, d1, "docstring", style=markers.DOCSTRING, closer=self._closer(doc),
                     indent=self._indent(d0, doc.start_point[1]))
        else:
            self.keep(d0, d1)

    def _repeats_doc(self, a: int, keep_to: int) -> bool:
        """Whether the lines a docstring or comment block would keep (rows a-keep_to) were kept
        word for word for one above; the first time, they are noted."""
        if keep_to < a:
            return False
        key = tuple(line.strip() for line in self.lines[a:keep_to + 1])
        if key in self.docs_seen:
            return True
        self.docs_seen.add(key)
        return False

    def _closer(self, doc) -> str:
        end = doc.children[-1] if doc.children else None
        return end.text.decode("utf-8", "replace") if end is not None and end.type == "string_end" else '"""'

    def _indent(self, row: int, col: int) -> str:
        line = self.lines[row]
        return line[: len(line) - len(line.lstrip())] if col else ""

    @staticmethod
    def _same_block(prev, node) -> bool:
        """Line comments on consecutive rows read as one block. A comment of several rows (a
        `/** … */` doc comment) is a block of its own: its first line is its summary, never the
        rest of the comment above it."""
        return (node.type in COMMENTS and first_row(node) <= last_row(prev) + 1
                and first_row(prev) == last_row(prev) and first_row(node) == last_row(node))

    def comment_block(self, nodes) -> None:
        a, b = first_row(nodes[0]), last_row(nodes[-1])
        if b - a + 1 <= self.t.small_comment:
            return
        keep_to = self._text_row(a, b) if self.t.doc_lines else a - 1
        closer = ""
        last = nodes[-1]
        end_row, end_col = last.end_point  # a line comment may end with its newline, on the next row
        code_after = end_row == b and end_col < text_end(self.lines[b])
        if not code_after and self._repeats_doc(a, keep_to):
            keep_to = a - 1  # it says what a comment above says (overloads): the whole block folds
        self.keep(a, keep_to)
        if code_after:
            b -= 1  # code follows the comment on its last row: that row stays
        elif first_row(last) <= keep_to and last.text.endswith(b"*/"):
            closer = "*/"  # the kept rows leave a block comment open: the marker closes it
        self.cut(keep_to + 1, b, "comment", style=markers.COMMENT, closer=closer)
