"""Sentences of unannotated news where a cue word of a label stands beside two or more entities and
graphx draws no edge of that label: the failures of argument finding, found without a gold set.

    python tools/orphan_cues.py ARTICLES_DIR [--label meets] [--limit 200] [--roles]

ARTICLES_DIR holds .txt articles (one per file). Prints one block per orphan: article, label, the cue
words, the entities in the sentence, the edges graphx drew there, and the sentence. Read them to find
the constructions the rules miss; the sentences are candidates, not gold (many cues rightly join no
one of the listed entities). Role labels (leader_of, member_of) are left out unless --roles is given.
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_report import ROLES, RecordingPipeline, Sentences, load_nlp, read_articles

ACTORS = {"PERSON", "ORG", "STATE"}


def orphans(articles: dict, labels=None, roles=False):
    """Yield dicts (article, label, cues, entities, edges, sentence) for each orphaned cue."""
    from graphx import extract

    names = sorted(articles)
    texts = {piece for name in names for _, piece in extract.segments(articles[name].text)}
    nlp = RecordingPipeline(load_nlp(), texts)
    extractor = extract.Extractor(nlp=nlp)
    sentences = Sentences(articles, nlp=nlp)
    for article, result in extractor.extract_many([articles[name] for name in names]):
        if result.get("error"):
            continue
        sentences.prepare([article.name])
        entities = [e for e in result["entities"] if e["type"] in ACTORS]
        for offset, doc in sentences.docs[article.name]:
            for sent in doc.sents:
                start, end = offset + sent.start_char, offset + sent.end_char
                text = article.text[start:end]
                present = sorted({(e["name"], e["type"]) for e in entities
                                  if any(alias in text for alias in e["aliases"])})
                if len(present) < 2:
                    continue
                drawn = [(r["source"], r["relation"], r["target"]) for r in result["relations"]
                         if start <= r["evidence"]["start"] < end]
                for label, words in sorted(sentences.cues(list(sent)).items()):
                    if (label in ROLES and not roles) or (labels and label not in labels):
                        continue
                    if any(rel == label for _, rel, _ in drawn):
                        continue
                    yield {"article": article.name, "label": label, "cues": words, "entities": present,
                           "edges": drawn, "sentence": " ".join(text.split())}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--label", action="append", help="only this label (repeatable)")
    parser.add_argument("--limit", type=int, default=0, help="read only the first N articles")
    parser.add_argument("--roles", action="store_true", help="also leader_of and member_of")
    args = parser.parse_args(argv)
    if not args.articles.is_dir():
        print(f"Error: {args.articles} is not a folder of articles", file=sys.stderr)
        return 2
    articles = read_articles(args.articles)
    if args.limit:
        articles = {name: articles[name] for name in sorted(articles)[:args.limit]}
    count = 0
    for item in orphans(articles, set(args.label or ()), args.roles):
        count += 1
        entities = "; ".join(f"{name} ({kind})" for name, kind in item["entities"])
        edges = "; ".join(" ".join(edge) for edge in item["edges"]) or "-"
        print(f"[{item['article']}] {item['label']}  cue: {', '.join(item['cues'])}\n"
              f"  entities: {entities}\n  edges: {edges}\n  {item['sentence']}\n")
    print(f"{count} orphaned cues in {len(articles)} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
