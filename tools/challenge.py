"""Challenge sets: invented sentences, each with the relations it states, built through graphx's
real pipeline; prints recall and precision per label and (--show) the misses and extra edges.

    python tools/challenge.py tests/challenge/*.jsonl [--show]

A line: {"text": "...", "relations": [["Quelle", "label", "Ziel"], ...]} (an empty list: a
sentence that states none). A name matches an entity by its name or an alias, a person also by surname.
Precision counts the found edges of the labels each sentence's file tests."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SYMMETRIC = {"signed_treaty_with", "meets"}


def load_items(paths) -> list:
    items = []
    for path in paths:
        own = []
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                item = json.loads(line)
                item["where"] = f"{Path(path).name}:{number}"
                own.append(item)
        labels = {r[1] for item in own for r in item["relations"]}
        for item in own:          # extras count only for the labels its own file tests
            item["labels"] = labels
        items += own
    return items


def run(items) -> list:
    """The ArticleResult of every item's text (one article per sentence)."""
    from graphx.extract import Extractor, extract_indexed
    from graphx.reader import Article

    articles = [Article(name=f"c{i:04}.txt", path=None, text=item["text"]) for i, item in enumerate(items)]
    results = [None] * len(articles)
    for index, result in extract_indexed(Extractor().nlp, articles):
        results[index] = result
    return results


def matches(expected: str, entity: dict) -> bool:
    """By name or alias, an inflected alias ("Washingtons") or one word of it ("Blinken" for "Antony
    Blinken"); a person also by part of the name ("Putin" for "Wladimir Putin")."""
    want = expected.casefold()
    names = [entity["name"].casefold()] + [a.casefold() for a in entity.get("aliases", ())]
    return any(n == want or n.startswith(want) or want in n.split() for n in names) or \
        (entity.get("type") == "PERSON" and any(set(n.split()) <= set(want.split()) for n in names if n))


def compare(item, result):
    """(hits, misses, extras) of one item: triples as expected / as found."""
    entities = {e["name"]: e for e in result["entities"]}
    found = {(r["source"], r["relation"], r["target"]) for r in result["relations"]}

    def same(want, got):
        s, label, t = want
        ends = [(got[0], got[2])] + ([(got[2], got[0])] if label in SYMMETRIC else [])
        return got[1] == label and any(
            matches(s, entities.get(a, {"name": a})) and matches(t, entities.get(b, {"name": b})) for a, b in ends)

    hits, misses = [], []
    for want in map(tuple, item["relations"]):
        (hits if any(same(want, got) for got in found) else misses).append(want)
    extras = [got for got in found if not any(same(tuple(w), got) for w in item["relations"])]
    return hits, misses, extras


def score(items, results):
    """Per label: expected, found-expected, found, found-correct; plus the error lines."""
    counts = {}
    lines = []
    for item, result in zip(items, results):
        hits, misses, extras = compare(item, result)
        for s, label, t in hits + misses:
            c = counts.setdefault(label, Counter())
            c["gold"] += 1
        for s, label, t in hits:
            counts[label]["hit"] += 1
        for miss in misses:
            lines.append(f"MISS  {item['where']}  {miss}  | {item['text']}")
        for extra in extras:
            if extra[1] in item["labels"]:
                counts.setdefault(extra[1], Counter())["extra"] += 1
                lines.append(f"EXTRA {item['where']}  {extra}  | {item['text']}")
    return counts, lines


def main(argv=None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    show = "--show" in args
    paths = [a for a in args if a != "--show"]
    if not paths:
        print("usage: python tools/challenge.py FILE.jsonl ... [--show]", file=sys.stderr)
        return 2
    try:
        items = load_items(paths)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    counts, lines = score(items, run(items))
    if show:
        print("\n".join(lines))
    for label, c in sorted(counts.items()):
        gold, hit, extra = c["gold"], c["hit"], c["extra"]
        recall = hit / gold if gold else 0.0
        precision = hit / (hit + extra) if hit + extra else 1.0
        print(f"{label:20} R {recall:.2f} ({hit}/{gold})  P {precision:.2f} (extra {extra})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
