"""Item 10: the README says what a clean machine needs and does, and the tests keep their
caches in the repository, not in the home directory. (`-C 0` without separators is tested in
test_grep.py.)"""

from __future__ import annotations

import re

from support import REPO

README = (REPO / "README.md").read_text()


def test_readme_names_what_the_tests_need():
    setup = README[: README.index("## What hr is")]
    for tool in ("`node`", "`npm`", "`go`", "npm registry"):
        assert tool in setup, tool
    assert re.search(r"[Ww]ithout `\.\./shared`.*?\d+ tests\s+skip", setup, re.S)


def test_readme_lists_every_kind():
    from hr.cli.options import KINDS

    listed = re.search(r"--kind` skips the sniffer\s*\(`([^`]+)`\)", README).group(1).split()
    assert sorted(listed) == sorted(KINDS)


def test_test_caches_default_to_the_repository():
    script = (REPO / "tests" / "e2e" / "install_claude.sh").read_text()
    assert "$HOME" not in script and 'CACHE="${HR_TEST_NPM_CACHE:-$REPO/.cache/hr-test}"' in script
    assert "npm_config_cache=" in script  # npm's own download cache too
    testout = (REPO / "tests" / "test_testout.py").read_text()
    assert "Path.home()" not in testout and '"npm_config_cache"' in testout
    assert "/.cache/" in (REPO / ".gitignore").read_text().splitlines()
