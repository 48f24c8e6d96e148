/* graphx graph page. Every string from the data goes into the DOM with textContent or as DOM
   elements: nothing from an article is ever parsed as HTML. Test hooks: window.graphx. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graphx-data").textContent);
  var meta = data.meta, style = data.style, S = data.strings, TIP_EVIDENCE = data.tooltip_evidence || 3;
  var numberFormat = new Intl.NumberFormat(meta.locale || "de-DE");

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function byId(id) { return document.getElementById(id); }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function num(n) { return typeof n === "number" ? numberFormat.format(n) : String(n); }
  // t("counts", {nodes: ...}): a string of the table with {name} filled in (numbers in the page's locale)
  function t(key, values) {
    var text = S[key] !== undefined ? S[key] : key;
    return text.replace(/\{([a-z_]+)\}/g, function (m, name) {
      return values && name in values ? num(values[name]) : m;
    });
  }
  function count(kind, n) { return t(kind + (n === 1 ? "_one" : "_many"), { n: n }); }

  // ---- data sets ------------------------------------------------------------------------------
  var nodeInfo = new Map(), edgeInfo = new Map();
  data.nodes.forEach(function (n, i) { nodeInfo.set(n.id, data.node_info[i]); });
  data.edges.forEach(function (e, i) { edgeInfo.set(e.id, data.edge_info[i]); });
  var connectedIds = data.nodes.filter(function (n) { return !nodeInfo.get(n.id).isolated; }).map(function (n) { return n.id; });

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
  function lineSwatch(relStyle) {
    var span = el("span", "graphx-swatch");
    var dashes = relStyle.dashes;
    span.style.borderTopColor = relStyle.color;
    span.style.borderTopStyle = !dashes ? "solid" : dashes[0] <= 4 ? "dotted" : "dashed";
    return span;
  }
  function statusBadge(status) {
    var known = status === "stated" || status === "alleged";
    return el("span", "graphx-status-badge graphx-status-" + (known ? status : "other"), known ? S["status_" + status] : (status || S.status_unknown));
  }
  function evidenceItem(ev) {
    var li = el("li");
    li.appendChild(el("blockquote", "graphx-sentence", ev.sentence || S.no_sentence));
    var src = el("div", "graphx-source");
    src.appendChild(statusBadge(ev.status));
    src.appendChild(document.createTextNode(" "));
    src.appendChild(el("span", "graphx-attribution", ev.attribution ? t("said_by", { who: ev.attribution }) : S.not_attributed));
    src.appendChild(document.createTextNode(" \u00b7 " + S.article + " "));
    src.appendChild(el("span", "graphx-article", ev.article || S.unknown));
    if (ev.cue) src.appendChild(el("span", "graphx-cue", " \u00b7 " + S.cue + " \u201e" + ev.cue + "\u201c"));
    li.appendChild(src);
    return li;
  }
  function typeLabel(info) { var ts = style.entity_types[info.type_key]; return (ts ? ts.label : info.type) + " (" + info.type + ")"; }

  function nodeTooltip(id) {
    var info = nodeInfo.get(id), box = el("div");
    box.appendChild(el("div", "graphx-tip-title", id));
    box.appendChild(el("div", null, S.type + ": " + typeLabel(info)));
    box.appendChild(el("div", null, S.also_written + ": " + (info.aliases.filter(function (a) { return a !== id; }).join(", ") || "\u2014")));
    box.appendChild(el("div", null, count("mention", info.mentions) + " " + count("in_articles", info.articles.length)));
    if (info.diff === "added") box.appendChild(el("div", "graphx-added", S.new_here));
    return box;
  }
  function relationText(from, label, to) { return from + " \u2014 " + label + " \u2192 " + to; }
  function edgeTooltip(edge) {
    var info = edgeInfo.get(edge.id), box = el("div"), shown = 0;
    box.appendChild(el("div", "graphx-tip-title", edge.from + " \u2192 " + edge.to));
    info.relations.forEach(function (r) {
      var head = el("div", "graphx-tip-relation");
      head.appendChild(lineSwatch(style.relations[r.relation]));
      head.appendChild(el("span", null, " " + r.label + " \u00b7 " + count("sentence", r.weight)));
      box.appendChild(head);
      var list = el("ol", "graphx-evidence");
      r.evidence.slice(0, Math.max(TIP_EVIDENCE - shown, 1)).forEach(function (ev) { list.appendChild(evidenceItem(ev)); shown += 1; });
      box.appendChild(list);
    });
    var total = info.relations.reduce(function (a, r) { return a + r.evidence.length; }, 0);
    if (total > shown) box.appendChild(el("div", "graphx-small", t("more_click", { n: total - shown })));
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
    nodeInfo: nodeInfo, edgeInfo: edgeInfo, labelled: []
  };

  // the most central entities get labels readable at the first view; the rest show on zoom and hover
  var shownFirst = connectedIds.filter(function (id) { return !nodes.get(id).hidden; });
  var nLabelled = shownFirst.length <= data.labelled_nodes[0] ? shownFirst.length
    : Math.min(data.labelled_nodes[1], 15 + Math.floor(shownFirst.length / 10));
  var labelled = shownFirst.slice(0, nLabelled);
  function labelForScale() {
    var scale = network.getScale(), size = Math.max(14, (data.label_px + 0.5) / scale);
    nodes.update(labelled.map(function (id) { return { id: id, font: { size: size } }; }));
    // arrows at least 1.2 px wide on screen at the first view (their names show once zoomed to >= 9 px)
    edges.update(data.edges.map(function (e) { return { id: e.id, width: Math.max(e.width, 1.2 / scale) }; }));
  }
  // an arrow keeps its relation's name only where the name fits between the two entities
  var fullLabel = new Map(), squeezed = new Set();
  function edgeLabelsWhereTheyFit() {
    var positions = network.getPositions(), updates = [];
    edges.forEach(function (e) {
      var a = positions[e.from], b = positions[e.to];
      if (!a || !b) return;
      var gap = Math.hypot(a.x - b.x, a.y - b.y) - nodes.get(e.from).size - nodes.get(e.to).size;
      var label = fullLabel.has(e.id) ? fullLabel.get(e.id) : e.label;
      fullLabel.set(e.id, label);
      var font = (e.font && e.font.size) || 12;
      if (gap <= label.length * font * 0.55 + 16) { squeezed.add(e.id); updates.push({ id: e.id, label: " " }); }
    });
    edges.update(updates);
  }
  // fit the view on the drawn entities and their labels (vis-network's fit leaves long labels cut off)
  function fitCore() {
    var ids = connectedIds.filter(function (id) { return !nodes.get(id).hidden; });
    if (!ids.length) ids = connectedIds;
    if (!ids.length) return;
    var pos = network.getPositions(ids), l = Infinity, r = -Infinity, top = Infinity, bottom = -Infinity;
    ids.forEach(function (id) {
      var n = nodes.get(id), p = pos[id], size = n.size || 10, font = (n.font && n.font.size) || 14;
      var half = Math.max(size, String(n.label || "").length * font * 0.3);
      l = Math.min(l, p.x - half); r = Math.max(r, p.x + half);
      top = Math.min(top, p.y - size); bottom = Math.max(bottom, p.y + size + font * 2);
    });
    var rect = container.getBoundingClientRect();
    var scale = Math.min(1.3, 0.95 * rect.width / Math.max(r - l, 1), 0.95 * rect.height / Math.max(bottom - top, 1));
    network.moveTo({ position: { x: (l + r) / 2, y: (top + bottom) / 2 }, scale: scale, animation: false });
  }
  api.fitCore = fitCore;

  function settle(reason) {
    if (api.stable) return;
    api.layoutEnd = reason || "stabilized";
    network.setOptions({ physics: { enabled: false } });
    fitCore(); labelForScale(); fitCore(); labelForScale();
    edgeLabelsWhereTheyFit();
    api.labelled = labelled;
    api.stable = true;
    document.body.setAttribute("data-graphx-stable", "true");
    statusBox.textContent = S.layout_done;
    statusBox.className = "graphx-done";
  }
  network.on("stabilizationProgress", function (p) {
    statusBox.textContent = t("layout_progress", { p: Math.round(100 * p.iterations / Math.max(p.total, 1)) });
    api.layoutIterations = p.iterations;
    if (!api.stable && performance.now() - layoutStarted > (data.layout_budget_ms || 5000)) {
      settle("time budget");   // big graph: freeze the layout on time rather than keep the reader waiting
    }
  });
  network.once("stabilizationIterationsDone", function () { settle("stabilized"); });
  if (connectedIds.length === 0) { settle("empty"); if (!data.nodes.length) statusBox.textContent = S.empty; }

  // ---- filters ----------------------------------------------------------------------------------
  var hiddenTypes = new Set(), hiddenRelations = new Set(), placed = new Set();
  var filter = { min: meta.min_evidence || 1, article: "", status: "" };

  function typeVisible(id) { var info = nodeInfo.get(id); return !!info && !hiddenTypes.has(info.type_key); }
  // the relations of an arrow that pass the filters, each with its number of passing sentences
  function passing(info) {
    var out = [];
    info.relations.forEach(function (r) {
      if (hiddenRelations.has(r.relation)) return;
      var w = r.weight;
      if (filter.article || filter.status) {
        w = r.evidence.filter(function (ev) {
          return (!filter.article || ev.article === filter.article) && (!filter.status || ev.status === filter.status);
        }).length;
      }
      if (w > 0) out.push({ relation: r, weight: w });
    });
    return out;
  }
  function edgeState(e) {
    var rels = passing(edgeInfo.get(e.id));
    var total = rels.reduce(function (a, r) { return a + r.weight; }, 0);
    return { visible: rels.length > 0 && total >= filter.min && typeVisible(e.from) && typeVisible(e.to), rels: rels, total: total };
  }
  var legendOrder = Object.keys(style.relations);
  function look(rels) {   // the arrow's colour, line and name follow its strongest passing relation
    rels.sort(function (a, b) { return b.weight - a.weight || legendOrder.indexOf(a.relation.relation) - legendOrder.indexOf(b.relation.relation); });
    var top = rels[0].relation, rs = style.relations[top.relation];
    var label = top.label + (rels.length > 1 ? " +" + (rels.length - 1) : "");
    return { color: rs.color, dashes: rs.dashes, label: label };
  }
  var hiddenNow = new Map(), lookNow = new Map();   // what vis-network has, to send only changes
  data.edges.forEach(function (e) { hiddenNow.set(e.id, !!e.hidden); });
  function applyFilters() {
    var edgeUpdates = [], degree = new Map(), shownEdges = 0, shownRelations = 0;
    edges.forEach(function (e) {
      var st = edgeState(e), hidden = !st.visible;
      if (st.visible) {
        degree.set(e.from, (degree.get(e.from) || 0) + 1);
        degree.set(e.to, (degree.get(e.to) || 0) + 1);
        shownEdges += 1; shownRelations += st.rels.length;
      }
      var update = null;
      if ((hiddenNow.get(e.id) || false) !== hidden) { hiddenNow.set(e.id, hidden); update = { id: e.id, hidden: hidden }; }
      if (st.visible) {
        var lk = look(st.rels), key = lk.color + lk.label + JSON.stringify(lk.dashes);
        if (!lookNow.has(e.id)) lookNow.set(e.id, key);   // the first pass: as drawn by pyvis' data
        else if (lookNow.get(e.id) !== key) {
          lookNow.set(e.id, key);
          update = update || { id: e.id };
          update.color = { color: lk.color, highlight: lk.color, hover: lk.color };
          update.dashes = lk.dashes;
          fullLabel.set(e.id, lk.label);
          if (!squeezed.has(e.id)) update.label = lk.label;
        }
      }
      if (update) edgeUpdates.push(update);
    });
    edges.update(edgeUpdates);
    var nodeUpdates = [], shownNodes = 0;
    data.nodes.forEach(function (n) {
      var info = nodeInfo.get(n.id);
      var visible = typeVisible(n.id) && (placed.has(n.id) || (!info.isolated && degree.has(n.id)));
      if (visible) shownNodes += 1;
      var hidden = !visible, key = "n:" + n.id;
      var was = hiddenNow.has(key) ? hiddenNow.get(key) : !!n.hidden;
      if (was !== hidden) { hiddenNow.set(key, hidden); nodeUpdates.push({ id: n.id, hidden: hidden }); }
    });
    nodes.update(nodeUpdates);
    updateCounts(shownNodes, shownEdges, shownRelations);
  }
  api.applyFilters = applyFilters;

  function updateCounts(shownNodes, shownEdges, shownRelations) {
    var values = { nodes: count("entity", shownNodes), arrows: count("arrow", shownEdges), relations: count("relation", shownRelations),
                   total_nodes: count("entity", meta.total_nodes), total_relations: count("relation", meta.total_edges) };
    var whole = shownNodes === meta.total_nodes && shownRelations === meta.total_edges;
    var counts = byId("graphx-counts");
    counts.textContent = t(whole ? "counts" : "counts_of", values);
    counts.setAttribute("data-nodes", String(shownNodes));
    counts.setAttribute("data-edges", String(shownEdges));
    counts.setAttribute("data-relations", String(shownRelations));
  }

  function countBy(items, key) {
    var counts = new Map();
    items.forEach(function (x) { counts.set(key(x), (counts.get(key(x)) || 0) + 1); });
    return counts;
  }
  function filterRow(id, swatch, text, n, onChange) {
    var label = el("label");
    label.htmlFor = id;
    var box = el("input");
    box.type = "checkbox"; box.id = id; box.checked = true;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", null, text));
    label.appendChild(el("span", "graphx-count", num(n)));
    return label;
  }
  var typeCounts = countBy(data.node_info, function (i) { return i.type_key; });
  var typeBox = byId("graphx-type-filters");
  Object.keys(style.entity_types).forEach(function (key) {
    var ts = style.entity_types[key];
    typeBox.appendChild(filterRow("filter-type-" + key, shapeSwatch(ts), ts.label, typeCounts.get(key) || 0, function (on) {
      if (on) hiddenTypes.delete(key); else hiddenTypes.add(key);
      applyFilters();
    }));
  });
  var relationCounts = new Map();
  data.edge_info.forEach(function (i) { i.relations.forEach(function (r) { relationCounts.set(r.relation, (relationCounts.get(r.relation) || 0) + 1); }); });
  var relationBox = byId("graphx-relation-filters");
  Object.keys(style.relations).forEach(function (rel) {
    var rs = style.relations[rel];
    relationBox.appendChild(filterRow("filter-relation-" + rel, lineSwatch(rs), rs.label, relationCounts.get(rel) || 0, function (on) {
      if (on) hiddenRelations.delete(rel); else hiddenRelations.add(rel);
      applyFilters();
    }));
  });
  if (!Object.keys(style.relations).length) relationBox.appendChild(el("p", "graphx-small", S.no_relations));
  function setAllRelations(on) {
    Object.keys(style.relations).forEach(function (rel) {
      byId("filter-relation-" + rel).checked = on;
      if (on) hiddenRelations.delete(rel); else hiddenRelations.add(rel);
    });
    applyFilters();
  }
  byId("graphx-relations-all").addEventListener("click", function () { setAllRelations(true); });
  byId("graphx-relations-none").addEventListener("click", function () { setAllRelations(false); });
  var minBox = byId("graphx-min-evidence"), articleBox = byId("graphx-article"), statusFilter = byId("graphx-status-filter");
  minBox.value = String(filter.min);
  data.articles.forEach(function (a) { var opt = el("option", null, a); opt.value = a; articleBox.appendChild(opt); });
  function readFilters() {
    filter.min = Math.max(1, parseInt(minBox.value, 10) || 1);
    filter.article = articleBox.value;
    filter.status = statusFilter.value;
    applyFilters();
  }
  [minBox, articleBox, statusFilter].forEach(function (box) {
    box.addEventListener("change", readFilters);
    box.addEventListener("input", readFilters);
  });
  api.setFilter = function (values) {
    if ("min" in values) minBox.value = values.min;
    if ("article" in values) articleBox.value = values.article;
    if ("status" in values) statusFilter.value = values.status;
    readFilters();
  };
  var metricName = S[meta.metric_used] || meta.metric_used;
  byId("graphx-size-metric").textContent = meta.metric_used === meta.size_by ? t("size_metric", { metric: metricName })
    : t("fallback", { used: t("size_metric", { metric: metricName }), wanted: S[meta.size_by] || meta.size_by });

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
    details.removeAttribute("data-edge");
    details.appendChild(el("h2", null, id));
    var dl = el("dl");
    definition(dl, S.type, typeLabel(info));
    definition(dl, S.mentions, num(info.mentions));
    definition(dl, S.articles, num(info.articles.length));
    definition(dl, S.centrality, t("rank", { metric: metricName, score: info.score, rank: info.rank, total: meta.total_nodes }));
    if (info.diff === "added") definition(dl, S.diff, el("span", "graphx-added", S.new_here));
    details.appendChild(dl);
    details.appendChild(el("h3", null, S.also_written_as));
    var aliases = el("ul");
    info.aliases.forEach(function (a) { aliases.appendChild(el("li", null, a)); });
    details.appendChild(aliases);
    details.appendChild(el("h3", null, S.relations));
    var rels = el("ul");
    edges.get({ filter: function (e) { return e.from === id || e.to === id; } }).forEach(function (e) {
      var ei = edgeInfo.get(e.id);
      ei.relations.forEach(function (r) {
        var li = el("li");
        li.appendChild(linkButton(relationText(e.from, r.label, e.to), function () { network.selectEdges([e.id]); showEdge(e.id); }));
        li.appendChild(el("span", "graphx-small", " (" + num(r.weight) + ")" + (e.hidden ? " " + S.hidden_by_filter : "")));
        rels.appendChild(li);
      });
    });
    if (!rels.firstChild) rels.appendChild(el("li", "graphx-small", S.none_shown));
    details.appendChild(rels);
    details.appendChild(el("h3", null, S.articles));
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
    h.appendChild(el("span", null, " \u2192 "));
    h.appendChild(linkButton(e.to, function () { focusNode(e.to); }));
    details.appendChild(h);
    info.relations.forEach(function (r) {
      var head = el("h3", "graphx-relation-head");
      head.appendChild(lineSwatch(style.relations[r.relation]));
      head.appendChild(el("span", null, " " + relationText(e.from, r.label, e.to)));
      details.appendChild(head);
      var dl = el("dl");
      definition(dl, S.weight, count("sentence", r.weight));
      var stated = r.evidence.filter(function (x) { return x.status === "stated"; }).length;
      definition(dl, S.status, t("status_counts", { stated: stated, other: r.evidence.length - stated }));
      if (r.diff === "added") definition(dl, S.diff, el("span", "graphx-added", S.new_here));
      if (r.diff === "changed") definition(dl, S.diff, el("span", "graphx-changed", t("weight_change", { old: r.old_weight, new: r.new_weight })));
      details.appendChild(dl);
      var list = el("ol", "graphx-evidence");
      r.evidence.forEach(function (ev) { list.appendChild(evidenceItem(ev)); });
      details.appendChild(list);
    });
  }
  api.showNode = showNode;
  api.showEdge = showEdge;

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // ---- entities without relations: a list beside the canvas --------------------------------------
  var isolatedButtons = new Map();
  function putOnCanvas(id) {
    if (!placed.has(id)) {
      placed.add(id);
      var centre = network.getViewPosition(), k = placed.size;
      network.moveNode(id, centre.x + 60 * Math.cos(k * 2.4) * Math.sqrt(k), centre.y + 60 * Math.sin(k * 2.4) * Math.sqrt(k));
      applyFilters();
      var b = isolatedButtons.get(id);
      if (b) { b.disabled = true; b.textContent = S.on_canvas; }
    }
  }
  api.putOnCanvas = putOnCanvas;
  var isolated = data.nodes.filter(function (n) { return nodeInfo.get(n.id).isolated; });
  if (isolated.length) {
    var isoBox = byId("graphx-isolated"), isoList = byId("graphx-isolated-list"), LIMIT = 300;
    isoBox.hidden = false;
    byId("graphx-isolated-count").textContent = "(" + num(isolated.length) + ")";
    isolated.slice(0, LIMIT).forEach(function (n) {
      var info = nodeInfo.get(n.id), li = el("li");
      li.setAttribute("data-entity", n.id);
      li.appendChild(shapeSwatch(style.entity_types[info.type_key]));
      li.appendChild(linkButton(n.id, function () { focusNode(n.id); }));
      var b = el("button", "graphx-put", S.put_on_canvas);
      b.type = "button";
      b.addEventListener("click", function () { focusNode(n.id); });
      isolatedButtons.set(n.id, b);
      li.appendChild(b);
      var arts = info.articles.slice(0, 3).join(", ") + (info.articles.length > 3 ? ", \u2026" : "");
      li.appendChild(el("div", "graphx-small", count("mention", info.mentions) + " " + count("in_articles", info.articles.length) + (arts ? ": " + arts : "")));
      if (info.alias_of.length) {   // the same name is also an alias of an entity on the canvas
        var also = el("div", "graphx-small graphx-alias-of", S.alias_of + " ");
        info.alias_of.forEach(function (owner, i) {
          if (i) also.appendChild(document.createTextNode(", "));
          also.appendChild(linkButton(owner, function () { focusNode(owner); }));
        });
        li.appendChild(also);
      }
      isoList.appendChild(li);
    });
    if (isolated.length > LIMIT) isoList.appendChild(el("li", "graphx-small", t("isolated_more", { n: isolated.length - LIMIT })));
  }

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
    if (nodeInfo.get(id).isolated) putOnCanvas(id);
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showNode(id);
  }
  function search() {
    var id = findNode(searchBox.value);
    if (id === null) { searchMessage.textContent = t("no_match", { q: searchBox.value }); return null; }
    searchMessage.textContent = typeVisible(id) ? "" : t("hidden_by_type", { name: id });
    focusNode(id);
    return id;
  }
  searchBox.addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(); });
  searchBox.addEventListener("change", search);
  byId("graphx-search-go").addEventListener("click", search);
  api.focus = function (query) { searchBox.value = query; return search(); };

  // ---- diff panel ------------------------------------------------------------------------------
  function diffEdgeText(d) { return relationText(d.source, d.relation_label, d.target); }
  function diffList(box, heading, items, className, render) {
    box.appendChild(el("h3", null, heading + " (" + num(items.length) + ")"));
    var ul = el("ul");
    items.forEach(function (item) { var li = el("li", className); render(li, item); ul.appendChild(li); });
    if (!items.length) ul.appendChild(el("li", "graphx-small", S.none));
    box.appendChild(ul);
  }
  function movesChart(box, moves) {   // bars: how far each entity climbed or fell in the ranking
    box.appendChild(el("h3", null, S.moves));
    var chart = el("div", "graphx-moves"), largest = Math.max.apply(null, moves.map(function (m) { return Math.abs(m.move); }).concat([1]));
    chart.id = "graphx-moves";
    moves.forEach(function (m) {
      var row = el("div", "graphx-move-row"), up = m.move > 0;
      var name = m.shown ? linkButton(m.entity, function () { focusNode(m.entity); }) : el("span", null, m.entity);
      name.title = m.entity;
      row.appendChild(name);
      var track = el("div", "graphx-move-track"), bar = el("div", "graphx-move-bar " + (up ? "graphx-move-up" : "graphx-move-down"));
      bar.style.width = Math.max(4, Math.round(100 * Math.abs(m.move) / largest)) + "%";
      track.appendChild(bar);
      row.appendChild(track);
      row.appendChild(el("span", "graphx-small", (up ? "\u25b2 " : "\u25bc ") + num(Math.abs(m.move)) + " \u00b7 " + t("move_text", { old: m.old_rank, new: m.new_rank })));
      chart.appendChild(row);
    });
    if (!moves.length) chart.appendChild(el("p", "graphx-small", S.none));
    box.appendChild(chart);
  }
  if (data.diff) {
    var d = data.diff, box = byId("graphx-diff");
    box.hidden = false;
    box.appendChild(el("h2", null, S.changes));
    movesChart(box, d.rank_moves || []);
    diffList(box, S.new_entities, d.nodes_added, "graphx-added", function (li, n) {
      if (n.shown) li.appendChild(linkButton(n.name, function () { focusNode(n.name); }));
      else li.textContent = t("not_shown", { name: n.name });
    });
    diffList(box, S.new_relations, d.edges_added, "graphx-added", function (li, x) {
      if (x.id) li.appendChild(linkButton(diffEdgeText(x), function () { network.selectEdges([x.id]); showEdge(x.id); }));
      else li.textContent = diffEdgeText(x);
    });
    diffList(box, S.changed_counts, d.edges_changed, "graphx-changed", function (li, x) {
      var text = diffEdgeText(x) + ": " + x.old_weight + " \u2192 " + x.new_weight;
      if (x.id) li.appendChild(linkButton(text, function () { network.selectEdges([x.id]); showEdge(x.id); }));
      else li.textContent = text;
    });
    diffList(box, S.removed_entities, d.nodes_removed, "graphx-removed", function (li, n) { li.textContent = n.name; });
    diffList(box, S.removed_relations, d.edges_removed, "graphx-removed", function (li, x) { li.textContent = diffEdgeText(x); });
    var legend = byId("graphx-diff-legend");
    legend.hidden = false;
    [["added", S.glow_added], ["changed", S.glow_changed]].forEach(function (pair) {
      var p = el("p", "graphx-small"), dot = el("span", "graphx-glow");
      dot.style.background = style.diff[pair[0]];
      p.appendChild(dot);
      p.appendChild(document.createTextNode(pair[1]));
      legend.appendChild(p);
    });
  }

  applyFilters();
})();
