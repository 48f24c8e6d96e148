"""The README's CLI reference matches the real --help, every command has help, every command line the
README shows is what --help says and runs, and CI runs them on a bare install."""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import cli_reference
import readme_commands


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

def _command(words):
    """The click command a README line calls, and its arguments."""
    import click

    from graphx.cli import main
    command, rest, path = main, list(words[1:]), ["graphx"]
    while isinstance(command, click.Group) and rest and rest[0] in command.commands:
        command = command.commands[rest[0]]
        path.append(rest.pop(0))
    return command, path, rest


def test_readme_shows_the_query_commands():
    shown = {tuple(_command(words)[1]) for words in readme_commands.readme_commands()}
    for name in ("build", "snapshots", "diff", "centrality", "show", "neighbors", "path", "communities", "export"):
        assert ("graphx", name) in shown, name


def test_every_readme_command_is_what_its_help_says():
    from click.testing import CliRunner

    from graphx.cli import main
    runner = CliRunner()
    for words in readme_commands.readme_commands():
        command, path, rest = _command(words)
        help_text = runner.invoke(main, path[1:] + ["--help"], terminal_width=100).output
        for word in rest:
            if word.startswith("--"):
                assert f"{word.split('=')[0]} " in help_text, f"{' '.join(words)}: {word} is not in --help"
        command.make_context(" ".join(path), list(rest))       # raises a UsageError if refused


def test_every_readme_command_runs(tmp_path, monkeypatch):
    """The README's commands in order, on the seeds (quick start) and the workflow's articles/ folder."""
    from click.testing import CliRunner

    from graphx.cli import main
    monkeypatch.chdir(tmp_path)

    def run(words, folder):
        result = CliRunner().invoke(main, words[1:], prog_name="graphx")
        return result.exit_code, result.output

    failed = readme_commands.run_all(tmp_path, run, log=lambda line: None)
    assert not failed, failed
    assert (tmp_path / "output" / "diff.html").is_file() and (tmp_path / "output" / "export" / "graph.gexf").is_file()


def test_ci_runs_every_readme_command_in_a_bare_install():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -q -e .\n' in ci and "tools/readme_commands.py --run" in ci
    assert ci.index("tools/readme_commands.py --run") < ci.index('pip install -e ".[test')
