"""Command line client: ``minimind-client`` / ``python -m minimind_sdk``.

Exit codes: 0 ok, 1 server error or other failure, 2 usage, 3 authentication, 4 not found, 5 validation
(400/413), 6 conflict, 7 rate limited, 8 connection failed, 9 timed out, 130 interrupted.
The API key is read from ``MINIMIND_API_KEY`` or ``--api-key-file``, never from the command line (where
every user of the machine could read it).
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Dict, List, Optional, Sequence

from .client import MinimindClient
from .errors import (AuthenticationError, ConflictError, MinimindConnectionError, MinimindError,
                     MinimindTimeoutError, NotFoundError, PayloadTooLargeError, RateLimitError, ValidationError)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_AUTH, EXIT_NOT_FOUND = 0, 1, 2, 3, 4
EXIT_VALIDATION, EXIT_CONFLICT, EXIT_RATE_LIMITED, EXIT_CONNECTION, EXIT_TIMEOUT = 5, 6, 7, 8, 9

_EXIT_BY_ERROR = [
    (AuthenticationError, EXIT_AUTH), (NotFoundError, EXIT_NOT_FOUND), (ValidationError, EXIT_VALIDATION),
    (PayloadTooLargeError, EXIT_VALIDATION), (ConflictError, EXIT_CONFLICT), (RateLimitError, EXIT_RATE_LIMITED),
    (MinimindConnectionError, EXIT_CONNECTION), (MinimindTimeoutError, EXIT_TIMEOUT),
]


class UsageError(Exception):
    """A command line the CLI cannot act on (exit code 2)."""


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        client = MinimindClient(args.base_url, _read_key_file(args.api_key_file), timeout=args.timeout)
        return args.run(client, args) or EXIT_OK
    except UsageError as error:
        print(f"minimind-client: {error}", file=sys.stderr)
        return EXIT_USAGE
    except MinimindError as error:
        print(f"minimind-client: {type(error).__name__}: {error}", file=sys.stderr)
        return next((code for kind, code in _EXIT_BY_ERROR if isinstance(error, kind)), EXIT_ERROR)
    except KeyboardInterrupt:
        return 130


def _read_key_file(path: Optional[str]) -> Optional[str]:
    if not path:
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            key = handle.read().strip()
    except OSError as error:
        raise SystemExit(f"minimind-client: cannot read --api-key-file {path}: {error.strerror}")
    return key or None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="minimind-client", description="Client of the MiniMind training service.",
                                     epilog="exit codes: 0 ok, 1 server error, 2 usage, 3 auth, 4 not found, "
                                            "5 validation, 6 conflict, 7 rate limited, 8 connection, 9 timeout")
    parser.add_argument("--base-url", help="service URL (default: $MINIMIND_BASE_URL or http://127.0.0.1:12581)")
    parser.add_argument("--api-key-file", help="file holding the API key (default: $MINIMIND_API_KEY)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds per HTTP request (default 30)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, run, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(run=run)
        return sub

    sub = command("register", _register, "register a client; prints the new API key once")
    sub.add_argument("--name", required=True)
    sub.add_argument("--email", required=True)
    sub = command("train", _train, "start a job: train TYPE [--name value | name=value ...]")
    sub.add_argument("train_type", help="pretrain, sft, lora, dpo, ppo, grpo or spo")
    sub.add_argument("params", nargs=argparse.REMAINDER, help="training parameters")
    command("ps", _ps, "list your processes, newest first")
    sub = command("logs", _logs, "print the last lines of a job's log")
    sub.add_argument("process_id")
    sub.add_argument("--lines", "-n", type=int, default=200)
    sub.add_argument("--follow", "-f", action="store_true", help="keep printing new text until the job ends")
    for name, run, text in (("stop", _stop, "stop a running job"), ("delete", _delete, "stop and delete a job"),
                            ("wait", _wait, "wait until a job has finished")):
        command(name, run, text).add_argument("process_id")
    command("logfiles", _logfiles, "list your log files, newest first")
    command("logfile", _logfile, "print a whole log file").add_argument("filename")
    command("delete-logfile", _delete_logfile, "delete a log file").add_argument("filename")
    command("train-types", _train_types, "show the server's train types and their parameters")
    command("me", _me, "show who the API key belongs to")
    return parser


def parse_params(tokens: List[str]) -> Dict[str, str]:
    """``--epochs 1``, ``--epochs=1`` and ``epochs=1`` all give ``{"epochs": "1"}``; values stay strings (the
    contract accepts them as the original web form sent them)."""
    params: Dict[str, str] = {}
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.startswith("--"):
            name, eq, value = token[2:].partition("=")
            if not eq:
                if index + 1 >= len(tokens) or tokens[index + 1].startswith("--"):
                    raise UsageError(f"parameter --{name} needs a value")
                index += 1
                value = tokens[index]
        elif "=" in token:
            name, _, value = token.partition("=")
        else:
            raise UsageError(f"cannot read training parameter {token!r}: use --name value or name=value")
        name = name.replace("-", "_")
        if not name:
            raise UsageError(f"training parameter {token!r} has no name")
        params[name] = value
        index += 1
    return params


def _emit(args: argparse.Namespace, data: Any, text: str) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else text)


def _register(client: MinimindClient, args) -> None:
    answer = client.register(args.name, args.email)
    _emit(args, answer, f"client_id: {answer['client_id']}\napi_key:   {answer['api_key']}\n"
                        "Keep the key secret; it is shown only this once. Use it with:\n"
                        "  export MINIMIND_API_KEY=<api_key>")


def _train(client: MinimindClient, args) -> None:
    process_id = client.start_training(args.train_type, **parse_params(args.params))
    _emit(args, {"process_id": process_id}, process_id)


def _ps(client: MinimindClient, args) -> None:
    processes = client.get_processes()
    rows = [f"{p.id:<32} {p.train_type:<9} {p.effective_state:<10} {p.start_time or ''}" for p in processes]
    header = f"{'ID':<32} {'TYPE':<9} {'STATE':<10} START"
    _emit(args, [p.to_dict() for p in processes], "\n".join([header] + rows))


def _logs(client: MinimindClient, args) -> None:
    if not args.follow:
        sys.stdout.write(client.get_logs(args.process_id, lines=args.lines))
        return
    for text in client.follow_logs(args.process_id):
        sys.stdout.write(text)
        sys.stdout.flush()


def _stop(client: MinimindClient, args) -> None:
    client.stop(args.process_id)
    _emit(args, {"success": True}, f"stopped {args.process_id}")


def _delete(client: MinimindClient, args) -> None:
    client.delete(args.process_id)
    _emit(args, {"success": True}, f"deleted {args.process_id}")


def _wait(client: MinimindClient, args) -> int:
    process = client.wait(args.process_id)
    _emit(args, process.to_dict(), f"{process.id} {process.effective_state} (exit code {process.exit_code})")
    return EXIT_OK if process.effective_state == "succeeded" else EXIT_ERROR


def _logfiles(client: MinimindClient, args) -> None:
    files = client.get_logfiles()
    rows = [f"{f.filename:<48} {f.size if f.size is not None else '':>10} {f.modified_time or ''}" for f in files]
    _emit(args, [f.to_dict() for f in files], "\n".join([f"{'FILENAME':<48} {'SIZE':>10} MODIFIED"] + rows))


def _logfile(client: MinimindClient, args) -> None:
    sys.stdout.write(client.get_logfile_content(args.filename))


def _delete_logfile(client: MinimindClient, args) -> None:
    client.delete_logfile(args.filename)
    _emit(args, {"success": True}, f"deleted {args.filename}")


def _train_types(client: MinimindClient, args) -> None:
    table = client.train_types()
    print(json.dumps(table, ensure_ascii=False, indent=2))


def _me(client: MinimindClient, args) -> None:
    me = client.me()
    _emit(args, me, "\n".join(f"{k}: {v}" for k, v in me.items()))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
