#!/usr/bin/env python3
"""Why graphx misses gold relations: per relation label, the misses by cause and the extra edges.

Usage: python tools/eval_report.py ARTICLES GOLD_JSONL [--graph GRAPH_JSON] [--half work|check|all]
                                   [--all] [--show] [--label LABEL] [--json] [--scorer SCORE_PY]

Builds the graph of ARTICLES with graphx (as `graphx build ARTICLES --no-store` does; or reads
--graph) and matches it to GOLD_JSONL with the scorer's own functions (../shared/eval/score.py
beside the repository, or --scorer). A gold relation the graph misses gets the first cause that holds:
  entity      an end of it is not found (source, target or both),
  label/dir   an edge from that article joins the two entities, but with another label or reversed,
  no cue      its evidence sentence holds no cue word of the label (cues.jsonl; for leader_of and
              member_of no role noun of titles.tsv or state_bodies.txt), judged on the lemmas of
              graphx's own pipeline on the article,
  no args     the cue is there and both entities are nodes, but no edge joins them,
  unlocated   the evidence sentence is not found in the article.
Extra edges are system edges evidenced by an article that match no gold relation of it.
The check half (d041-d060, eNNN ending in 8, 9, 0) gives figures only: --show is refused there.
Exit codes: 0 ok, 2 usage, 3 bad input, 6 model error.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CAUSES = ("entity_source", "entity_target", "entity_both", "label_direction", "no_cue", "cue_no_args",
          "unlocated")
HEADERS = {"entity_source": "ent:src", "entity_target": "ent:tgt", "entity_both": "ent:both",
           "label_direction": "label/dir", "no_cue": "no cue", "cue_no_args": "no args",
           "unlocated": "unloc."}
ROLES = ("leader_of", "member_of")
EXCERPT = 160


class ReportError(Exception):
    """Bad input: one line on stderr, exit 3 (2 for usage)."""

    def __init__(self, message, status=3):
        super().__init__(message)
        self.status = status


# ---------------------------------------------------------------- inputs

def find_scorer(explicit=None) -> Path:
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ReportError(f"scorer {path} not found")
        return path
    for folder in ROOT.parents:          # ../shared/eval/score.py, also from a worktree further down
        path = folder / "shared" / "eval" / "score.py"
        if path.is_file():
            return path
    raise ReportError("../shared/eval/score.py not found beside the repository; give --scorer")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("graphx_eval_score", path)
    try:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except Exception as exc:  # noqa: BLE001  (any error in someone else's file)
        raise ReportError(f"cannot import scorer {path}: {type(exc).__name__}: {exc}") from None
    missing = [name for name in ("norm", "node_names", "evidence_articles", "score", "summary", "SYMMETRIC")
               if not hasattr(module, name)]
    if missing:
        raise ReportError(f"{path} is not the gold scorer (no {', '.join(missing)})")
    return module


def load_gold(path) -> list:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    gold = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            raise ReportError(f"{path} line {number}: not JSON ({exc.msg})") from None
        problem = gold_problem(item)
        if problem:
            raise ReportError(f"{path} line {number}: {problem} (see GOLD_FORMAT.md)")
        gold.append(item)
    if not gold:
        raise ReportError(f"{path}: no gold articles")
    return gold


def gold_problem(item):
    if not isinstance(item, dict) or not isinstance(item.get("article"), str):
        return "expected an object with 'article'"
    entities, relations = item.get("entities"), item.get("relations")
    if not isinstance(entities, list) or not isinstance(relations, list):
        return "'entities' and 'relations' must be lists"
    for entity in entities:
        if not isinstance(entity, dict) or not isinstance(entity.get("name"), str) \
                or not isinstance(entity.get("mentions", []), list):
            return "an entity needs 'name' and a list of 'mentions'"
        entity.setdefault("type", "ORG")
    for relation in relations:
        if not isinstance(relation, dict) or not all(isinstance(relation.get(k), str)
                                                     for k in ("source", "relation", "target")):
            return "a relation needs 'source', 'relation' and 'target'"
    return None


def load_graph_file(path) -> tuple:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    except ValueError as exc:
        raise ReportError(f"{path}: not JSON ({exc})") from None
    edges = data.get("edges", data.get("links")) if isinstance(data, dict) else None
    nodes = data.get("nodes") if isinstance(data, dict) else None
    if not isinstance(nodes, list) or not isinstance(edges, list) \
            or not all(isinstance(n, dict) and "id" in n for n in nodes) \
            or not all(isinstance(e, dict) and "source" in e and "target" in e for e in edges):
        raise ReportError(f"{path}: not a graph: expected node-link JSON with 'nodes' and 'edges'")
    return nodes, edges


def half_of(article: str) -> str:
    """"check" for d041-d060 and eNNN ending in 8, 9 or 0; "work" for every other article."""
    match = re.fullmatch(r"([de])(\d+)", Path(article).stem)
    if match:
        number = int(match.group(2))
        if (match.group(1) == "d" and 41 <= number <= 60) or (match.group(1) == "e" and number % 10 in (8, 9, 0)):
            return "check"
    return "work"


def read_articles(folder) -> dict:
    from graphx.errors import GraphxError
    from graphx.reader import read_articles as read
    if not Path(folder).exists():
        raise ReportError(f"{folder}: no such file or folder")
    try:
        report = read([Path(folder)])
    except GraphxError as exc:
        raise ReportError(str(exc)) from None
    for warning in report.warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    return {article.name: article for article in report.articles}


# ---------------------------------------------------------------- graphx: graph and annotation

class RecordingPipeline:
    """graphx's pipeline, keeping the Docs of the wanted texts as the build annotates them."""

    def __init__(self, nlp, wanted=()):
        self._nlp, self.wanted, self.docs = nlp, set(wanted), {}

    def __getattr__(self, name):
        return getattr(self._nlp, name)

    def pipe(self, texts, *args, **kwargs):
        for item in self._nlp.pipe(texts, *args, **kwargs):
            doc = item[0] if isinstance(item, tuple) else item
            if doc.text in self.wanted:
                self.docs[doc.text] = doc
            yield item


@lru_cache(maxsize=2)
def load_nlp(model=None):
    from graphx import extract
    from graphx.annotate import load_pipeline
    from graphx.errors import GraphxError
    try:
        nlp = load_pipeline(model)
    except GraphxError as exc:
        raise ReportError(str(exc), status=6) from None
    extract.add_paragraph_boundaries(nlp)
    return nlp


def build(articles: dict, wanted: set, model=None):
    """node-link data of the graph `graphx build` makes of `articles` (one process, no store), and
    the pipeline with the Docs of the `wanted` articles' texts."""
    from graphx import extract
    from graphx.graph import build_graph, to_json_data
    from graphx.resolve import merge_across_articles

    texts = {piece for name in wanted if name in articles for _, piece in extract.segments(articles[name].text)}
    nlp = RecordingPipeline(load_nlp(model), texts)
    extractor = extract.Extractor(model=model, nlp=nlp)
    results = {}
    for article, result in extractor.extract_many(list(articles.values())):
        if result.get("error"):
            print(f"Warning: {article.name}: skipped: extraction failed ({result['error']})", file=sys.stderr)
        else:
            results[article.name] = result
    ordered = [results[name] for name in articles if name in results]
    G = build_graph(merge_across_articles(ordered), model=extractor.model_info)
    data = to_json_data(G)
    return data["nodes"], data["edges"], nlp


class Sentences:
    """Finds a gold evidence sentence in an article and the cue words in it (graphx's lemmas)."""

    def __init__(self, articles: dict, nlp=None, model=None):
        from graphx import extract
        from graphx.lexicon import load
        self.articles, self.model = articles, model
        self._nlp = nlp
        self.lex = load()
        self.lemmatize = extract.lemmatizer()
        self.docs = {}                           # article -> [(offset, doc)]
        self._multiword = [(key.split(), key) for key in self.lex.verb_cues if " " in key]

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = RecordingPipeline(load_nlp(self.model))
        return self._nlp

    def prepare(self, names) -> None:
        """Annotate the articles `names` as the build does (its Docs when it kept them)."""
        from graphx import extract
        todo = []
        for name in sorted(set(names)):
            if name in self.docs or name not in self.articles:
                continue
            pieces = list(extract.segments(self.articles[name].text))
            kept = getattr(self._nlp, "docs", {})
            if all(piece in kept for _, piece in pieces):
                self.docs[name] = [(offset, kept[piece]) for offset, piece in pieces]
            else:
                todo.append((name, pieces))
        tasks = [(piece, (name, offset)) for name, pieces in todo for offset, piece in pieces]
        for name, _ in todo:
            self.docs[name] = []
        for doc, (name, offset) in self.nlp.pipe(tasks, as_tuples=True, batch_size=16):
            self.docs[name].append((offset, doc))

    def tokens(self, article: str, evidence: str):
        """The tokens of the evidence sentence in the article, or None when it cannot be found."""
        if article not in self.articles or not evidence or not evidence.strip():
            return None
        span = locate(self.articles[article].text, evidence)
        if span is None:
            return None
        self.prepare([article])
        start, end = span
        found = [token for offset, doc in self.docs[article] for token in doc
                 if offset + token.idx < end and offset + token.idx + len(token) > start]
        return found or None

    def cues(self, tokens) -> dict:
        """label -> cue words of that label among `tokens`; role nouns count for both role labels."""
        from graphx.lexicon import fold
        lex = self.lex
        words = {fold(t.lemma_) for t in tokens} | {t.lower_ for t in tokens}
        found = defaultdict(set)

        def add(cues, token):
            for cue in cues:
                requires = getattr(cue, "requires", ())
                if not requires or any(w.startswith(r) or r in w for w in words for r in requires):
                    same = fold(cue.lemma) in (token.lower_, fold(token.lemma_))
                    found[cue.relation].add(token.text if same else f"{token.text} ({cue.lemma})")

        for i, token in enumerate(tokens):
            bases = {fold(token.lemma_), fold(self.lemmatize(token)), token.lower_} - {""}
            particles = [t.lower_ for t in tokens[i + 1:] if t.is_alpha and t.text.islower()
                         and is_particle(t, tokens)]
            for base in bases:
                add(lex.verb_cues.get(base, ()), token)
                for particle in particles:
                    add(lex.verb_cues.get(particle + base, ()), token)
            for parts, key in self._multiword:
                if parts[-1] in bases and all(part in words for part in parts[:-1]):
                    add(lex.verb_cues[key], token)
            if token.text[:1].isupper() or token.pos_ in ("NOUN", "PROPN"):
                add(lex.noun_cue(token.lemma_ or token.text) or lex.noun_cue(token.text), token)
                if token.text[:1].isupper() and (lex.title_relation(token.text) or lex.is_state_body(token.text)):
                    for label in ROLES:
                        found[label].add(token.text)
        return {label: sorted(cue_words) for label, cue_words in found.items()}


def is_particle(token, tokens) -> bool:
    """A separable particle: tagged so, or closing its clause ("weist ... zurück.")."""
    if token.tag_ == "PTKVZ" or token.dep_ in ("svp", "compound:prt"):
        return True
    following = token.i + 1
    last = tokens[-1]
    return (token.doc is last.doc and token.i == last.i) or following == len(token.doc) \
        or token.doc[following].is_punct


QUOTES = str.maketrans({c: '"' for c in "„“”»«‚‘’'"}
                       | {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})


def locate(text: str, evidence: str):
    """(start, end) of `evidence` in `text`, spaces, quotes and dashes compared loosely."""
    words = evidence.split()
    for haystack, needle_words, gap in ((text, words, r"\s+"),
                                        (text.translate(QUOTES), evidence.translate(QUOTES).split(), r"\s*")):
        match = re.search(gap.join(re.escape(word) for word in needle_words), haystack)
        if match:
            return match.start(), match.end()
    return None


# ---------------------------------------------------------------- classification

class Matcher:
    """Gold entities of one article for graph nodes, exactly as the scorer matches them."""

    def __init__(self, scorer, article: dict, by_id: dict):
        norm = scorer.norm
        self.scorer, self.by_id = scorer, by_id
        self.canonical = {norm(entity["name"]): entity["name"] for entity in article["entities"]}
        self.surface = {}
        for entity in article["entities"]:
            for form in entity.get("mentions", []):
                self.surface.setdefault(norm(form), set()).add(entity["name"])

    def to_gold(self, node_id) -> set:
        names = self.scorer.node_names(self.by_id.get(node_id, {"id": node_id}))
        exact = {self.canonical[n] for n in names if n in self.canonical}
        if exact:
            return exact
        return set().union(*(self.surface.get(n, set()) for n in names))


def classify(scorer, gold: list, nodes: list, edges: list, sentences: Sentences, include_optional=False):
    """(items, edge_rows): one item per gold relation (found or its cause), one row per system edge
    evidenced by a gold article (matched or extra)."""
    by_id = {node["id"]: node for node in nodes}
    symmetric = scorer.SYMMETRIC
    items, rows, pending = [], [], []
    for article in gold:
        name = article["article"]
        match = Matcher(scorer, article, by_id)
        found_entities = set()
        for node in nodes:
            if name in (node.get("articles") or []):
                found_entities |= match.to_gold(node["id"])
        system = []
        for edge in edges:
            if name not in scorer.evidence_articles(edge):
                continue
            label = edge.get("relation") or edge.get("key")
            system.append((edge, label, match.to_gold(edge["source"]), match.to_gold(edge["target"])))
        gold_rel = {(r["source"], r["relation"], r["target"]): r for r in article["relations"]}
        covered = set()
        for edge, label, srcs, tgts in system:
            triples = {(s, label, t) for s in srcs for t in tgts}
            if label in symmetric:
                triples |= {(t, label, s) for s in srcs for t in tgts}
            hit = triples & set(gold_rel)
            covered |= hit
            kind = "matched" if hit else ("extra_entity" if not (srcs and tgts) else "extra_relation")
            evidence = next((ev for ev in edge.get("evidence") or []
                             if isinstance(ev, dict) and ev.get("article") == name), {})
            rows.append({"article": name, "label": label, "source": edge["source"], "target": edge["target"],
                         "kind": kind, "cue": evidence.get("cue"), "sentence": excerpt(evidence.get("sentence"))})
        for triple, relation in gold_rel.items():
            required = relation.get("required", True) is not False
            if not (required or include_optional):
                continue
            source, label, target = triple
            item = {"article": name, "label": label, "source": source, "target": target,
                    "required": required, "cause": None, "detail": "",
                    "sentence": excerpt(relation.get("evidence"), mentions(article, source, target))}
            items.append(item)
            if triple in covered:
                continue
            missing = [end for end, entity in (("source", source), ("target", target))
                       if entity not in found_entities]
            if missing:
                item["cause"] = "entity_both" if len(missing) == 2 else f"entity_{missing[0]}"
                continue
            other = sorted({f"{'reversed ' if (t == source and s == target) else ''}{edge_label}"
                            for _, edge_label, srcs, tgts in system for s in srcs for t in tgts
                            if {s, t} == {source, target}
                            and (edge_label != label or (t == source and label not in symmetric))})
            if other:
                item["cause"], item["detail"] = "label_direction", "graphx: " + ", ".join(other)
                continue
            pending.append((item, relation.get("evidence") or ""))
    sentences.prepare({item["article"] for item, _ in pending})
    for item, evidence in pending:
        tokens = sentences.tokens(item["article"], evidence)
        if tokens is None:
            item["cause"] = "unlocated"
            continue
        cues = sentences.cues(tokens)
        if cues.get(item["label"]):
            item["cause"], item["detail"] = "cue_no_args", "cue: " + ", ".join(cues[item["label"]])
        else:
            item["cause"] = "no_cue"
            others = ", ".join(f"{'roles' if label in ROLES else label}: {'/'.join(words)}"
                               for label, words in sorted(cues.items()) if label != ROLES[1])
            item["detail"] = f"other cues: {others}" if others else ""
    return items, rows


def mentions(article: dict, *names) -> list:
    return [form for entity in article["entities"] if entity["name"] in names
            for form in [entity["name"], *entity.get("mentions", [])]]


def excerpt(text, around=()) -> str:
    """At most EXCERPT characters of `text`, from a little before the first of the words `around`."""
    text = " ".join(str(text or "").split())
    if len(text) <= EXCERPT:
        return text
    first = min((text.find(word) for word in around if word and word in text), default=0)
    start = max(0, min(first - 40, len(text) - EXCERPT + 1))
    cut = text[start:start + EXCERPT - 1 - (start > 0)]
    return ("…" if start else "") + cut + ("…" if start + len(cut) < len(text) else "")


def tally(items, rows) -> dict:
    """label -> figures; plus "roles", "events" and "total"."""
    table = {}
    labels = sorted({item["label"] for item in items} | {row["label"] for row in rows},
                    key=lambda label: (label in ROLES, label))
    groups = [(label, lambda x, label=label: x == label) for label in labels]
    groups += [("roles", lambda x: x in ROLES), ("events", lambda x: x not in ROLES), ("total", lambda x: True)]
    for name, member in groups:
        mine = [item for item in items if member(item["label"])]
        causes = Counter(item["cause"] for item in mine if item["cause"])
        edges = [row for row in rows if member(row["label"])]
        matched = sum(row["kind"] == "matched" for row in edges)
        found = sum(item["cause"] is None for item in mine)
        table[name] = {"gold": len(mine), "found": found, "recall": ratio(found, len(mine)),
                       "causes": {cause: causes.get(cause, 0) for cause in CAUSES},
                       "edges": len(edges), "extra": len(edges) - matched,
                       "extra_entity": sum(row["kind"] == "extra_entity" for row in edges),
                       "precision": ratio(matched, len(edges))}
    return table


def ratio(a, b):
    return round(a / b, 3) if b else 0.0


# ---------------------------------------------------------------- output

def render_table(table: dict, heading: str) -> str:
    columns = ["gold", "found", "recall"] + [HEADERS[c] for c in CAUSES] + ["edges", "extra", "P"]
    widths = [max(6, len(c)) + 1 for c in columns]
    lines = [heading, "", f"{'label':<19}" + "".join(f"{c:>{w}}" for c, w in zip(columns, widths))]
    for name, row in table.items():
        if name in ("roles", "total"):
            lines.append("-" * (19 + sum(widths)))
        cells = [row["gold"], row["found"], f"{row['recall']:.3f}"] + [row["causes"][c] for c in CAUSES]
        cells += [row["edges"], row["extra"], f"{row['precision']:.3f}"]
        lines.append(f"{name:<19}" + "".join(f"{c:>{w}}" for c, w in zip(cells, widths)))
    lines += ["", "ent:src/tgt/both: that end not found; label/dir: an edge of the article joins the two with "
              "another label or reversed;", "no cue: no cue word of the label in the evidence sentence; "
              "no args: a cue there, both entities nodes, no edge;", "unloc.: evidence not found in the article; "
              "extra: edges of the articles matching no gold relation; P = (edges - extra) / edges."]
    return "\n".join(lines)


def render_items(items, rows) -> str:
    lines = []
    misses = sorted((item for item in items if item["cause"]),
                    key=lambda item: (item["label"], CAUSES.index(item["cause"]), item["article"]))
    if misses:
        lines.append("\nMissed relations:")
    for item in misses:
        optional = "" if item["required"] else " (optional)"
        detail = f" [{item['detail']}]" if item["detail"] else ""
        lines.append(f"{item['article']}  {item['source']} -{item['label']}-> {item['target']}{optional}: "
                     f"{HEADERS[item['cause']]}{detail}\n    {item['sentence']}")
    extras = sorted((row for row in rows if row["kind"] != "matched"),
                    key=lambda row: (row["label"], row["article"]))
    if extras:
        lines.append("\nExtra edges:")
    for row in extras:
        why = "an end is no gold entity" if row["kind"] == "extra_entity" else "no such gold relation"
        cue = f", cue {row['cue']}" if row.get("cue") else ""
        lines.append(f"{row['article']}  {row['source']} -{row['label']}-> {row['target']}: {why}{cue}\n"
                     f"    {row['sentence']}")
    return "\n".join(lines)


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="eval_report.py", description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", help="folder of the gold set's articles")
    parser.add_argument("gold", help="gold.jsonl (GOLD_FORMAT.md)")
    parser.add_argument("--graph", help="score this graph.json instead of building one")
    parser.add_argument("--scorer", help="score.py to take the matching from [default: ../shared/eval/score.py]")
    parser.add_argument("--model", help="spaCy pipeline (as graphx build --model) [default: graphx's own]")
    parser.add_argument("--half", choices=("work", "check", "all"), default="work",
                        help="articles to report on [default: work]; check gives figures only")
    parser.add_argument("--all", action="store_true", dest="optional", help="also the optional gold relations")
    parser.add_argument("--label", help="only this relation label")
    parser.add_argument("--show", action="store_true", help="list every miss and extra edge (work half only)")
    parser.add_argument("--json", action="store_true", help="print JSON")

    def error(message):
        raise ReportError(message, status=2)
    parser.error = error
    return parser.parse_args(argv)


def main(argv=None) -> int:
    try:
        return run(parse_args(sys.argv[1:] if argv is None else argv))
    except ReportError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("Error: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001  (graphx's own errors carry their exit status)
        message = " ".join((str(exc) if hasattr(exc, "exit_status") else f"{type(exc).__name__}: {exc}").split())
        print(f"Error: {message}", file=sys.stderr)
        return int(getattr(exc, "exit_status", 1))


def run(args) -> int:
    if args.half == "check" and args.show:
        raise ReportError("--show is refused for the check half: its errors are never shown (figures only)", 2)
    scorer = load_scorer(find_scorer(args.scorer))
    gold = load_gold(args.gold)
    selected = [a for a in gold if args.half == "all" or half_of(a["article"]) == args.half]
    if not selected:
        raise ReportError(f"{args.gold}: no gold article in the {args.half} half")
    articles = read_articles(args.articles)
    absent = sorted(a["article"] for a in selected if a["article"] not in articles)
    if absent:
        print(f"Warning: {len(absent)} gold article(s) not in {args.articles}: {', '.join(absent[:5])}"
              + (" ..." if len(absent) > 5 else ""), file=sys.stderr)
    started = time.perf_counter()
    if args.graph:
        nodes, edges = load_graph_file(args.graph)
        nlp, source = None, f"graph {args.graph}"
    else:
        nodes, edges, nlp = build(articles, {a["article"] for a in selected}, args.model)
        source = f"graph built from {len(articles)} articles"
    sentences = Sentences(articles, nlp, args.model)
    items, rows = classify(scorer, selected, nodes, edges, sentences, args.optional)
    seconds = time.perf_counter() - started
    if args.label:
        items = [item for item in items if item["label"] == args.label]
        rows = [row for row in rows if row["label"] == args.label]
    table = tally(items, rows)
    figures = scorer.summary(scorer.score(nodes, edges, selected)[0])
    check_totals(table, figures, args)
    kind = "all gold relations" if args.optional else "required gold relations"
    heading = (f"{args.half} half: {len(selected)} gold articles, {kind}; {source} ({seconds:.1f} s)\n"
               "score.py: relations P={relation_precision:.3f} R(required)={relation_recall_required:.3f} "
               "[roles {relation_recall_required_roles:.3f}, events {relation_recall_required_events:.3f}] "
               "R(all)={relation_recall_all:.3f}; entities P={entity_precision:.3f} "
               "R={entity_recall:.3f}".format(**figures))
    shown_items = [item for item in items if half_of(item["article"]) == "work"] if args.show else []
    shown_rows = [row for row in rows if half_of(row["article"]) == "work"] if args.show else []
    hidden = args.show and len(shown_items) < len(items)
    if args.json:
        out = {"half": args.half, "articles": len(selected), "relations": "all" if args.optional else "required",
               "score": {k: v for k, v in figures.items() if k != "counts"}, "labels": table}
        if args.show:
            out["items"] = [item for item in shown_items if item["cause"]]
            out["extra_edges"] = [row for row in shown_rows if row["kind"] != "matched"]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(render_table(table, heading))
    if args.show:
        print(render_items(shown_items, shown_rows))
        if hidden:
            print("\n(items of check-half articles are not shown)")
    return 0


def check_totals(table, figures, args) -> None:
    """The report's found and matched counts must be the scorer's own."""
    counts, total = figures["counts"], table["total"]
    ours = (total["found"], total["edges"] - total["extra"]) if not args.label else None
    theirs = (counts["rel_all_found"] if args.optional else counts["rel_req_found"], counts["rel_sys_ok"])
    if ours is not None and ours != theirs:
        print(f"Warning: found/matched {ours} differ from score.py's {theirs}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
