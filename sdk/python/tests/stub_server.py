"""A tiny scripted HTTP server for answers the real service does not give on demand (429, 5xx, dropped
streams). Each route maps to a handler ``f(request) -> (status, headers, body)``; every request is recorded."""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Dict, List, Optional, Tuple


@dataclass
class Recorded:
    method: str
    path: str
    headers: Dict[str, str]
    body: bytes


Answer = Tuple[int, Dict[str, str], bytes]


def json_answer(status: int, data) -> Answer:
    return status, {"Content-Type": "application/json; charset=utf-8"}, json.dumps(data).encode()


def error_answer(status: int, code: str, message: str) -> Answer:
    return json_answer(status, {"success": False, "error": message, "code": code})


class StubServer:
    """Start with ``with StubServer(routes) as stub: stub.url``. A route key is ``"METHOD /path"`` (query
    string excluded); a handler may also write to ``request.wfile`` itself and return None (streams)."""

    def __init__(self, routes: Dict[str, Callable], port: int = 0):
        self.routes = routes
        self.requests: List[Recorded] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output quiet
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                route = f"{self.command} {self.path.split('?')[0]}"
                stub.requests.append(Recorded(self.command, self.path, dict(self.headers.items()), body))
                handler = stub.routes.get(route)
                answer = handler(self) if handler else error_answer(404, "not_found", f"no route {route}")
                if answer is None:
                    return
                status, headers, payload = answer
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_DELETE = _handle

        # Not bound until start(): before that a connection is refused, as with a server that is down.
        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler, bind_and_activate=False)
        self._server.daemon_threads = True
        self._server.allow_reuse_address = True
        self._thread: Optional[threading.Thread] = None
        self._port = port

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def paths(self, method: Optional[str] = None) -> List[str]:
        return [r.path for r in self.requests if method is None or r.method == method]

    def start(self) -> "StubServer":
        self._server.server_bind()
        self._server.server_activate()
        self._port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:  # shutdown() would wait forever for a loop that never ran
            self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "StubServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def free_port() -> int:
    """A port that was free a moment ago (bound to nothing), for a server that starts later."""
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
