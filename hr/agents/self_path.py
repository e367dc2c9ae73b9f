"""Where the running hr is: hooks, rc lines and rewrites name it by absolute path, so that they
do not depend on the PATH an agent gives its tools."""

from __future__ import annotations

import os
import sys


def hr_path() -> str | None:
    me = os.path.abspath(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    if os.path.basename(me) == "hr" and os.access(me, os.X_OK):
        return me
    import shutil

    return shutil.which("hr")
