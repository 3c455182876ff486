"""CI checks what a user types: ``.ci/run`` runs the README's two commands exactly, nothing before them."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> tuple[str, str]:
    """The README's set-up command and test command: the first two fenced blocks without a language."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```\n(.*?)\n```$", text, flags=re.S | re.M)
    setup, tests = blocks[0].strip(), blocks[1].strip()
    return setup, tests


def script_lines() -> list[str]:
    """The commands of ``.ci/run``: lines that are neither blank nor comments."""
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.strip().startswith("#")]


def test_ci_readme_commands_are_the_first_two_blocks():
    setup, tests = readme_commands()
    assert "pip install" in setup and "saidwhat extract" in setup
    assert "pytest" in tests


def test_ci_runs_readme_setup_and_test_commands_exactly_and_last():
    setup, tests = readme_commands()
    lines = script_lines()
    assert setup in lines and tests in lines
    assert lines.index(setup) < lines.index(tests) == len(lines) - 1


def test_ci_runs_no_python_step_before_the_setup_command():
    setup, _ = readme_commands()
    lines = script_lines()
    before = lines[: lines.index(setup)]
    # Only shell housekeeping and the system packages the README names (Chromium) may come first.
    for line in before:
        assert not re.search(r"\b(pip|python3?|\.venv|uv|saidwhat)\b", line), line
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    installs = [ln for ln in before if "apt-get install" in ln]
    for line in installs:
        for package in line.split("install", 1)[1].split():
            if not package.startswith("-") and not package.startswith(">"):
                assert package.split("-")[0] in readme, package
