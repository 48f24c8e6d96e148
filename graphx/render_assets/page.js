/* graphx graph page. Every string from the data goes into the DOM with textContent or as DOM
   elements: nothing from an article is ever parsed as HTML. Test hooks: window.graphx. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graphx-data").textContent);
  var meta = data.meta, style = data.style, TIP_EVIDENCE = data.tooltip_evidence || 3;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function byId(id) { return document.getElementById(id); }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  // ---- data sets ------------------------------------------------------------------------------
  var nodeInfo = new Map(), edgeInfo = new Map();
  data.nodes.forEach(function (n, i) { nodeInfo.set(n.id, data.node_info[i]); });
  data.edges.forEach(function (e, i) { edgeInfo.set(e.id, data.edge_info[i]); });

  function shapeSwatch(typeStyle) {
    var clip = {
      dot: "circle(50% at 50% 50%)", square: "inset(8%)", box: "inset(8%)",
      diamond: "polygon(50% 0, 100% 50%, 50% 100%, 0 50%)", triangle: "polygon(50% 4%, 100% 96%, 0 96%)",
      triangleDown: "polygon(0 4%, 100% 4%, 50% 96%)", star: "polygon(50% 0,61% 35%,98% 35%,68% 57%,79% 91%,50% 70%,21% 91%,32% 57%,2% 35%,39% 35%)",
      hexagon: "polygon(25% 5%, 75% 5%, 100% 50%, 75% 95%, 25% 95%, 0 50%)"
    }[typeStyle.shape] || "circle(50% at 50% 50%)";
    var span = el("span", "graphx-shape");
    span.style.background = typeStyle.color;
    span.style.clipPath = clip;
    return span;
  }
  function statusBadge(status) {
    var known = status === "stated" || status === "alleged";
    return el("span", "graphx-status-badge graphx-status-" + (known ? status : "other"), status || "unknown status");
  }
  function evidenceItem(ev) {
    var li = el("li");
    li.appendChild(el("blockquote", "graphx-sentence", ev.sentence || "(no sentence recorded)"));
    var src = el("div", "graphx-source");
    src.appendChild(statusBadge(ev.status));
    src.appendChild(document.createTextNode(" "));
    src.appendChild(el("span", "graphx-attribution",
      ev.attribution ? "said by " + ev.attribution : "said by: not attributed (the article itself)"));
    src.appendChild(document.createTextNode(" \u00b7 article "));
    src.appendChild(el("span", "graphx-article", ev.article || "unknown"));
    if (ev.cue) src.appendChild(el("span", "graphx-cue", " \u00b7 cue \u201c" + ev.cue + "\u201d"));
    li.appendChild(src);
    return li;
  }

  function nodeTooltip(id) {
    var info = nodeInfo.get(id), box = el("div");
    box.appendChild(el("div", "graphx-tip-title", id));
    var t = style.entity_types[info.type_key];
    box.appendChild(el("div", null, "Type: " + (t ? t.label : info.type) + " (" + info.type + ")"));
    box.appendChild(el("div", null, "Also written: " + (info.aliases.filter(function (a) { return a !== id; }).join(", ") || "\u2014")));
    box.appendChild(el("div", null, plural(info.mentions, "mention", "mentions") + " in " + plural(info.articles.length, "article", "articles")));
    if (info.diff === "added") box.appendChild(el("div", "graphx-added", "New in this version"));
    return box;
  }
  function edgeTitleText(edge, info) {
    return edge.from + " \u2014 " + info.relation_label + " \u2192 " + edge.to;
  }
  function edgeTooltip(edge) {
    var info = edgeInfo.get(edge.id), box = el("div");
    box.appendChild(el("div", "graphx-tip-title", edgeTitleText(edge, info)));
    box.appendChild(el("div", "graphx-small", plural(info.evidence.length, "evidence sentence", "evidence sentences")));
    var list = el("ol", "graphx-evidence");
    info.evidence.slice(0, TIP_EVIDENCE).forEach(function (ev) { list.appendChild(evidenceItem(ev)); });
    box.appendChild(list);
    if (info.evidence.length > TIP_EVIDENCE) {
      box.appendChild(el("div", "graphx-small", "+" + (info.evidence.length - TIP_EVIDENCE) + " more: click the arrow to see all"));
    }
    return box;
  }

  data.nodes.forEach(function (n) { n.title = nodeTooltip(n.id); });
  data.edges.forEach(function (e) { e.title = edgeTooltip(e); });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);

  // ---- network ----------------------------------------------------------------------------------
  var container = byId("graphx-network");
  var layoutStarted = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var statusBox = byId("graphx-status");
  var api = window.graphx = {
    nodes: nodes, edges: edges, network: network, meta: meta, stable: false,
    nodeInfo: nodeInfo, edgeInfo: edgeInfo
  };

  function settle(reason) {
    if (api.stable) return;
    api.layoutEnd = reason || "stabilized";
    network.setOptions({ physics: { enabled: false } });
    api.stable = true;
    document.body.setAttribute("data-graphx-stable", "true");
    statusBox.textContent = "Layout settled. Drag to pan, scroll to zoom.";
    statusBox.className = "graphx-done";
  }
  network.on("stabilizationProgress", function (p) {
    statusBox.textContent = "Laying out the graph\u2026 " + Math.round(100 * p.iterations / Math.max(p.total, 1)) + "%";
    api.layoutIterations = p.iterations;
    if (!api.stable && performance.now() - layoutStarted > (data.layout_budget_ms || 5000)) {
      settle("time budget");   // big graph: freeze the layout on time rather than keep the reader waiting
      network.fit();
    }
  });
  network.once("stabilizationIterationsDone", function () { settle("stabilized"); });
  if (data.nodes.length === 0) { settle("empty"); statusBox.textContent = "This graph has no entities."; }

  // ---- counts, filters, legend -----------------------------------------------------------------
  var hiddenTypes = new Set(), hiddenRelations = new Set();

  function visibleNode(id) { var info = nodeInfo.get(id); return !!info && !hiddenTypes.has(info.type_key); }
  function visibleEdge(e) { return !hiddenRelations.has(edgeInfo.get(e.id).relation) && visibleNode(e.from) && visibleNode(e.to); }

  function updateCounts() {
    var shownNodes = nodes.get({ filter: function (n) { return !n.hidden; } }).length;
    var shownEdges = edges.get({ filter: function (e) { return !e.hidden; } }).length;
    var text = "Showing " + plural(shownNodes, "entity", "entities") + " and " + plural(shownEdges, "relation", "relations");
    if (shownNodes !== meta.total_nodes || shownEdges !== meta.total_edges) {
      text += " of " + meta.total_nodes + " and " + meta.total_edges + " in the graph";
    }
    var counts = byId("graphx-counts");
    counts.textContent = text + ".";
    counts.setAttribute("data-nodes", String(shownNodes));
    counts.setAttribute("data-edges", String(shownEdges));
  }
  var hiddenNow = new Map();   // id -> hidden, to send vis-network only the items that change
  function changed(items, isVisible, prefix) {
    var updates = [];
    items.forEach(function (item) {
      var hidden = !isVisible(item), key = prefix + item.id;
      if ((hiddenNow.get(key) || false) !== hidden) { hiddenNow.set(key, hidden); updates.push({ id: item.id, hidden: hidden }); }
    });
    return updates;
  }
  function applyFilters() {
    nodes.update(changed(data.nodes, function (n) { return visibleNode(n.id); }, "n:"));
    edges.update(changed(data.edges, visibleEdge, "e:"));
    updateCounts();
  }
  api.applyFilters = applyFilters;

  function countBy(items, key) {
    var counts = new Map();
    items.forEach(function (x) { counts.set(key(x), (counts.get(key(x)) || 0) + 1); });
    return counts;
  }
  function filterRow(id, swatch, text, count, onChange) {
    var label = el("label");
    label.htmlFor = id;
    var box = el("input");
    box.type = "checkbox"; box.id = id; box.checked = true;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", null, text));
    label.appendChild(el("span", "graphx-count", String(count)));
    return label;
  }
  var typeCounts = countBy(data.node_info, function (i) { return i.type_key; });
  var typeBox = byId("graphx-type-filters");
  Object.keys(style.entity_types).forEach(function (key) {
    var t = style.entity_types[key];
    typeBox.appendChild(filterRow("filter-type-" + key, shapeSwatch(t), t.label, typeCounts.get(key) || 0, function (on) {
      if (on) hiddenTypes.delete(key); else hiddenTypes.add(key);
      applyFilters();
    }));
  });
  var relationCounts = countBy(data.edge_info, function (i) { return i.relation; });
  var relationBox = byId("graphx-relation-filters");
  Object.keys(style.relations).forEach(function (rel) {
    var r = style.relations[rel], swatch = el("span", "graphx-swatch");
    swatch.style.background = r.color;
    relationBox.appendChild(filterRow("filter-relation-" + rel, swatch, r.label, relationCounts.get(rel) || 0, function (on) {
      if (on) hiddenRelations.delete(rel); else hiddenRelations.add(rel);
      applyFilters();
    }));
  });
  if (!Object.keys(style.relations).length) relationBox.appendChild(el("p", "graphx-small", "No relations in this graph."));
  function setAllRelations(on) {
    Object.keys(style.relations).forEach(function (rel) {
      byId("filter-relation-" + rel).checked = on;
      if (on) hiddenRelations.delete(rel); else hiddenRelations.add(rel);
    });
    applyFilters();
  }
  byId("graphx-relations-all").addEventListener("click", function () { setAllRelations(true); });
  byId("graphx-relations-none").addEventListener("click", function () { setAllRelations(false); });
  var metricName = meta.metric_used === meta.size_by ? meta.size_by : meta.metric_used + " (fallback for " + meta.size_by + ")";
  byId("graphx-size-metric").textContent = metricName + " centrality";

  // ---- details panel ---------------------------------------------------------------------------
  var details = byId("graphx-details");
  function linkButton(text, onClick) {
    var b = el("button", "graphx-linklike", text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function definition(list, term, value) {
    list.appendChild(el("dt", null, term));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    list.appendChild(dd);
  }
  function showNode(id) {
    var info = nodeInfo.get(id);
    if (!info) return;
    clear(details);
    details.setAttribute("data-kind", "node");
    details.appendChild(el("h2", null, id));
    var t = style.entity_types[info.type_key];
    var dl = el("dl");
    definition(dl, "Type", (t ? t.label : info.type) + " (" + info.type + ")");
    definition(dl, "Mentions", info.mentions);
    definition(dl, "Articles", info.articles.length);
    definition(dl, "Centrality", meta.metric_used + " " + info.score + " (rank " + info.rank + " of " + meta.total_nodes + ")");
    if (info.diff === "added") definition(dl, "Diff", el("span", "graphx-added", "new in this version"));
    details.appendChild(dl);
    details.appendChild(el("h3", null, "Also written as"));
    var aliases = el("ul");
    info.aliases.forEach(function (a) { aliases.appendChild(el("li", null, a)); });
    details.appendChild(aliases);
    details.appendChild(el("h3", null, "Relations"));
    var rels = el("ul");
    edges.get({ filter: function (e) { return e.from === id || e.to === id; } }).forEach(function (e) {
      var ei = edgeInfo.get(e.id), li = el("li");
      li.appendChild(linkButton(edgeTitleText(e, ei), function () { network.selectEdges([e.id]); showEdge(e.id); }));
      li.appendChild(el("span", "graphx-small", " (" + ei.weight + ")" + (e.hidden ? " hidden by a filter" : "")));
      rels.appendChild(li);
    });
    if (!rels.firstChild) rels.appendChild(el("li", "graphx-small", "none shown on this page"));
    details.appendChild(rels);
    details.appendChild(el("h3", null, "Articles"));
    var arts = el("ul");
    info.articles.forEach(function (a) { arts.appendChild(el("li", null, a)); });
    details.appendChild(arts);
  }
  function showEdge(id) {
    var e = edges.get(id), info = edgeInfo.get(id);
    if (!e || !info) return;
    clear(details);
    details.setAttribute("data-kind", "edge");
    details.setAttribute("data-edge", id);
    var h = el("h2");
    h.appendChild(linkButton(e.from, function () { focusNode(e.from); }));
    h.appendChild(el("span", null, " \u2014 " + info.relation_label + " \u2192 "));
    h.appendChild(linkButton(e.to, function () { focusNode(e.to); }));
    details.appendChild(h);
    var dl = el("dl");
    definition(dl, "Relation", info.relation);
    definition(dl, "Weight", plural(info.weight, "distinct evidence sentence", "distinct evidence sentences"));
    var stated = info.evidence.filter(function (x) { return x.status === "stated"; }).length;
    definition(dl, "Status", stated + " stated, " + (info.evidence.length - stated) + " alleged or other");
    if (info.diff === "added") definition(dl, "Diff", el("span", "graphx-added", "new in this version"));
    if (info.diff === "changed") definition(dl, "Diff", el("span", "graphx-changed", "weight " + info.old_weight + " \u2192 " + info.new_weight));
    details.appendChild(dl);
    details.appendChild(el("h3", null, "Evidence"));
    var list = el("ol", "graphx-evidence");
    info.evidence.forEach(function (ev) { list.appendChild(evidenceItem(ev)); });
    details.appendChild(list);
  }
  api.showNode = showNode;
  api.showEdge = showEdge;

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // ---- search ----------------------------------------------------------------------------------
  var datalist = byId("graphx-entity-list"), searchBox = byId("graphx-search"), searchMessage = byId("graphx-search-message");
  var byName = new Map();
  data.nodes.forEach(function (n) {
    var opt = el("option"); opt.value = n.id; datalist.appendChild(opt);
    byName.set(n.id.toLowerCase(), n.id);
  });
  data.nodes.forEach(function (n) {
    nodeInfo.get(n.id).aliases.forEach(function (a) { if (!byName.has(a.toLowerCase())) byName.set(a.toLowerCase(), n.id); });
  });
  function findNode(query) {
    var q = String(query || "").trim().toLowerCase();
    if (!q) return null;
    if (byName.has(q)) return byName.get(q);
    var hit = data.nodes.find(function (n) { return n.id.toLowerCase().indexOf(q) >= 0; });
    return hit ? hit.id : null;
  }
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showNode(id);
  }
  function search() {
    var id = findNode(searchBox.value);
    if (id === null) { searchMessage.textContent = "No entity matches \u201c" + searchBox.value + "\u201d on this page."; return null; }
    searchMessage.textContent = visibleNode(id) ? "" : "\u201c" + id + "\u201d is hidden by the entity type filter.";
    focusNode(id);
    return id;
  }
  searchBox.addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(); });
  searchBox.addEventListener("change", search);
  byId("graphx-search-go").addEventListener("click", search);
  api.focus = function (query) { searchBox.value = query; return search(); };

  // ---- diff panel ------------------------------------------------------------------------------
  function diffEdgeText(d) { return d.source + " \u2014 " + d.relation_label + " \u2192 " + d.target; }
  function diffList(box, heading, items, className, render) {
    box.appendChild(el("h3", null, heading + " (" + items.length + ")"));
    var ul = el("ul");
    items.forEach(function (item) { var li = el("li", className); render(li, item); ul.appendChild(li); });
    if (!items.length) ul.appendChild(el("li", "graphx-small", "none"));
    box.appendChild(ul);
  }
  if (data.diff) {
    var d = data.diff, box = byId("graphx-diff");
    box.hidden = false;
    box.appendChild(el("h2", null, "Changes since the previous graph"));
    diffList(box, "New entities", d.nodes_added, "graphx-added", function (li, n) {
      if (n.shown) li.appendChild(linkButton(n.name, function () { focusNode(n.name); }));
      else li.textContent = n.name + " (not among the entities shown)";
    });
    diffList(box, "New relations", d.edges_added, "graphx-added", function (li, x) {
      if (x.id) li.appendChild(linkButton(diffEdgeText(x), function () { network.selectEdges([x.id]); showEdge(x.id); }));
      else li.textContent = diffEdgeText(x);
    });
    diffList(box, "Changed evidence counts", d.edges_changed, "graphx-changed", function (li, x) {
      var text = diffEdgeText(x) + ": " + x.old_weight + " \u2192 " + x.new_weight;
      if (x.id) li.appendChild(linkButton(text, function () { network.selectEdges([x.id]); showEdge(x.id); }));
      else li.textContent = text;
    });
    diffList(box, "Removed entities", d.nodes_removed, "graphx-removed", function (li, n) { li.textContent = n.name; });
    diffList(box, "Removed relations", d.edges_removed, "graphx-removed", function (li, x) { li.textContent = diffEdgeText(x); });
    var legend = byId("graphx-diff-legend");
    legend.hidden = false;
    [["added", "glow = new in this version"], ["changed", "glow = evidence count changed"]].forEach(function (pair) {
      var p = el("p", "graphx-small"), dot = el("span", "graphx-glow");
      dot.style.background = style.diff[pair[0]];
      p.appendChild(dot);
      p.appendChild(document.createTextNode((pair[0] === "added" ? "green " : "orange ") + pair[1]));
      legend.appendChild(p);
    });
  }

  updateCounts();
})();
