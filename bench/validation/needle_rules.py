"""What every needles_<kind>.py shares: the corpus README's general needle rules (single-line,
stripped, first 200 characters, non-empty, present in the input, no duplicates) and the
rewriting of each case's case.json."""
import argparse
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def verbatim(candidates, text: str) -> list[dict]:
    seen, out = set(), []
    for n in candidates:
        n = n.strip()[:200]
        if n and "\n" not in n and n not in seen and n in text:
            seen.add(n)
            out.append({"verbatim": n})
    return out


def folders(doc: str, default: list[Path], metavar: str = "CASE_DIR") -> list[Path]:
    """The folders named on the command line, or `default`; `--help` prints the script's `doc`,
    and a name that is no folder is a usage error."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="*", type=Path, metavar=metavar)
    dirs = parser.parse_args().dirs
    for d in dirs:
        if not d.is_dir():
            parser.error(f"{d}: no such folder")
    return dirs or default


def rewrite(kind: str, describe, doc: str) -> None:
    """Rewrite case.json of the cases named on the command line (default: every case of
    `kind`); `describe(case_dir)` gives the fields to set (source, license, why, needles)."""
    dirs = folders(doc, sorted(p for p in (HERE / kind).iterdir() if p.is_dir()))
    for case in dirs:
        meta_path = case / "case.json"
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        meta.update(kind=kind, **describe(case))
        meta_path.write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n")
        print(f"{case.name}: {len(meta['needles'])} needles")
