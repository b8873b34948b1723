"""The error classes a real server can answer with beyond 400/401/404/409: 429 and 5xx."""
import pytest

from conftest import TINY_SFT, register
from minimind_sdk import RateLimitError, ServerError


def test_a_client_at_the_servers_job_limit_gets_a_rate_limit_error(limited_service):
    client = register(limited_service)
    first = client.start_training("sft", **TINY_SFT, epochs=50)
    try:
        with pytest.raises(RateLimitError) as caught:
            client.start_training("sft", **TINY_SFT, epochs=1)
        assert caught.value.status == 429 and caught.value.code == "rate_limited"
        assert "queued or running job" in str(caught.value)
        assert [p.id for p in client.get_processes()] == [first]
    finally:
        client.delete(first)
    second = client.start_training("sft", **TINY_SFT, epochs=1)  # the slot is free again
    client.delete(second)


def test_a_server_side_failure_is_a_server_error_and_is_not_resent(service):
    client = register(service)
    # A plain file where the client's workspace folder belongs: the server cannot prepare it (its fault, 500).
    (service.data_dir / "clients").mkdir(parents=True, exist_ok=True)
    (service.data_dir / "clients" / client.me()["client_id"]).write_text("in the way", encoding="utf-8")
    with pytest.raises(ServerError) as caught:
        client.start_training("sft", **TINY_SFT, epochs=1)
    assert caught.value.status == 500 and caught.value.code == "internal"
    assert client.get_processes() == []
