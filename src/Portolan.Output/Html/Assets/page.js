// Portolan web view: draws the matrix, the graph and the changes from the portolan-data block.
// Data is only ever inserted as text (textContent, attributes), never parsed as markup.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('portolan-data').textContent);
  var isDiff = data.mode === 'diff';
  var MAX_AXIS = 150;      // rows and columns drawn at most; filter to see the rest
  var MAX_EDGES = 4000;    // graph arrows drawn at most
  var PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

  var $ = function (id) { return document.getElementById(id); };
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        if (key === 'text') node.textContent = props[key];
        else if (key === 'className') node.className = props[key];
        else node.setAttribute(key, props[key]);
      });
    }
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  var svg = $('graph');
  function svgEl(tag, attrs) {
    var node = document.createElementNS(svg.namespaceURI, tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    return node;
  }

  // cells[row][column] = [now, was, opened, closed] set ids; a missing cell allows nothing on either side.
  var cells = {};
  data.cells.forEach(function (c) {
    (cells[c[0]] || (cells[c[0]] = {}))[c[1]] = c.length > 3 ? [c[2], c[3], c[4], c[5]] : [c[2], c[2], -1, -1];
  });
  function setOf(id) { return id < 0 ? null : data.sets[id]; }
  function isEmpty(set) { return !set || PROTOCOLS.every(function (p) { return set[p].length === 0; }); }
  function cellOf(r, c) {
    var cell = cells[r] && cells[r][c];
    return cell ? { now: setOf(cell[0]), was: setOf(cell[1]), opened: setOf(cell[2]), closed: setOf(cell[3]) }
      : { now: null, was: null, opened: null, closed: null };
  }
  // A cell's state: none, allowed (unchanged), opened, closed or altered (both opened and closed).
  function stateOf(cell) {
    var opened = !isEmpty(cell.opened), closed = !isEmpty(cell.closed);
    if (opened && closed) return 'altered';
    if (opened) return 'opened';
    if (closed) return 'closed';
    return isEmpty(cell.now) ? 'none' : 'allowed';
  }
  function covers(intervals, from, to) {
    return intervals.some(function (i) { return i[0] <= from && to <= i[1]; });
  }
  function text(set) { return isEmpty(set) ? 'No Connections' : set.text; }

  // Port filter: "5432", "tcp", "UDP 53", "tcp/53".
  function parsePortFilter(value) {
    var m = /^\s*(sctp|tcp|udp)?\s*[\/:]?\s*(\d{1,5})?\s*$/i.exec(value || '');
    if (!m || (!m[1] && !m[2])) return null;
    return { protocol: m[1] ? m[1].toUpperCase() : null, port: m[2] ? parseInt(m[2], 10) : null };
  }
  function matchesPort(set, filter) {
    if (!filter) return true;
    if (isEmpty(set)) return false;
    return (filter.protocol ? [filter.protocol] : PROTOCOLS).some(function (p) {
      return filter.port === null ? set[p].length > 0 : covers(set[p], filter.port, filter.port);
    });
  }

  var state = { view: 'matrix', from: '*', to: '*', port: null, external: true, selected: null };

  function peerOf(axisEntry) { return data.peers[axisEntry[0]]; }
  function passes(peer, ns) {
    if (peer.namespace === null) return state.external && (ns === '*' || ns === '#external');
    return ns === '*' || ns === peer.namespace;
  }
  function visibleAxis(axis, ns) {
    var out = [];
    axis.forEach(function (entry, i) { if (passes(peerOf(entry), ns)) out.push(i); });
    return out;
  }

  // A range with pod addresses cut out can be thousands of characters: headers show its start, the tooltip all.
  function shorten(text, max) { return text.length > max ? text.slice(0, max - 1) + '\u2026' : text; }

  function peerLabel(peer) {
    var span = el('span', { title: peer.name });
    if (peer.namespace !== null) {
      span.appendChild(el('span', { className: 'ns', text: peer.namespace + '/' }));
      span.appendChild(document.createTextNode(peer.label + ' '));
      span.appendChild(el('span', { className: 'kind', text: peer.kind }));
    } else {
      span.appendChild(document.createTextNode(shorten(peer.label, 40) + ' '));
      span.appendChild(el('span', { className: 'kind', text: 'External' }));
    }
    return span;
  }

  function cellLines(cell, st) {
    if (!isDiff) return isEmpty(cell.now) ? [] : [cell.now.text];
    if (st === 'allowed') return [cell.now.text];
    var lines = [];
    if (st === 'opened' || st === 'altered') lines.push('+ ' + cell.opened.text);
    if (st === 'closed' || st === 'altered') lines.push('\u2212 ' + cell.closed.text);
    return lines;
  }

  function drawMatrix() {
    var table = $('matrix');
    table.textContent = '';
    var rows = visibleAxis(data.rows, state.from), columns = visibleAxis(data.columns, state.to);
    var note = [];
    if (rows.length > MAX_AXIS || columns.length > MAX_AXIS) {
      note.push('Showing the first ' + Math.min(rows.length, MAX_AXIS) + ' of ' + rows.length + ' rows and ' +
        Math.min(columns.length, MAX_AXIS) + ' of ' + columns.length + ' columns; filter by namespace to see the rest.');
      rows = rows.slice(0, MAX_AXIS);
      columns = columns.slice(0, MAX_AXIS);
    }
    note.push('Rows are sources, columns destinations.');
    $('matrix-note').textContent = note.join(' ');
    var head = el('tr', null, [el('th', { text: 'source \u2193 / destination \u2192' })]);
    columns.forEach(function (c) { head.appendChild(el('th', { className: 'col', scope: 'col' }, [peerLabel(peerOf(data.columns[c]))])); });
    table.appendChild(el('thead', null, [head]));
    var body = el('tbody');
    rows.forEach(function (r) {
      var source = peerOf(data.rows[r]);
      var tr = el('tr', null, [el('th', { scope: 'row' }, [peerLabel(source)])]);
      columns.forEach(function (c) {
        var destination = peerOf(data.columns[c]);
        var td = el('td', { 'data-source': source.name, 'data-destination': destination.name });
        if (source.name === destination.name || (source.namespace === null && destination.namespace === null)) {
          td.className = 'na';
          td.title = source.name === destination.name ? 'a peer and itself' : 'external to external: not analysed';
        } else {
          var cell = cellOf(r, c), st = stateOf(cell);
          td.className = st;
          var show = matchesPort(cell.now, state.port) || (isDiff && matchesPort(cell.was, state.port));
          if (!show) td.classList.add('dim');
          cellLines(cell, st).forEach(function (line) { td.appendChild(el('span', { className: 'line', text: line })); });
          td.title = source.name + ' \u2192 ' + destination.name + ': ' + (isDiff ? text(cell.was) + ' \u2192 ' + text(cell.now) : text(cell.now));
          td.addEventListener('click', function () { select(r, c); });
          if (state.selected && state.selected[0] === r && state.selected[1] === c) td.classList.add('selected');
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
  }

  // Graph: namespaces (and external ranges) as groups on a circle, each group's peers on a small circle.
  function drawGraph() {
    ['graph-groups', 'graph-edges', 'graph-nodes'].forEach(function (id) { $(id).textContent = ''; });
    var edges = [];
    var nodeSet = {};
    data.rows.forEach(function (rowEntry, r) {
      var source = peerOf(rowEntry);
      if (!passes(source, state.from)) return;
      data.columns.forEach(function (colEntry, c) {
        var destination = peerOf(colEntry);
        if (!passes(destination, state.to) || source.name === destination.name) return;
        var cell = cellOf(r, c), st = stateOf(cell);
        if (st === 'none') return;
        if (!matchesPort(cell.now, state.port) && !(isDiff && matchesPort(cell.was, state.port))) return;
        edges.push({ r: r, c: c, source: rowEntry[0], destination: colEntry[0], state: st, cell: cell });
        nodeSet[rowEntry[0]] = true;
        nodeSet[colEntry[0]] = true;
      });
    });
    data.peers.forEach(function (peer, i) {
      var named = state.from !== '*' ? state.from : state.to;
      if (named !== '*' && passes(peer, named) && (peer.namespace !== null || named === '#external')) nodeSet[i] = true;
      if (state.from === '*' && state.to === '*' && passes(peer, '*')) nodeSet[i] = true;
    });
    var groups = {}, order = [];
    Object.keys(nodeSet).map(Number).sort(function (a, b) { return a - b; }).forEach(function (i) {
      var key = data.peers[i].namespace === null ? '(external)' : data.peers[i].namespace;
      if (!groups[key]) { groups[key] = []; order.push(key); }
      groups[key].push(i);
    });
    order.sort(function (a, b) { return a === '(external)' ? 1 : b === '(external)' ? -1 : (a < b ? -1 : a > b ? 1 : 0); });
    var radii = order.map(function (key) { return Math.max(34, groups[key].length * 15); });
    // Adjacent groups on the ring must not overlap: their centres are 2 ring sin(pi / n) apart.
    var ring = 0;
    for (var g = 0; order.length > 1 && g < order.length; g++) {
      var gap = radii[g] + radii[(g + 1) % order.length] + 2 * 26 + 90;
      ring = Math.max(ring, gap / (2 * Math.sin(Math.PI / order.length)));
    }
    var position = {};
    order.forEach(function (key, g) {
      var angle = -Math.PI / 2 + 2 * Math.PI * g / order.length;
      var cx = ring * Math.cos(angle), cy = ring * Math.sin(angle), rad = radii[g];
      $('graph-groups').appendChild(svgEl('circle', { cx: cx, cy: cy, r: rad + 26, 'class': 'group-ring' }));
      var label = svgEl('text', { x: cx, y: cy - rad - 44, 'class': 'group-label' });
      label.textContent = key;
      $('graph-groups').appendChild(label);
      groups[key].forEach(function (i, k) {
        var a = -Math.PI / 2 + 2 * Math.PI * k / groups[key].length;
        var x = groups[key].length === 1 ? cx : cx + rad * Math.cos(a), y = groups[key].length === 1 ? cy : cy + rad * Math.sin(a);
        position[i] = [x, y];
        var peer = data.peers[i];
        var node = svgEl('g', { 'class': 'node' + (peer.namespace === null ? ' external' : ''), 'data-peer': peer.name });
        node.appendChild(svgEl('circle', { cx: x, cy: y, r: 9 }));
        // Labels point away from the group's centre, so neighbours' labels do not run into each other.
        var ox = groups[key].length === 1 ? 0 : Math.cos(a), oy = groups[key].length === 1 ? 1 : Math.sin(a);
        var t = svgEl('text', { x: x + ox * 14, y: y + oy * 14 + (oy > 0.3 ? 8 : oy < -0.3 ? -2 : 4),
          'text-anchor': ox > 0.3 ? 'start' : ox < -0.3 ? 'end' : 'middle' });
        t.textContent = shorten(peer.label, 28);
        var title = svgEl('title');
        title.textContent = peer.name;
        node.appendChild(title);
        node.appendChild(t);
        $('graph-nodes').appendChild(node);
      });
    });
    var drawn = edges.slice(0, MAX_EDGES);
    drawn.forEach(function (e) {
      var p = position[e.source], q = position[e.destination];
      var dx = q[0] - p[0], dy = q[1] - p[1], len = Math.sqrt(dx * dx + dy * dy) || 1;
      var ux = dx / len, uy = dy / len;
      var x1 = p[0] + ux * 10, y1 = p[1] + uy * 10, x2 = q[0] - ux * 11, y2 = q[1] - uy * 11;
      // Bend every arrow to its left, so A to B and B to A do not overlap.
      var bend = Math.min(40, len * 0.15);
      var mx = (x1 + x2) / 2 + uy * bend, my = (y1 + y2) / 2 - ux * bend;
      var marker = e.state === 'opened' || e.state === 'closed' || e.state === 'altered' ? 'arrow-' + e.state : 'arrow';
      var path = svgEl('path', {
        d: 'M' + x1.toFixed(1) + ',' + y1.toFixed(1) + 'Q' + mx.toFixed(1) + ',' + my.toFixed(1) + ' ' + x2.toFixed(1) + ',' + y2.toFixed(1),
        'class': 'edge ' + e.state, 'marker-end': 'url(#' + marker + ')',
        'data-source': data.peers[e.source].name, 'data-destination': data.peers[e.destination].name
      });
      var title = svgEl('title');
      title.textContent = data.peers[e.source].name + ' \u2192 ' + data.peers[e.destination].name + ': ' +
        (isDiff ? text(e.cell.was) + ' \u2192 ' + text(e.cell.now) : text(e.cell.now));
      path.appendChild(title);
      path.addEventListener('click', function () { select(e.r, e.c); });
      $('graph-edges').appendChild(path);
    });
    $('graph-note').textContent = Object.keys(nodeSet).length + ' peers, ' + edges.length + ' arrows' +
      (edges.length > drawn.length ? ' (first ' + drawn.length + ' drawn; filter to see the rest)' : '') +
      '. Arrows point from source to destination; hover one for its ports, click it for the explanation.';
    var extent = ring + Math.max.apply(null, radii.concat([0])) + 70;
    svg.setAttribute('viewBox', [-extent, -extent, 2 * extent, 2 * extent].join(' '));
  }

  function drawChanges() {
    if (!isDiff) return;
    var table = $('changes');
    table.textContent = '';
    table.appendChild(el('thead', null, [el('tr', null, ['change', 'source', 'destination', 'before', 'after', 'why (the after side names a cause)']
      .map(function (h) { return el('th', { text: h }); }))]));
    var body = el('tbody');
    var rowIndex = {}, colIndex = {};
    data.rows.forEach(function (e, i) { rowIndex[peerOf(e).name] = i; });
    data.columns.forEach(function (e, i) { colIndex[peerOf(e).name] = i; });
    data.changes.forEach(function (ch) {
      var cls = ch.change === 'Added' || ch.change === 'Widened' ? 'opened' : ch.change === 'Altered' ? 'altered' : 'closed';
      var causes = el('ul', null, ch.causes.map(function (c) { return el('li', { text: c }); }));
      var tr = el('tr', { className: cls }, [el('td', { text: ch.change }), el('td', { text: ch.source }), el('td', { text: ch.destination }),
        el('td', { text: ch.before }), el('td', { text: ch.after }), el('td', null, [causes])]);
      if (ch.source in rowIndex && ch.destination in colIndex) {
        tr.addEventListener('click', function () { select(rowIndex[ch.source], colIndex[ch.destination]); });
      }
      body.appendChild(tr);
    });
    table.appendChild(body);
    $('changes-note').textContent = data.changes.length + ' changed pairs' +
      (data.addedWorkloads.length ? '; workloads added: ' + data.addedWorkloads.join(', ') : '') +
      (data.removedWorkloads.length ? '; workloads removed: ' + data.removedWorkloads.join(', ') : '') +
      '. External ranges here are merged where they changed alike, as diff prints them.';
  }

  function sideBlock(direction, peer, pathId) {
    var div = el('div', { className: 'side' });
    if (pathId < 0) {
      div.appendChild(el('div', { text: direction + ' at ' + shorten(peer.name, 120) + ': allowed (not a pod: no policy applies)' }));
      return div;
    }
    var path = data.paths[pathId];
    div.appendChild(el('div', { text: direction + ' at ' + shorten(peer.name, 120) + ': ' + (path.allowed ? 'allowed' : 'denied') }));
    div.appendChild(el('ul', null, path.steps.map(function (s) { return el('li', { text: s }); })));
    return div;
  }

  function firstPort(portsText) {
    // "TCP 5432,9187", "SCTP 1-65535,TCP 1-52,..." or "All Connections": the first port named, TCP first.
    if (portsText === 'All Connections') return { protocol: 'TCP', port: '1' };
    var protocols = ['TCP', 'UDP', 'SCTP'];
    for (var i = 0; i < protocols.length; i++) {
      var m = new RegExp('(?:^|,)' + protocols[i] + ' (\\d+)').exec(portsText);
      if (m) return { protocol: protocols[i], port: m[1] };
    }
    return { protocol: 'TCP', port: '1' };
  }

  // POSIX shell quoting, for names that hold spaces, quotes or other special characters.
  function quote(word) { return /^[A-Za-z0-9_.\/:=@%+,-]+$/.test(word) ? word : "'" + word.replace(/'/g, "'\\''") + "'"; }

  function evalCommand(source, destination, portsText) {
    var p = firstPort(portsText);
    return 'portolan eval ' + data.evalInput + ' --source ' + quote(source.eval) + ' --destination ' + quote(destination.eval) +
      ' --port ' + p.port + ' --protocol ' + p.protocol;
  }

  function explanationBlock(heading, key, source, destination, endpoints) {
    var box = el('div');
    box.appendChild(el('h3', { text: heading }));
    var groups = endpoints[0] < 0 || endpoints[1] < 0 ? null : data.explanations[key][endpoints[0] + ':' + endpoints[1]];
    if (endpoints[0] < 0 || endpoints[1] < 0) {
      box.appendChild(el('p', { className: 'hint', text: (endpoints[0] < 0 ? source.name : destination.name) + ' does not exist on this side.' }));
      return box;
    }
    if (!groups) {
      box.appendChild(el('p', { className: 'hint', text: 'Explanation not embedded: this page explains at most ' + data.explained.limit +
        ' endpoint pairs (docs/web-view.md). Run:' }));
      box.appendChild(el('div', { className: 'eval', text: evalCommand(source, destination, 'TCP 1') }));
      return box;
    }
    groups.slice().sort(function (a, b) { return (b[1] ? 1 : 0) - (a[1] ? 1 : 0); }).forEach(function (g) {
      var group = el('div', { className: 'group' });
      group.appendChild(el('div', null, [el('span', { className: 'verdict ' + (g[1] ? 'allowed' : 'denied'), text: g[1] ? 'ALLOWED' : 'DENIED' }),
        document.createTextNode(': ' + g[0])]));
      group.appendChild(sideBlock('egress', source, g[2]));
      group.appendChild(sideBlock('ingress', destination, g[3]));
      group.appendChild(el('div', { className: 'eval', text: evalCommand(source, destination, g[0]) }));
      box.appendChild(group);
    });
    return box;
  }

  function select(r, c) {
    state.selected = [r, c];
    var rowEntry = data.rows[r], colEntry = data.columns[c];
    var source = peerOf(rowEntry), destination = peerOf(colEntry);
    var cell = cellOf(r, c), body = $('detail-body');
    body.textContent = '';
    body.appendChild(el('div', { className: 'detail-peer', title: source.name + ' \u2192 ' + destination.name, text: shorten(source.name, 120) + ' \u2192 ' + shorten(destination.name, 120) }));
    if (isDiff) {
      body.appendChild(el('p', { text: 'Before: ' + text(cell.was) + '. After: ' + text(cell.now) + '.' }));
      body.appendChild(explanationBlock('After the change', 'now', source, destination, [rowEntry[1], colEntry[1]]));
      if (stateOf(cell) !== 'allowed' && stateOf(cell) !== 'none') {
        body.appendChild(explanationBlock('Before the change', 'was', source, destination, [rowEntry[2], colEntry[2]]));
      }
    } else {
      body.appendChild(el('p', { text: 'Allowed: ' + text(cell.now) + '.' }));
      body.appendChild(explanationBlock('Why, port by port', 'now', source, destination, [rowEntry[1], colEntry[1]]));
    }
    document.querySelectorAll('#matrix td.selected, path.edge.selected').forEach(function (n) { n.classList.remove('selected'); });
    document.querySelectorAll('#matrix td, path.edge').forEach(function (n) {
      if (n.getAttribute('data-source') === source.name && n.getAttribute('data-destination') === destination.name) n.classList.add('selected');
    });
  }

  function draw() {
    ['matrix', 'graph', 'changes'].forEach(function (v) {
      $('view-' + v).hidden = v !== state.view;
      $('tab-' + v).setAttribute('aria-selected', v === state.view ? 'true' : 'false');
    });
    if (state.view === 'matrix') drawMatrix();
    else if (state.view === 'graph') drawGraph();
    else drawChanges();
  }

  function fillNamespaces(select) {
    select.appendChild(el('option', { value: '*', text: '(all)' }));
    data.namespaces.forEach(function (ns) { select.appendChild(el('option', { value: ns, text: ns })); });
    select.appendChild(el('option', { value: '#external', text: '(external ranges)' }));
  }

  function legend() {
    var items = isDiff
      ? [['opened', 'opened'], ['closed', 'closed'], ['altered', 'opened and closed'], ['allowed', 'unchanged']]
      : [['allowed', 'allowed'], ['none', 'denied']];
    var box = $('legend');
    items.forEach(function (item) {
      box.appendChild(el('span', null, [el('span', { className: 'swatch', style: 'background: var(--' + item[0] + ')' }), document.createTextNode(item[1])]));
    });
  }

  function count(n, noun) { return n + ' ' + noun + (n === 1 ? '' : 's'); }

  function summary() {
    var workloads = data.peers.filter(function (p) { return p.namespace !== null; }).length;
    var externals = data.peers.length - workloads;
    var words = count(workloads, 'workload') + ' in ' + count(data.namespaces.length, 'namespace') + ', ' + count(externals, 'external range');
    if (isDiff) {
      var counts = { opened: 0, closed: 0, altered: 0 };
      data.cells.forEach(function (c) {
        var st = stateOf(cellOf(c[0], c[1]));
        if (st in counts) counts[st]++;
      });
      words += '; ' + counts.opened + ' pairs opened, ' + counts.closed + ' closed, ' + counts.altered + ' both';
    } else {
      words += '; ' + data.cells.length + ' allowed pairs';
    }
    if (!data.explained.complete) words += '; explanations embedded for the first ' + data.explained.limit + ' endpoint pairs';
    $('summary').textContent = words + '.';
  }

  fillNamespaces($('filter-from'));
  fillNamespaces($('filter-to'));
  $('filter-from').addEventListener('change', function (e) { state.from = e.target.value; draw(); });
  $('filter-to').addEventListener('change', function (e) { state.to = e.target.value; draw(); });
  $('filter-port').addEventListener('input', function (e) { state.port = parsePortFilter(e.target.value); draw(); });
  $('filter-external').addEventListener('change', function (e) { state.external = e.target.checked; draw(); });
  document.querySelectorAll('.tabs button').forEach(function (b) {
    b.addEventListener('click', function () { state.view = b.getAttribute('data-view'); draw(); });
  });
  if (isDiff) $('tab-changes').hidden = false;
  if (data.warnings.length) {
    $('warnings').hidden = false;
    data.warnings.forEach(function (w) { $('warning-list').appendChild(el('li', { text: w })); });
  }
  legend();
  summary();
  draw();
  document.body.setAttribute('data-ready', 'true');
})();
