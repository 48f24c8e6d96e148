"""The graph stage: per-article results -> one networkx MultiDiGraph with provenance.

See docs/architecture.md for the node, edge and graph attributes; `graph.json` is
`networkx.node_link_data(G, edges="edges")`.
"""
from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import networkx as nx

from graphx import __version__
from graphx.errors import GraphFormatError, OutputError

ENTITY_TYPES = ("PERSON", "STATE", "ORG", "LOCATION")
RELATIONS = ("accuses", "supplies", "denies", "signed_treaty_with", "supports", "criticizes",
             "summons", "sanctions", "attacks", "leader_of", "member_of", "meets")
SYMMETRIC = frozenset({"signed_treaty_with", "meets"})


def evidence_key(evidence: dict) -> tuple:
    return (evidence.get("article", ""), evidence.get("start", 0), evidence.get("end", 0))


def build_graph(results, *, model: dict | None = None, built_at: str | None = None) -> nx.MultiDiGraph:
    """Merge `ArticleResult` dicts (already resolved to canonical names) into one graph.

    Linear in the number of entities and relations of the results.
    """
    G = nx.MultiDiGraph()
    G.graph.update(graphx_version=__version__, model=dict(model or {}),
                   built_at=built_at or datetime.now(UTC).isoformat(timespec="seconds"),
                   articles=[])
    for result in results:
        article = result["article"]
        G.graph["articles"].append({"name": article, "sha256": result.get("sha256", "")})
        for entity in result.get("entities", []):
            add_entity(G, entity, article)
        for relation in result.get("relations", []):
            add_relation(G, relation)
    finalize(G)
    return G


def add_entity(G, entity: dict, article: str) -> None:
    name = entity["name"]
    if name not in G:
        G.add_node(name, label=name, type=entity.get("type", "ORG"), aliases=set(), articles=set(),
                   mentions=0)
    node = G.nodes[name]
    if not node["articles"]:          # a relation of an earlier article named it first: its type was a guess
        node["type"] = entity.get("type", "ORG")
    node["aliases"].update(entity.get("aliases", ()))
    node["aliases"].add(name)
    node["articles"].add(article)
    node["mentions"] += int(entity.get("mentions", 1))


def add_relation(G, relation: dict) -> None:
    source, target, label = relation["source"], relation["target"], relation["relation"]
    if label not in RELATIONS or source == target:
        return
    if label in SYMMETRIC and target < source:
        source, target = target, source
    for name in (source, target):
        if name not in G:  # relations name entities the result lists; be lenient anyway
            G.add_node(name, label=name, type="ORG", aliases={name}, articles=set(), mentions=0)
    if not G.has_edge(source, target, key=label):
        G.add_edge(source, target, key=label, relation=label, evidence={})
    evidence = relation["evidence"]
    G.edges[source, target, label]["evidence"].setdefault(evidence_key(evidence), evidence)


def finalize(G) -> None:
    """Turn working sets into sorted lists and compute weights."""
    for _, data in G.nodes(data=True):
        data["aliases"] = sorted(data["aliases"]) if isinstance(data["aliases"], set) else data["aliases"]
        data["articles"] = sorted(data["articles"]) if isinstance(data["articles"], set) else data["articles"]
    for _, _, data in G.edges(data=True):
        evidence = data["evidence"]
        if isinstance(evidence, dict):
            evidence = [evidence[k] for k in sorted(evidence)]
        data["evidence"] = evidence
        data["weight"] = len({(e.get("article"), e.get("start")) for e in evidence})
    G.graph["articles"] = sorted(G.graph.get("articles", []), key=lambda a: a["name"])


def to_json_data(G) -> dict:
    return nx.node_link_data(G, edges="edges")


def from_json_data(data) -> nx.MultiDiGraph:
    if not isinstance(data, dict) or "nodes" not in data or not ("edges" in data or "links" in data):
        raise GraphFormatError("not a graphx graph: expected node-link JSON with 'nodes' and 'edges'")
    edges_key = "edges" if "edges" in data else "links"
    for key in ("nodes", edges_key):
        if not isinstance(data[key], list) or not all(isinstance(item, dict) for item in data[key]):
            raise GraphFormatError(f"not a graphx graph: {key!r} must be a list of objects")
    if not isinstance(data.get("graph", {}), dict):
        raise GraphFormatError("not a graphx graph: 'graph' must be an object")
    try:
        # graphx graphs are directed multigraphs, whatever the file claims
        G = nx.node_link_graph(dict(data, directed=True, multigraph=True), directed=True, multigraph=True,
                               edges=edges_key)
    except (KeyError, TypeError, ValueError, AttributeError, nx.NetworkXError) as exc:
        raise GraphFormatError(f"not a graphx graph: {type(exc).__name__} {_short(str(exc))}") from None
    if not isinstance(G.graph, dict):
        raise GraphFormatError("not a graphx graph: 'graph' must be an object")
    _check(G.graph, GRAPH_TYPES, "graph attributes")
    for article in G.graph.get("articles") or []:
        _check(article, {"name": (lambda v: isinstance(v, str), "a string"), "sha256": (_is_text, "a string")},
               "graph attributes: articles")
    odd = next((node for node in G if not isinstance(node, str)), None)
    if odd is not None:
        raise GraphFormatError(f"not a graphx graph: node ids must be entity names (strings), not {_short(odd)}")
    for node, attrs in G.nodes(data=True):
        attrs.setdefault("label", node)
        attrs.setdefault("type", "ORG")
        attrs.setdefault("aliases", [node])
        attrs.setdefault("articles", [])
        attrs.setdefault("mentions", 0)
        _check(attrs, NODE_TYPES, f"node {_short(node)}")
    for u, v, key, attrs in G.edges(keys=True, data=True):
        attrs.setdefault("relation", key)
        attrs.setdefault("evidence", [])
        what = f"edge {_short(u)} -> {_short(v)}"
        _check(attrs, EDGE_TYPES, what)
        attrs.setdefault("weight", len(attrs["evidence"]))
        for evidence in attrs["evidence"]:
            if not isinstance(evidence, dict):
                raise GraphFormatError(f"not a graphx graph: {what}: evidence must be a list of objects")
            _check(evidence, EVIDENCE_TYPES, f"{what}: evidence")
    return G


def _is_str_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_text(value) -> bool:
    return isinstance(value, str) or value is None


# attribute: (test, what it must be); attributes graphx does not know are kept as they are
GRAPH_TYPES = {"graphx_version": (_is_text, "a string"), "built_at": (_is_text, "a string"),
               "model": (lambda v: v is None or isinstance(v, dict), "an object"),
               "articles": (lambda v: isinstance(v, list) and all(isinstance(a, dict) for a in v),
                            "a list of objects")}
NODE_TYPES = {"label": (lambda v: isinstance(v, str), "a string"), "type": (lambda v: isinstance(v, str), "a string"),
              "aliases": (_is_str_list, "a list of strings"), "articles": (_is_str_list, "a list of strings"),
              "mentions": (_is_int, "a whole number")}
EDGE_TYPES = {"relation": (lambda v: isinstance(v, str), "a string"), "weight": (_is_number, "a number"),
              "evidence": (lambda v: isinstance(v, list), "a list")}
EVIDENCE_TYPES = {"article": (_is_text, "a string"), "sentence": (_is_text, "a string"),
                  "start": (_is_int, "a whole number"), "end": (_is_int, "a whole number"),
                  "attribution": (_is_text, "a string"), "status": (_is_text, "a string"),
                  "cue": (_is_text, "a string")}


def _check(attrs: dict, types: dict, what: str) -> None:
    for name, (test, expected) in types.items():
        if name in attrs and not test(attrs[name]):
            raise GraphFormatError(f"not a graphx graph: {what}: {name!r} must be {expected}")


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def load_graph(path) -> nx.MultiDiGraph:
    """Read graph.json; any problem becomes a one-line GraphFormatError."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise GraphFormatError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise GraphFormatError(f"{path}: is a folder, expected a graph.json file") from None
    except PermissionError:
        raise GraphFormatError(f"{path}: permission denied") from None
    except UnicodeDecodeError:
        raise GraphFormatError(f"{path}: not UTF-8 JSON") from None
    except json.JSONDecodeError as exc:
        raise GraphFormatError(f"{path}: corrupt or truncated JSON ({exc.msg}, line {exc.lineno})") from None
    try:
        return from_json_data(data)
    except GraphFormatError as exc:
        raise GraphFormatError(f"{path}: {exc}") from None


def write_atomic(path, text: str) -> None:
    """Write `text` to `path` via a temp file in the same folder and a rename.

    The file gets the mode any new file gets (0o666 less the umask), not mkstemp's 0o600. The temp
    file's name carries the writer's process id; temp files of `path` left by a process that no
    longer runs (killed with kill -9 mid-write) are removed here.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write to {path.parent}: {exc.strerror or exc}") from None
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o666 & ~current_umask())
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def remove_stale_temps(path: Path) -> None:
    """Delete `.<name>.<pid>.*.tmp` files next to `path` whose process is gone."""
    prefix = f".{path.name}."
    try:
        candidates = [p for p in path.parent.iterdir() if p.name.startswith(prefix) and p.name.endswith(".tmp")]
    except OSError:
        return
    for candidate in candidates:
        pid = candidate.name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not process_alive(int(pid)):
            try:
                candidate.unlink()
            except OSError:
                pass


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True
    return True


def dumps_graph(G) -> str:
    return json.dumps(to_json_data(G), ensure_ascii=False, indent=1, sort_keys=False)


def save_graph(G, path) -> None:
    write_atomic(path, dumps_graph(G))
