#!/usr/bin/env python3
"""Run challenge sentences through graphx's real pipeline; recall and precision per label.

Usage: python tools/challenge.py tests/challenge/*.jsonl [--show]

Each line: {"text": "...", "relations": [[source, label, target], ...]}; an empty list is a negative
sentence. A name matches an entity by its name or any alias (case-insensitive). Precision counts
the found relations of the labels the files expect anywhere. --show prints misses and extras.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def load_items(paths) -> list:
    items = []
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"error: {path}:{number}: {exc.msg}")
                items.append(item)
    return items


def run(items, nlp=None) -> list:
    """The relations graphx finds in each item's text, as (source names, label, target names)."""
    from graphx.extract import Extractor, article_result
    from graphx.reader import Article
    nlp = nlp or Extractor().nlp
    found = []
    for item, doc in zip(items, nlp.pipe(item["text"] for item in items)):
        text = item["text"]
        article = Article(name="challenge.txt", path=None, text=text,
                          sha256=hashlib.sha256(text.encode()).hexdigest())
        result = article_result(article, [(0, doc)])
        names = {e["name"]: {e["name"].lower()} | {a.lower() for a in e["aliases"]} for e in result["entities"]}
        found.append([(names.get(r["source"], {r["source"].lower()}), r["relation"],
                       names.get(r["target"], {r["target"].lower()}), r["source"], r["target"])
                      for r in result["relations"]])
    return found


def matches(expected: str, names) -> bool:
    """An expected name matches an entity's name or alias, an inflected alias ("Washingtons") or one
    word of it ("Blinken" in "Antony Blinken")."""
    expected = expected.lower()
    return any(n == expected or n.startswith(expected) or expected in n.split() for n in names)


def score(items, found) -> dict:
    """Per label: tp, expected, predicted, with the misses and extras."""
    labels = {rel[1] for item in items for rel in item["relations"]}
    stats = {label: Counter() for label in labels}
    misses, extras = [], []
    for item, relations in zip(items, found):
        relations = [r for r in relations if r[1] in labels]
        used = set()
        for source, label, target in item["relations"]:
            hit = next((k for k, r in enumerate(relations) if k not in used and r[1] == label
                        and matches(source, r[0]) and matches(target, r[2])), None)
            stats[label]["expected"] += 1
            if hit is None:
                misses.append((item["text"], (source, label, target)))
            else:
                used.add(hit)
                stats[label]["tp"] += 1
        for k, r in enumerate(relations):
            stats[r[1]]["predicted"] += 1
            if k not in used:
                matched = any(r[1] == label and matches(source, r[0]) and matches(target, r[2])
                              for source, label, target in item["relations"])
                if matched:          # a duplicate of an expected relation (another alias)
                    stats[r[1]]["predicted"] -= 1
                else:
                    extras.append((item["text"], (r[3], r[1], r[4])))
    return {"stats": stats, "misses": misses, "extras": extras}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--show", action="store_true", help="print misses and extra relations")
    args = parser.parse_args(argv)
    try:
        items = load_items(args.files)
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    result = score(items, run(items))
    for label, c in sorted(result["stats"].items()):
        recall = c["tp"] / c["expected"] if c["expected"] else 0.0
        precision = c["tp"] / c["predicted"] if c["predicted"] else 1.0
        print(f"{label:20} R={recall:.3f} ({c['tp']}/{c['expected']})  P={precision:.3f} ({c['tp']}/{c['predicted']})")
    if args.show:
        for text, rel in result["misses"]:
            print("MISS ", rel, "|", text)
        for text, rel in result["extras"]:
            print("EXTRA", rel, "|", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
