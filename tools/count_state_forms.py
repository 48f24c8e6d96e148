"""Count the forms of graphx/lexicons/state_adjectives.tsv (or any words) in text corpora, to curate the
lexicon: which spelling German news uses, which rows never occur. Prints counts, never corpus text.

    python tools/count_state_forms.py CORPUS...                  # every row: adjective and demonym counts
    python tools/count_state_forms.py CORPUS... --prefix eritre  # every word starting with a prefix
    python tools/count_state_forms.py CORPUS... --words kongolesisch Kongolese

A corpus is any text file (10kGNAD's csv, GermEval's tsv, plain text); .gz files are read too.
Adjectives are counted case-insensitively with the loader's endings; demonyms case-sensitively.
"""
from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphx.lexicon import ADJ_ENDINGS, rows

WORD = re.compile(r"[^\W\d_][\w-]*")


def count_words(paths) -> Counter:
    counts: Counter = Counter()
    for path in paths:
        opener = gzip.open if str(path).endswith(".gz") else open
        try:
            with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
                for line in handle:
                    counts.update(WORD.findall(line))
        except OSError as error:
            sys.exit(f"cannot read {path}: {error.strerror or error}")
    return counts


def adjective_count(counts: Counter, folded: Counter, stem: str) -> int:
    return sum(folded[(stem + ending).casefold()] for ending in ADJ_ENDINGS)


def demonym_count(counts: Counter, demonym: str) -> int:
    base = demonym[:-1] if demonym.endswith("e") and not demonym.endswith("ee") else demonym
    forms = {demonym, demonym + "n", demonym + "s", demonym + "en", demonym + "innen", base + "in", base + "innen"}
    return sum(counts[form] for form in forms)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--prefix", action="append", default=[], help="list words starting with this (folded)")
    parser.add_argument("--words", nargs="*", default=[], help="count these adjective stems / demonyms")
    args = parser.parse_args(argv)
    counts = count_words(args.corpora)
    folded: Counter = Counter()
    for word, n in counts.items():
        folded[word.casefold()] += n
    if args.prefix:
        for prefix in args.prefix:
            hits = sorted(((n, w) for w, n in counts.items() if w.casefold().startswith(prefix.casefold())),
                          reverse=True)
            print(prefix, " ".join(f"{w}:{n}" for n, w in hits[:40]) or "-")
        return 0
    if args.words:
        for word in args.words:
            n = demonym_count(counts, word) if word[:1].isupper() else adjective_count(counts, folded, word)
            print(f"{word}\t{n}")
        return 0
    for row in rows("state_adjectives.tsv"):
        demonyms = [d.strip() for d in row[2].split(",")] if len(row) > 2 and row[2] else []
        print("\t".join([row[0], row[1], str(adjective_count(counts, folded, row[0])),
                         ",".join(f"{d}:{demonym_count(counts, d)}" for d in demonyms)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
