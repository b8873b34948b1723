"""Process and LogFile records: parsing, state helpers and round trip."""
import pytest

from minimind_sdk import LogFile, Process, ProcessState

RECORD = {"id": "20261203_185537_ab12", "train_type": "sft", "start_time": "2026-12-03 18:55:37", "running": True,
          "error": False, "status": "运行中", "train_monitor": "none", "swanlab_url": None, "state": "running",
          "end_time": None, "exit_code": None, "client_id": "c1", "pid_hint": 7}


def test_a_running_record_is_running_and_not_finished_and_round_trips():
    process = Process.from_dict(RECORD)
    assert process.is_running and not process.is_finished
    assert process.extra == {"pid_hint": 7}
    assert process.to_dict() == RECORD


@pytest.mark.parametrize("state", sorted(ProcessState.FINISHED))
def test_every_final_state_is_finished(state):
    process = Process.from_dict(dict(RECORD, state=state, running=False))
    assert process.is_finished and not process.is_running


def test_a_queued_job_is_neither_running_nor_finished():
    process = Process.from_dict(dict(RECORD, state="queued", running=False))
    assert not process.is_running and not process.is_finished


def test_legacy_records_without_state_derive_it_from_the_flags():
    legacy = {"id": "20250101_000000", "train_type": "sft", "running": False, "error": True}
    assert Process.from_dict(legacy).effective_state == ProcessState.FAILED
    assert Process.from_dict(dict(legacy, running=True)).is_running


def test_a_record_without_an_id_is_refused_naming_the_field():
    with pytest.raises(ValueError, match="'id'"):
        Process.from_dict({"train_type": "sft"})


def test_log_files_round_trip():
    data = {"filename": "train_sft_20261203_185537_ab12.log", "modified_time": "2026-12-03 18:56:00", "size": 42}
    assert LogFile.from_dict(data).to_dict() == data
