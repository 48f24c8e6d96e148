"""Evaluate a pipeline on held-out data that graphx never trains on.

* NER: GermEval 2014 **test** (5,100 sentences), outer spans, exact match on (start, end, label).
  "overall" is micro P/R/F1 over PER, ORG, LOC; LOCderiv is reported separately. Predicted labels
  outside these (e.g. MISC from drop-in models) are ignored, gold OTH/*part/*deriv (except LOCderiv)
  are not entities.
* UD: German GSD **test** (977 sentences), gold tokenization (contractions such as "im" are one
  token, as the tokenizer produces them); UAS/LAS (spaCy's scorer, punctuation excluded), UPOS,
  morphological features (all of ``token.morph``) and lemma accuracy.
* Speed: words per second of ``nlp.pipe`` on one thread over raw news text (10kGNAD test
  articles, a benchmark-only corpus, if present; else GermEval test text), and peak RSS.
"""
from __future__ import annotations

import csv
import os
import resource
import time
from pathlib import Path

from .corpora import DATA_DIR, GERMEVAL_MAP, iob_to_spans, read_germeval, ud_docs

MAIN_LABELS = ("PER", "ORG", "LOC")


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "pred": n_pred, "gold": n_gold}


def score_spans(gold: list[set], pred: list[set], labels=MAIN_LABELS + ("LOCderiv",)) -> dict:
    """Micro P/R/F1 of (start, end, label) sets per sentence: ``overall`` over PER/ORG/LOC, plus
    one entry per label."""
    out = {}
    groups = {"overall": set(MAIN_LABELS), **{lab: {lab} for lab in labels}}
    for key, labs in groups.items():
        tp = n_pred = n_gold = 0
        for g, p in zip(gold, pred):
            g = {s for s in g if s[2] in labs}
            p = {s for s in p if s[2] in labs}
            tp += len(g & p)
            n_pred += len(p)
            n_gold += len(g)
        out[key] = _prf(tp, n_pred, n_gold)
    return out


def evaluate_ner(nlp, path: Path | None = None, limit: int = 0, batch_size: int = 256) -> dict:
    from spacy.tokens import Doc

    path = path or DATA_DIR / "germeval2014" / "NER-de-test.tsv"
    sents = list(read_germeval(path))
    if limit:
        sents = sents[:limit]
    gold = []
    docs = []
    for sent in sents:
        ents, _ = iob_to_spans([t for _, t in sent], GERMEVAL_MAP)
        gold.append(set(ents))
        docs.append(Doc(nlp.vocab, words=[w for w, _ in sent]))
    pred = [{(e.start, e.end, e.label_) for e in doc.ents} for doc in nlp.pipe(docs, batch_size=batch_size)]
    result = score_spans(gold, pred)
    result["sentences"] = len(sents)
    return result


def evaluate_ud(nlp, path: Path | None = None, batch_size: int = 256) -> dict:
    from spacy.scorer import Scorer
    from spacy.tokens import Doc
    from spacy.training import Example

    path = path or DATA_DIR / "ud_german" / "de_gsd-ud-test.conllu"
    gold_docs = ud_docs(nlp.vocab, path, group=1)
    inputs = [Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g]) for g in gold_docs]
    preds = list(nlp.pipe(inputs, batch_size=batch_size))
    examples = [Example(p, g) for p, g in zip(preds, gold_docs)]
    s = Scorer.score_token_attr(examples, "pos")
    res = {"sentences": len(gold_docs), "words": sum(len(g) for g in gold_docs), "pos": s["pos_acc"]}
    res["morph"] = Scorer.score_token_attr(examples, "morph")["morph_acc"]
    res["lemma"] = Scorer.score_token_attr(examples, "lemma")["lemma_acc"]
    deps = Scorer.score_deps(examples, "dep", head_attr="head", head_getter=lambda t, a: t.head,
                             ignore_labels=("p", "punct"))
    res["uas"], res["las"] = deps["dep_uas"], deps["dep_las"]
    has_case = [t for p in preds for t in p if t.pos_ in ("NOUN", "PROPN", "PRON", "DET")]
    res["case_coverage"] = sum(1 for t in has_case if t.morph.get("Case")) / max(1, len(has_case))
    return res


def speed_texts(max_words: int = 60000) -> list[str]:
    """Raw news text for the speed benchmark (10kGNAD test is used for benchmarks only)."""
    texts = []
    gnad = DATA_DIR / "news_10kgnad" / "test.csv"
    if gnad.exists():
        with open(gnad, encoding="utf-8") as f:
            for row in csv.reader(f, delimiter=";", quotechar="'"):
                if len(row) >= 2:
                    texts.append(row[1])
    else:
        texts = [" ".join(w for w, _ in s) for s in read_germeval(DATA_DIR / "germeval2014" / "NER-de-test.tsv")]
    out, n = [], 0
    for t in texts:
        out.append(t)
        n += len(t.split())
        if n >= max_words:
            break
    return out


def measure_speed(nlp, texts: list[str] | None = None, batch_size: int = 16) -> dict:
    """Words/s of ``nlp.pipe`` on one thread (BLAS threads limited if threadpoolctl is present)."""
    texts = texts if texts is not None else speed_texts()
    limiter = None
    try:
        from threadpoolctl import threadpool_limits

        limiter = threadpool_limits(1)
    except ImportError:
        pass
    list(nlp.pipe(texts[:5]))  # warm-up
    t0 = time.perf_counter()
    n_words = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        n_words += sum(1 for t in doc if not (t.is_punct or t.is_space))
    dt = time.perf_counter() - t0
    if limiter is not None:
        limiter.unregister() if hasattr(limiter, "unregister") else None
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"words": n_words, "seconds": dt, "wps": n_words / dt if dt else 0.0, "peak_rss_mb": peak_kb / 1024,
            "omp_threads": os.environ.get("OMP_NUM_THREADS", "unset")}


def model_size_mb(path) -> float:
    p = Path(path)
    if not p.is_dir():
        return 0.0
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) / 1e6


def evaluate_all(nlp, ner: bool = True, ud: bool = True, speed: bool = True, ner_limit: int = 0) -> dict:
    res = {}
    if speed:  # first, so that peak RSS is the pipeline's, not the evaluation data's
        res["speed"] = measure_speed(nlp)
    if ner:
        res["ner"] = evaluate_ner(nlp, limit=ner_limit)
    if ud:
        res["ud"] = evaluate_ud(nlp)
    return res


def format_report(res: dict) -> str:
    lines = []
    if "ner" in res:
        n = res["ner"]
        lines.append(f"GermEval 2014 test NER ({n['sentences']} sentences; outer spans, exact match)")
        lines.append(f"  {'':10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
        for key in ("overall", "PER", "ORG", "LOC", "LOCderiv"):
            m = n[key]
            label = "overall*" if key == "overall" else key
            lines.append(f"  {label:10} {m['p']:6.3f} {m['r']:6.3f} {m['f']:6.3f} {m['gold']:6d}")
        lines.append("  * overall = micro average over PER, ORG, LOC (LOCderiv separate)")
    if "ud" in res:
        u = res["ud"]
        lines.append(f"UD German GSD test ({u['sentences']} sentences, {u['words']} tokens; gold tokens)")
        lines.append(f"  UAS {u['uas']:.3f}  LAS {u['las']:.3f}  POS {u['pos']:.3f}  morph {u['morph']:.3f}"
                     f"  lemma {u['lemma']:.3f}")
    if "speed" in res:
        s = res["speed"]
        lines.append(f"Speed: {s['wps']:,.0f} words/s on one thread ({s['words']:,} words in {s['seconds']:.1f}s); "
                     f"peak RSS {s['peak_rss_mb']:.0f} MB")
    return "\n".join(lines)
