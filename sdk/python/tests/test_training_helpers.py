"""The per-type helpers post their train_type and exactly the parameters given (the rest is server default)."""
import json

import pytest

from minimind_sdk import MinimindClient, RetryPolicy
from stub_server import StubServer, json_answer


@pytest.fixture
def recorder():
    with StubServer({"POST /train": lambda r: json_answer(200, {"success": True, "process_id": "p1"})}) as stub:
        yield stub, MinimindClient(stub.url, "mm-k", retry=RetryPolicy(max_retries=0))


@pytest.mark.parametrize("helper, kwargs, expected", [
    ("train_pretrain", {"epochs": 1}, {"train_type": "pretrain", "epochs": 1}),
    ("train_sft", {"data_path": "../dataset/sft.jsonl", "from_weight": "none", "log_interval": 1},
     {"train_type": "sft", "data_path": "../dataset/sft.jsonl", "from_weight": "none", "log_interval": 1}),
    ("train_lora", {"lora_name": "lora_medical"}, {"train_type": "lora", "lora_name": "lora_medical"}),
    ("train_dpo", {"beta": 0.2, "learning_rate": 4e-8}, {"train_type": "dpo", "beta": 0.2, "learning_rate": 4e-8}),
    ("train_ppo", {"clip_epsilon": 0.2, "vf_coef": 0.5}, {"train_type": "ppo", "clip_epsilon": 0.2, "vf_coef": 0.5}),
    ("train_grpo", {"num_generations": 4}, {"train_type": "grpo", "num_generations": 4}),
    ("train_spo", {"beta": 0.02, "reasoning": 0}, {"train_type": "spo", "beta": 0.02, "reasoning": 0}),
])
def test_each_helper_sends_its_type_and_only_the_given_parameters(recorder, helper, kwargs, expected):
    stub, client = recorder
    assert getattr(client, helper)(**kwargs) == "p1"
    assert json.loads(stub.requests[-1].body) == expected


def test_parameters_set_to_none_are_left_to_the_server(recorder):
    stub, client = recorder
    client.start_training("sft", epochs=None, batch_size=2)
    assert json.loads(stub.requests[-1].body) == {"train_type": "sft", "batch_size": 2}
