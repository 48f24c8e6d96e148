"""Convert the training corpora to spaCy DocBin files with graphx's NER scheme.

graphx's entity labels are ``PER``, ``ORG``, ``LOC`` and ``LOCderiv`` (words derived from a
location name, e.g. "nordkoreanische", "russischen", "Münchner"; GermEval 2014's LOCderiv).

Label mapping (outer spans only; everything not listed becomes ``O``):

=============  ===================================================  ==========================
corpus         graphx label <- corpus label                          set *missing* (not O)
=============  ===================================================  ==========================
GermEval 2014  PER<-PER, ORG<-ORG, LOC<-LOC, LOCderiv<-LOCderiv      --
               (OTH, *part, PERderiv, ORGderiv, OTHderiv -> O)
LER (legal)    PER<-PER,RR,AN; ORG<-ORG,UN,INN,GRT,MRK;              RS (decision refs), LIT
               LOC<-LD,ST,STR,LDS (norms GS,VO,EUN,VS,VT -> O)        (literature refs contain
                                                                      court/person names)
SmartData      PER<-person; ORG<-organization,organization-company;  location-route,
               LOC<-location,location-city,location-street           location-stop
MobIE          same as SmartData                                     same as SmartData
Europeana      PER<-PER, ORG<-ORG, LOC<-LOC (malformed tags such as   MISC, untagged or
(historic OCR) B-PEr, B_LOC, B.PER normalised)                       unreadable tags
UD             (no NER; used for tagger/morphologizer/parser/lemmatizer)
=============  ===================================================  ==========================

Corpora other than GermEval do not mark derived forms, so tokens outside their entities that
look like location derivations (lower-case ``-isch(e|en|er|es|em)``, or a form GermEval tags as
LOCderiv) get a *missing* NER label instead of ``O``: the model is not taught that these words are
not entities.
"""
from __future__ import annotations

import gzip
import json
import os
import random
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

DATA_ENV = "GRAPHX_DATA"


def data_dir() -> Path:
    """The shared corpora: $GRAPHX_DATA, else the first ``shared/data`` folder beside the repository
    or one of its parents (``../shared/data`` of a clone; also found from a worktree below it)."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV]).expanduser()
    repo = Path(__file__).resolve().parents[2]
    for parent in repo.parents:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data"
    return repo.parent / "shared" / "data"


DATA_DIR = data_dir()

GERMEVAL_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "LOCderiv": "LOCderiv"}
LER_MAP = {
    "PER": "PER", "RR": "PER", "AN": "PER",
    "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG",
    "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
    "RS": None, "LIT": None,  # None = missing
}
DFKI_MAP = {
    "person": "PER",
    "organization": "ORG", "organization-company": "ORG",
    "location": "LOC", "location-city": "LOC", "location-street": "LOC",
    "location-route": None, "location-stop": None,
}
LABELS = ("PER", "ORG", "LOC", "LOCderiv")

_DERIV_RE = re.compile(r"^[a-zäöüß]+isch(e|en|er|es|em)?$")


def germeval_derived_forms(path: Path | None = None) -> set[str]:
    """Lower-cased word forms that GermEval dev tags as LOCderiv (the training split only)."""
    path = path or DATA_DIR / "germeval2014" / "NER-de-dev.tsv"
    forms = set()
    for sent in read_germeval(path):
        for word, tag in sent:
            if tag.endswith("LOCderiv") and word.replace("-", "").isalpha():
                forms.add(word.lower())
    return forms


def looks_derived(word: str, forms: set[str]) -> bool:
    return bool(_DERIV_RE.match(word)) or word.lower() in forms


# ----------------------------------------------------------------------------- readers
def read_germeval(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Yield sentences as lists of (word, outer IOB2 tag); ``#`` source lines are skipped."""
    with open(path, encoding="utf-8") as f:
        yield from read_conll((ln for ln in f if not ln.startswith("#\t")), tag_col=2, sep="\t", word_col=1)


def read_conll(lines: Iterable[str], tag_col: int = -1, sep: str | None = None,
               word_col: int = 0) -> Iterator[list[tuple[str, str]]]:
    """Generic CoNLL reader: blank line = sentence break, -DOCSTART- lines skipped."""
    sent: list[tuple[str, str]] = []
    for line in lines:
        line = line.rstrip("\r\n")
        if line.startswith("-DOCSTART-"):
            continue
        if not line.strip():
            if sent:
                yield sent
            sent = []
            continue
        parts = line.split(sep)
        sent.append((parts[word_col], parts[tag_col]))
    if sent:
        yield sent


def read_dfki_json(path: Path) -> list[dict]:
    """SmartData files: concatenated pretty-printed Avro-JSON objects."""
    text = gzip.open(path, "rt", encoding="utf-8").read()
    dec = json.JSONDecoder()
    i, out = 0, []
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        obj, i = dec.raw_decode(text, i)
        out.append(obj)
    return out


def _unwrap(v):
    if isinstance(v, dict) and len(v) == 1 and next(iter(v)) in ("string", "array", "map", "int", "float"):
        return next(iter(v.values()))
    return v


# ----------------------------------------------------------------------------- conversion
def iob_to_spans(tags: list[str], mapping: dict[str, str | None]) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """IOB2 tags -> (entity token spans with mapped labels, token spans to mark missing).

    Labels absent from ``mapping`` become O; labels mapped to None become missing.
    """
    spans, cur = [], None
    for i, tag in enumerate(list(tags) + ["O"]):
        tag = tag.replace("_", "-")
        prefix, _, label = tag.partition("-")
        if prefix == "I" and cur is not None and cur[2] == label:
            continue
        if cur is not None:
            spans.append((cur[0], i, cur[2]))
            cur = None
        if prefix in ("B", "I") and label:
            cur = (i, None, label)
    ents, missing = [], []
    for start, end, label in spans:
        if label in mapping:
            if mapping[label] is None:
                missing.append((start, end))
            else:
                ents.append((start, end, mapping[label]))
    return ents, missing


def make_doc(vocab, words, ents, missing=(), mark_derived=None, spaces=None):
    """Build a Doc with entity annotation; tokens in `missing` (and, if `mark_derived` is a
    set of forms, O tokens that look like location derivations) get a missing NER label."""
    from spacy.tokens import Doc, Span

    doc = Doc(vocab, words=words, spaces=spaces)
    doc.set_ents([Span(doc, s, e, label=l) for s, e, l in ents], default="outside")
    in_ent = {i for s, e, _ in ents for i in range(s, e)}
    miss_idx = {i for s, e in missing for i in range(s, e)} - in_ent
    if mark_derived is not None:
        miss_idx |= {i for i, w in enumerate(words) if i not in in_ent and looks_derived(w, mark_derived)}
    miss = [Span(doc, i, i + 1) for i in sorted(miss_idx)]
    if miss:
        doc.set_ents([], missing=miss, default="unmodified")
    return doc


def germeval_docs(vocab, path: Path) -> Iterator:
    for sent in read_germeval(path):
        words = [w for w, _ in sent]
        ents, missing = iob_to_spans([t for _, t in sent], GERMEVAL_MAP)
        yield make_doc(vocab, words, ents, missing)


def ler_docs(vocab, forms: set[str], keep_plain: float = 0.05, max_docs: int = 9000, seed: int = 0) -> list:
    """A seeded sample of LER: at most `max_docs` sentences, those with a PER/ORG/LOC entity plus a
    `keep_plain` share of the others (legal text is far from news; it must not drown GermEval)."""
    docs = list(_ler_docs(vocab, forms, keep_plain, seed))
    random.Random(seed).shuffle(docs)
    return docs[:max_docs]


def _ler_docs(vocab, forms, keep_plain, seed) -> Iterator:
    rng = random.Random(seed)
    for path in sorted((DATA_DIR / "legal_ner_ler").glob("*.conll.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for sent in read_conll(f, sep=" "):
                words = [w for w, _ in sent]
                ents, missing = iob_to_spans([t for _, t in sent], LER_MAP)
                if not ents and rng.random() > keep_plain:
                    continue
                yield make_doc(vocab, words, ents, missing, mark_derived=forms)


def mobie_docs(vocab, forms: set[str], splits=("train", "dev", "test")) -> Iterator:
    for split in splits:
        path = DATA_DIR / "mobie" / "ner_conll03" / f"{split}.conll2003"
        with open(path, encoding="utf-8") as f:
            for sent in read_conll(f, sep="\t"):
                words = [w for w, _ in sent]
                ents, missing = iob_to_spans([t for _, t in sent], DFKI_MAP)
                yield make_doc(vocab, words, ents, missing, mark_derived=forms)


def smartdata_docs(vocab, forms: set[str]) -> Iterator:
    """SmartData v3 (dev, test) + v1 (train, test) documents, de-duplicated by id (v3 preferred).
    Text is tokenized with spaCy's German tokenizer and split into lines; entity char spans
    are mapped to tokens (spans that do not align are marked missing)."""
    import spacy

    base = DATA_DIR / "smartdata"
    docs: dict[str, dict] = {}
    for rel in ("v1_20180119/train.json.gz", "v1_20180119/test.json.gz",
                "v3_20200302/dev.json.gz", "v3_20200302/test.json.gz"):
        for obj in read_dfki_json(base / rel):
            docs[obj["id"]] = obj
    tok = spacy.blank("de").tokenizer
    for _id in sorted(docs):
        obj = docs[_id]
        text = _unwrap(obj["text"]) or ""
        mentions = []
        for m in _unwrap(obj.get("conceptMentions")) or []:
            label = m["type"].lower().replace("_", "-")
            if label in DFKI_MAP:
                mentions.append((m["span"]["start"], m["span"]["end"], DFKI_MAP[label]))
        offset = 0
        for para in text.split("\n"):
            start, end = offset, offset + len(para)
            offset = end + 1
            if not para.strip():
                continue
            pdoc = tok(para)
            words = [t.text for t in pdoc]
            spaces = [bool(t.whitespace_) for t in pdoc]
            ents, missing = [], []
            for s, e, label in mentions:
                if s >= start and e <= end:
                    span = pdoc.char_span(s - start, e - start, alignment_mode="expand")
                    if span is None:
                        continue
                    if label is None or span.text.strip() != text[s:e].strip():
                        missing.append((span.start, span.end))
                    else:
                        ents.append((span.start, span.end, label))
            ents, missing = _drop_overlaps(ents, missing)
            if not [w for w in words if w.strip()]:
                continue
            yield make_doc(tok.vocab if vocab is None else vocab, words, ents, missing,
                           mark_derived=forms, spaces=spaces)


def _drop_overlaps(ents, missing):
    taken: set[int] = set()
    out = []
    for s, e, l in sorted(ents, key=lambda x: (x[0], -(x[1] - x[0]))):
        if taken.isdisjoint(range(s, e)):
            out.append((s, e, l))
            taken.update(range(s, e))
    miss = [(s, e) for s, e in missing if taken.isdisjoint(range(s, e))]
    return out, miss


_EUROPEANA_TAG = re.compile(r"^([BI])[-_.]?(PER|LOC|ORG|MISC)$", re.IGNORECASE)


def read_europeana(path: Path, max_len: int = 60, min_len: int = 8) -> Iterator[list[tuple[str, str | None]]]:
    """Europeana newspapers ``<token> <tag>`` lines (no sentence boundaries) -> pseudo-sentences.

    ``#`` header lines start a new page (document). Chunks end after ``.``/``!``/``?`` followed by a
    capitalised word once they have `min_len` tokens, and are cut at `max_len` tokens (never inside an
    entity). Tags are normalised (``B-PEr``, ``B_LOC``, ``B.PER`` -> ``B-PER``); lines whose tag cannot
    be read (``???``, a missing tag) get the tag ``None`` (missing)."""
    rows: list[tuple[str, str | None]] = []

    def chunks(rows):
        cur: list = []
        for i, (w, t) in enumerate(rows):
            nxt = rows[i + 1] if i + 1 < len(rows) else None
            cur.append((w, t))
            inside = nxt is not None and nxt[1] is not None and nxt[1].startswith("I-")
            if inside:
                continue
            end = (w in (".", "!", "?") and len(cur) >= min_len and nxt is not None and nxt[0][:1].isupper())
            if end or len(cur) >= max_len:
                yield cur
                cur = []
        if cur:
            yield cur

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line.startswith("# "):
                if rows:
                    yield from chunks(rows)
                rows = []
                continue
            if not line.strip():
                continue
            parts = line.rsplit(None, 1)
            if len(parts) == 2:
                word, tag = parts
                if tag == "O":
                    rows.append((word, "O"))
                    continue
                m = _EUROPEANA_TAG.match(tag)
                if m:
                    rows.append((word, f"{m.group(1).upper()}-{m.group(2).upper()}"))
                    continue
            else:
                word = line.strip()
            rows.append(("".join(word.split()) or "_", None))
    if rows:
        yield from chunks(rows)


EUROPEANA_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": None}


def europeana_docs(vocab, forms: set[str]) -> Iterator:
    """The three German Europeana files as pseudo-sentence docs; derived-looking words missing."""
    for path in sorted((DATA_DIR / "europeana_ner_de").glob("enp_DE.*.bio")):
        for sent in read_europeana(path):
            words = ["".join(w.split()) or "_" for w, _ in sent]
            tags = [t if t is not None else "O" for _, t in sent]
            ents, missing = iob_to_spans(tags, EUROPEANA_MAP)
            unk = [(i, i + 1) for i, (_, t) in enumerate(sent) if t is None]
            # an I- tag after a missing tag cannot be trusted either
            yield make_doc(vocab, words, ents, missing + unk, mark_derived=forms)


def ud_docs(vocab, path: Path, group: int = 6) -> list:
    """CoNLL-U -> Docs (one per sentence), multiword tokens merged (``im`` stays one token,
    as spaCy's tokenizer produces it). XPOS is dropped: PUD uses English PTB tags, GSD uses STTS,
    so graphx's pipeline predicts UPOS + features (morphologizer) but no fine-grained tag."""
    from spacy.tokens import Doc
    from spacy.training.converters import conllu_to_docs

    text = Path(path).read_text(encoding="utf-8")
    sents = []
    for d in conllu_to_docs(text, n_sents=1, merge_subtokens=True, no_print=True):
        # merged contractions get the first lemma: am -> "an" (not "an der")
        lemmas = [t.lemma_.split(" ")[0] if " " in t.lemma_ and " " not in t.text else t.lemma_ for t in d]
        sents.append(Doc(vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d],
                         pos=[t.pos_ for t in d], morphs=[str(t.morph) for t in d],
                         lemmas=lemmas, heads=[t.head.i for t in d], deps=[t.dep_ for t in d],
                         sent_starts=[t.i == 0 for t in d]))
    # group consecutive sentences so the parser learns sentence boundaries
    return [Doc.from_docs(sents[i:i + group]) for i in range(0, len(sents), group)]


# ----------------------------------------------------------------------------- augmentation
AUGMENT_LABELS = ("PER", "ORG", "LOC")


def mention_pools(docs: Iterable) -> dict[str, list[tuple[str, ...]]]:
    """The distinct PER/ORG/LOC mentions (as word tuples) of `docs`, per label, in first-seen order."""
    pools: dict[str, dict[tuple[str, ...], None]] = {label: {} for label in AUGMENT_LABELS}
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in pools:
                pools[ent.label_][tuple(t.text for t in ent)] = None
    return {label: list(found) for label, found in pools.items()}


def replace_mentions(doc, pools: dict[str, list[tuple[str, ...]]], rng: random.Random, p: float = 0.5):
    """A copy of `doc` in which each PER/ORG/LOC mention is, with probability `p`, replaced by a random
    mention of the same label from `pools` (mention replacement, Dai & Adel 2020): the model sees the
    same contexts with other names, so it learns the context rather than the names. Tokens with a
    missing NER label keep it."""
    from spacy.tokens import Doc, Span

    words, spaces, ents, missing = [], [], [], []

    def keep(tokens):
        for tok in tokens:
            if tok.ent_iob == 0:  # missing label
                missing.append(len(words))
            words.append(tok.text)
            spaces.append(bool(tok.whitespace_))

    i = 0
    for ent in doc.ents:
        keep(doc[i:ent.start])
        new = [t.text for t in ent]
        if ent.label_ in pools and pools[ent.label_] and rng.random() < p:
            new = list(rng.choice(pools[ent.label_]))
        start = len(words)
        words += new
        spaces += [True] * (len(new) - 1) + [bool(ent[-1].whitespace_)]
        ents.append((start, len(words), ent.label_))
        i = ent.end
    keep(doc[i:])
    out = Doc(doc.vocab, words=words, spaces=spaces)
    out.set_ents([Span(out, s, e, label=l) for s, e, l in ents], default="outside")
    if missing:
        out.set_ents([], missing=[Span(out, j, j + 1) for j in missing], default="unmodified")
    return out


# ----------------------------------------------------------------------------- build all
def build_corpora(out_dir: Path, seed: int = 0, ner_holdout: int = 200, ud_holdout: int = 20,
                  use_ler: bool = False, europeana: int = 0, germeval_reps: int = 4,
                  augment: float = 0.0) -> dict[str, int]:
    """Write ``ner-train.spacy``, ``ner-dev.spacy`` (a holdout of GermEval *dev*, only for
    monitoring), ``ner-test.spacy`` (GermEval test), ``ud-train.spacy`` (GSD dev + PUD test),
    ``ud-test.spacy`` (GSD test), ``raw.txt`` (training text for floret vectors) and
    ``pretrain.jsonl`` (raw.txt plus the Europeana text, for pretraining the NER tok2vec).

    Returns the number of docs per file."""
    import spacy
    from spacy.tokens import DocBin

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("de").vocab
    forms = germeval_derived_forms()
    rng = random.Random(seed)
    ge_dev = list(germeval_docs(vocab, DATA_DIR / "germeval2014" / "NER-de-dev.tsv"))
    rng.shuffle(ge_dev)
    holdout, ge_train = ge_dev[:ner_holdout], ge_dev[ner_holdout:]
    # LER is off by default: with it, the holdout F1 after 2,000 steps was 58.3, without it 62.5
    # (legal text is far from news). Its text is still used for the vectors.
    other = (list(ler_docs(vocab, forms, seed=seed)) if use_ler else []) + list(mobie_docs(vocab, forms)) \
        + list(smartdata_docs(vocab, forms))
    euro = list(europeana_docs(vocab, forms))
    # GermEval is the in-domain corpus: upsample it so it is not drowned by the others.
    # Europeana (historic OCR) is added `europeana` times (0 = not used for the NER).
    # With `augment` > 0, all copies but the first replace mentions (probability `augment` each) by
    # mentions of the same label from GermEval's training part and the other modern corpora.
    if augment > 0:
        pools = mention_pools(ge_train + other)
        aug_rng = random.Random(seed + 2)
        ge_copies = ge_train + [replace_mentions(d, pools, aug_rng, augment)
                                for _ in range(germeval_reps - 1) for d in ge_train]
    else:
        ge_copies = ge_train * germeval_reps
    train = ge_copies + other + euro * europeana
    rng.shuffle(train)
    ud_all = ud_docs(vocab, DATA_DIR / "ud_german" / "de_gsd-ud-dev.conllu") + ud_docs(
        vocab, DATA_DIR / "ud_german" / "de_pud-ud-test.conllu")
    random.Random(seed + 1).shuffle(ud_all)  # independent of the NER data's size
    counts = {}
    sets = {
        "ner-train": train, "ner-dev": holdout, "ner-germeval": ge_train,
        "ner-test": list(germeval_docs(vocab, DATA_DIR / "germeval2014" / "NER-de-test.tsv")),
        "ud-train": ud_all[ud_holdout:], "ud-dev": ud_all[:ud_holdout],
        "ud-test": ud_docs(vocab, DATA_DIR / "ud_german" / "de_gsd-ud-test.conllu"),
    }
    for name, docs in sets.items():
        DocBin(docs=docs, store_user_data=False).to_disk(out_dir / f"{name}.spacy")
        counts[name] = len(docs)
    with open(out_dir / "raw.txt", "w", encoding="utf-8") as f:
        n = 0
        for d in ge_dev + other + ud_all + list(_all_ler_text(vocab)):
            f.write(d.text.replace("\n", " ") + "\n")
            n += 1
        counts["raw"] = n
    # raw text for `spacy pretrain` of the NER tok2vec: raw.txt plus the Europeana text, shuffled
    lines = [ln.strip() for ln in (out_dir / "raw.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    lines += [d.text.replace("\n", " ") for d in euro]
    random.Random(seed).shuffle(lines)
    with open(out_dir / "pretrain.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps({"text": ln}, ensure_ascii=False) + "\n" for ln in lines)
    counts["pretrain"] = len(lines)
    return counts


def _all_ler_text(vocab):
    """All LER sentences as plain docs (for the vectors' raw text; no labels needed)."""
    from spacy.tokens import Doc

    for path in sorted((DATA_DIR / "legal_ner_ler").glob("*.conll.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for sent in read_conll(f, sep=" "):
                yield Doc(vocab, words=[w for w, _ in sent])
