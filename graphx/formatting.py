"""Plain-text tables, CSV and JSON for the query commands (diff, centrality, show, ...)."""
from __future__ import annotations

import csv
import io
import json


def clean(value, width: int | None = None) -> str:
    """One table cell: no line breaks or control characters, cut to `width`."""
    if isinstance(value, float):
        text = f"{value:.6g}"
    elif isinstance(value, (list, tuple)):
        text = ", ".join(str(v) for v in value)
    else:
        text = "" if value is None else str(value)
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = " ".join(text.split())
    if width and len(text) > width:
        text = text[:width - 1] + "…"
    return text


def table(rows, columns, *, width: int = 60) -> str:
    """rows: list of dicts; columns: list of (key, header). Left-aligned, numbers right-aligned."""
    cells = [[clean(row.get(key), width) for key, _ in columns] for row in rows]
    headers = [header for _, header in columns]
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(headers)]
    numeric = [all(isinstance(row.get(key), (int, float)) and not isinstance(row.get(key), bool)
                   for row in rows) and rows for key, _ in columns]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for c in cells:
        lines.append("  ".join(v.rjust(w) if num else v.ljust(w)
                               for v, w, num in zip(c, widths, numeric)).rstrip())
    return "\n".join(lines)


def to_csv(rows, columns) -> str:
    return csv_text([header for _, header in columns],
                    ([_csv_value(row.get(key)) for key, _ in columns] for row in rows)).rstrip("\n")


def csv_text(header, rows) -> str:
    """CSV with "\\n" line ends. The csv module quotes a field with "\\n" but not one with a lone
    "\\r", which every reader takes for a line end; a row holding one is written fully quoted."""
    buffer = io.StringIO()
    minimal = csv.writer(buffer, lineterminator="\n")
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    minimal.writerow(header)
    for row in rows:
        row = list(row)
        (quoted if any("\r" in str(value) for value in row) else minimal).writerow(row)
    return buffer.getvalue()


def _csv_value(value):
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def rows_output(rows, columns, fmt: str) -> str:
    if fmt == "json":
        return to_json(rows)
    if fmt == "csv":
        return to_csv(rows, columns)
    return table(rows, columns) if rows else "(none)"


def evidence_lines(evidence, indent: str = "      ", width: int = 160) -> list[str]:
    lines = []
    for e in evidence or []:
        if not isinstance(e, dict):
            lines.append(indent + clean(e, width))
            continue
        status = e.get("status", "")
        who = e.get("attribution")
        tag = f"[{clean(e.get('article'))}:{e.get('start', '')}] {status}"
        if who and status == "alleged":
            tag += f" (according to {clean(who)})"
        lines.append(f"{indent}{tag}: {clean(e.get('sentence'), width)}")
    return lines


def entity_text(info: dict) -> str:
    lines = [f"{clean(info['entity'])} ({info.get('type')})",
             f"  aliases:  {clean(info.get('aliases'), 400)}",
             f"  articles: {clean(info.get('articles'), 400)}",
             f"  mentions: {info.get('mentions', 0)}, edges: {len(info['edges'])}"]
    for edge in info["edges"]:
        lines.append(f"  {clean(edge['source'])} -[{edge['relation']}]-> {clean(edge['target'])}"
                     f"  (weight {edge['weight']})")
        lines.extend(evidence_lines(edge.get("evidence")))
    return "\n".join(lines)


def path_text(result: dict) -> str:
    if result["length"] is None:
        return f"No path between {clean(result['source'])} and {clean(result['target'])}."
    if result["length"] == 0:
        return f"{clean(result['source'])}  (0 hops: the same entity)"
    lines = [" -> ".join(clean(n) for n in result["nodes"]) + f"  ({result['length']} hop"
             f"{'s' if result['length'] != 1 else ''})"]
    for i, hop in enumerate(result["hops"], 1):
        lines.append(f"{i}. {clean(hop['from'])} - {clean(hop['to'])}")
        for edge in hop["edges"]:
            lines.append(f"   {clean(edge['source'])} -[{edge['relation']}]-> {clean(edge['target'])}"
                         f"  (weight {edge['weight']})")
            lines.extend(evidence_lines(edge.get("evidence"), indent="      "))
    return "\n".join(lines)


def communities_text(rows, members: int = 12, hidden: int = 0, min_size: int = 1) -> str:
    """One line per community; `hidden` communities smaller than `min_size` are counted at the end."""
    note = (f"({hidden} communit{'y' if hidden == 1 else 'ies'} of fewer than {min_size} entities not shown; "
            "--min-size 1 lists them)") if hidden else ""
    if not rows:
        return note or "(no communities: the graph is empty)"
    lines = []
    for row in rows:
        types = ", ".join(f"{t} {n}" for t, n in row["types"].items())
        shown = ", ".join(clean(m) for m in row["members"][:members])
        more = f", … (+{row['size'] - members})" if row["size"] > members else ""
        lines.append(f"#{row['id']}  {row['size']} entities ({types}): {shown}{more}")
    return "\n".join(lines + ([note] if note else []))


def diff_text(diff: dict, old_name: str, new_name: str) -> str:
    s = diff["summary"]
    lines = [f"Diff {old_name} -> {new_name}",
             f"Articles: +{s['articles_added']} -{s['articles_removed']} ~{s['articles_changed']}   "
             f"Entities: +{s['nodes_added']} -{s['nodes_removed']}   "
             f"Edges: +{s['edges_added']} -{s['edges_removed']} ~{s['edges_changed']} (new evidence)"]
    if not any(v for k, v in s.items()):
        lines.append("No changes.")
        return "\n".join(lines)

    def section(title, items):
        if items:
            lines.append("")
            lines.append(f"{title} ({len(items)}):")
            lines.extend(f"  {item}" for item in items)

    section("Articles added", [clean(a) for a in diff["articles_added"]])
    section("Articles removed", [clean(a) for a in diff["articles_removed"]])
    section("Articles changed", [clean(a) for a in diff["articles_changed"]])
    section("Entities added", [clean(n) for n in diff["nodes_added"]])
    section("Entities removed", [clean(n) for n in diff["nodes_removed"]])
    section("Edges added", [f"{clean(u)} -[{r}]-> {clean(v)}" for u, v, r in diff["edges_added"]])
    section("Edges removed", [f"{clean(u)} -[{r}]-> {clean(v)}" for u, v, r in diff["edges_removed"]])
    if diff["edges_changed"]:
        lines.append("")
        lines.append(f"Edges with new or lost evidence ({len(diff['edges_changed'])}):")
        rows = [dict(c, edge=f"{c['source']} -[{c['relation']}]-> {c['target']}") for c in diff["edges_changed"]]
        lines.append(indent(table(rows, [("edge", "edge"), ("old_weight", "old"), ("new_weight", "new"),
                                         ("evidence_added", "+ev"), ("evidence_removed", "-ev")], width=90)))
    if diff["rank_moves"]:
        lines.append("")
        lines.append("Largest PageRank rank moves:")
        rows = [dict(m, change=f"{'+' if m['move'] > 0 else ''}{m['move']}") for m in diff["rank_moves"]]
        lines.append(indent(table(rows, [("entity", "entity"), ("old_rank", "old rank"),
                                         ("new_rank", "new rank"), ("change", "move")])))
    return "\n".join(lines)


def indent(text: str, prefix: str = "  ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())
