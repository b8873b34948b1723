"""Error mapping and retries against a scripted stub (answers the real server does not give on demand)."""
import pytest

from minimind_sdk import (MinimindClient, MinimindConnectionError, NotFoundError, RateLimitError, RetryPolicy,
                          ServerError, ValidationError)
from stub_server import StubServer, error_answer, free_port, json_answer

SECRET = "mm-test-secret-key-that-must-never-leak-0123456789"
FAST = RetryPolicy(max_retries=3, backoff=0.01, max_backoff=0.02)


def failing_then(status_codes, final):
    """A handler answering the given error statuses first, then ``final``."""
    remaining = list(status_codes)

    def handle(_request):
        if remaining:
            status = remaining.pop(0)
            return error_answer(status, "internal", f"temporary failure {status}")
        return final
    return handle


def test_rate_limit_answer_raises_rate_limit_error_with_retry_after():
    answer = error_answer(429, "rate_limited", "too many requests")
    answer[1]["Retry-After"] = "7"
    with StubServer({"GET /processes": lambda r: answer}) as stub:
        with pytest.raises(RateLimitError) as caught:
            MinimindClient(stub.url, SECRET, retry=FAST).get_processes()
    assert caught.value.status == 429
    assert caught.value.code == "rate_limited"
    assert caught.value.retry_after == 7.0
    assert "too many requests" in str(caught.value)


def test_get_is_retried_after_server_errors_and_then_succeeds():
    handler = failing_then([500, 503], json_answer(200, []))
    with StubServer({"GET /processes": handler}) as stub:
        assert MinimindClient(stub.url, SECRET, retry=FAST).get_processes() == []
        assert len(stub.paths("GET")) == 3


def test_persistent_server_error_raises_server_error_after_the_retries():
    with StubServer({"GET /logfiles": lambda r: error_answer(500, "internal", "disk on fire")}) as stub:
        with pytest.raises(ServerError) as caught:
            MinimindClient(stub.url, SECRET, retry=FAST).get_logfiles()
        assert len(stub.paths("GET")) == 1 + FAST.max_retries
    assert caught.value.status == 500 and caught.value.code == "internal"
    assert caught.value.attempts == 1 + FAST.max_retries


def test_start_training_is_never_sent_twice_after_a_server_error():
    handler = failing_then([502], json_answer(200, {"success": True, "process_id": "p1"}))
    with StubServer({"POST /train": handler}) as stub:
        with pytest.raises(ServerError):
            MinimindClient(stub.url, SECRET, retry=FAST).start_training("sft", epochs=1)
        assert stub.paths("POST") == ["/train"]


def test_start_training_is_not_resent_when_the_answer_was_lost():
    def drop(request):
        request.close_connection = True  # the job may have started; only the answer is lost
        return None

    with StubServer({"POST /train": drop}) as stub:
        with pytest.raises(MinimindConnectionError):
            MinimindClient(stub.url, SECRET, retry=FAST).start_training("sft", epochs=1)
        assert stub.paths("POST") == ["/train"]


def test_client_errors_are_not_retried():
    with StubServer({"GET /processes": lambda r: error_answer(400, "bad_request", "lines must be a number")}) as stub:
        with pytest.raises(ValidationError):
            MinimindClient(stub.url, SECRET, retry=FAST).get_processes()
        assert len(stub.requests) == 1


def test_requests_reach_a_server_that_comes_up_during_the_retries():
    port = free_port()
    stub = StubServer({"GET /processes": lambda r: json_answer(200, [])}, port=port)
    waits = []

    def sleep_then_start(seconds):
        # The transport backs off between attempts; the server comes up during the second backoff.
        waits.append(seconds)
        if len(waits) == 2:
            stub.start()

    client = MinimindClient(f"http://127.0.0.1:{port}", SECRET,
                            retry=RetryPolicy(max_retries=4, backoff=0.5, max_backoff=8))
    client._transport._sleep = sleep_then_start
    try:
        assert client.get_processes() == []
    finally:
        stub.stop()
    assert waits == [0.5, 1.0]  # exponential backoff


def test_start_training_is_retried_when_the_connection_was_refused():
    # Refused means the request never reached a server, so sending it again cannot start a second job.
    port = free_port()
    stub = StubServer({"POST /train": lambda r: json_answer(200, {"success": True, "process_id": "p7"})}, port=port)
    client = MinimindClient(f"http://127.0.0.1:{port}", SECRET, retry=FAST)
    client._transport._sleep = lambda seconds: stub.start() if stub._thread is None else None
    try:
        assert client.start_training("sft", epochs=1) == "p7"
        assert stub.paths("POST") == ["/train"]
    finally:
        stub.stop()


def test_unreachable_server_raises_a_connection_error_that_is_a_builtin_connection_error():
    client = MinimindClient(f"http://127.0.0.1:{free_port()}", SECRET, retry=FAST)
    with pytest.raises(ConnectionError) as caught:
        client.get_processes()
    assert isinstance(caught.value, MinimindConnectionError)
    assert caught.value.status is None and caught.value.attempts == 1 + FAST.max_retries


def test_api_key_goes_only_into_the_authorization_header_and_never_into_errors_or_repr():
    with StubServer({"GET /processes": lambda r: error_answer(503, "internal", "down")}) as stub:
        client = MinimindClient(stub.url, SECRET, retry=FAST)
        with pytest.raises(ServerError) as caught:
            client.get_processes()
        assert stub.requests[0].headers["Authorization"] == f"Bearer {SECRET}"
    down = MinimindClient(f"http://127.0.0.1:{free_port()}", SECRET, retry=RetryPolicy(max_retries=0))
    with pytest.raises(MinimindConnectionError) as refused:
        down.get_processes()
    for text in (str(caught.value), repr(caught.value), str(refused.value), repr(refused.value), repr(client)):
        assert SECRET not in text


def test_a_lost_stop_answer_followed_by_conflict_on_retry_counts_as_stopped():
    handler = failing_then([503], error_answer(409, "conflict", "process already finished"))
    with StubServer({"POST /stop/p1": handler}) as stub:
        MinimindClient(stub.url, SECRET, retry=FAST).stop("p1")
        assert stub.paths("POST") == ["/stop/p1", "/stop/p1"]


def test_a_delete_first_refused_then_not_found_is_still_not_found():
    # The refused attempt never reached a server, so the 404 is the truth about the id.
    port = free_port()
    stub = StubServer({}, port=port)
    client = MinimindClient(f"http://127.0.0.1:{port}", SECRET, retry=FAST)
    client._transport._sleep = lambda seconds: stub.start() if stub._thread is None else None
    try:
        with pytest.raises(NotFoundError):
            client.delete("nope")
    finally:
        stub.stop()


def test_ids_are_quoted_so_they_cannot_change_the_route():
    with StubServer({"GET /logs/a%2Fb": lambda r: (200, {"Content-Type": "text/plain"}, b"x\n")}) as stub:
        assert MinimindClient(stub.url, SECRET, retry=FAST).get_logs("a/b", lines=5) == "x\n"
        assert stub.paths() == ["/logs/a%2Fb?lines=5"]
