"""``python -m minimind_sdk``: the command line client."""
import sys

from .cli import main

sys.exit(main())
