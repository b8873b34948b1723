"""A real SFT job with the builtin engine and a tiny model: running, logs delivered live, stop, delete."""
import re

import pytest

from conftest import TINY_SFT, wait_for
from minimind_sdk import ConflictError, NotFoundError, ProcessState

TRAIN_LINE = re.compile(r"Epoch:\[1/\d+\]\(\d+/\d+\) loss:\d+\.\d{6} lr:")


def follow_until_training_line(client, process_id) -> str:
    """Collect followed text until the first training log line (the job keeps running)."""
    seen = ""
    for chunk in client.follow_logs(process_id, poll_interval=0.5, timeout=300):
        seen += chunk
        if TRAIN_LINE.search(seen):
            return seen
    pytest.fail(f"job ended before it logged a training line; log:\n{seen[-2000:]}")


def test_a_long_sft_job_runs_streams_its_log_and_can_be_stopped_and_deleted(client):
    process_id = client.train_sft(epochs=20, log_interval=1, **TINY_SFT)
    try:
        assert client.get_processes()[0].id == process_id
        running = client.wait_until_running(process_id, timeout=120)
        assert running.is_running, running.to_dict()
        assert running.client_id == client.me()["client_id"]

        followed = follow_until_training_line(client, process_id)
        assert TRAIN_LINE.search(client.get_logs(process_id, lines=10000))

        logfile = wait_for(client.get_logfiles, 10, what="the job's log file")[0]
        with pytest.raises(ConflictError):
            client.delete_logfile(logfile.filename)  # still written by the running job

        client.stop(process_id)
        stopped = client.wait(process_id, timeout=60, poll_interval=0.5)
        assert stopped.state == ProcessState.STOPPED and stopped.is_finished and not stopped.is_running
        with pytest.raises(ConflictError):
            client.stop(process_id)

        whole = "".join(client.follow_logs(process_id, timeout=60))
        assert whole.startswith(followed[:200])
        assert client.get_logfile_content(logfile.filename).startswith(whole[:200])
    finally:
        client.delete(process_id)
    with pytest.raises(NotFoundError):
        client.get_process(process_id)
    assert client.get_processes() == [] and client.get_logfiles() == []


def test_a_short_sft_job_succeeds_and_its_log_file_can_be_deleted(client):
    process_id = client.train_sft(epochs=1, log_interval=10, max_seq_len=64, data_path="../dataset/sft.jsonl",
                                  hidden_size=64, num_hidden_layers=1, batch_size=32, from_weight="none")
    done = client.wait(process_id, timeout=600, poll_interval=1)
    log = client.get_logs(process_id, lines=10000)
    assert done.state == ProcessState.SUCCEEDED, log[-2000:]
    assert done.exit_code == 0 and done.end_time
    assert "".join(client.follow_logs(process_id)) == log
    [logfile] = client.get_logfiles()
    assert logfile.size == len(client.get_logfile_content(logfile.filename).encode("utf-8"))
    client.delete_logfile(logfile.filename)
    assert client.get_logfiles() == []
    with pytest.raises(NotFoundError):
        client.get_logfile_content(logfile.filename)
    client.delete(process_id)
