// The analysts' page: the query library, their own Cypher, tables, simple charts and downloads.
// Plain JavaScript, no build step. Every text from the server goes into the page through textContent.
(function () {
  'use strict';

  const COLOURS = ['#1f4e79', '#d9822b', '#3a8f5c', '#9b3f8f', '#5a6472'];
  const state = { query: null, lastRequest: null };
  const $ = (id) => document.getElementById(id);

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function csrfToken() {
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : null;
  }

  // POSTs JSON; Spring Security hands out its CSRF cookie on a first refusal, so one retry is enough.
  async function post(url, body, accept) {
    for (let attempt = 0; attempt < 2; attempt++) {
      const headers = { 'Content-Type': 'application/json', 'Accept': accept };
      const token = csrfToken();
      if (token) {
        headers['X-XSRF-TOKEN'] = token;
      }
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
      if (response.status !== 403 || token || attempt === 1) {
        return response;
      }
    }
  }

  async function problem(response) {
    try {
      const body = await response.json();
      let text = (body.title ? body.title + ': ' : '') + (body.detail || response.statusText);
      if (body.line) {
        text += '\n(line ' + body.line + ', column ' + body.column + ')';
      }
      return text;
    } catch (e) {
      return response.status + ' ' + response.statusText;
    }
  }

  // ------------------------------------------------------------------------------------------ status and exports

  async function loadStatus() {
    const response = await fetch('/api/analyst/status', { credentials: 'same-origin' });
    if (!response.ok) {
      $('status').textContent = 'Sign in as an analyst or a coordinator to use this page.';
      return;
    }
    const s = await response.json();
    let text;
    if (!s.enabled) {
      text = 'No analyst graph here: the library queries run on the main graph; your own Cypher is not available.';
    } else if (!s.ready) {
      text = 'The analyst graph is being built from the main graph…';
      setTimeout(loadStatus, 5000);
    } else {
      text = 'Analyst graph (pseudonymised, read-only) refreshed ' + new Date(s.refreshedAt).toLocaleString()
        + (s.boltUri ? '. Your own tools: ' + s.boltUri + ', user ' + s.username + '.' : '.');
    }
    $('status').textContent = text;
  }

  async function loadExports() {
    const response = await fetch('/api/analyst/snapshot', { credentials: 'same-origin' });
    if (!response.ok) {
      return;
    }
    for (const file of await response.json()) {
      const item = element('li');
      item.append(element('span', {}, file.kind + ': '));
      item.append(element('a', { href: file.csv }, 'CSV'));
      if (file.geojson) {
        item.append(element('a', { href: file.geojson }, 'GeoJSON'));
      }
      $('exports').append(item);
    }
  }

  // ------------------------------------------------------------------------------------------ the library

  async function loadLibrary() {
    const response = await fetch('/api/analyst/queries', { credentials: 'same-origin' });
    if (!response.ok) {
      return;
    }
    const queries = await response.json();
    for (const query of queries) {
      const button = element('button', { type: 'button', title: query.question }, query.title);
      button.addEventListener('click', () => select(query, button));
      const item = element('li');
      item.append(button);
      $('library').append(item);
    }
  }

  function select(query, button) {
    state.query = query;
    document.querySelectorAll('#library button').forEach((b) => b.removeAttribute('aria-current'));
    button.setAttribute('aria-current', 'true');
    $('query').hidden = false;
    $('query-title').textContent = query.title;
    $('query-question').textContent = query.question;
    $('query-cypher').textContent = query.cypher;
    const parameters = $('query-parameters');
    parameters.replaceChildren();
    for (const p of query.parameters) {
      const row = element('div', { class: 'param' });
      const label = element('label', { for: 'p-' + p.name }, '$' + p.name);
      const input = element('input', {
        id: 'p-' + p.name, name: p.name,
        type: p.type === 'date' ? 'date' : (p.type === 'integer' || p.type === 'float') ? 'number' : 'text',
      });
      if (p.type === 'float') {
        input.step = 'any';
      }
      if (p.defaultText && p.defaultText !== 'null') {
        input.value = p.type === 'strings' ? p.defaultText : String(p.defaultValue);
      }
      if (p.type === 'boolean') {
        input.placeholder = 'true or false';
      }
      row.append(label, input, element('small', {}, p.type + (p.required ? ', required' : '') + ': ' + p.description));
      parameters.append(row);
    }
  }

  function libraryParameters() {
    const values = {};
    for (const p of state.query.parameters) {
      const raw = document.getElementById('p-' + p.name).value.trim();
      if (raw === '') {
        continue;
      }
      if (p.type === 'integer' || p.type === 'float') {
        values[p.name] = Number(raw);
      } else if (p.type === 'boolean') {
        values[p.name] = raw === 'true';
      } else if (p.type === 'strings') {
        values[p.name] = raw.split(',').map((s) => s.trim()).filter((s) => s);
      } else {
        values[p.name] = raw;
      }
    }
    return values;
  }

  // ------------------------------------------------------------------------------------------ running

  function libraryRequest() {
    return { url: '/api/analyst/queries/' + encodeURIComponent(state.query.name), body: { parameters: libraryParameters() },
      name: state.query.name, chart: state.query.chart };
  }

  function ownRequest() {
    let parameters;
    try {
      parameters = JSON.parse($('own-parameters').value || '{}');
    } catch (e) {
      showError('Parameters: not valid JSON (' + e.message + ')');
      return null;
    }
    return { url: '/api/analyst/query', name: 'analyst-query', chart: null, body: {
      cypher: $('own-cypher').value, parameters,
      maxRows: Number($('own-max-rows').value) || undefined, profile: $('own-profile').checked } };
  }

  async function run(request) {
    if (!request) {
      return;
    }
    showError(null);
    $('result-summary').textContent = 'Running…';
    const response = await post(request.url, request.body, 'application/json');
    if (!response.ok) {
      $('result-summary').textContent = '';
      showError(await problem(response));
      return;
    }
    const answer = await response.json();
    $('result-summary').textContent = answer.rowCount + ' row' + (answer.rowCount === 1 ? '' : 's')
      + (answer.truncated ? ' (cut at ' + answer.maxRows + ')' : '') + ' in ' + answer.millis + ' ms, on the '
      + (answer.graph === 'analyst' ? 'analyst graph' : 'main graph')
      + (answer.notifications.length ? '. Note: ' + answer.notifications.join('; ') : '');
    table(answer);
    chart(answer, request.chart);
    $('plan-box').hidden = !answer.plan;
    $('plan').textContent = answer.plan || '';
  }

  async function download(request, format) {
    if (!request) {
      return;
    }
    showError(null);
    const body = Object.assign({}, request.body);
    delete body.maxRows;
    const response = await post(request.url, body, format === 'csv' ? 'text/csv' : 'application/geo+json');
    if (!response.ok) {
      showError(await problem(response));
      return;
    }
    const link = element('a', { href: URL.createObjectURL(await response.blob()),
      download: request.name + (format === 'csv' ? '.csv' : '.geojson') });
    document.body.append(link);
    link.click();
    link.remove();
  }

  function showError(text) {
    $('result-error').hidden = !text;
    $('result-error').textContent = text || '';
  }

  // ------------------------------------------------------------------------------------------ table and chart

  function cell(value) {
    if (value === null || value === undefined) {
      return '';
    }
    if (typeof value === 'object' && value.type === 'Point') {
      return value.coordinates[1].toFixed(5) + ', ' + value.coordinates[0].toFixed(5);
    }
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  function table(answer) {
    const head = element('tr');
    answer.columns.forEach((c) => head.append(element('th', { scope: 'col' }, c)));
    const rows = answer.rows.map((row) => {
      const tr = element('tr');
      row.forEach((value) => {
        const td = element('td', { class: typeof value === 'number' ? 'number' : value === null ? 'suppressed' : '' },
          value === null ? '–' : cell(value));
        if (value === null) {
          td.title = 'No value, or a count from 1 to 4, not shown';
        }
        tr.append(td);
      });
      return tr;
    });
    const thead = element('thead');
    thead.append(head);
    const tbody = element('tbody');
    tbody.append(...rows);
    $('table').replaceChildren(thead, tbody);
  }

  // A bar or line chart of the query's own choice: y columns summed per x value, at most 40 x values.
  function chart(answer, spec) {
    const box = $('chart');
    box.replaceChildren();
    if (!spec || !answer.rows.length) {
      return;
    }
    const x = answer.columns.indexOf(spec.x);
    const ys = spec.y.map((name) => answer.columns.indexOf(name)).filter((i) => i >= 0);
    if (x < 0 || !ys.length) {
      return;
    }
    const totals = new Map();
    for (const row of answer.rows) {
      const key = cell(row[x]);
      const sums = totals.get(key) || ys.map(() => 0);
      ys.forEach((column, i) => { sums[i] += typeof row[column] === 'number' ? row[column] : 0; });
      totals.set(key, sums);
    }
    let keys = [...totals.keys()];
    if (spec.type === 'line') {
      keys.sort();
    }
    keys = keys.slice(0, 40);
    const max = Math.max(1, ...keys.flatMap((k) => totals.get(k)));
    const width = 900;
    const height = 260;
    const left = 50;
    const bottom = 90;
    const plot = height - 20;
    const step = (width - left) / keys.length;
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + (height + bottom));
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'Chart of ' + spec.y.join(', ') + ' by ' + spec.x);
    const shape = (tag, attributes, text) => {
      const node = document.createElementNS(ns, tag);
      Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
      if (text !== undefined) {
        node.textContent = text;
      }
      svg.append(node);
      return node;
    };
    const yOf = (v) => 10 + plot - (v / max) * plot;
    shape('line', { x1: left, y1: yOf(0), x2: width, y2: yOf(0), stroke: '#8a93a0' });
    shape('text', { x: left - 6, y: yOf(max) + 4, 'text-anchor': 'end', 'font-size': 11 }, String(Math.round(max * 100) / 100));
    shape('text', { x: left - 6, y: yOf(0) + 4, 'text-anchor': 'end', 'font-size': 11 }, '0');
    keys.forEach((key, i) => {
      const cx = left + i * step + step / 2;
      const label = shape('text', { x: cx, y: yOf(0) + 12, 'font-size': 11, 'text-anchor': 'end',
        transform: 'rotate(-45 ' + cx + ' ' + (yOf(0) + 12) + ')' }, key.length > 24 ? key.substring(0, 23) + '…' : key);
      label.append(document.createElementNS(ns, 'title'));
      label.lastChild.textContent = key;
    });
    ys.forEach((column, s) => {
      const colour = COLOURS[s % COLOURS.length];
      if (spec.type === 'line') {
        const points = keys.map((key, i) => (left + i * step + step / 2) + ',' + yOf(totals.get(key)[s])).join(' ');
        shape('polyline', { points, fill: 'none', stroke: colour, 'stroke-width': 2 });
      } else {
        const barWidth = Math.max(1, (step * 0.8) / ys.length);
        keys.forEach((key, i) => {
          const value = totals.get(key)[s];
          const bar = shape('rect', { x: left + i * step + step * 0.1 + s * barWidth, y: yOf(value), width: barWidth,
            height: yOf(0) - yOf(value), fill: colour });
          bar.append(document.createElementNS(ns, 'title'));
          bar.lastChild.textContent = key + ': ' + answer.columns[column] + ' ' + value;
        });
      }
    });
    const legend = element('div', { class: 'legend' });
    ys.forEach((column, s) => {
      const item = element('span');
      const swatch = element('i');
      swatch.style.background = COLOURS[s % COLOURS.length];
      item.append(swatch, document.createTextNode(answer.columns[column]));
      legend.append(item);
    });
    box.append(svg, legend);
  }

  // ------------------------------------------------------------------------------------------ wiring

  $('query-form').addEventListener('submit', (e) => { e.preventDefault(); run(libraryRequest()); });
  $('own').addEventListener('submit', (e) => { e.preventDefault(); run(ownRequest()); });
  $('query-form').querySelectorAll('button[data-format]').forEach((b) =>
    b.addEventListener('click', () => download(libraryRequest(), b.dataset.format)));
  $('own').querySelectorAll('button[data-format]').forEach((b) =>
    b.addEventListener('click', () => download(ownRequest(), b.dataset.format)));
  $('query-edit').addEventListener('click', () => {
    $('own-cypher').value = state.query.cypher.split('\n').filter((l) => !l.startsWith('//')).join('\n').trim();
    const given = libraryParameters();
    const all = {};
    state.query.parameters.forEach((p) => {
      all[p.name] = given[p.name] !== undefined ? given[p.name] : (p.defaultValue === undefined ? null : p.defaultValue);
    });
    $('own-parameters').value = JSON.stringify(all);
    $('own-cypher').focus();
  });

  loadStatus();
  loadLibrary();
  loadExports();
}());
