"""`claimtrack worker` yields the CPU to the web server: the idle scheduling class, kept
by the processes it starts (run in a child interpreter, not to slow this one down)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.fixtures.paths import REPO

SCRIPT = """
import multiprocessing, os
from claimtrack.cli.worker import _idle_class

def policy(_):
    return os.sched_getscheduler(0)

if __name__ == "__main__":
    assert os.sched_getscheduler(0) != os.SCHED_IDLE
    print(_idle_class(), os.sched_getscheduler(0) == os.SCHED_IDLE)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        print(pool.map(policy, [0]) == [os.SCHED_IDLE])
"""


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="the idle scheduling class is Linux only")
def test_the_worker_and_its_processes_run_in_the_idle_class(tmp_path):
    script = tmp_path / "idle.py"
    script.write_text(SCRIPT)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "True", "True"]
