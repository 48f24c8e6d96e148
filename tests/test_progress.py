"""The build's progress: a bar on a terminal after a few seconds, one summary line elsewhere, --quiet."""
import io

from click.testing import CliRunner

from graphx.progress import BuildProgress, clock_text


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def run_build(tty, seconds_per_article, total=40, width=100):
    stream, clock = io.StringIO(), Clock()
    progress = BuildProgress(stream, tty=tty, clock=clock, width=width)
    clock.now += 5.0                     # model loading
    progress(0, total)
    snapshots = []
    for done in range(1, total + 1):
        clock.now += seconds_per_article
        progress(done, total)
        snapshots.append(stream.getvalue())
    progress.finish()
    return stream.getvalue(), snapshots


def test_on_a_terminal_a_bar_with_count_rate_and_time_left():
    text, snapshots = run_build(tty=True, seconds_per_article=0.5)
    middle = snapshots[19].rsplit("\r", 1)[-1]
    assert middle.startswith("Extracting 20/40 articles") and " 50%" in middle
    assert "2.0 articles/s" in middle and "0:10 left" in middle and "[#" in middle and len(middle) < 100
    assert text.endswith("\r\x1b[KExtracted 40 articles in 0:25 (1.6 articles/s)\n")


def test_elsewhere_only_the_final_summary():
    text, snapshots = run_build(tty=False, seconds_per_article=0.5)
    assert snapshots[-2] == "" and text == "Extracted 40 articles in 0:25 (1.6 articles/s)\n"


def test_a_short_build_shows_nothing():
    stream, clock = io.StringIO(), Clock()
    progress = BuildProgress(stream, tty=True, clock=clock)
    for done in range(4):
        clock.now += 0.1
        progress(done, 3)
    progress.finish()
    assert stream.getvalue() == ""


def test_an_interrupted_bar_ends_its_line_without_a_summary():
    stream, clock = io.StringIO(), Clock()
    progress = BuildProgress(stream, tty=True, clock=clock)
    clock.now += 3
    progress(0, 10)
    clock.now += 1
    progress(1, 10)
    progress.finish()
    assert stream.getvalue().endswith("\n") and "Extracted" not in stream.getvalue()


def test_clock_text():
    assert clock_text(5) == "0:05" and clock_text(125) == "2:05" and clock_text(3725) == "1:02:05"


def test_quiet_build_writes_no_progress(tmp_path, monkeypatch):
    from graphx.cli import main

    monkeypatch.setattr("graphx.progress.DELAY", 0.0)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Die Regierung in Berlin kritisierte Russland.", encoding="utf-8")
    loud = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "o1"), "--no-store"])
    quiet = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "o2"), "--no-store",
                                      "--quiet"])
    assert loud.exit_code == quiet.exit_code == 0, loud.output
    assert "Extracted 1 article in" in loud.stderr and "Extracted" not in quiet.stderr
    assert "Articles read: 1" in quiet.stdout
