"""The host gate shared through files: two gates on one folder (as two processes would
have) ask a host one at a time with the pause between, and leave other hosts alone."""

from __future__ import annotations

import threading
import time

from claimtrack.fetch.politeness import SharedHostGate


def _ask(gate: SharedHostGate, host: str, log: list, lock: threading.Lock) -> None:
    for _ in range(3):
        with gate.lock(host):
            gate.wait_turn(host)
            with lock:
                log.append(("start", host, time.monotonic()))
            time.sleep(0.02)
            with lock:
                log.append(("end", host, time.monotonic()))
            gate.done(host)


def test_two_gates_on_one_folder_take_turns_with_the_pause(tmp_path):
    delay = 0.1
    gates = [SharedHostGate(delay, tmp_path), SharedHostGate(delay, tmp_path)]
    log: list = []
    lock = threading.Lock()
    threads = [threading.Thread(target=_ask, args=(g, "http://news.test:80", log, lock)) for g in gates]
    threads.append(threading.Thread(target=_ask, args=(gates[0], "http://other.test:80", log, lock)))
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    same = [(kind, at) for kind, host, at in sorted(log, key=lambda e: e[2]) if host == "http://news.test:80"]
    assert [kind for kind, _ in same] == ["start", "end"] * 6  # never two at once
    for (_, ended), (_, started) in zip(same[1::2], same[2::2], strict=False):
        assert started - ended >= delay - 0.01  # the pause, across both gates
    other = [at for kind, host, at in log if host == "http://other.test:80" and kind == "start"]
    assert len(other) == 3 and other[0] < same[-1][1]  # another host is not held up


def test_a_damaged_gate_file_only_loses_the_pause(tmp_path):
    gate = SharedHostGate(0.05, tmp_path)
    with gate.lock("h"):
        gate.wait_turn("h")
        gate.done("h")
    (file,) = tmp_path.iterdir()
    file.write_bytes(b"not a time")
    fresh = SharedHostGate(0.05, tmp_path)
    with fresh.lock("h"):
        fresh.wait_turn("h")  # no error
        fresh.done("h")
    last, not_before = file.read_text().split()
    assert float(last) > 0 and not_before == "-"  # a fresh time, and no back-off invented


def test_a_back_off_is_shared_and_the_longer_one_stands(tmp_path):
    one, two = SharedHostGate(0.05, tmp_path), SharedHostGate(0.05, tmp_path)
    one.back_off("h", 60)
    two.back_off("h", 5)  # a shorter wait told later does not shorten the first
    fresh = SharedHostGate(0.05, tmp_path)
    with fresh.lock("h"):
        pass
    assert 55 < fresh.retry_wait("h") <= 60
    assert fresh.retry_wait("other") == 0
