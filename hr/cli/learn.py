"""`hr learn`: the click command (the learning is in hr.learn)."""

from __future__ import annotations

import click


@click.command()
@click.option("--apply", "apply_", is_flag=True, help="Write the policy file (else only say what would change).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--since", type=click.FloatRange(min=0, min_open=True), default=30, show_default=True, metavar="DAYS",
              help="Evidence from the last DAYS days.")
@click.option("--transcript", "transcripts", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Also read this agent session file (JSONL; repeatable).")
@click.option("--no-transcripts", is_flag=True, help="Use the ledger only, not the agents' session files.")
@click.option("--reset", is_flag=True, help="Remove the policy file and exit.")
def learn(apply_, as_json, since, transcripts, no_transcripts, reset):
    """Learn from what agents expanded where hr folds too much.

    An output counts as over-compressed when, within 10 minutes, it was expanded whole or by a
    span covering most of what was folded (same session where known), or when an agent's
    session file shows it followed by `hr expand HASH` or by the same command run again with
    HR_DISABLE=1 or through `command`. Sessions are read from ~/.claude/projects and
    $CODEX_HOME/sessions. Rules are per command label (program and subcommand, e.g.
    `kubectl logs`) and kind: skip folding where fetching back costs more than folding saves,
    else keep short folds verbatim. Labels without evidence are left as they are; the same
    ledger always gives the same policy.

    The policy is a TOML file: $HR_POLICY, else $XDG_CONFIG_HOME/hr/policy.toml, else
    ~/.config/hr/policy.toml. The engine reads it on every call; the core gets it as options.

    \b
    Examples:
      hr learn
      hr learn --apply
      hr learn --reset
    """
    import time

    from hr.learn import policy, rules
    from hr.learn.transcripts import default_paths
    from hr.store import ledger
    from hr.store.objects import Store

    path = policy.policy_path()
    if reset:
        removed = policy.reset(path)
        click.echo(f"removed {path}" if removed else f"no policy at {path}")
        return
    cutoff = time.time() - since * 86400
    root = Store().root
    paths = [] if no_transcripts else default_paths(cutoff)
    paths = sorted(set(paths) | {str(p) for p in transcripts})
    found = rules.gather(ledger.rows(root, "compressions", cutoff), ledger.rows(root, "expansions", cutoff), paths)
    proposed = rules.propose(found)
    merged, changes = rules.merge(policy.load(path), proposed)
    if apply_ and changes:
        policy.write(merged, path)
    if as_json:
        import json

        click.echo(json.dumps({"policy": path, "applied": bool(apply_ and changes), "outputs": len(found),
                               "over_compressed": sum(o.over_compressed for o in found.values()),
                               "transcripts": len(paths), "rules": proposed, "changes": changes}, indent=2))
        return
    click.echo(f"{len(found)} compressed outputs, {sum(o.over_compressed for o in found.values())} over-compressed"
               f" (ledger and {len(paths)} session files, last {since:g} days)")
    if not changes:
        click.echo("nothing to change")
        return
    for c in changes:
        after = ", ".join(f"{k} = {str(v).lower()}" for k, v in c["after"].items())
        click.echo(f"{c['label']} ({c['kind']}): {after}; {c['reason']}")
    click.echo(f"wrote {path}" if apply_ else f"run `hr learn --apply` to write {path}")
