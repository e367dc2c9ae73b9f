"""Loading grammars and parsing, with a measure of how badly a parse went.

Grammars load lazily and once per process: importing tree-sitter and a grammar is the start-up
cost of the code path, paid only when the input is code.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module

from hr.code.languages import Lang, rank

# A parse whose ERROR nodes cover more than this share of the lines is not trusted.
MAX_ERROR_SHARE = 0.15
# How many candidate languages to try when the content alone has to decide.
MAX_TRIES = 3


class Parsed:
    __slots__ = ("lang", "tree", "error_share")

    def __init__(self, lang: Lang, tree, error_share: float):
        self.lang = lang
        self.tree = tree  # tree_sitter.Tree
        self.error_share = error_share


@lru_cache(maxsize=None)
def grammar(lang: Lang):
    import tree_sitter

    return tree_sitter.Language(getattr(import_module(lang.module), lang.entry)())


@lru_cache(maxsize=None)
def _error_query(lang: Lang):
    import tree_sitter

    return tree_sitter.Query(grammar(lang), "(ERROR) @e")


def parse_as(lang: Lang, data: bytes, line_count: int) -> Parsed:
    import tree_sitter

    tree = tree_sitter.Parser(grammar(lang)).parse(data)
    share = 0.0
    if tree.root_node.has_error:
        rows: set[int] = set()
        for node in tree_sitter.QueryCursor(_error_query(lang)).captures(tree.root_node).get("e", []):
            rows.update(range(node.start_point[0], node.end_point[0] + 1))
        share = len(rows) / max(line_count, 1)
    return Parsed(lang, tree, share)


def parse(data: bytes, text: str, line_count: int, named: Lang | None) -> Parsed | None:
    """The best trustworthy parse: as the named language if any, else as the likeliest ones.
    None when no language parses the input well enough."""
    best: Parsed | None = None
    for lang in _candidates(text, named):
        parsed = parse_as(lang, data, line_count)
        if best is None or parsed.error_share < best.error_share:
            best = parsed
        if parsed.error_share == 0 or (lang is named and parsed.error_share <= MAX_ERROR_SHARE):
            break
    if best is None or best.error_share > MAX_ERROR_SHARE:
        return None
    return best


def _candidates(text: str, named: Lang | None):
    """The named language first; the content is only ranked when that one fails."""
    if named is not None:
        yield named
    yield from (lang for lang in rank(text)[:MAX_TRIES] if lang is not named)
