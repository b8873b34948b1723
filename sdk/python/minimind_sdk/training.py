"""One helper per train type with its core parameters; anything left as ``None`` is not sent, so the
server's (the training script's) own default applies. Other parameters pass through ``**extra``."""
from __future__ import annotations

from typing import Any, Optional


class TrainingHelpers:
    """Mixin for ``MinimindClient``; every helper returns the new process id."""

    def start_training(self, train_type: str, **params: Any) -> str:  # pragma: no cover - implemented by client
        raise NotImplementedError

    def train_pretrain(self, *, data_path: Optional[str] = None, epochs: Optional[int] = None,
                       batch_size: Optional[int] = None, learning_rate: Optional[float] = None,
                       hidden_size: Optional[int] = None, num_hidden_layers: Optional[int] = None,
                       max_seq_len: Optional[int] = None, from_weight: Optional[str] = None, **extra: Any) -> str:
        """Pretraining (``train_pretrain``)."""
        return self.start_training("pretrain", **_core(locals()), **extra)

    def train_sft(self, *, data_path: Optional[str] = None, epochs: Optional[int] = None,
                  batch_size: Optional[int] = None, learning_rate: Optional[float] = None,
                  hidden_size: Optional[int] = None, num_hidden_layers: Optional[int] = None,
                  max_seq_len: Optional[int] = None, from_weight: Optional[str] = None, **extra: Any) -> str:
        """Full supervised fine-tuning (``train_full_sft``)."""
        return self.start_training("sft", **_core(locals()), **extra)

    def train_lora(self, *, data_path: Optional[str] = None, lora_name: Optional[str] = None,
                   epochs: Optional[int] = None, batch_size: Optional[int] = None,
                   learning_rate: Optional[float] = None, hidden_size: Optional[int] = None,
                   num_hidden_layers: Optional[int] = None, max_seq_len: Optional[int] = None,
                   from_weight: Optional[str] = None, **extra: Any) -> str:
        """LoRA fine-tuning; the adapter is saved under ``lora_name``."""
        return self.start_training("lora", **_core(locals()), **extra)

    def train_dpo(self, *, data_path: Optional[str] = None, beta: Optional[float] = None,
                  epochs: Optional[int] = None, batch_size: Optional[int] = None,
                  learning_rate: Optional[float] = None, hidden_size: Optional[int] = None,
                  num_hidden_layers: Optional[int] = None, max_seq_len: Optional[int] = None,
                  from_weight: Optional[str] = None, **extra: Any) -> str:
        """Direct preference optimisation with KL strength ``beta``."""
        return self.start_training("dpo", **_core(locals()), **extra)

    # The RL trainers have no from_weight: they start from `reason` (reasoning=1) or `full_sft`.
    def train_ppo(self, *, data_path: Optional[str] = None, reasoning: Optional[int] = None,
                  clip_epsilon: Optional[float] = None, kl_coef: Optional[float] = None,
                  max_gen_len: Optional[int] = None, reward_model_path: Optional[str] = None,
                  epochs: Optional[int] = None, batch_size: Optional[int] = None,
                  learning_rate: Optional[float] = None, hidden_size: Optional[int] = None,
                  num_hidden_layers: Optional[int] = None, max_seq_len: Optional[int] = None, **extra: Any) -> str:
        """Proximal policy optimisation with a critic."""
        return self.start_training("ppo", **_core(locals()), **extra)

    def train_grpo(self, *, data_path: Optional[str] = None, num_generations: Optional[int] = None,
                   beta: Optional[float] = None, reasoning: Optional[int] = None,
                   max_gen_len: Optional[int] = None, reward_model_path: Optional[str] = None,
                   epochs: Optional[int] = None, batch_size: Optional[int] = None,
                   learning_rate: Optional[float] = None, hidden_size: Optional[int] = None,
                   num_hidden_layers: Optional[int] = None, max_seq_len: Optional[int] = None, **extra: Any) -> str:
        """Group relative policy optimisation (``num_generations`` samples per prompt)."""
        return self.start_training("grpo", **_core(locals()), **extra)

    def train_spo(self, *, data_path: Optional[str] = None, beta: Optional[float] = None,
                  reasoning: Optional[int] = None, max_gen_len: Optional[int] = None,
                  reward_model_path: Optional[str] = None, epochs: Optional[int] = None,
                  batch_size: Optional[int] = None, learning_rate: Optional[float] = None,
                  hidden_size: Optional[int] = None, num_hidden_layers: Optional[int] = None,
                  max_seq_len: Optional[int] = None, **extra: Any) -> str:
        """Single-stream policy optimisation."""
        return self.start_training("spo", **_core(locals()), **extra)


def _core(arguments: dict) -> dict:
    """The named parameters that were given (``None`` means: leave it to the server's default)."""
    return {k: v for k, v in arguments.items() if k not in ("self", "extra") and v is not None}
