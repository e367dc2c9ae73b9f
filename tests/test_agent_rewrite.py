"""Which Bash commands the Claude Code hook rewrites to run under `hr run`, and how."""

from __future__ import annotations

import pytest

from hr.agents import wrapped
from hr.agents.rewrite import Unsupported, rewrite, split

HR = "/opt/hr/bin/hr"
P = f"{HR} run --budget 27000c -- "


@pytest.mark.parametrize("command, expected", [
    ("pytest -q", P + "pytest -q"),
    ("python -m pytest -x tests", P + "python -m pytest -x tests"),
    ("python3.12 -m pytest", P + "python3.12 -m pytest"),
    ("go test ./...", P + "go test ./..."),
    ("cargo test --workspace", P + "cargo test --workspace"),
    ("npm test", P + "npm test"),
    ("cat big.log", P + "cat big.log"),
    ("git log --oneline", P + "git log --oneline"),
    ("kubectl logs api-0", P + "kubectl logs api-0"),
    ("make 2>&1", P + "make 2>&1"),
    # only the noisy command of a list is wrapped: the cd stays a cd of the agent's shell
    ("cd sub && pytest -q", "cd sub && " + P + "pytest -q"),
    ("cd sub; cat a.log", "cd sub; " + P + "cat a.log"),
    ("export X=1 && make", "export X=1 && " + P + "make"),
    ("source .venv/bin/activate && pytest", "source .venv/bin/activate && " + P + "pytest"),
    # environment assignments stay in front, where they apply to hr and so to the command
    ("FOO=1 BAR='a b' go test ./...", "FOO=1 BAR='a b' " + P + "go test ./..."),
    ('pytest -k "a and not b"', P + 'pytest -k "a and not b"'),
    ("pytest -q\ncat x.log", P + "pytest -q\n" + P + "cat x.log"),
])
def test_rewrites(command, expected):
    assert rewrite(command, HR, 27000) == expected


@pytest.mark.parametrize("command", [
    "cat big.log | wc -l",          # pipeline: output goes to wc
    "pytest 2>&1 | tail -20",
    "cat a > b",                    # redirect
    "cat < a",
    "pytest &",                     # background
    "pytest & wait",
    "echo $(cat a)",                # command substitution
    "echo `cat a`",
    'echo "$(cat a)"',
    "cat > f <<EOF\nline\nEOF",     # heredoc
    "(cd sub && pytest)",           # subshell
    "{ pytest; }",
    "for f in *.log; do cat $f; done",
    "if true; then pytest; fi",
    "pytest # run tests",           # comment
    "cat",                          # reads stdin
    "kubectl logs -f api-0",        # follows forever
    "docker logs --follow web",
    "jest --watch",
    "pytest --pdb",                 # interactive
    "hr expand 3f9a2c --grep X",    # hr itself
    "cat a | hr",
    "/usr/local/bin/hr run -- pytest",
    "pytest -q && hr stats",
    "cd sub",                       # nothing worth wrapping
    "ls -la",
    "vim notes.txt",
    "echo 'unbalanced",
    "pytest \\\n  -q",              # line continuation
    "",
])
def test_leaves_alone(command):
    assert rewrite(command, HR, 27000) is None


def test_without_budget_no_budget_option():
    assert rewrite("pytest", HR) == f"{HR} run -- pytest"


def test_hr_path_with_spaces_is_quoted():
    assert rewrite("pytest", "/my tools/hr") == "'/my tools/hr' run -- pytest"


def test_split_words_and_positions():
    cmds = split("A=1 pytest 'x y' && cd \"s d\"")
    assert [c.words for c in cmds] == [["A=1", "pytest", "x y"], ["cd", "s d"]]
    with pytest.raises(Unsupported):
        split("a | b")


def test_hr_wrap_changes_the_set(monkeypatch):
    monkeypatch.setenv("HR_WRAP", "-cat, terraform plan")
    assert rewrite("cat big.log", HR) is None
    assert rewrite("terraform plan -no-color", HR) == f"{HR} run -- terraform plan -no-color"
    assert rewrite("terraform apply", HR) is None
    assert ("go", "test") in wrapped.entries()


def test_matches_needs_the_subcommand():
    table = wrapped.entries()
    assert wrapped.matches(["go", "test", "./..."], table)
    assert not wrapped.matches(["go", "env"], table)
    assert not wrapped.matches(["git", "push"], table)
    assert wrapped.matches(["/usr/bin/git", "diff"], table)
