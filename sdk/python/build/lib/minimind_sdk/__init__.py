"""Python SDK of the MiniMind training service (standard library only).

>>> from minimind_sdk import MinimindClient
>>> client = MinimindClient("http://127.0.0.1:12581")
>>> client.register("Ada", "ada@example.com")          # the client keeps using the new key
>>> pid = client.train_sft(data_path="../dataset/sft.jsonl", epochs=1, hidden_size=64)
>>> for text in client.follow_logs(pid): print(text, end="")
"""
from .client import DEFAULT_BASE_URL, MinimindClient
from .errors import (AuthenticationError, ConflictError, MinimindConnectionError, MinimindError,
                     MinimindTimeoutError, NotFoundError, PayloadTooLargeError, RateLimitError, ServerError,
                     ValidationError)
from .models import LogFile, Process, ProcessState
from .transport import RetryPolicy

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_BASE_URL", "MinimindClient", "RetryPolicy", "Process", "ProcessState", "LogFile",
    "MinimindError", "AuthenticationError", "NotFoundError", "ValidationError", "ConflictError",
    "PayloadTooLargeError", "RateLimitError", "ServerError", "MinimindConnectionError", "MinimindTimeoutError",
]
