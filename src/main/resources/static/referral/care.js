// Shared helpers of the referral and meeting pages: escaping, the API with CSRF, the interface language.
// Plain JavaScript, no build step.
(function () {
  'use strict';

  /** Escapes text for HTML: every text from the API goes through this before it is put in a page. */
  function esc(value) {
    return String(value == null ? '' : value)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function cookie(name) {
    const found = document.cookie.split('; ').find(c => c.startsWith(name + '='));
    return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
  }

  /** An API error as one readable line: the fields named by a 400, or the detail. */
  function problemText(problem, status) {
    if (problem && Array.isArray(problem.errors) && problem.errors.length) {
      return problem.errors.map(e => e.field + ': ' + e.reason).join('; ');
    }
    return (problem && (problem.detail || problem.title)) || ('HTTP ' + status);
  }

  /**
   * Calls the API with the session's CSRF token (the XSRF-TOKEN cookie). The token is made lazily by the server:
   * when a write is refused because the page had none yet, the refusal sets the cookie, and the write is tried
   * once more.
   */
  async function api(method, url, body, retried) {
    const headers = {'Accept': 'application/json'};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = cookie('XSRF-TOKEN');
    if (token && method !== 'GET') headers['X-XSRF-TOKEN'] = token;
    const response = await fetch(url, {method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)});
    if (response.status === 403 && method !== 'GET' && !retried && cookie('XSRF-TOKEN') !== token) {
      return api(method, url, body, true);
    }
    if (response.status === 401) {
      window.location.href = '/login';
      throw new Error('Please sign in');
    }
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error(problemText(data, response.status));
      error.status = response.status;
      error.problem = data;
      throw error;
    }
    return data;
  }

  const LANGUAGES = ['fr', 'nl', 'en'];

  function language() {
    const chosen = new URLSearchParams(window.location.search).get('lang') || localStorage.getItem('care.lang');
    if (LANGUAGES.includes(chosen)) return chosen;
    const browser = (navigator.language || 'fr').substring(0, 2);
    return LANGUAGES.includes(browser) ? browser : 'fr';
  }

  function setLanguage(lang) {
    localStorage.setItem('care.lang', lang);
  }

  /** The text of a record in the interface language: item.textFr / item.textNl / item.textEn. */
  function pick(item, stem, lang) {
    const suffix = {fr: 'Fr', nl: 'Nl', en: 'En'}[lang || language()];
    return item[stem + suffix] || item[stem + 'En'] || item[stem + 'Fr'] || '';
  }

  /** Interface words from a {key: {fr, nl, en}} dictionary. */
  function translator(words) {
    return key => (words[key] && (words[key][language()] || words[key].en)) || key;
  }

  window.Care = {esc, api, language, setLanguage, pick, translator, LANGUAGES};
})();
