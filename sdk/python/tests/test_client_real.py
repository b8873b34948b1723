"""Every client method and every error class against the real service (no training needed here)."""
import json

import pytest

from conftest import unique_email
from minimind_sdk import AuthenticationError, ConflictError, MinimindClient, NotFoundError, ValidationError


def test_health_is_open_and_ok(service):
    assert MinimindClient(service.url).health() is True


def test_register_returns_a_key_once_and_the_client_keeps_using_it(service):
    client = MinimindClient(service.url)
    email = unique_email()
    answer = client.register("  Ada  ", email.upper())
    assert answer["success"] is True
    assert answer["api_key"].startswith("mm-") and len(answer["api_key"]) > 40
    assert answer["email"] == email and answer["name"] == "Ada"
    me = client.me()
    assert me["client_id"] == answer["client_id"] and me["email"] == email
    assert answer["api_key"] not in repr(client)


def test_registering_the_same_email_twice_is_a_conflict(service):
    email = unique_email()
    MinimindClient(service.url).register("First", email)
    with pytest.raises(ConflictError) as caught:
        MinimindClient(service.url).register("Second", email)
    assert caught.value.status == 409 and caught.value.code == "conflict"


def test_an_implausible_email_is_a_validation_error_naming_the_field(service):
    with pytest.raises(ValidationError) as caught:
        MinimindClient(service.url).register("Bob", "not-an-address")
    assert caught.value.status == 400
    assert "email" in caught.value.message


def test_missing_or_wrong_key_is_an_authentication_error(service):
    with pytest.raises(AuthenticationError) as missing:
        MinimindClient(service.url).get_processes()
    wrong_key = "mm-" + "x" * 43
    with pytest.raises(AuthenticationError) as wrong:
        MinimindClient(service.url, wrong_key).get_logfiles()
    assert missing.value.status == wrong.value.status == 401
    assert missing.value.code == wrong.value.code == "unauthorized"
    assert wrong_key not in str(wrong.value) and wrong_key not in repr(wrong.value)


def test_a_fresh_client_has_no_processes_and_no_log_files(client):
    assert client.get_processes() == []
    assert client.get_logfiles() == []


def test_train_types_is_the_servers_table_of_all_seven_types(client):
    table = json.dumps(client.train_types())
    for train_type in ("pretrain", "sft", "lora", "dpo", "ppo", "grpo", "spo"):
        assert f'"{train_type}"' in table
    assert "learning_rate" in table


@pytest.mark.parametrize("train_type, params, named", [
    ("fly", {}, "train_type"),
    ("sft", {"no_such_parameter": 1}, "no_such_parameter"),
    ("sft", {"batch_size": 0}, "batch_size"),
    ("sft", {"epochs": "two"}, "epochs"),
    ("sft", {"data_path": "/etc/passwd"}, "data_path"),
    ("sft", {"data_path": "../../../etc/passwd"}, "data_path"),
])
def test_bad_training_requests_are_validation_errors_naming_the_field(client, train_type, params, named):
    with pytest.raises(ValidationError) as caught:
        client.start_training(train_type, **params)
    assert caught.value.status == 400
    assert named in caught.value.message
    assert client.get_processes() == []


def test_unknown_process_ids_are_not_found_for_every_process_method(client):
    missing = "20260101_000000_nothere"
    for call in (lambda: client.get_logs(missing), lambda: client.stop(missing), lambda: client.delete(missing),
                 lambda: client.get_process(missing), lambda: client.wait(missing, timeout=5)):
        with pytest.raises(NotFoundError) as caught:
            call()
        assert caught.value.status == 404 and caught.value.code == "not_found"


def test_bad_log_filenames_are_validation_errors_and_missing_ones_not_found(client):
    with pytest.raises(ValidationError):
        client.get_logfile_content("x..y.log")
    with pytest.raises(ValidationError):
        client.delete_logfile("x..y.log")
    with pytest.raises(NotFoundError):
        client.get_logfile_content("train_sft_20260101_000000_abcdefgh.log")
    with pytest.raises(NotFoundError):
        client.delete_logfile("train_sft_20260101_000000_abcdefgh.log")

