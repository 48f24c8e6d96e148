"""Print (or --write into README.md) the CLI reference generated from the real --help texts."""
import re
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from graphx.cli import main

BEGIN, END = "<!-- cli-reference:begin -->", "<!-- cli-reference:end -->"
README = Path(__file__).resolve().parent.parent / "README.md"


def commands(group=main, prefix=("graphx",)):
    yield prefix, group
    if isinstance(group, click.Group):
        for name in sorted(group.commands):
            yield from commands(group.commands[name], prefix + (name,))


def reference() -> str:
    parts = []
    runner = CliRunner()
    for path, _ in commands():
        out = runner.invoke(main, list(path[1:]) + ["--help"], prog_name="graphx", terminal_width=100).output
        parts.append(f"### `{' '.join(path)}`\n\n```\n{out.rstrip()}\n```\n")
    return "\n".join(parts)


def write() -> None:
    text = README.read_text(encoding="utf-8")
    block = f"{BEGIN}\n{reference()}{END}"
    README.write_text(re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, text, flags=re.DOTALL),
                      encoding="utf-8")


if __name__ == "__main__":
    write() if "--write" in sys.argv else print(reference())
