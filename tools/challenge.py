"""Score graphx on challenge sets: invented sentences with the relations they state.

Each line of a challenge file: {"text": "...", "relations": [[source, label, target], ...]} (an empty
list makes a negative: any edge from it is an error). Every sentence is built as an article of its
own through graphx's real pipeline; an edge matches when its label is the same and its ends' node
id, label or aliases equal the expected names (case-insensitive). Prints recall and precision per
label and, with --show, the misses and the extra edges.

    python tools/challenge.py tests/challenge/*.jsonl [--show]
"""
import json
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SYMMETRIC = {"meets", "signed_treaty_with"}


def norm(text) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())


def load_items(paths) -> list:
    """(article name, file, text, expected triples) per challenge line."""
    items = []
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                triples = [tuple(r) for r in row["relations"]]
                text = row["text"]
            except (ValueError, KeyError, TypeError) as error:
                raise click.ClickException(f"{path}:{number}: not a challenge line ({error})")
            if any(len(t) != 3 for t in triples):
                raise click.ClickException(f"{path}:{number}: a relation is not [source, label, target]")
            items.append((f"{Path(path).stem}_{number:04d}.txt", str(path), text, triples))
    return items


def edges_by_article(graph: dict) -> dict:
    """article -> [(source names, label, target names, source id, target id)]."""
    names = {}
    for node in graph["nodes"]:
        names[node["id"]] = {norm(n) for n in [node["id"], node.get("label")] + list(node.get("aliases", [])) if n}
    result = {}
    for edge in graph.get("edges", graph.get("links", [])):
        for article in {e["article"] for e in edge.get("evidence", [])}:
            result.setdefault(article, []).append((names[edge["source"]], edge["relation"], names[edge["target"]],
                                                   edge["source"], edge["target"]))
    return result


def matches(expected, edge) -> bool:
    source, label, target = expected
    names_s, relation, names_t = edge[:3]
    if relation != label:
        return False
    if norm(source) in names_s and norm(target) in names_t:
        return True
    return label in SYMMETRIC and norm(source) in names_t and norm(target) in names_s


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--show", is_flag=True, help="print the misses and the extra edges")
def main(files, show):
    """Recall and precision per label on challenge FILES (.jsonl)."""
    from graphx.pipeline import build

    items = load_items(files)
    if not items:
        raise click.ClickException("no challenge sentences")
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles"
        articles.mkdir()
        for name, _, text, _ in items:
            (articles / name).write_text(text + "\n", encoding="utf-8")
        build([articles], Path(tmp) / "out", use_store=False)
        graph = json.loads((Path(tmp) / "out" / "graph.json").read_text(encoding="utf-8"))
    edges = edges_by_article(graph)
    gold, found, predicted, correct = Counter(), Counter(), Counter(), Counter()
    misses, extras = [], []
    for name, path, text, triples in items:
        got = edges.get(name, [])
        for triple in triples:
            gold[triple[1]] += 1
            if any(matches(triple, edge) for edge in got):
                found[triple[1]] += 1
            else:
                misses.append((name, text, triple))
        for edge in got:
            predicted[edge[1]] += 1
            if any(matches(triple, edge) for triple in triples):
                correct[edge[1]] += 1
            else:
                extras.append((name, text, (edge[3], edge[1], edge[4])))
    for label in sorted(set(gold) | set(predicted)):
        recall = found[label] / gold[label] if gold[label] else 0.0
        precision = correct[label] / predicted[label] if predicted[label] else 0.0
        click.echo(f"{label:20s} R={recall:.3f} ({found[label]}/{gold[label]})  "
                   f"P={precision:.3f} ({correct[label]}/{predicted[label]})")
    total_gold, total_pred = sum(gold.values()), sum(predicted.values())
    click.echo(f"{'all':20s} R={sum(found.values()) / max(total_gold, 1):.3f} ({sum(found.values())}/{total_gold})  "
               f"P={sum(correct.values()) / max(total_pred, 1):.3f} ({sum(correct.values())}/{total_pred})")
    if show:
        for title, rows in (("missed", misses), ("extra", extras)):
            click.echo(f"\n{title} ({len(rows)}):")
            for name, text, triple in rows:
                click.echo(f"  {name}: {triple[0]} -{triple[1]}-> {triple[2]}\n      {text}")


if __name__ == "__main__":
    main()
