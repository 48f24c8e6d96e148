"""The graphx command lines of the README's ```bash blocks: list them, or run them all in a scratch folder.

    python tools/readme_commands.py                       # list them
    python tools/readme_commands.py --run [--graphx CMD]  # run each (CMD default: python -m graphx)

The run follows the README: the quick start builds `seeds/`; the workflow's `articles/` folder starts
with all seeds but the last, and each later `graphx build articles/` finds one more (the new articles
that "arrive"). Every command must exit 0. Only the standard library is used, so a bare install can run it.
"""
from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SEEDS = ROOT / "seeds"


def readme_commands(text: str | None = None) -> list[list[str]]:
    """Each `graphx ...` command of the README's bash blocks as its words (comments dropped)."""
    text = README.read_text(encoding="utf-8") if text is None else text
    found = []
    for block in re.findall(r"^\s*```bash\n(.*?)^\s*```", text, flags=re.DOTALL | re.MULTILINE):
        for line in block.splitlines():
            for part in line.split("&&"):
                words = shlex.split(part, comments=True)
                if words and words[0] == "graphx":
                    found.append(words)
    return found


class Workspace:
    """A scratch folder with `seeds/` and the growing `articles/` folder of the README's workflow."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.seeds = sorted(p for p in SEEDS.iterdir() if p.suffix in (".txt", ".md", ".html"))
        shutil.copytree(SEEDS, self.folder / "seeds")
        (self.folder / "articles").mkdir()
        self.added = 0
        self.add(len(self.seeds) - 1)

    def add(self, n: int) -> None:
        for path in self.seeds[self.added:self.added + n]:
            shutil.copy(path, self.folder / "articles" / path.name)
        self.added = min(len(self.seeds), self.added + n)

    def before(self, words: list[str], builds: dict) -> None:
        """A second or later build of articles/: one more article has arrived."""
        if words[:2] == ["graphx", "build"] and "articles/" in words:
            if builds.setdefault("articles", 0):
                self.add(1)
            builds["articles"] += 1


def run_all(folder: Path, run, log=print) -> list[tuple[str, int, str]]:
    """Run every README command with `run(words, folder) -> (exit code, output)`; returns the failures."""
    workspace, builds, failed = Workspace(folder), {}, []
    for words in readme_commands():
        workspace.before(words, builds)
        code, output = run(words, folder)
        line = shlex.join(words)
        log(f"{'ok  ' if code == 0 else 'FAIL'} (exit {code}) {line}")
        if code != 0:
            log(output.rstrip())
            failed.append((line, code, output))
    return failed


def subprocess_runner(graphx: list[str]):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))

    def run(words, folder):
        done = subprocess.run(graphx + words[1:], cwd=folder, env=env, capture_output=True, text=True,
                              timeout=900)
        return done.returncode, done.stdout + done.stderr
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", action="store_true", help="run every command in a scratch folder")
    parser.add_argument("--graphx", default=None, help="the graphx command (default: python -m graphx)")
    args = parser.parse_args()
    if not args.run:
        for words in readme_commands():
            print(shlex.join(words))
        return 0
    graphx = shlex.split(args.graphx) if args.graphx else [sys.executable, "-m", "graphx"]
    with tempfile.TemporaryDirectory(prefix="graphx-readme-") as folder:
        failed = run_all(Path(folder), subprocess_runner(graphx))
    print(f"{len(failed)} of {len(readme_commands())} README commands failed" if failed
          else f"all {len(readme_commands())} README commands ran")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
