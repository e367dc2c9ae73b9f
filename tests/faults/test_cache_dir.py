"""Item 2: hr creates its own cache directories 0700, never changes the mode of one that
exists, refuses a cache that is a symlink, another user's or writable by others (the filter
then fails open, other commands give one line and exit 2), and opens objects without
following symlinks."""

from __future__ import annotations

import os
import shutil
import stat

import pytest

from faultkit import DIGEST, LOG, assert_one_line_error, object_path
from support import run_hr


def refused_cache(kind: str, tmp_path):
    """(the cache path to give hr, the directory whose mode and contents must not change)."""
    real = tmp_path / "real"
    real.mkdir()
    if kind == "shared 1777":
        os.chmod(real, 0o1777)
        return real, real
    if kind == "group-writable":
        os.chmod(real, 0o770)
        return real, real
    if kind == "symlink":  # think /etc behind a link
        os.chmod(real, 0o755)
        link = tmp_path / "link"
        link.symlink_to(real)
        return link, real
    if kind == "other owner":
        if os.geteuid() != 0:
            return "/", None  # root's, and not ours
        os.chmod(real, 0o700)
        os.chown(real, 65534, 65534)
        return real, real
    raise AssertionError(kind)


KINDS = ["shared 1777", "group-writable", "symlink", "other owner"]


@pytest.mark.parametrize("kind", KINDS)
def test_refused_cache_filter_fails_open_and_changes_nothing(kind, tmp_path):
    path, watched = refused_cache(kind, tmp_path)
    mode = watched and stat.S_IMODE(watched.stat().st_mode)
    env = {"HR_CACHE_DIR": str(path)}
    r = run_hr([], LOG, env=env)
    assert r.returncode == 0 and r.stdout == LOG  # nothing stored, so nothing may be cut
    assert r.stderr == b""
    debug = run_hr([], LOG, env={**env, "HR_DEBUG": "1"})
    assert debug.stdout == LOG
    assert debug.stderr.count(b"\n") == 1 and str(path).encode() in debug.stderr, debug.stderr
    if watched is not None:
        assert stat.S_IMODE(watched.stat().st_mode) == mode
        assert list(watched.iterdir()) == []


@pytest.mark.parametrize("kind", KINDS)
def test_refused_cache_is_a_one_line_error_for_commands(kind, tmp_path):
    path, _ = refused_cache(kind, tmp_path)
    env = {"HR_CACHE_DIR": str(path)}
    for args in (["expand", DIGEST[:12]], ["stats"], ["gc"]):
        assert_one_line_error(run_hr(args, env=env), str(path), "refuses")


def test_new_directories_are_created_private(tmp_path):
    cache = tmp_path / "a" / "b" / "cache"
    run_hr([], LOG, env={"HR_CACHE_DIR": str(cache)})
    for d in (tmp_path / "a", tmp_path / "a" / "b", cache, cache / "objects", object_path(cache).parent):
        assert stat.S_IMODE(d.stat().st_mode) == 0o700, d


def test_an_existing_private_enough_directory_is_used_and_keeps_its_mode(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    os.chmod(cache, 0o750)
    r = run_hr([], LOG, env={"HR_CACHE_DIR": str(cache)})
    assert r.stdout != LOG and object_path(cache).exists()
    assert stat.S_IMODE(cache.stat().st_mode) == 0o750


def test_objects_are_not_read_through_symlinks(stored, cache, tmp_path):
    path = object_path(cache)
    elsewhere = tmp_path / "elsewhere.zst"
    shutil.copyfile(path, elsewhere)  # the right bytes, even: a link is refused as such
    path.unlink()
    path.symlink_to(elsewhere)
    assert_one_line_error(run_hr(["expand", stored[:12]]), str(path), "symlink")
