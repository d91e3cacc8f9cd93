// Draws a neighbourhood's care network as SVG: actors as circles (size: betweenness), KNOWS as grey lines
// (width: meetings together), REFERS_TO as blue arrows. Positions start from the actors' places on the map and,
// in the "force" layout, relax so that who knows whom sits together. Built with the DOM (textContent only).
(function () {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';
  const INFORMAL = ['NEIGHBOUR', 'VOLUNTEER', 'INFORMAL_CARER'];

  function el(name, attributes, parent) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (parent) parent.appendChild(node);
    return node;
  }

  function colour(node) {
    if (node.kind === 'REFERRAL_POINT') return '#e65100';
    if (INFORMAL.includes(node.kind)) return '#2e7d32';
    return '#1565c0';
  }

  function geographic(nodes, width, height) {
    const located = nodes.filter(n => n.location);
    const lats = located.map(n => n.location.lat), lons = located.map(n => n.location.lon);
    const minLat = Math.min(...lats), maxLat = Math.max(...lats), minLon = Math.min(...lons), maxLon = Math.max(...lons);
    const pad = 40;
    nodes.forEach((n, i) => {
      if (n.location && maxLat > minLat && maxLon > minLon) {
        n.x = pad + (n.location.lon - minLon) / (maxLon - minLon) * (width - 2 * pad);
        n.y = pad + (maxLat - n.location.lat) / (maxLat - minLat) * (height - 2 * pad);
      } else {
        n.x = width / 2 + Math.cos(i) * width / 3;
        n.y = height / 2 + Math.sin(i) * height / 3;
      }
    });
  }

  /** A plain force layout: springs along edges, repulsion between all pairs, a pull to the centre. */
  function relax(nodes, edges, width, height, rounds) {
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    const links = edges.map(e => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined);
    const ideal = Math.sqrt(width * height / Math.max(1, nodes.length)) * 0.8;
    const reach = 9 * ideal * ideal;
    for (let round = 0; round < rounds; round++) {
      const heat = 1 - round / rounds;
      const dx = new Float64Array(nodes.length), dy = new Float64Array(nodes.length);
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          let x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
          const d2 = Math.max(x * x + y * y, 1);
          if (d2 > reach) continue;   // far apart already: no push, so small groups stay in view
          const f = ideal * ideal / d2;
          dx[i] += x * f; dy[i] += y * f; dx[j] -= x * f; dy[j] -= y * f;
        }
      }
      for (const [a, b] of links) {
        const x = nodes[a].x - nodes[b].x, y = nodes[a].y - nodes[b].y;
        const d = Math.max(Math.sqrt(x * x + y * y), 1);
        const f = d / ideal;
        dx[a] -= x * f; dy[a] -= y * f; dx[b] += x * f; dy[b] += y * f;
      }
      nodes.forEach((n, i) => {
        dx[i] += (width / 2 - n.x) * 0.08; dy[i] += (height / 2 - n.y) * 0.08;
        const d = Math.max(Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]), 1);
        const step = Math.min(d, 12 * heat + 0.5);
        n.x = Math.min(width - 15, Math.max(15, n.x + dx[i] / d * step));
        n.y = Math.min(height - 15, Math.max(15, n.y + dy[i] / d * step));
      });
    }
  }

  /** Stretches the layout to use the whole drawing. */
  function fit(nodes, width, height) {
    const pad = 40;
    const xs = nodes.map(n => n.x), ys = nodes.map(n => n.y);
    const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
    nodes.forEach(n => {
      n.x = maxX > minX ? pad + (n.x - minX) / (maxX - minX) * (width - 2 * pad - 160) : width / 2;
      n.y = maxY > minY ? pad + (n.y - minY) / (maxY - minY) * (height - 2 * pad) : height / 2;
    });
  }

  function draw(svg, report, layout) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const width = svg.clientWidth || 900, height = svg.clientHeight || 560;
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    const defs = el('defs', {}, svg);
    const arrow = el('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: '16', refY: '5', markerWidth: '6', markerHeight: '6', orient: 'auto-start-reverse'}, defs);
    el('path', {d: 'M 0 0 L 10 5 L 0 10 z', fill: '#1565c0'}, arrow);
    const nodes = report.nodes.map(n => Object.assign({}, n));
    geographic(nodes, width, height);
    if (layout === 'force') {
      // Isolated actors wait in a row at the bottom; the others find their places by who knows whom.
      const alone = nodes.filter(n => n.connections === 0);
      const linked = nodes.filter(n => n.connections > 0);
      relax(linked, report.edges, width, height - 60, 250);
      fit(linked, width, height - 60);
      alone.forEach((n, i) => { n.x = 40 + i * 30; n.y = height - 25; });
    }
    const byId = new Map(nodes.map(n => [n.id, n]));
    const lines = el('g', {}, svg);
    for (const e of report.edges) {
      const a = byId.get(e.source), b = byId.get(e.target);
      if (!a || !b) continue;
      if (e.type === 'KNOWS') {
        el('line', {x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: '#9aa8b3', 'stroke-opacity': 0.55, 'stroke-width': 0.6 + Math.min(e.strength, 5) * 0.6}, lines);
      } else {
        el('line', {x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: '#1565c0', 'stroke-opacity': 0.45, 'stroke-dasharray': '4 3', 'marker-end': 'url(#arrow)'}, lines);
      }
    }
    const bridges = new Set(report.bridges.slice(0, 5).map(b => b.actor.id));
    const circles = el('g', {}, svg);
    for (const n of nodes) {
      const r = 4 + 40 * Math.sqrt(n.betweenness);
      const circle = el('circle', {cx: n.x, cy: n.y, r, fill: n.local ? colour(n) : '#fff', stroke: n.connections === 0 ? '#c62828' : colour(n),
        'stroke-width': n.connections === 0 ? 3 : 1.5}, circles);
      const title = el('title', {}, circle);
      title.textContent = n.name + ' (' + n.kind + ', ' + n.connections + ')';
      if (bridges.has(n.id)) {
        const label = el('text', {x: n.x + r + 3, y: n.y + 4, 'font-size': 12, fill: '#1d2b36'}, circles);
        label.textContent = n.name;
      }
    }
  }

  window.NetworkDrawing = {draw};
})();
