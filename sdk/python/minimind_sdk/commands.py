"""What each ``minimind-client`` command does and prints (``--json`` prints the server's data as JSON)."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Dict, List

from .client import MinimindClient

EXIT_OK, EXIT_ERROR = 0, 1


class UsageError(Exception):
    """A command line the CLI cannot act on (exit code 2)."""


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


def register(client: MinimindClient, args) -> None:
    answer = client.register(args.name, args.email)
    _emit(args, answer, f"client_id: {answer['client_id']}\napi_key:   {answer['api_key']}\n"
                        "Keep the key secret; it is shown only this once. Use it with:\n"
                        "  export MINIMIND_API_KEY=<api_key>")


def train(client: MinimindClient, args) -> None:
    process_id = client.start_training(args.train_type, **parse_params(args.params))
    _emit(args, {"process_id": process_id}, process_id)


def ps(client: MinimindClient, args) -> None:
    processes = client.get_processes()
    rows = [f"{p.id:<32} {p.train_type:<9} {p.effective_state:<10} {p.start_time or ''}" for p in processes]
    header = f"{'ID':<32} {'TYPE':<9} {'STATE':<10} START"
    _emit(args, [p.to_dict() for p in processes], "\n".join([header] + rows))


def logs(client: MinimindClient, args) -> None:
    if not args.follow:
        sys.stdout.write(client.get_logs(args.process_id, lines=args.lines))
        return
    for text in client.follow_logs(args.process_id):
        sys.stdout.write(text)
        sys.stdout.flush()


def stop(client: MinimindClient, args) -> None:
    client.stop(args.process_id)
    _emit(args, {"success": True}, f"stopped {args.process_id}")


def delete(client: MinimindClient, args) -> None:
    client.delete(args.process_id)
    _emit(args, {"success": True}, f"deleted {args.process_id}")


def wait(client: MinimindClient, args) -> int:
    process = client.wait(args.process_id)
    _emit(args, process.to_dict(), f"{process.id} {process.effective_state} (exit code {process.exit_code})")
    return EXIT_OK if process.effective_state == "succeeded" else EXIT_ERROR


def logfiles(client: MinimindClient, args) -> None:
    files = client.get_logfiles()
    rows = [f"{f.filename:<48} {f.size if f.size is not None else '':>10} {f.modified_time or ''}" for f in files]
    _emit(args, [f.to_dict() for f in files], "\n".join([f"{'FILENAME':<48} {'SIZE':>10} MODIFIED"] + rows))


def logfile(client: MinimindClient, args) -> None:
    sys.stdout.write(client.get_logfile_content(args.filename))


def delete_logfile(client: MinimindClient, args) -> None:
    client.delete_logfile(args.filename)
    _emit(args, {"success": True}, f"deleted {args.filename}")


def train_types(client: MinimindClient, args) -> None:
    table = client.train_types()
    types = table.get("train_types") if isinstance(table, dict) else None
    if args.json or not isinstance(types, dict):
        print(json.dumps(table, ensure_ascii=False, indent=2))
        return
    for name, spec in types.items():
        print(f"{name} ({spec.get('script', '?')})")
        for param in spec.get("params", []):
            print("  " + _describe_param(param))


def _describe_param(param: Dict[str, Any]) -> str:
    bounds = ""
    if param.get("choices"):
        bounds = "one of " + ",".join(str(c) for c in param["choices"])
    elif param.get("min") is not None or param.get("max") is not None:
        bounds = f"[{param.get('min', '')}..{param.get('max', '')}]"
    path = " (path)" if param.get("is_path") else ""
    return (f"{param.get('name', '?'):<22} {param.get('type', ''):<6} default {param.get('default')!s:<22} "
            f"{bounds:<16} {param.get('help', '')}{path}").rstrip()


def me(client: MinimindClient, args) -> None:
    me = client.me()
    _emit(args, me, "\n".join(f"{k}: {v}" for k, v in me.items()))
