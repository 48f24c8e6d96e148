"""The README's CLI reference matches the real --help, every command has help, CI runs the README's command."""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import cli_reference  # noqa: E402


def test_every_command_has_help():
    for path, command in cli_reference.commands():
        assert (command.help or "").strip(), f"{' '.join(path)} has no help"


def test_readme_cli_reference_is_up_to_date():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(cli_reference.BEGIN, 1)[1].split(cli_reference.END, 1)[0]
    assert block.strip() == cli_reference.reference().strip(), \
        "README CLI reference is stale: run python tools/cli_reference.py --write"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install = re.search(r"pip install -e \"\.\[test[^\"]*\]\"", readme).group(0)
    assert install in ci and "python -m pytest" in readme and "python -m pytest" in ci
