"""Kill an update build at random points, then build another input: the store is the one a
clean build gives, every time. And a second writer is refused at once."""
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from conftest import SAMPLE
from kg.building.builder import build_store
from kg.building.store import BUILD_MARKER, GraphStore, StoreLock
from kg.errors import StoreBusyError
from kg.interfaces.cli import SCRATCH_PREFIX, main

TRIALS = 21
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGKILL)


def _pages(folder, change: bool):
    """Thirty pages: the sample five times over; ``change`` rewrites every other one."""
    folder.mkdir()
    for copy in range(6):
        for number, path in enumerate(sorted(SAMPLE.glob("*.txt"))):
            text = path.read_text(encoding="utf-8")
            if change and (copy + number) % 2:
                text = text.replace("慰问", "看望").replace("总工会", "总工会（筹）")
            (folder / f"{copy}-{path.name}").write_text(text, encoding="utf-8")
    return folder


def _nquads(store) -> list[bytes]:
    buffer = io.BytesIO()
    GraphStore(store, read_only=True).export("nquads", buffer)
    return sorted(buffer.getvalue().splitlines())


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    root = tmp_path_factory.mktemp("faults")
    original, changed = _pages(root / "original", False), _pages(root / "changed", True)
    base = root / "base"
    build_store(original, base)
    started = time.monotonic()
    probe = root / "probe"
    shutil.copytree(base, probe)
    subprocess.run([sys.executable, "-m", "kg", "build", str(changed), "--store", str(probe), "-q"],
                   check=True, stdout=subprocess.DEVNULL)
    return root, original, changed, base, _nquads(base), time.monotonic() - started


def test_a_killed_update_build_leaves_nothing_the_next_build_trusts(corpora):
    root, original, changed, base, clean, duration = corpora
    chance = random.Random(12)
    for trial in range(TRIALS):
        store = root / f"trial-{trial}"
        shutil.copytree(base, store)
        process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(changed), "--store", str(store), "-q"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(chance.uniform(0.05, duration))  # start-up, extraction, removal, loading, commit
        process.send_signal(SIGNALS[trial % len(SIGNALS)])
        process.wait()
        build_store(original, store)
        assert _nquads(store) == clean, f"trial {trial}: {SIGNALS[trial % 3].name} after the build's start"
        assert not (store / BUILD_MARKER).exists() and not list(store.glob("unionkg-shards-*"))
        shutil.rmtree(store)


def test_a_second_writer_is_refused_at_once(tmp_path):
    with StoreLock(tmp_path / "store"):
        started = time.monotonic()
        with pytest.raises(StoreBusyError, match="a build is running on this store"):
            build_store(SAMPLE, tmp_path / "store")
        assert time.monotonic() - started < 1


def test_a_forked_worker_does_not_keep_the_store_locked(tmp_path):
    lock = StoreLock(tmp_path / "store")
    started, ready = os.pipe()
    child = os.fork()
    if child == 0:  # a pool worker, still busy when its parent goes
        os.write(ready, b"x")
        time.sleep(2)
        os._exit(0)
    try:
        os.read(started, 1)  # the worker runs
        lock.release()  # the parent ends (a killed build closes its descriptor the same way)
        StoreLock(tmp_path / "store").release()  # free at once, the worker still running
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)


def test_a_store_left_mid_build_is_rebuilt_whole(tmp_path):
    build_store(SAMPLE, tmp_path / "store")
    before = _nquads(tmp_path / "store")
    (tmp_path / "store" / BUILD_MARKER).write_text("999999", encoding="utf-8")  # a build killed mid-way
    summary = build_store(SAMPLE, tmp_path / "store")
    assert summary.unchanged == 5 and summary.reemitted == 5
    assert _nquads(tmp_path / "store") == before and not (tmp_path / "store" / BUILD_MARKER).exists()


def test_a_reader_is_told_when_a_build_has_not_finished(tmp_path, capfd):
    build_store(SAMPLE, tmp_path / "store")
    (tmp_path / "store" / BUILD_MARKER).write_text("999999", encoding="utf-8")
    assert main(["stats", "--store", str(tmp_path / "store")]) == 0
    assert "its last build was interrupted" in capfd.readouterr().err


def test_leftovers_of_killed_builds_are_removed(tmp_path):
    scratch = Path(tempfile.gettempdir()) / f"{SCRATCH_PREFIX}999999-left"  # no such process
    scratch.mkdir(exist_ok=True)
    build_store(SAMPLE, tmp_path / "store")
    (tmp_path / "store" / "unionkg-shards-left").mkdir()
    assert main(["build", str(SAMPLE), "--store", str(tmp_path / "store"), "-q"]) == 0
    assert not scratch.exists() and not list((tmp_path / "store").glob("unionkg-shards-*"))
