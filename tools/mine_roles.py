"""Mine candidate role nouns: the nouns right before a person's name ("Außenminister X", "HDP-Chef X")
or in apposition after it ("X, Sprecher des Y"), with counts, to curate graphx/lexicons/titles.tsv.

Person names come from GermEval 2014's gold PER spans or, in plain text such as 10kGNAD's test.csv, from
a given name (graphx/lexicons/first_names.txt) followed by a capitalised word. Prints word counts only,
never corpus text (10kGNAD is non-commercial: mine it, never commit it).

    python tools/mine_roles.py --germeval ../shared/data/germeval2014 --gnad ../shared/data/news_10kgnad/test.csv
    python tools/mine_roles.py ... --unknown      # only nouns titles.tsv does not match
    python tools/mine_roles.py ... --heads        # counts by the part after a compound's last hyphen
"""
import csv
import re
import sys
from collections import Counter
from pathlib import Path

import click
from spacy.lang.de.stop_words import STOP_WORDS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from graphx import lexicon

DETERMINERS = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "seine",
               "seiner", "ihre", "ihrer", "ihr", "sein"}
TOKEN = re.compile(r"[\w][\w\-.'’]*[\w]|[\w]|[^\w\s]")
WORD = re.compile(r"^[A-ZÄÖÜ][\w\-]*[a-zäöüß]$")
ADJECTIVE = re.compile(r"^[a-zäöüß][\w\-]*(e|en|er|es|em)$")


def germeval_sentences(directory: Path):
    """(tokens, person spans) per sentence of the GermEval 2014 files, spans as (first, last)."""
    for path in sorted(directory.glob("NER-de-*.tsv")):
        tokens, tags = [], []
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                parts = line.rstrip("\n").split("\t")
                if line.startswith("#"):
                    continue
                if len(parts) < 3:
                    if tokens:
                        yield tokens, tag_spans(tags)
                    tokens, tags = [], []
                    continue
                tokens.append(parts[1])
                tags.append(parts[2])
        if tokens:
            yield tokens, tag_spans(tags)


def tag_spans(tags):
    spans, start = [], None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and tag != "I-PER":
            spans.append((start, i - 1))
            start = None
        if tag == "B-PER":
            start = i
    return spans


def gnad_sentences(path: Path, given_names):
    """(tokens, person spans) per sentence of 10kGNAD's csv: a given name and the capitalised words after it."""
    csv.field_size_limit(10**8)
    with open(path, encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter=";", quotechar="'"):
            if len(row) < 2:
                continue
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", row[1]):
                tokens = TOKEN.findall(sentence)
                yield tokens, name_spans(tokens, given_names)


def name_spans(tokens, given_names):
    spans, i = [], 0
    while i < len(tokens):
        if tokens[i] in given_names and i + 1 < len(tokens) and tokens[i + 1][:1].isupper():
            j = i + 1
            while j + 1 < len(tokens) and tokens[j + 1][:1].isupper() and WORD.match(tokens[j + 1]) \
                    and tokens[j + 1] in given_names:
                j += 1
            spans.append((i, j))
            i = j + 1
        else:
            i += 1
    return spans


def role_nouns(tokens, spans, lowercase_words):
    """("before"|"after", noun) for each person span."""
    inside = {k for first, last in spans for k in range(first, last + 1)}
    for first, last in spans:
        i = first - 1
        if i >= 0 and i not in inside and is_noun(tokens[i], i == 0, lowercase_words):
            yield "before", tokens[i]
        j = last + 1
        if j + 1 < len(tokens) and tokens[j] == ",":
            k = j + 1
            if tokens[k].lower() in DETERMINERS:
                k += 1
            while k < len(tokens) and ADJECTIVE.match(tokens[k]):
                k += 1
            if k < len(tokens) and k not in inside and is_noun(tokens[k], False, lowercase_words):
                yield "after", tokens[k]


def is_noun(word, sentence_start, lowercase_words) -> bool:
    if not WORD.match(word) or word.isupper() or word.lower() in STOP_WORDS:
        return False
    return not (sentence_start and word.lower() in lowercase_words)


def head(word: str) -> str:
    return word.rsplit("-", 1)[-1].capitalize() if "-" in word else word


@click.command()
@click.option("--germeval", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--gnad", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--unknown", is_flag=True, help="Only nouns titles.tsv does not match.")
@click.option("--heads", is_flag=True, help="Count by the part after a compound's last hyphen.")
@click.option("--min-count", default=2, show_default=True)
def main(germeval, gnad, unknown, heads, min_count):
    """Print noun, count before a name, count after it, total, and the titles.tsv stem and relation."""
    if not germeval and not gnad:
        raise click.UsageError("give --germeval DIR and/or --gnad CSV")
    lex = lexicon.load()
    words = lexicon.word_forms()
    lowercase_words = {w for pair in words.items() for w in pair if w[:1].islower()} | STOP_WORDS
    given = set(lex.first_names)
    counts = {"before": Counter(), "after": Counter()}
    sources = []
    if germeval:
        sources.append(germeval_sentences(germeval))
    if gnad:
        sources.append(gnad_sentences(gnad, given))
    for source in sources:
        for tokens, spans in source:
            for where, noun in role_nouns(tokens, spans, lowercase_words):
                counts[where][head(noun) if heads else noun] += 1
    total = counts["before"] + counts["after"]
    names = [name for name, given in (("GermEval 2014 dev+test", germeval), ("10kGNAD test.csv", gnad)) if given]
    print(f"# tools/mine_roles.py: nouns before/after person names in {', '.join(names)}; counts only")
    print("noun\tbefore\tafter\ttotal\tstem\trelation")
    for noun, n in sorted(total.items(), key=lambda item: (-item[1], item[0])):
        if n < min_count:
            continue
        hit = lex.title_relation(noun)
        if unknown and hit:
            continue
        stem, relation = hit if hit else ("-", "-")
        print(f"{noun}\t{counts['before'][noun]}\t{counts['after'][noun]}\t{n}\t{stem}\t{relation}")


if __name__ == "__main__":
    main()
