"""Hand-built spaCy Docs for rule tests: no model needed."""
import spacy
from spacy.tokens import Doc

from graphx.extract import lemmatizer
from graphx.mentions import find_mentions
from graphx.relations import find_relations
from graphx.resolve import resolve_article

VOCAB = spacy.blank("de").vocab


def make_doc(rows, ents=()):
    """rows: (word, lemma, pos, dep, head, morph) with head an absolute token index (itself for ROOT);
    ents: (start, end, label) token spans."""
    words = [r[0] for r in rows]
    doc = Doc(VOCAB, words=words, spaces=[True] * (len(words) - 1) + [False],
              lemmas=[r[1] for r in rows], pos=[r[2] for r in rows], deps=[r[3] for r in rows],
              heads=[r[4] for r in rows], morphs=[r[5] if len(r) > 5 else "" for r in rows])
    doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text), label=label)
                for s, e, label in ents]
    return doc


def relations_of(doc, article="test.txt"):
    mentions = find_mentions(doc)
    resolved = resolve_article(mentions, doc.text)
    return {(r["source"], r["relation"], r["target"]): r
            for r in find_relations(doc, mentions, resolved["names"], article, 0, None, lemmatizer())}


def doc_from(spec: str, ents=()):
    """A Doc from one token per line: "word lemma POS dep head [Case]" (head: absolute index)."""
    rows = []
    for line in spec.strip().splitlines():
        word, lemma, pos, dep, head, *case = line.split()
        rows.append((word, lemma, pos, dep, int(head), f"Case={case[0]}" if case else ""))
    return make_doc(rows, ents)
