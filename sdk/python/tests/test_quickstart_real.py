"""The quickstart example runs green against the real service: on MiniMind's sample data, and as a fresh machine
runs it (no dataset or tokenizer configured: the project's starter folder)."""
import os
import subprocess
import sys

import pytest

from conftest import SDK_DIR


@pytest.mark.parametrize("service_fixture", ["service", "default_service"])
def test_quickstart_registers_trains_follows_stops_and_deletes(service_fixture, request):
    service = request.getfixturevalue(service_fixture)
    env = dict(os.environ, MINIMIND_BASE_URL=service.url)
    env.pop("MINIMIND_API_KEY", None)
    result = subprocess.run([sys.executable, str(SDK_DIR / "examples" / "quickstart.py"), "--log-lines", "2"],
                            env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    for step in ("registering", "starting SFT", "waiting until it runs", "following the log", "stopping it",
                 "deleting it", "done"):
        assert f"==> {step}" in result.stdout
    assert "loss:" in result.stdout
    assert "processes left: 0" in result.stdout
