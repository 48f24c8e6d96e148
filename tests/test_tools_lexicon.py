"""tools/lexicon_counts.py and tools/build_states.py on small data written for the test."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
lexicon_counts = pytest.importorskip("lexicon_counts")
build_states = pytest.importorskip("build_states")


@pytest.fixture
def corpora(tmp_path):
    (tmp_path / "news_10kgnad").mkdir()
    (tmp_path / "news_10kgnad" / "test.csv").write_text(
        "Inland;'Die UNO tagte. UNO-Gipfel in Wien, sagte die Sprecherin der Uno.'\n"
        "Kultur;'Das Bild hing schief.'\n", encoding="utf-8")
    (tmp_path / "germeval2014").mkdir()
    rows = "# x\n1\tDie\tO\tO\n2\tUNO\tB-ORG\tO\n3\ttagte\tO\tO\n\n# y\n1\tEin\tO\tO\n2\tBild\tO\tO\n\n"
    for name in ("NER-de-dev.tsv", "NER-de-test.tsv"):
        (tmp_path / "germeval2014" / name).write_text(rows, encoding="utf-8")
    return tmp_path


def test_counts_whole_words_compounds_and_org_spans(corpora, capsys):
    lexicon_counts.main(["--forms", "UNO|Bild|Vereinte Nationen", "--data", str(corpora)])
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()[1:]]
    counts = {cols[1]: cols[2:] for cols in lines}
    assert counts["UNO"] == ["1", "1", "2", "2", ""]          # "Uno" is another spelling, "UNO-Gipfel" a compound
    assert counts["Bild"][:4] == ["1", "0", "2", "0"]          # (and "common" with spacy-lookups-data)
    assert counts["Vereinte Nationen"] == ["0", "0", "0", "0", ""]


def test_counts_without_corpora_is_a_one_line_error(tmp_path):
    with pytest.raises(SystemExit, match="no corpora"):
        lexicon_counts.main(["--data", str(tmp_path)])


def test_extra_state_forms_merge_with_cldr_names_and_add_historic_states(tmp_path):
    data = tmp_path / "forms.tsv"
    data.write_text("# code\tcanonical\tforms\nCN\t\tVolksrepublik China\nSU\tSowjetunion\tUdSSR\n", encoding="utf-8")
    rows = build_states.state_rows({"CN": "China", "AT": "Österreich", "ZZ": "Unbekannte Region"},
                                   build_states.extra_forms(data))
    assert rows == [("China", "CN", ["China", "Volksrepublik China"]),
                    ("Sowjetunion", "SU", ["Sowjetunion", "UdSSR"]), ("Österreich", "AT", ["Österreich"])]


def test_a_bad_state_forms_line_names_its_line(tmp_path):
    data = tmp_path / "forms.tsv"
    data.write_text("CN\tVolksrepublik China\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="forms.tsv:1"):
        build_states.extra_forms(data)
