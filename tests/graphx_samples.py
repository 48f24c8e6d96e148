"""Hand-written ArticleResult dicts and helpers shared by the store/diff/analytics/export/CLI tests."""
from __future__ import annotations

import hashlib

from graphx.graph import build_graph
from graphx.reader import Article


def ev(article, sentence, start, status="stated", attribution=None, cue="vorwerfen"):
    return {"article": article, "sentence": sentence, "start": start, "end": start + len(sentence),
            "attribution": attribution, "status": status, "cue": cue}


def rel(source, target, relation, article, sentence, start, **kw):
    return {"source": source, "target": target, "relation": relation,
            "evidence": ev(article, sentence, start, **kw)}


def ent(name, type_, *aliases, mentions=1):
    return {"name": name, "type": type_, "aliases": list(aliases), "mentions": mentions}


def result(article, entities, relations, text=None):
    text = text if text is not None else article + "".join(r["evidence"]["sentence"] for r in relations)
    return {"article": article, "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "entities": entities, "relations": relations}


def seed_results():
    """Three articles: Selenskyj, Putin, Nordkorea, Russland, NATO, Kim Jong Un."""
    a = result("001_a.txt",
               [ent("Wolodymyr Selenskyj", "PERSON", "Selenskyj", "Selenskyjs", mentions=3),
                ent("Nordkorea", "STATE", mentions=2), ent("Russland", "STATE", "Moskau", mentions=2)],
               [rel("Wolodymyr Selenskyj", "Nordkorea", "accuses", "001_a.txt",
                    "Selenskyj wirft Nordkorea vor, Russland Waffen zu liefern.", 0),
                rel("Nordkorea", "Russland", "supplies", "001_a.txt",
                    "Nordkorea liefert Russland Granaten.", 80, status="alleged",
                    attribution="Wolodymyr Selenskyj", cue="liefern")])
    b = result("002_b.txt",
               [ent("Wladimir Putin", "PERSON", "Putin", "Putins", mentions=2),
                ent("Russland", "STATE", mentions=1), ent("Kim Jong Un", "PERSON", "Kim", mentions=1)],
               [rel("Wladimir Putin", "Russland", "leader_of", "002_b.txt",
                    "Der russische Präsident Wladimir Putin empfing Gäste.", 0, cue="Präsident"),
                rel("Wladimir Putin", "Kim Jong Un", "meets", "002_b.txt",
                    "Putin traf Kim in Pjöngjang.", 60, cue="treffen")])
    c = result("003_c.txt",
               [ent("NATO", "ORG", "Nato", mentions=2), ent("Russland", "STATE", mentions=1),
                ent("Wolodymyr Selenskyj", "PERSON", "Selenskyj", mentions=1)],
               [rel("NATO", "Russland", "criticizes", "003_c.txt", "Die Nato kritisierte Russland scharf.", 0,
                    cue="kritisieren"),
                rel("Wolodymyr Selenskyj", "Nordkorea", "accuses", "003_c.txt",
                    "Selenskyj warf Nordkorea erneut Waffenlieferungen vor.", 50)])
    return [a, b, c]


def new_article_result():
    """A fourth article: a new entity (Iran), a new edge, and new evidence for an existing edge."""
    return result("004_d.txt",
                  [ent("Iran", "STATE", mentions=1), ent("Russland", "STATE", mentions=1),
                   ent("Wolodymyr Selenskyj", "PERSON", "Selenskyj", mentions=1),
                   ent("Nordkorea", "STATE", mentions=1)],
                  [rel("Iran", "Russland", "supplies", "004_d.txt", "Iran liefert Russland Drohnen.", 0,
                       cue="liefern"),
                   rel("Wolodymyr Selenskyj", "Nordkorea", "accuses", "004_d.txt",
                       "Selenskyj beschuldigt Nordkorea.", 40, cue="beschuldigen")])


def graph_of(results, **kw):
    return build_graph([dict(r) for r in results], **kw)


def article_for(res, text=None):
    """A reader Article whose sha256 matches the result's."""
    art = Article(name=res["article"], path=None, text=text or ("text of " + res["article"]))
    art.sha256 = res["sha256"]
    return art
