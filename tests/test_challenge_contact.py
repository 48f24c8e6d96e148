"""The challenge sets of meetings, support, treaties and summons (tests/challenge/, invented German
news sentences) through the real pipeline: recall and precision per label stay above a floor."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
challenge = pytest.importorskip("challenge")

FLOORS = {"meets": 0.72, "supports": 0.82, "signed_treaty_with": 0.85, "summons": 0.90}   # recall reached: 0.79-0.97


@pytest.mark.slow
def test_contact_challenge_sets_keep_their_recall_and_precision():
    from graphx.annotate import DEFAULT_MODEL
    if not (Path(DEFAULT_MODEL) / "meta.json").exists():
        pytest.skip("packaged model not present")
    items = challenge.load_items([ROOT / "tests" / "challenge" / f"{label}.jsonl" for label in FLOORS])
    counts, lines = challenge.score(items, challenge.run(items))
    for label, floor in FLOORS.items():
        c = counts[label]
        assert c["hit"] / c["gold"] >= floor, (label, c, lines)
        assert c["hit"] / (c["hit"] + c["extra"]) >= 0.9, (label, c, lines)
