"""Two clients through the SDK: each sees only its own processes and log files; the other's look missing."""
import pytest

from conftest import register
from minimind_sdk import NotFoundError


def test_clients_never_see_or_touch_each_others_jobs_and_log_files(service):
    alice, bob = register(service, "Alice"), register(service, "Bob")
    # A job that fails fast: there is no `pretrain` weight in Alice's output folder to start from.
    process_id = alice.train_sft(data_path="../dataset/sft.jsonl", hidden_size=64, num_hidden_layers=2,
                                 from_weight="pretrain")
    try:
        alice.wait(process_id, timeout=180, poll_interval=0.5)
        [logfile] = alice.get_logfiles()

        assert [p.id for p in alice.get_processes()] == [process_id]
        assert bob.get_processes() == [] and bob.get_logfiles() == []
        for call in (lambda: bob.get_process(process_id), lambda: bob.get_logs(process_id),
                     lambda: bob.stop(process_id), lambda: bob.delete(process_id),
                     lambda: bob.get_logfile_content(logfile.filename),
                     lambda: bob.delete_logfile(logfile.filename)):
            with pytest.raises(NotFoundError):
                call()

        assert alice.get_process(process_id).is_finished
        assert alice.get_logfile_content(logfile.filename) == alice.get_logs(process_id, lines=10000)
    finally:
        alice.delete(process_id)
    assert alice.get_processes() == [] and alice.get_logfiles() == []
