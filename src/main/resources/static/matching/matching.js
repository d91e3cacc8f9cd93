// Shared helpers of the matching pages: escaping, API calls with the CSRF token, categories, errors.
(function () {
  'use strict';

  function esc(value) {
    return String(value === null || value === undefined ? '' : value)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  // Calls the API; resolves with the JSON body, rejects with the problem's detail (RFC 9457).
  async function api(path, options) {
    const opts = Object.assign({ headers: {} }, options || {});
    opts.headers = Object.assign({ 'Accept': 'application/json' }, opts.headers);
    if (opts.body !== undefined && typeof opts.body !== 'string') {
      opts.body = JSON.stringify(opts.body);
      opts.headers['Content-Type'] = 'application/json';
    }
    if (opts.method && opts.method !== 'GET') {
      const token = csrfToken();
      if (token) {
        opts.headers['X-XSRF-TOKEN'] = token;
      }
    }
    const response = await fetch(path, opts);
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const detail = body && (body.detail || body.title) ? (body.detail || body.title) : response.statusText;
      const error = new Error(response.status + ': ' + detail);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  let categoryLabels = null;
  async function categories() {
    if (!categoryLabels) {
      categoryLabels = {};
      (await api('/api/categories')).forEach(c => { categoryLabels[c.code] = c; });
    }
    return categoryLabels;
  }

  function label(code) {
    const c = categoryLabels && categoryLabels[code];
    return c ? c.labelEn + ' / ' + c.labelFr + ' / ' + c.labelNl : code;
  }

  function shortLabel(code) {
    const c = categoryLabels && categoryLabels[code];
    return c ? c.labelEn : code;
  }

  function showError(element, error) {
    element.innerHTML = '<p class="error">' + esc(error.message || error) + '</p>';
  }

  function param(name) {
    return new URLSearchParams(window.location.search).get(name);
  }

  async function neighbourhoods(select, selected) {
    const page = await api('/api/neighbourhoods?size=200');
    select.innerHTML = page.items.map(n => '<option value="' + esc(n.code) + '"' + (n.code === selected ? ' selected' : '') + '>'
      + esc(n.nameFr + ' / ' + n.nameNl + ' (' + n.code + ')') + '</option>').join('');
  }

  window.Matching = { esc, api, categories, label, shortLabel, showError, param, neighbourhoods };
})();
