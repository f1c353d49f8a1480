"""A `kg serve` process over the sample's store, on a free loopback port, for the module."""
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import SAMPLE


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    store = tmp_path_factory.mktemp("served") / "store"
    subprocess.run([sys.executable, "-m", "kg", "build", str(SAMPLE), "--store", str(store), "-q"],
                   check=True, stdout=subprocess.DEVNULL)
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(store), "--port", str(port),
                                "--timeout", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/", timeout=1)
            break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode())
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)
