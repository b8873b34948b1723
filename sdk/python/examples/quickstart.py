#!/usr/bin/env python3
"""Quickstart: register, start a tiny SFT job with the builtin engine, watch its log, stop it, delete it.

    python3 sdk/python/examples/quickstart.py [--base-url http://127.0.0.1:12581]

The base URL also comes from MINIMIND_BASE_URL. Exits 0 when every step worked, 1 otherwise.
"""
import argparse
import os
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from minimind_sdk import ConflictError, MinimindClient, MinimindError  # noqa: E402

TINY_MODEL = dict(hidden_size=64, num_hidden_layers=2, max_seq_len=128, batch_size=4, epochs=1,
                  from_weight="none", log_interval=1)


def step(text: str) -> None:
    print(f"==> {text}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default=os.environ.get("MINIMIND_BASE_URL"))
    parser.add_argument("--log-lines", type=int, default=5, help="training lines to watch before stopping")
    args = parser.parse_args()

    client = MinimindClient(args.base_url, api_key="")
    step(f"registering a client at {client.base_url}")
    account = client.register("Quickstart", f"quickstart-{uuid.uuid4().hex[:10]}@example.com")
    print(f"    client_id {account['client_id']} (the client now uses its new API key)")

    step("starting SFT on ../dataset/sft.jsonl with a tiny model")
    process_id = client.train_sft(data_path="../dataset/sft.jsonl", **TINY_MODEL)
    print(f"    process_id {process_id}")
    try:
        step("waiting until it runs")
        process = client.wait_until_running(process_id, timeout=180)
        print(f"    state {process.effective_state}")

        step(f"following the log until {args.log_lines} training lines arrived")
        training_lines = 0
        for text in client.follow_logs(process_id, poll_interval=0.5, timeout=600):
            print(text, end="", flush=True)
            training_lines += text.count("loss:")
            if training_lines >= args.log_lines:
                break
        print()

        step("stopping it")
        try:
            client.stop(process_id)
        except ConflictError:
            print("    it had already finished")
        final = client.wait(process_id, timeout=120, poll_interval=0.5)
        print(f"    state {final.effective_state}, exit code {final.exit_code}")
        if training_lines == 0:
            print("    the job never logged a training line:\n" + client.get_logs(process_id), file=sys.stderr)
            return 1
    finally:
        step("deleting it")
        client.delete(process_id)
    print(f"    processes left: {len(client.get_processes())}")
    step("done")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except MinimindError as error:
        print(f"quickstart failed: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
