"""`--update-snapshots` is known however pytest is started, not only when it is pointed at tests/codegen."""

from __future__ import annotations

import subprocess
import sys

from codegen_harness import ROOT, subprocess_env


def test_the_update_snapshots_option_is_known_from_the_repository_root() -> None:
    # Collect a test file outside tests/codegen: its conftest can't be what registers the option.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--update-snapshots",
            "--collect-only",
            "-q",
            "tests/docs/test_docs_sources.py",
        ],
        cwd=ROOT,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
