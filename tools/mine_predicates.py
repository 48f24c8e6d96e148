"""Mine predicate candidates for graphx/lexicons/cues.jsonl from permitted text.

graphx's own pipeline (the shipped model, graphx's mention finder) runs over the texts; for every two
mentions of different entities in one clause, the words that join them on the dependency path are
counted: the verb they hang from (with its separable particle and "sich"), the nouns between (light-verb
nouns such as "Kritik" in "Kritik an X üben", compounds grouped by their last part) and participles used
as adjectives ("die an X gelieferten Panzer"), each with the argument pattern seen (subj, obj, dat,
pp:<prep>, agent, mod, pair). Nothing of the texts is written out, only lemmas, patterns and counts.

Run:  python tools/mine_predicates.py --out /tmp/candidates.json            (all corpora below)
      python tools/mine_predicates.py --corpus 10kgnad --limit 50 --top 40   (a quick look)
The 10kGNAD articles that are also in ../shared/eval/dev are left out (they are the evaluation set).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphx.errors import GraphxError
from graphx.lexicon import fold, load

DATA = ROOT.parent.parent / "shared" / "data"
EVAL_DEV = ROOT.parent.parent / "shared" / "eval" / "dev" / "articles"
CORPORA = ("10kgnad", "germeval", "ud")
CLAUSE_DEPS = {"acl", "acl:relcl", "ccomp", "xcomp", "advcl", "parataxis", "csubj", "csubj:pass", "appos",
               "list", "dep", "root"}
CONTRACTIONS = {"im": "in", "ins": "in", "beim": "bei", "vom": "von", "zum": "zu", "zur": "zu", "am": "an",
                "ans": "an", "aufs": "auf", "übers": "über", "fürs": "für"}
AUXILIARIES = {"sein", "haben", "werden", "können", "müssen", "sollen", "wollen", "dürfen", "mögen"}
PARTICLES = {"ab", "an", "auf", "aus", "bei", "dar", "ein", "fest", "fort", "gegenüber", "her", "hin", "los",
             "mit", "nach", "vor", "vorbei", "weg", "zu", "zurück", "zusammen", "entgegen", "hervor", "heraus",
             "bereit", "statt", "teil", "weiter", "herbei", "hinweg", "voran"}
MAX_STEPS = 3          # edges from a mention up to the joining word


# ------------------------------------------------------------------ texts

def read_10kgnad(limit=None):
    """(name, text) per 10kGNAD test article, without the articles of the dev evaluation set."""
    held_out = {fold(p.read_text(encoding="utf-8"))[:200] for p in EVAL_DEV.glob("*.txt")} \
        if EVAL_DEV.is_dir() else set()
    path = DATA / "news_10kgnad" / "test.csv"
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter=";", quotechar="'"))
    count = 0
    for number, row in enumerate(rows):
        if len(row) < 2:
            continue
        text = row[1]
        if any(key[:120] in fold(text) for key in held_out):
            continue
        yield f"10kgnad-{number}", text
        count += 1
        if limit and count >= limit:
            return


def read_germeval(limit=None):
    """GermEval 2014 sentences (tokens joined by spaces), in groups of 20 as pseudo-articles."""
    sentences = []
    for name in ("NER-de-dev.tsv", "NER-de-test.tsv"):
        tokens = []
        for line in (DATA / "germeval2014" / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 2:
                if tokens:
                    sentences.append(" ".join(tokens))
                tokens = []
            else:
                tokens.append(cells[1])
    yield from grouped("germeval", sentences, limit)


def read_ud(limit=None):
    """The '# text =' lines of UD German GSD and PUD (LIT is literature, left out)."""
    sentences = []
    for name in ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu", "de_pud-ud-test.conllu"):
        for line in (DATA / "ud_german" / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                sentences.append(line[len("# text = "):].strip())
    yield from grouped("ud", sentences, limit)


def grouped(prefix, sentences, limit):
    for number, start in enumerate(range(0, len(sentences), 20)):
        if limit and number >= limit:
            return
        yield f"{prefix}-{number}", "\n\n".join(sentences[start:start + 20])


READERS = {"10kgnad": read_10kgnad, "germeval": read_germeval, "ud": read_ud}


# ------------------------------------------------------------------ the parse

def lemma_of(token, table) -> str:
    """The verb's lemma with its separable particle ("zurückweisen"), "sich " for reflexives."""
    lemma = table.get(token.text, token.lemma_) if token.pos_ in ("VERB", "AUX") else token.lemma_
    lemma = fold(lemma or token.text)
    for child in token.children:
        if (child.dep_ in ("compound:prt", "svp") or child.tag_ == "PTKVZ") and child.lower_ in PARTICLES:
            lemma = child.lower_ + lemma
    if "Fin" in token.morph.get("VerbForm"):
        particle = final_particle(token)
        if particle and not lemma.startswith(particle):
            lemma = particle + lemma
    if any(c.lower_ == "sich" for c in token.children):
        lemma = "sich " + lemma
    return lemma


def final_particle(verb):
    sent = verb.sent
    for j in range(verb.i + 1, sent.end):
        token = verb.doc[j]
        if token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm"):
            return None
        if token.lower_ in PARTICLES and (j + 1 == sent.end or verb.doc[j + 1].is_punct):
            return token.lower_
        if token.text in (".", ";", ":", "!", "?"):
            return None
    return None


def preposition(token):
    for child in token.children:
        if child.dep_ in ("case", "ac") or (child.pos_ == "ADP" and child.i < token.i):
            return CONTRACTIONS.get(child.lower_, child.lower_)
    return None


def is_passive(verb) -> bool:
    return any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children) or \
        any(c.lemma_ == "werden" and c.dep_.startswith("aux") for c in verb.children) and \
        "Part" in verb.morph.get("VerbForm")


def role(child, head) -> str:
    """The argument role of `child` under `head`, in the vocabulary of cues.jsonl."""
    dep, prep = child.dep_, preposition(child)
    if prep:
        if prep in ("von", "durch") and head.pos_ in ("VERB", "AUX", "ADJ") and \
                (is_passive(head) or "Part" in head.morph.get("VerbForm")):
            return "agent"
        return "pp:" + prep
    if dep in ("nsubj", "sb"):
        return "subj"
    if dep == "nsubj:pass":
        return "obj"
    if dep in ("obj", "oa", "dobj"):
        return "dat" if "Dat" in child.morph.get("Case") else "obj"
    if dep in ("iobj", "da"):
        return "dat"
    if dep in ("amod", "nmod:poss", "det:poss", "ag", "flat", "compound") or \
            (dep == "nmod" and "Gen" in child.morph.get("Case")):
        return "mod"
    return dep


def chain(token, stop, limit=MAX_STEPS):
    """The tokens from `token` up to (not including) the ancestor `stop`, or None when the way crosses
    a clause boundary or is longer than `limit`."""
    way = []
    while token != stop:
        if len(way) >= limit or token.head == token:
            return None
        if token.dep_ in CLAUSE_DEPS:
            return None
        way.append(token)
        token = token.head
    return way


def join_point(a, b):
    ancestors = {a.i: 0}
    node = a
    while node.head != node:
        node = node.head
        ancestors[node.i] = len(ancestors)
    node = b
    while node.i not in ancestors:
        if node.head == node:
            return None
        node = node.head
    return node


class Miner:
    """Counts, per candidate lemma, the argument patterns seen between two mentions."""

    def __init__(self):
        self.table = lexicon_table()
        self.verbs = defaultdict(Counter)        # lemma -> Counter of (role a, role b) patterns
        self.nouns = defaultdict(Counter)
        self.participles = defaultdict(Counter)
        self.articles = defaultdict(set)
        self.pairs = 0

    def doc(self, name, doc, mentions):
        by_token = {}
        for m in mentions:
            by_token[m.token] = m
        for token in doc:
            if token.dep_ in ("amod", "nk") and token.pos_ in ("ADJ", "VERB") and looks_participle(token, self.table):
                self.participle(name, doc, token, mentions)
        for sent in doc.sents:
            inside = [m for m in mentions if sent.start <= m.token < sent.end]
            for x, first in enumerate(inside):
                for second in inside[x + 1:]:
                    if first.key != second.key:
                        self.pair(name, doc, doc[first.token], doc[second.token], by_token)

    def pair(self, name, doc, a, b, by_token):
        top = join_point(a, b)
        if top is None:
            return
        way_a, way_b = chain(a, top), chain(b, top)
        if way_a is None or way_b is None:
            return
        if top in (a, b):          # one names the other's phrase ("Präsident X"): no predicate
            return
        if any(t.dep_ == "conj" for t in way_a[:1] + way_b[:1]) and (not way_a[1:] or not way_b[1:]):
            pattern = ("pair", "pair")
        else:
            pattern = None
        self.pairs += 1
        ends = []
        for way in (way_a, way_b):
            way = [t for t in way if t.dep_ != "conj" or t == way[0]]
            nouns = [t for t in way[1:] if t.pos_ == "NOUN" and t.i not in by_token]
            ends.append((way, nouns))
        roles = [role(way[-1], top) for way, _ in ends]
        if pattern is None:
            pattern = tuple(roles)
        participle = top.dep_ in ("amod", "nk") and looks_participle(top, self.table)
        if participle:
            return                 # counted by position in `participle`
        if top.pos_ in ("VERB", "AUX"):
            lemma = lemma_of(top, self.table)
            if lemma in AUXILIARIES:
                return
            inner = [f"{r}>{fold(n[-1].lemma_)}" if n else r for r, (_, n) in zip(pattern, ends)]
            self.verbs[lemma][tuple(inner)] += 1
            self.articles[lemma].add(name)
            for (way, nouns), other in zip(ends, reversed(pattern)):
                for noun in nouns[-1:]:       # the noun right under the verb: "Kritik (an X) üben"
                    below = way[way.index(noun) - 1]
                    key = noun_key(noun)
                    self.nouns[key][(f"gov:{lemma}:{other}", role(below, noun))] += 1
                    self.articles[key].add(name)
        elif top.pos_ in ("NOUN", "PROPN") and top.i not in by_token:
            key = noun_key(top)
            self.nouns[key][pattern] += 1
            self.articles[key].add(name)


    def participle(self, name, doc, token, mentions):
        """"die von X an Y gelieferten Panzer": the parser seldom hangs X and Y from the participle, so
        the mentions between the noun phrase's article and the participle are read by position."""
        noun = token.head
        articles = [c.i for c in noun.children if c.dep_ in ("det", "nk") and c.i < token.i]
        start = min(articles) if articles else max(token.sent.start, token.i - 8)
        inside = [m for m in mentions if start < m.first and m.last < token.i]
        if not inside:
            return
        roles = []
        for m in inside:
            before = [t for t in doc[start:m.first] if t.pos_ == "ADP"]
            prep = CONTRACTIONS.get(before[-1].lower_, before[-1].lower_) if before else None
            roles.append("agent" if prep in ("von", "durch") else f"pp:{prep}" if prep else "mod")
        lemma = fold(self.table.get(token.text, token.lemma_) or token.text)
        self.participles[lemma][tuple(roles)] += 1
        self.articles[lemma].add(name)
        self.pairs += len(inside) > 1


def looks_participle(token, table) -> bool:
    """A past participle used as an adjective: "gelieferten", "verhängten", "zurückgewiesenen"."""
    word = token.lower_
    if not word.endswith(("t", "te", "ten", "tem", "ter", "tes", "en", "ene", "enen", "enem", "ener", "enes")):
        return False
    if "Part" in token.morph.get("VerbForm"):
        return True
    lemma = table.get(token.text, token.lemma_) or ""
    return word.startswith("ge") or any(word.startswith(p + "ge") for p in PARTICLES) or \
        (lemma != token.text and lemma.endswith(("en", "ern", "eln")) and lemma[:1].islower())


def noun_key(token) -> str:
    lemma = token.lemma_ or token.text
    return lemma[:1].upper() + lemma[1:]


def lexicon_table():
    from graphx.lexicon import word_forms
    return word_forms()


def compound_heads(nouns) -> dict:
    """Noun -> the longest other mined noun it ends with ("Waffenlieferung" -> "Lieferung")."""
    keys = sorted(nouns, key=len)
    heads = {}
    for noun in nouns:
        low = fold(noun).rsplit("-", 1)[-1]
        best = None
        for other in keys:
            o = fold(other)
            if o != fold(noun) and len(o) >= 4 and len(low) > len(o) + 2 and low.endswith(o):
                best = other if best is None or len(other) > len(best) else best
        heads[noun] = best or noun
    return heads


# ------------------------------------------------------------------ run

def run(corpora, limit, batch_size=16):
    from graphx.annotate import load_pipeline
    from graphx.extract import add_paragraph_boundaries, segments
    from graphx.mentions import add_article_names, find_mentions

    lex = load()
    nlp = load_pipeline()
    add_paragraph_boundaries(nlp)
    miner = Miner()
    for corpus in corpora:
        texts = list(READERS[corpus](limit))
        pieces = [(chunk, name) for name, text in texts for _, chunk in segments(text)]
        print(f"{corpus}: {len(texts)} texts, {len(pieces)} pieces", file=sys.stderr)
        for doc, name in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
            mentions = find_mentions(doc, lex)
            persons = sorted({m.key for m in mentions if m.type == "PERSON"})
            miner.doc(name, doc, add_article_names(doc, mentions, persons, lex))
    return miner


def known_cues(lex) -> dict:
    known = {}
    for table in (lex.verb_cues, lex.noun_cues):
        for lemma, cues in table.items():
            known[lemma] = sorted({c.relation for c in cues})
    return known


def candidates(miner, lex, min_count=2) -> list:
    known = known_cues(lex)
    heads = compound_heads(miner.nouns)
    rows = []
    for kind, table in (("verb", miner.verbs), ("noun", miner.nouns), ("participle", miner.participles)):
        for lemma, patterns in table.items():
            count = sum(patterns.values())
            if count < min_count:
                continue
            bare = lemma.replace("sich ", "")
            rows.append({"kind": kind, "lemma": lemma, "count": count, "articles": len(miner.articles[lemma]),
                         "head": heads.get(lemma, lemma) if kind == "noun" else bare,
                         "cue": known.get(fold(bare), []) or
                         (list(lex.noun_cue(bare)) and sorted({c.relation for c in lex.noun_cue(bare)})),
                         "patterns": [[" / ".join(p), n] for p, n in patterns.most_common(4)]})
    rows.sort(key=lambda r: (-r["count"], r["lemma"]))
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="corpora to mine (default: all)")
    parser.add_argument("--limit", type=int, default=None, help="texts per corpus")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--out", type=Path, help="write all candidates as JSON here")
    parser.add_argument("--top", type=int, default=60, help="print the most frequent candidates per kind")
    args = parser.parse_args(argv)
    try:
        miner = run(args.corpus or list(CORPORA), args.limit)
    except (OSError, ValueError, csv.Error, GraphxError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    rows = candidates(miner, load(), args.min_count)
    if args.out:
        args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"# {miner.pairs} mention pairs joined in one clause; {len(rows)} candidates seen >= {args.min_count}x")
    for kind in ("verb", "noun", "participle"):
        print(f"\n## {kind}")
        for row in [r for r in rows if r["kind"] == kind][:args.top]:
            patterns = "; ".join(f"{p} {n}" for p, n in row["patterns"][:3])
            cue = ",".join(row["cue"]) if row["cue"] else "-"
            print(f"{row['count']:5d} {row['articles']:4d}  {row['lemma']:<24} {cue:<20} {patterns}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
