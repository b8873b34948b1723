"""Command line client: ``minimind-client`` / ``python -m minimind_sdk``.

Exit codes: 0 ok, 1 server error or other failure, 2 usage, 3 authentication, 4 not found, 5 validation
(400/413), 6 conflict, 7 rate limited, 8 connection failed, 9 timed out, 130 interrupted.
The API key is read from ``MINIMIND_API_KEY`` or ``--api-key-file``, never from the command line (where
every user of the machine could read it).
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Optional, Sequence

from . import commands
from .client import MinimindClient
from .commands import UsageError, parse_params  # noqa: F401  (part of the CLI's API)
from .errors import (AuthenticationError, ConflictError, MinimindConnectionError, MinimindError,
                     MinimindTimeoutError, NotFoundError, PayloadTooLargeError, RateLimitError, ValidationError)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_AUTH, EXIT_NOT_FOUND = 0, 1, 2, 3, 4
EXIT_VALIDATION, EXIT_CONFLICT, EXIT_RATE_LIMITED, EXIT_CONNECTION, EXIT_TIMEOUT = 5, 6, 7, 8, 9

_EXIT_BY_ERROR = [
    (AuthenticationError, EXIT_AUTH), (NotFoundError, EXIT_NOT_FOUND), (ValidationError, EXIT_VALIDATION),
    (PayloadTooLargeError, EXIT_VALIDATION), (ConflictError, EXIT_CONFLICT), (RateLimitError, EXIT_RATE_LIMITED),
    (MinimindConnectionError, EXIT_CONNECTION), (MinimindTimeoutError, EXIT_TIMEOUT),
]


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
    except BrokenPipeError:
        # The reader went away (``... | head``): not a failure of ours. Silence the flush at interpreter exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _read_key_file(path: Optional[str]) -> Optional[str]:
    if not path:
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            key = handle.read().strip()
    except OSError as error:
        raise UsageError(f"cannot read --api-key-file {path}: {error.strerror}") from None
    return key or None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="minimind-client", description="Client of the MiniMind training service.",
                                     epilog="exit codes: 0 ok, 1 server error, 2 usage, 3 auth, 4 not found, "
                                            "5 validation, 6 conflict, 7 rate limited, 8 connection, 9 timeout")
    parser.add_argument("--base-url", help="service URL (default: $MINIMIND_BASE_URL or http://127.0.0.1:12581)")
    parser.add_argument("--api-key-file", help="file holding the API key (default: $MINIMIND_API_KEY)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds per HTTP request (default 30)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, run, help_text: str) -> argparse.ArgumentParser:
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(run=run)
        return sub

    sub = command("register", commands.register, "register a client; prints the new API key once")
    sub.add_argument("--name", required=True)
    sub.add_argument("--email", required=True)
    sub = command("train", commands.train, "start a job: train TYPE [--name value | name=value ...]")
    sub.add_argument("train_type", help="pretrain, sft, lora, dpo, ppo, grpo or spo")
    sub.add_argument("params", nargs=argparse.REMAINDER, help="training parameters")
    command("ps", commands.ps, "list your processes, newest first")
    sub = command("logs", commands.logs, "print the last lines of a job's log")
    sub.add_argument("process_id")
    sub.add_argument("--lines", "-n", type=int, default=200)
    sub.add_argument("--follow", "-f", action="store_true", help="keep printing new text until the job ends")
    for name, run, text in (("stop", commands.stop, "stop a running job"),
                            ("delete", commands.delete, "stop and delete a job"),
                            ("wait", commands.wait, "wait until a job has finished")):
        command(name, run, text).add_argument("process_id")
    command("logfiles", commands.logfiles, "list your log files, newest first")
    command("logfile", commands.logfile, "print a whole log file").add_argument("filename")
    command("delete-logfile", commands.delete_logfile, "delete a log file").add_argument("filename")
    command("train-types", commands.train_types, "show the server's train types and their parameters")
    command("me", commands.me, "show who the API key belongs to")
    return parser


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
