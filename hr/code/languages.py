"""The languages the code skeleton knows: which grammar wheel parses each, and which tree-sitter
node types play which part (import, function with a body, container of members, comment).

Node types are grammar facts, so they live here as data; `skeleton.py` and `symbols.py` hold the
one algorithm that uses them for every language. Language detection (from a file name, else from
the content) is here too.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache


class Lang:
    """One language; its instances are the values of LANGS, compared and hashed by identity
    (a plain class, not a dataclass: see skeleton.py on start-up cost)."""

    __slots__ = ("name", "module", "extensions", "comment", "imports", "funcs", "containers", "bodies",
                 "entry", "closers", "import_calls")

    def __init__(self, name: str, module: str, extensions: tuple[str, ...], comment: str, *,
                 imports: frozenset[str], funcs: frozenset[str], containers: frozenset[str],
                 bodies: frozenset[str], entry: str = "language", closers: str = r"[)\]}]+",
                 import_calls: str = ""):
        self.name = name
        self.module = module  # the official grammar wheel's module
        self.extensions = extensions
        self.comment = comment  # line-comment prefix, for markers
        self.imports = imports
        self.funcs = funcs  # definitions whose body may be elided
        self.containers = containers  # definitions whose members are visited one by one
        self.bodies = bodies  # node types that hold a container's members
        self.entry = entry  # the wheel's function returning the grammar
        self.closers = closers  # a line made only of this closes a block (kept with its opener)
        self.import_calls = import_calls  # query patterns capturing (@i) calls that import: `require('x')`

    def __repr__(self) -> str:
        return f"Lang({self.name!r})"


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


COMMENTS = _set("comment line_comment block_comment")
# Siblings right above a definition that belong to it.
LEADING = COMMENTS | _set("attribute_item attribute decorator annotation marker_annotation")

_C_FUNCS = "function_definition"
_C_CONTAINERS = (
    "struct_specifier union_specifier enum_specifier type_definition linkage_specification "
    "preproc_if preproc_ifdef preproc_else preproc_elif preproc_elifdef"
)
_C_BODIES = "field_declaration_list enumerator_list declaration_list"
_JS_FUNCS = (
    "function_declaration generator_function_declaration function_expression function "
    "generator_function arrow_function method_definition"
)
_JS_CONTAINERS = "class_declaration class abstract_class_declaration"
# CommonJS `require('x')` and dynamic `import('x')` load a module wherever they stand, so a
# statement holding one is an import even inside a function body.
_JS_IMPORT_CALLS = (
    '((call_expression function: (identifier) @_fn) @i (#eq? @_fn "require")) '
    "(call_expression function: (import)) @i"
)

LANGS: dict[str, Lang] = {
    lang.name: lang
    for lang in (
        Lang(
            "python", "tree_sitter_python", ("py", "pyi", "pyw"), "#",
            imports=_set("import_statement import_from_statement future_import_statement"),
            funcs=_set("function_definition"),
            containers=_set("class_definition"),
            bodies=_set("block"),
        ),
        Lang(
            "javascript", "tree_sitter_javascript", ("js", "mjs", "cjs", "jsx"), "//",
            imports=_set("import_statement"),
            funcs=_set(_JS_FUNCS),
            containers=_set(_JS_CONTAINERS),
            bodies=_set("class_body"),
            import_calls=_JS_IMPORT_CALLS,
        ),
        Lang(
            "typescript", "tree_sitter_typescript", ("ts", "mts", "cts"), "//",
            entry="language_typescript",
            imports=_set("import_statement"),
            funcs=_set(_JS_FUNCS),
            containers=_set(_JS_CONTAINERS + " interface_declaration enum_declaration internal_module module"),
            bodies=_set("class_body interface_body object_type enum_body statement_block"),
            import_calls=_JS_IMPORT_CALLS,
        ),
        Lang(
            "tsx", "tree_sitter_typescript", ("tsx",), "//",
            entry="language_tsx",
            imports=_set("import_statement"),
            funcs=_set(_JS_FUNCS),
            containers=_set(_JS_CONTAINERS + " interface_declaration enum_declaration internal_module module"),
            bodies=_set("class_body interface_body object_type enum_body statement_block"),
            import_calls=_JS_IMPORT_CALLS,
        ),
        Lang(
            "go", "tree_sitter_go", ("go",), "//",
            imports=_set("import_declaration package_clause"),
            funcs=_set("function_declaration method_declaration func_literal"),
            containers=_set("type_declaration const_declaration var_declaration"),
            bodies=_set("field_declaration_list interface_type"),
        ),
        Lang(
            "rust", "tree_sitter_rust", ("rs",), "//",
            imports=_set("use_declaration extern_crate_declaration"),
            funcs=_set("function_item closure_expression"),
            containers=_set("impl_item trait_item mod_item struct_item enum_item union_item foreign_mod_item"),
            bodies=_set("declaration_list field_declaration_list enum_variant_list"),
        ),
        Lang(
            "java", "tree_sitter_java", ("java",), "//",
            imports=_set("import_declaration package_declaration"),
            funcs=_set("method_declaration constructor_declaration compact_constructor_declaration lambda_expression"),
            containers=_set(
                "class_declaration interface_declaration enum_declaration record_declaration "
                "annotation_type_declaration enum_body_declarations"
            ),
            bodies=_set("class_body interface_body enum_body annotation_type_body enum_body_declarations"),
        ),
        Lang(
            "c", "tree_sitter_c", ("c", "h"), "//",
            imports=_set("preproc_include"),
            funcs=_set(_C_FUNCS),
            containers=_set(_C_CONTAINERS),
            bodies=_set(_C_BODIES),
        ),
        Lang(
            "cpp", "tree_sitter_cpp", ("cc", "cpp", "cxx", "c++", "hh", "hpp", "hxx", "h++", "ipp"), "//",
            imports=_set("preproc_include using_declaration"),
            funcs=_set(_C_FUNCS + " lambda_expression"),
            containers=_set(_C_CONTAINERS + " namespace_definition class_specifier template_declaration"),
            bodies=_set(_C_BODIES),
        ),
        Lang(
            "c_sharp", "tree_sitter_c_sharp", ("cs",), "//",
            imports=_set("using_directive"),
            funcs=_set(
                "method_declaration constructor_declaration destructor_declaration operator_declaration "
                "conversion_operator_declaration local_function_statement accessor_declaration lambda_expression"
            ),
            containers=_set(
                "namespace_declaration file_scoped_namespace_declaration class_declaration struct_declaration "
                "interface_declaration record_declaration enum_declaration property_declaration"
            ),
            bodies=_set("declaration_list enum_member_declaration_list accessor_list"),
        ),
        Lang(
            "php", "tree_sitter_php", ("php", "phtml", "php8"), "//",
            entry="language_php",
            imports=_set("namespace_use_declaration namespace_definition"),
            funcs=_set("function_definition method_declaration anonymous_function arrow_function"),
            containers=_set("class_declaration interface_declaration trait_declaration enum_declaration"),
            bodies=_set("declaration_list enum_declaration_list"),
        ),
        Lang(
            "ruby", "tree_sitter_ruby", ("rb", "rake", "gemspec"), "#",
            imports=frozenset(),  # require is an ordinary call: kept as a small statement
            funcs=_set("method singleton_method"),
            containers=_set("class module singleton_class"),
            bodies=_set("body_statement"),
            closers=r"(end|[)\]}])+",
        ),
        Lang(
            "bash", "tree_sitter_bash", ("sh", "bash", "zsh", "ksh"), "#",
            imports=frozenset(),
            funcs=_set("function_definition"),
            containers=frozenset(),
            bodies=frozenset(),
            closers=r"(\}|\)|fi|done|esac|;;)+",
        ),
    )
}

_EXT = {ext: lang for lang in LANGS.values() for ext in lang.extensions}
# File names without a telling extension.
_NAMES = {"rakefile": "ruby", "gemfile": "ruby", "makefile": None, ".bashrc": "bash", ".profile": "bash"}


def from_label(label: str | None) -> Lang | None:
    """The language a file name says, e.g. `src/main.rs` or `cat -n src/main.rs`."""
    if not label:
        return None
    name = os.path.basename(label.split()[-1]).lower()
    if name in _NAMES:
        return LANGS.get(_NAMES[name] or "")
    stem, dot, ext = name.rpartition(".")
    return _EXT.get(ext) if dot and stem else None


def is_source_label(label: str | None) -> bool:
    """A label that names one source file, alone or after a command that prints it (`cat x.py`)."""
    if not label:
        return False
    words = label.split()
    if len(words) > 1 and words[0].endswith(":"):
        words = words[1:]  # the hook's `Bash: cat x.py`, `Read: /src/x.py`
    return from_label(label) is not None and (len(words) == 1 or words[0] in _PRINTERS)


_PRINTERS = {"cat", "bat", "batcat", "head", "tail", "less", "more", "nl", "sed", "awk", "git"}

# Content signals: (language, weight, pattern). Each line that matches adds the weight; the best
# total wins. Patterns are chosen to be rare outside their language.
_SIGNALS: list[tuple[str, float, str]] = [
    ("python", 3, r"^\s*(async\s+)?def \w+\s*\(.*"),
    ("python", 3, r"^\s*class \w+\s*(\(.*\))?:\s*(#.*)?$"),
    ("python", 3, r"^(from [\w.]+ import \S|import [\w.]+(\s+as\s+\w+)?\s*$)"),
    ("python", 1, r"^\s*(elif .*|else|try|except.*|finally|with .*):\s*$"),
    ("python", 1, r"\bself\.\w+"),
    ("go", 5, r"^package \w+\s*$"),
    ("go", 3, r"^func (\(\w+ \*?\w+(\[.*\])?\) )?\w+(\[.*\])?\("),
    ("go", 1, r":= |\berr != nil\b"),
    ("rust", 3, r"^\s*(pub(\(\w+\))? )?(fn|struct|enum|trait|impl|mod)\b.*"),
    ("rust", 2, r"^\s*use [\w:{}, *]+;\s*$"),
    ("rust", 1, r"\blet mut \w|&mut \w|->\s*Self\b|#\[(derive|cfg|inline)"),
    ("java", 5, r"^package [\w.]+;\s*$"),
    ("java", 3, r"^import (static )?[\w.]+(\.\*)?;\s*$"),
    ("java", 1, r"^\s*(public|private|protected)\s+(static\s+)?(final\s+)?[\w<>\[\], ?]+\s+\w+\s*\("),
    ("c_sharp", 4, r"^using [\w.]+;\s*$"),
    ("c_sharp", 3, r"^\s*namespace [\w.]+\s*[{;]?\s*$"),
    ("c_sharp", 1, r"\{ get; (set; )?\}|^\s*\[\w+(\(.*\))?\]\s*$"),
    ("c", 3, r"^#\s*include\s*[<\"]"),
    ("c", 1, r"^#\s*(define|ifdef|ifndef|endif|if|pragma)\b|\bstruct \w+\s*\*|\bsizeof\("),
    ("cpp", 2, r"\bstd::|^\s*template\s*<|^\s*namespace \w+\s*\{|\b(public|private|protected):\s*$"),
    ("cpp", 1, r"^#\s*include\s*<\w+>\s*$|\w+::\w+\("),
    ("javascript", 3, r"\brequire\(['\"][^'\"]+['\"]\)|^\s*module\.exports\b|^export (default )?(function|class|const)\b"),
    ("javascript", 2, r"^\s*(const|let|var) \w+ = |^\s*function\*? \w+\s*\(|=>\s*\{?\s*$"),
    ("javascript", 2, r"^import .* from ['\"][^'\"]+['\"];?\s*$"),
    ("typescript", 3, r"^\s*(export )?(interface|type) \w+.*[={]|:\s*(string|number|boolean|void|unknown|any)\b[;,)=]?"),
    ("typescript", 2, r"^import type |\b(private|public|readonly) \w+\s*[:?]"),
    ("php", 6, r"^<\?php\b"),
    ("php", 3, r"^\s*((abstract|final|public|private|protected|static)\s+)*function \w+\s*\(.*\$|^(namespace|use) [\w\\]+\\\w+"),
    ("php", 1, r"\$this->\w+"),
    ("ruby", 3, r"^\s*def (self\.)?\w+[?!=]?(\(.*\))?\s*$|^\s*(module|class) [A-Z]\w*(::\w+)*( < [\w:]+)?\s*$"),
    ("ruby", 2, r"^\s*end\s*$|^require(_relative)? ['\"]|\bdo \|\w+(, ?\w+)*\|"),
    ("bash", 5, r"^#!\s*/(usr/)?bin/(env )?(ba|z|k|da)?sh\b"),
    ("bash", 2, r"^\s*(fi|done|esac|then|do)\s*$|^\s*\w+\(\)\s*\{\s*$|\$\{\w+[:#%}]|\[\[ .* \]\]"),
]


@lru_cache(maxsize=1)
def _compile_signals() -> list[tuple[str, re.Pattern[str]]]:
    """One pattern per language; the name of the alternative that matched carries its weight."""
    by_lang: dict[str, list[str]] = {}
    for lang, weight, rx in _SIGNALS:
        alts = by_lang.setdefault(lang, [])
        alts.append(f"(?P<w{weight:g}_{len(alts)}>{rx})")
    return [(lang, re.compile("|".join(alts))) for lang, alts in by_lang.items()]

# TypeScript is JavaScript plus types; C++ is mostly C plus more: a file with both scores for both.
_IMPLIES = {"typescript": "javascript", "cpp": "c"}


def rank(text: str, sample_lines: int = 300) -> list[Lang]:
    """Languages by how much the content looks like them, best first; empty when nothing fits.

    Reads a bounded sample of lines, so detection costs the same on any input size."""
    scores: dict[str, float] = {}
    sample = [line for line in text[:200_000].splitlines()[: sample_lines * 2] if line.strip() and len(line) <= 300]
    for i, line in enumerate(sample[:sample_lines]):
        if i % 50 == 0 and i >= 100 and _clear_winner(scores):
            break
        for lang, rx in _compile_signals():
            m = rx.search(line)
            if m:
                scores[lang] = scores.get(lang, 0.0) + float(m.lastgroup[1:].split("_")[0])
    for sub, base in _IMPLIES.items():
        # a superset language wins only with its own signals on top of the base ones
        if sub in scores and base in scores:
            scores[sub] += scores[base]
    ranked = sorted((s, name) for name, s in scores.items() if s >= 6)
    return [LANGS[name] for _, name in reversed(ranked)]


def _clear_winner(scores: dict[str, float]) -> bool:
    top = sorted(scores.values(), reverse=True)
    return bool(top) and top[0] >= 40 and (len(top) == 1 or top[0] >= 3 * top[1])
