"""The command line client: argument parsing offline, and every command against the real service."""
import json
import os
import subprocess
import sys

import pytest

from conftest import SDK_DIR, unique_email
from minimind_sdk.cli import UsageError, parse_params


def run_cli(*args, url=None, key=None, timeout=300):
    env = dict(os.environ, PYTHONPATH=str(SDK_DIR))
    env.pop("MINIMIND_API_KEY", None)
    if url:
        env["MINIMIND_BASE_URL"] = url
    if key:
        env["MINIMIND_API_KEY"] = key
    return subprocess.run([sys.executable, "-m", "minimind_sdk", *args], env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_training_parameters_read_as_flags_or_key_value_pairs():
    assert parse_params(["--epochs", "1", "data_path=../dataset/sft.jsonl", "--from-weight=none"]) == {
        "epochs": "1", "data_path": "../dataset/sft.jsonl", "from_weight": "none"}


@pytest.mark.parametrize("tokens", [["--epochs"], ["epochs"], ["=1"]])
def test_unreadable_training_parameters_are_usage_errors(tokens):
    with pytest.raises(UsageError):
        parse_params(tokens)


def test_usage_errors_exit_with_2():
    assert run_cli().returncode == 2
    assert run_cli("logs").returncode == 2
    assert run_cli("train", "sft", "--epochs", url="http://127.0.0.1:9").returncode == 2


def test_unreachable_server_exits_with_8():
    result = run_cli("--timeout", "2", "ps", url="http://127.0.0.1:9")
    assert result.returncode == 8 and "MinimindConnectionError" in result.stderr


def test_every_command_against_the_real_service(service):
    url = service.url
    registered = run_cli("--json", "register", "--name", "Cli", "--email", unique_email(), url=url)
    assert registered.returncode == 0, registered.stderr
    key = json.loads(registered.stdout)["api_key"]

    assert run_cli("ps", url=url).returncode == 3  # no key
    assert run_cli("ps", url=url, key=key).stdout.startswith("ID")
    assert "sft" in run_cli("train-types", url=url, key=key).stdout
    assert run_cli("logs", "20260101_000000_none", url=url, key=key).returncode == 4
    bad = run_cli("train", "sft", "--batch_size", "0", url=url, key=key)
    assert bad.returncode == 5 and "batch_size" in bad.stderr

    # A job that fails fast (no `pretrain` weight to start from) exercises the rest without long training.
    started = run_cli("train", "sft", "--data_path", "../dataset/sft.jsonl", "hidden_size=64",
                      "--num_hidden_layers", "2", "--from_weight", "pretrain", url=url, key=key)
    assert started.returncode == 0, started.stderr
    process_id = started.stdout.strip()
    followed = run_cli("logs", "--follow", process_id, url=url, key=key)
    assert followed.returncode == 0 and followed.stdout
    waited = run_cli("--json", "wait", process_id, url=url, key=key)
    assert json.loads(waited.stdout)["id"] == process_id
    assert run_cli("stop", process_id, url=url, key=key).returncode == 6  # already finished
    assert process_id in run_cli("ps", url=url, key=key).stdout
    files = json.loads(run_cli("--json", "logfiles", url=url, key=key).stdout)
    assert len(files) == 1
    content = run_cli("logfile", files[0]["filename"], url=url, key=key)
    assert content.returncode == 0 and content.stdout == followed.stdout
    assert run_cli("delete", process_id, url=url, key=key).returncode == 0
    assert run_cli("--json", "ps", url=url, key=key).stdout.strip() == "[]"
    assert run_cli("delete", process_id, url=url, key=key).returncode == 4
