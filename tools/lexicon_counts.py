"""How often the forms of an organisation or state lexicon occur in the permitted news corpora, to curate
graphx/lexicons/organizations.tsv and tools/state_forms.tsv: a form that never occurs and is also an
ordinary word or given name ("common") is better left out.

Columns: canonical, form, 10kGNAD (test.csv, case-sensitive whole words), 10kGNAD as the first part of a
hyphen compound ("UNO-Gipfel"), GermEval 2014 (dev+test), GermEval inside an ORG-labelled span, common.

Run: python tools/lexicon_counts.py [organizations|states] [--zero] [--forms 'A|B'] [--data ../shared/data]
Only counts are printed, never corpus text.
"""
import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphx.lexicon import common_nouns, load, rows, word_forms


def lexicon_forms(which: str):
    """(canonical, form) pairs of the organisation lexicon or of the extra state forms."""
    if which == "organizations":
        for row in rows("organizations.tsv"):
            for form in dict.fromkeys(row[1].split("|") + [row[0]]):
                yield row[0], form
    else:
        with open(ROOT / "tools" / "state_forms.tsv", encoding="utf-8") as handle:
            for line in handle:
                if line.strip() and not line.startswith("#"):
                    code, canonical, forms = (line.rstrip("\n").split("\t") + ["", ""])[:3]
                    for form in forms.split("|"):
                        yield canonical or code, form


def news_text(data: Path) -> str:
    with open(data / "news_10kgnad" / "test.csv", encoding="utf-8") as handle:
        return "\n".join(row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) > 1)


def germeval(data: Path):
    """(sentences joined by newlines, ORG spans joined by newlines) of GermEval 2014 dev and test."""
    sentences, orgs = [], []
    for name in ("NER-de-dev.tsv", "NER-de-test.tsv"):
        words, span = [], []
        with open(data / "germeval2014" / name, encoding="utf-8") as handle:
            for line in handle:
                cols = line.rstrip("\n").split("\t")
                if line.startswith("#") or len(cols) < 3:
                    if span:
                        orgs.append(" ".join(span))
                    if words:
                        sentences.append(" ".join(words))
                    words, span = [], []
                    continue
                words.append(cols[1])
                if cols[2] == "I-ORG" and span:
                    span.append(cols[1])
                    continue
                if span:
                    orgs.append(" ".join(span))
                span = [cols[1]] if cols[2] == "B-ORG" else []
    return "\n".join(sentences), "\n".join(orgs)


def count(pattern: re.Pattern, text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("which", nargs="?", default="organizations", choices=("organizations", "states"))
    parser.add_argument("--zero", action="store_true", help="only forms found in neither corpus")
    parser.add_argument("--forms", help="count these |-separated candidate forms instead")
    parser.add_argument("--data", type=Path, default=ROOT.parent.parent / "shared" / "data")
    args = parser.parse_args(argv)
    if not (args.data / "news_10kgnad" / "test.csv").is_file():
        sys.exit(f"error: no corpora under {args.data} (use --data)")
    news = news_text(args.data)
    sentences, orgs = germeval(args.data)
    words = word_forms()
    nouns, given = common_nouns(), load().first_names
    print("canonical\tform\t10kGNAD\tcompound\tGermEval\tGermEval-ORG\tcommon")
    totals = Counter()
    pairs = [("?", form) for form in args.forms.split("|")] if args.forms else lexicon_forms(args.which)
    for canonical, form in pairs:
        whole = re.compile(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])")
        prefix = re.compile(r"(?<![\w-])" + re.escape(form) + r"-\w")
        found = (count(whole, news), count(prefix, news), count(whole, sentences), count(whole, orgs))
        common = " " not in form and (form in words or form.lower() in words or form in nouns or form in given)
        totals["forms"] += 1
        if not any(found[:3]):
            totals["zero"] += 1
            if common:
                totals["zero and common"] += 1
        elif args.zero:
            continue
        print("\t".join([canonical, form, *map(str, found), "common" if common else ""]))
    print("# " + ", ".join(f"{key}: {value}" for key, value in totals.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
