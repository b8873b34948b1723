"""Session fixture: the REAL MiniMind training service (``bin/minimind serve --port 0``) on a temp data dir.

Nothing is built here (CI builds first: ``mvn -B -q -DskipTests package``). The server is started in its own
process group and killed with it at the end; its output is kept in the temp dir for failure reports.
"""
from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import List

import pytest

SDK_DIR = Path(__file__).resolve().parents[1]
REPO = SDK_DIR.parents[1]
SHARED = Path(os.environ.get("MINIMIND_SHARED") or REPO.parent / "shared")
DATASETS = SHARED / "data" / "minimind-samples"
TOKENIZER = SHARED / "data" / "tokenizer"
LISTENING = re.compile(r"MiniMind training service listening on (http://\S+)")
START_TIMEOUT_S = 180

sys.path.insert(0, str(SDK_DIR))
os.environ.pop("MINIMIND_API_KEY", None)  # tests pass keys explicitly
os.environ.pop("MINIMIND_BASE_URL", None)

from minimind_sdk import MinimindClient  # noqa: E402

TINY_SFT = dict(data_path="../dataset/sft.jsonl", hidden_size=64, num_hidden_layers=2, max_seq_len=128,
                batch_size=4, from_weight="none")


@dataclass
class Service:
    url: str
    data_dir: Path
    output: Path


def _built() -> bool:
    return all((REPO / m / "target" / "runtime-classpath.txt").is_file() for m in ("engine", "server"))


@pytest.fixture(scope="session")
def service(tmp_path_factory) -> Service:
    """The service on MiniMind's own sample data and tokenizer (``../shared/data``)."""
    yield from _serve(tmp_path_factory.mktemp("minimind"), ["--datasets", str(DATASETS), "--tokenizer", str(TOKENIZER)])


@pytest.fixture(scope="session")
def default_service(tmp_path_factory) -> Service:
    """The service as a fresh machine starts it: no dataset or tokenizer flags, so the starter folder is used."""
    yield from _serve(tmp_path_factory.mktemp("minimind-defaults"), [])


@pytest.fixture(scope="session")
def limited_service(tmp_path_factory) -> Service:
    """The service with ``--max-running-jobs 1``, on the shared samples."""
    yield from _serve(tmp_path_factory.mktemp("minimind-limited"), ["--datasets", str(DATASETS), "--tokenizer",
                                                                     str(TOKENIZER), "--max-running-jobs", "1"])


def _serve(root: Path, flags: List[str]):
    if not _built():
        pytest.fail("the Java modules are not built; run: mvn -B -q -DskipTests package")
    data_dir, output = root / "data", root / "server-output.log"
    command = [str(REPO / "bin" / "minimind"), "serve", "--port", "0", "--data-dir", str(data_dir)] + flags
    env = {k: v for k, v in os.environ.items() if k not in ("MINIMIND_DATASETS", "MINIMIND_TOKENIZER")}
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                              start_new_session=True, cwd=str(root), env=env)
    lines: "queue.Queue[str]" = queue.Queue()
    threading.Thread(target=_pump, args=(server.stdout, output, lines), daemon=True).start()
    try:
        url = _await_url(server, lines, output)
        yield Service(url, data_dir, output)
    finally:
        _kill_group(server)


def _pump(stream, output: Path, lines: "queue.Queue[str]") -> None:
    with open(output, "w", encoding="utf-8") as copy:
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", errors="replace")
            copy.write(line)
            copy.flush()
            lines.put(line)
    lines.put("")  # end of output


def _await_url(server: subprocess.Popen, lines: "queue.Queue[str]", output: Path) -> str:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        match = LISTENING.search(line)
        if match:
            return match.group(1).rstrip("/")
        if line == "" and server.poll() is not None:
            break
    tail = output.read_text(encoding="utf-8", errors="replace")[-3000:] if output.exists() else ""
    pytest.fail(f"server did not report its URL (exit code {server.poll()}); output:\n{tail}")


def _kill_group(server: subprocess.Popen) -> None:
    for sig, grace in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


def unique_email(prefix: str = "t") -> str:
    return f"{prefix}{uuid.uuid4().hex[:12]}@example.com"


def register(service: Service, name: str = "Test User") -> MinimindClient:
    client = MinimindClient(service.url, timeout=30)
    client.register(name, unique_email())
    return client


@pytest.fixture
def client(service) -> MinimindClient:
    """A freshly registered client: it sees nothing but its own jobs."""
    return register(service)


def wait_for(condition, timeout: float, interval: float = 0.2, what: str = "condition"):
    """Poll ``condition()`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)
