"""The build command end to end, its error cases, and the graph.json contract."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphx.cli import main
from graphx.errors import ExitStatus
from graphx.graph import ENTITY_TYPES, RELATIONS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "eval" / "seeds_gold.jsonl"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def assert_one_line_error(result, status):
    assert result.exit_code == int(status), result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ")


def test_help_is_fast_because_nothing_heavy_is_imported():
    code = "import sys, graphx.cli; heavy = {'spacy', 'thinc', 'torch', 'flair', 'pyvis', 'networkx'} & set(sys.modules); print(sorted(heavy))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_missing_path(tmp_path):
    assert_one_line_error(run("build", tmp_path / "nope", "--out", tmp_path / "out"), ExitStatus.INPUT)


def test_bad_option_values_are_usage_errors(tmp_path):
    assert_one_line_error(run("build", SEEDS, "--ner", "foo", "--out", tmp_path / "out"), ExitStatus.USAGE)
    assert not (tmp_path / "out" / "graph.json").exists()


def test_empty_folder_and_folder_without_readable_articles(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert_one_line_error(run("build", empty, "--out", tmp_path / "out"), ExitStatus.INPUT)
    (empty / "x.txt").write_bytes(b"%PDF-1.4 binary")
    result = run("build", empty, "--out", tmp_path / "out")
    assert_one_line_error(result, ExitStatus.INPUT)
    assert f"{empty / 'x.txt'}: binary file (a PDF file)" in result.output


def test_any_language_reaches_the_reader(tmp_path, monkeypatch):
    from graphx import pipeline
    from graphx.errors import InputError
    seen = []

    def reader(paths, any_language=False):
        seen.append(any_language)
        raise InputError("stop here")
    monkeypatch.setattr(pipeline, "read_articles", reader)
    for args in ([], ["--any-language"]):
        assert_one_line_error(run("build", tmp_path, "--out", tmp_path / "out", *args), ExitStatus.INPUT)
    assert seen == [False, True]


def test_unwritable_output_keeps_existing_files(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    assert_one_line_error(run("build", SEEDS, "--out", blocker), ExitStatus.OUTPUT)
    assert blocker.read_text() == "not a folder"


def test_failed_build_leaves_previous_outputs_untouched(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.json").write_text('{"old": true}')
    result = run("build", tmp_path / "missing", "--out", out)
    assert result.exit_code == int(ExitStatus.INPUT)
    assert (out / "graph.json").read_text() == '{"old": true}'
    assert not list(out.glob(".*.tmp"))


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed_out")
    result = run("build", SEEDS, "--out", out, "--no-store")
    assert result.exit_code == 0, result.output
    return out, result.output


def test_build_on_seeds_prints_summary_and_writes_both_files(seed_build):
    out, output = seed_build
    assert "Articles read: 5" in output and "Highest degree:" in output
    assert (out / "graph.json").is_file() and (out / "graph.html").is_file()


def test_graph_json_follows_the_contract(seed_build):
    out, _ = seed_build
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert data["directed"] is True and data["multigraph"] is True
    graph = data["graph"]
    assert graph["graphx_version"] and graph["model"]["name"] and graph["built_at"]
    assert sorted(a["name"] for a in graph["articles"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(len(a["sha256"]) == 64 for a in graph["articles"])
    ids = set()
    for node in data["nodes"]:
        assert node["type"] in ENTITY_TYPES
        assert node["label"] == node["id"] and node["id"] in node["aliases"]
        assert node["articles"] and node["mentions"] >= 1
        ids.add(node["id"])
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert data["edges"], "the seeds must yield relations"
    for edge in data["edges"]:
        assert edge["source"] in ids and edge["target"] in ids
        assert edge["relation"] in RELATIONS
        assert edge["weight"] == len({(e["article"], e["start"]) for e in edge["evidence"]}) >= 1
        for evidence in edge["evidence"]:
            text = texts[evidence["article"]].replace("\r\n", "\n")
            assert text[evidence["start"]:evidence["end"]] == evidence["sentence"]
            assert evidence["status"] in ("stated", "alleged")


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not beside the repo")
def test_scorer_reads_the_graph(seed_build):
    out, _ = seed_build
    result = subprocess.run([sys.executable, str(SCORER), str(out / "graph.json"), str(GOLD)],
                            capture_output=True, text=True, check=True)
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("entities P=")
    # regression guard on the development set (issue targets: entities R>=0.90 P>=0.85, relations
    # R(required)>=0.80 P>=0.80); the rules are written for German news in general, not for these texts
    entities, relations = (dict(part.split("=") for part in side.split() if "=" in part)
                           for side in summary.split("|")[:2])
    assert float(entities["R"]) >= 0.90 and float(entities["P"]) >= 0.85
    assert float(relations["R(required)"]) >= 0.80 and float(relations["P"]) >= 0.80


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "graphx", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "build" in result.stdout
