"""What ``pip install ./sdk/python`` promises: the ``minimind-client`` script, standard library only.

pip itself cannot run here (no package index to fetch setuptools and wheel from), so the test checks the
declared metadata against the code: the console script's target exists and runs, and nothing outside the
standard library is imported anywhere in the package.
"""
import ast
import importlib
import pathlib
import subprocess
import sys

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+; the SDK itself runs on 3.9

SDK = pathlib.Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((SDK / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_console_script_points_at_a_main_that_runs():
    target = PYPROJECT["project"]["scripts"]["minimind-client"]
    module_name, func_name = target.split(":")
    assert callable(getattr(importlib.import_module(module_name), func_name))
    code = f"import sys; from {module_name} import {func_name}; sys.exit({func_name}(['--help']))"
    done = subprocess.run([sys.executable, "-c", code], cwd=SDK, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage:")
    for command in ("register", "train", "ps", "logs", "stop", "delete", "logfiles"):
        assert command in done.stdout


def test_the_package_needs_nothing_but_the_standard_library():
    assert PYPROJECT["project"]["dependencies"] == []
    assert PYPROJECT["tool"]["setuptools"]["packages"] == ["minimind_sdk"]
    foreign = set()
    for source in (SDK / "minimind_sdk").glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"), str(source))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            foreign.update(n.split(".")[0] for n in names
                           if n.split(".")[0] not in sys.stdlib_module_names and n.split(".")[0] != "minimind_sdk")
    assert foreign == set()
