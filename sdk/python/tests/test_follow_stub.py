"""follow_logs against a scripted stub: the SSE route with a dropped connection, and the polling fallback."""
import io
import json

import pytest

from minimind_sdk import MinimindClient, MinimindError, NotFoundError, RetryPolicy
from minimind_sdk.sse import parse_events
from stub_server import StubServer, json_answer

FAST = RetryPolicy(max_retries=2, backoff=0.01, max_backoff=0.02)


def sse_event(offset, chunk):
    """A ``log`` event as the service sends it: JSON ``{"text": ...}`` data, the byte offset as id."""
    return f"event: log\nid: {offset}\ndata: {json.dumps({'text': chunk})}\n\n"


def raw_event(offset, chunk):
    """A plain ``message`` event carrying the text itself, one ``data:`` line per line."""
    return f"id: {offset}\n" + "".join(f"data: {piece}\n" for piece in chunk.split("\n")) + "\n"


def stream_handler(connections):
    """Each connection writes the next script of raw SSE text, then closes (a dropped stream)."""
    def handle(request):
        script = connections.pop(0)
        request.send_response(200)
        request.send_header("Content-Type", "text/event-stream")
        request.send_header("Connection", "close")
        request.end_headers()
        request.wfile.write(script.encode())
        request.wfile.flush()
        request.close_connection = True
        return None
    return handle


def processes(states):
    """``GET /processes`` answering one state per call (the last one repeats)."""
    def handle(_request):
        state = states.pop(0) if len(states) > 1 else states[0]
        return json_answer(200, [{"id": "p1", "train_type": "sft", "running": state == "running", "state": state}])
    return handle


def test_sse_parser_restores_chunks_with_their_newlines_and_ids():
    raw = (raw_event(4, "ab\n") + ": keep-alive\n\n" + raw_event(9, "cd\nef") + "event: end\ndata:\n\n").encode()
    events = list(parse_events(io.BytesIO(raw)))
    assert [(e.event, e.data, e.id) for e in events] == [("message", "ab\n", "4"), ("message", "cd\nef", "9"),
                                                          ("end", "", "9")]


def test_stream_resumes_after_a_dropped_connection_with_last_event_id():
    connections = [sse_event(6, "step1\n") + sse_event(12, "step2\n"),
                   raw_event(16, "end\n") + sse_event(20, "tail") + 'event: end\nid: 20\ndata: {"offset":20}\n\n']
    routes = {"GET /api/processes/p1/logs/stream": stream_handler(connections),
              "GET /processes": processes(["running"])}
    with StubServer(routes) as stub:
        text = "".join(MinimindClient(stub.url, "mm-k", retry=FAST).follow_logs("p1", poll_interval=0.01))
        streams = [r for r in stub.requests if r.path.endswith("/stream")]
    assert text == "step1\nstep2\nend\ntail"
    first, second = ({k.lower(): v for k, v in r.headers.items()} for r in streams)
    assert first["accept"] == "text/event-stream"
    assert "last-event-id" not in first
    assert second["last-event-id"] == "12"


def test_stream_that_closes_after_the_job_ended_finishes_the_follow():
    connections = [sse_event(3, "ok\n"), ""]
    routes = {"GET /api/processes/p1/logs/stream": stream_handler(connections),
              "GET /processes": processes(["succeeded"])}
    with StubServer(routes) as stub:
        text = "".join(MinimindClient(stub.url, "mm-k", retry=FAST).follow_logs("p1", poll_interval=0.01))
    assert text == "ok\n"


def test_without_the_stream_route_follow_falls_back_to_polling_the_tail():
    log = {"text": ""}
    writes = iter(["a\n", "b\nc", "\nlast"])

    def logs(_request):
        # Every poll the job writes a little more.
        log["text"] += next(writes, "")
        return 200, {"Content-Type": "text/plain; charset=utf-8"}, log["text"].encode()

    routes = {"GET /logs/p1": logs, "GET /processes": processes(["running"] * 4 + ["stopped"])}
    with StubServer(routes) as stub:
        client = MinimindClient(stub.url, "mm-k", retry=FAST)
        text = "".join(client.follow_logs("p1", poll_interval=0.01))
        assert client._stream_supported is False
    assert text == "a\nb\nc\nlast"


def test_polling_survives_a_connection_dropped_without_an_answer():
    answers = iter([None, "x\n", "x\ny\n"])  # None: the connection drops before any answer

    def logs(request):
        text = next(answers, "x\ny\n")
        if text is None:
            request.close_connection = True
            return None
        return 200, {"Content-Type": "text/plain; charset=utf-8"}, text.encode()

    routes = {"GET /logs/p1": logs, "GET /processes": processes(["running", "running", "failed"])}
    with StubServer(routes) as stub:
        client = MinimindClient(stub.url, "mm-k", retry=FAST)
        client._stream_supported = False
        assert "".join(client.follow_logs("p1", poll_interval=0.01)) == "x\ny\n"


def test_following_an_unknown_process_raises_not_found():
    with StubServer({"GET /processes": lambda r: json_answer(200, [])}) as stub:
        with pytest.raises(NotFoundError):
            list(MinimindClient(stub.url, "mm-k", retry=FAST).follow_logs("nope"))


def test_get_process_falls_back_to_the_list_on_a_server_without_the_single_process_route():
    with StubServer({"GET /processes": processes(["running"])}) as stub:
        client = MinimindClient(stub.url, "mm-k", retry=FAST)
        assert client.get_process("p1").is_running
        assert client.get_process("p1").id == "p1"
        assert stub.paths("GET") == ["/api/processes/p1", "/processes", "/processes"]


def test_an_error_event_on_the_stream_raises_with_the_servers_message():
    connections = ['event: error\ndata: {"error": "cannot read the log: gone"}\n\n']
    routes = {"GET /api/processes/p1/logs/stream": stream_handler(connections),
              "GET /processes": processes(["running"])}
    with StubServer(routes) as stub:
        with pytest.raises(MinimindError, match="cannot read the log"):
            list(MinimindClient(stub.url, "mm-k", retry=FAST).follow_logs("p1", poll_interval=0.01))
