"""The challenge sets for supplies, sanctions and attacks (tests/challenge/, invented sentences)
through the real pipeline: recall and precision must not fall below the floors."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
challenge = pytest.importorskip("challenge")

FLOORS = {"supplies": 0.75, "sanctions": 0.85, "attacks": 0.85}


@pytest.mark.slow
def test_challenge_sets_keep_their_recall_floors():
    items = challenge.load_items([ROOT / "tests" / "challenge" / f"{label}.jsonl" for label in FLOORS])
    counts, lines = challenge.score(items, challenge.run(items))
    for label, floor in FLOORS.items():
        c = counts[label]
        assert c["hit"] / c["gold"] >= floor, (label, c, lines)
        assert c["hit"] / max(1, c["hit"] + c["extra"]) >= 0.9, (label, c, lines)
