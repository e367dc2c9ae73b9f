"""From evidence to rules: one per command label and kind, only where evidence asks for it.

Folding an output pays when what it saves exceeds what fetching it back costs. If a share `s` of
a label's outputs comes back whole, compressing costs `out + s·(in + call)` tokens against `in`
for passing through; at or above the break-even share `(in − out) / (in + call)` hr skips
folding for that label. Below it, from `SHORT_FOLDS_SHARE` on, short folds stay verbatim (they
save little and are what gets fetched); a label still fetched with that rule in force is skipped.
"""

from __future__ import annotations

from hr.learn.evidence import WINDOW, Output, mark_from_ledger, outputs
from hr.stats.report import EXPANSION_CALL_TOKENS

# Fewer over-compressed outputs than this is no evidence: one expansion may be curiosity.
MIN_EVIDENCE = 2
SHORT_FOLDS_SHARE = 0.25
# Folds of fewer lines than this stay verbatim under a `min_fold_run` rule.
SHORT_FOLDS = 16


def gather(compressions: list[dict], expansions: list[dict], transcript_paths: list[str] = ()) -> dict[str, Output]:
    """The compressed outputs, each with the evidence that it was over-compressed."""
    found = outputs(compressions)
    mark_from_ledger(found, expansions)
    if transcript_paths:
        from hr.learn.transcripts import findings

        hashes = sorted(found)
        for path in transcript_paths:
            for prefix, reason in findings(path):
                matches = [h for h in hashes if h.startswith(prefix)]
                if len(matches) == 1 and reason not in found[matches[0]].reasons:
                    found[matches[0]].reasons.append(reason)
    return found


def propose(found: dict[str, Output]) -> list[dict]:
    """The rules the evidence supports, sorted by label and kind."""
    groups: dict[tuple[str, str], list[Output]] = {}
    for out in found.values():
        if out.label != "-":  # an unlabelled output: no rule could name it
            groups.setdefault((out.label, out.kind), []).append(out)
    rules = []
    for (label, kind), outs in sorted(groups.items()):
        bad = [o for o in outs if o.over_compressed]
        if len(bad) < MIN_EVIDENCE:
            continue
        share = len(bad) / len(outs)
        tokens_in = sum(o.tokens_in for o in outs)
        saved = tokens_in - sum(o.tokens_out for o in outs)
        break_even = saved / (tokens_in + len(outs) * EXPANSION_CALL_TOKENS)
        seen = f"{len(bad)} of {len(outs)} outputs {_how(bad)} within {WINDOW / 60:.0f} minutes"
        rule = {"label": label, "kind": kind, "evidence": len(bad), "outputs": len(outs)}
        if share >= break_even:
            rule["skip"] = True
            rule["reason"] = f"{seen}: fetching them back costs more than folding saves (break-even {break_even:.0%})"
        elif share >= SHORT_FOLDS_SHARE and any((o.policy or "").startswith("min_fold_run") for o in bad):
            rule["skip"] = True
            rule["reason"] = f"{seen}, with folds under {SHORT_FOLDS} lines already kept: stop folding"
        elif share >= SHORT_FOLDS_SHARE:
            rule["min_fold_run"] = SHORT_FOLDS
            rule["reason"] = f"{seen}: keep folds under {SHORT_FOLDS} lines verbatim (break-even {break_even:.0%})"
        else:
            continue
        rules.append(rule)
    return rules


def _how(bad: list[Output]) -> str:
    reasons = sorted({r for o in bad for r in o.reasons})
    return "were " + " or ".join(reasons)


def merge(current: list[dict], proposed: list[dict]) -> tuple[list[dict], list[dict]]:
    """The policy after applying `proposed` to `current` (rules for labels without new evidence
    stay as they are), and the changes as `{label, kind, before, after, evidence, reason}`."""
    key = lambda r: (r["label"], str(r.get("kind", "*")))  # noqa: E731
    merged = {key(r): r for r in current}
    changes = []
    for rule in proposed:
        before = merged.get(key(rule))
        if before is None or _adjustment(before) != _adjustment(rule):
            changes.append({"label": rule["label"], "kind": rule["kind"],
                            "before": _adjustment(before) if before else None,
                            "after": _adjustment(rule), "evidence": rule["evidence"],
                            "outputs": rule["outputs"], "reason": rule["reason"]})
        merged[key(rule)] = rule
    return [merged[k] for k in sorted(merged)], changes


def _adjustment(rule: dict) -> dict:
    from hr.learn.policy import ADJUSTMENTS

    return {k: rule[k] for k in ADJUSTMENTS if k in rule}
