/*
 * Shared by the map page and the meeting mode: language, texts, safe DOM building, marker icons and colours,
 * actor popups. No build step; every text from the data goes into the page as a text node, never as HTML.
 */
(function (global) {
  'use strict';

  const LANGUAGES = ['fr', 'nl', 'en'];

  /** Colours of the four broad help categories (the taxonomy's roots); anything else is grey. */
  const GROUP_COLOURS = {
    health_care: '#c8553d',
    social_support: '#2a7ab0',
    everyday_help: '#2f9e6a',
    community_life: '#8a5cb8'
  };
  const OTHER_COLOUR = '#6b7280';

  /** One 16x16 glyph per kind of actor. */
  const KIND_GLYPHS = {
    ORGANISATION: 'M1.5 15V1.5h8.5v4.5h4.5V15zM3.5 3.5v2h2v-2zm3 0v2h2v-2zm-3 3.5v2h2V7zm3 0v2h2V7zm5 1v2h1.5V8zm-8 3v4h2v-4zm3 0v2h2v-2zm5 0v2h1.5v-2z',
    SERVICE: 'M6 1h4v5h5v4h-5v5H6v-5H1V6h5z',
    PROFESSIONAL: 'M8 1.5a3.2 3.2 0 110 6.4 3.2 3.2 0 010-6.4zM1.5 15c0-3.6 2.9-5.6 6.5-5.6s6.5 2 6.5 5.6z',
    SHOP: 'M1 5h14l-1.6 8.5H2.6zM4.5 5L7 1.5M11.5 5L9 1.5',
    SCHOOL: 'M8 1.5L0 5.5l8 4 8-4zM3 8v3.5c0 1.4 2.3 2.8 5 2.8s5-1.4 5-2.8V8l-5 2.5z',
    REFERRAL_POINT: 'M6.6 6h2.8v8.5H6.6zM8 1.2a1.8 1.8 0 110 3.6 1.8 1.8 0 010-3.6z',
    NEIGHBOUR: 'M8 1L.5 7.5h2.2V15h4v-4.5h2.6V15h4V7.5h2.2z',
    VOLUNTEER: 'M8 14.5S1 10 1 5.6A3.6 3.6 0 018 4a3.6 3.6 0 017 1.6C15 10 8 14.5 8 14.5z',
    INFORMAL_CARER: 'M4.8 2.5a2.4 2.4 0 110 4.8 2.4 2.4 0 010-4.8zm6.4 0a2.4 2.4 0 110 4.8 2.4 2.4 0 010-4.8zM0 14.5c0-2.8 2-4.6 4.8-4.6s4.8 1.8 4.8 4.6zm10.2 0c0-1.6-.5-2.9-1.3-3.8.7-.5 1.5-.8 2.3-.8 2.8 0 4.8 1.8 4.8 4.6z'
  };
  const STROKE_GLYPHS = {SHOP: true};

  const CareMap = {
    LANGUAGES, GROUP_COLOURS, OTHER_COLOUR, KIND_GLYPHS,
    lang: 'en',
    texts: {},
    categories: [],
    categoryByCode: {},
    config: {},

    /** ?lang=, then the last choice, then the browser's languages; English when none of fr, nl, en. */
    chooseLanguage() {
      const fromUrl = new URLSearchParams(location.search).get('lang');
      if (LANGUAGES.includes(fromUrl)) return fromUrl;
      try {
        const saved = localStorage.getItem('care.lang');
        if (LANGUAGES.includes(saved)) return saved;
      } catch (e) { /* storage may be blocked */ }
      for (const l of navigator.languages || [navigator.language || 'en']) {
        const code = String(l).slice(0, 2).toLowerCase();
        if (LANGUAGES.includes(code)) return code;
      }
      return 'en';
    },

    async loadTexts(lang) {
      this.lang = lang;
      this.texts = await this.getJson('/i18n/' + lang + '.json');
      document.documentElement.lang = lang;
      try { localStorage.setItem('care.lang', lang); } catch (e) { /* ignore */ }
    },

    /** A text of the interface, with {0}, {1} filled in. */
    t(key, ...args) {
      const value = key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), this.texts);
      const text = value == null ? key : String(value);
      return text.replace(/\{(\d)\}/g, (m, i) => (args[i] == null ? '' : String(args[i])));
    },

    async getJson(url, options) {
      const response = await fetch(url, Object.assign({headers: {'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'}}, options || {}));
      if (!response.ok) {
        let detail = response.status + ' ' + response.statusText;
        try { const problem = await response.json(); detail = problem.detail || detail; } catch (e) { /* not JSON */ }
        throw new Error(detail);
      }
      return response.json();
    },

    async loadCategories() {
      this.categories = await this.getJson('/api/categories');
      this.categoryByCode = {};
      for (const c of this.categories) this.categoryByCode[c.code] = c;
    },

    categoryLabel(code) {
      const c = this.categoryByCode[code];
      if (!c) return code;
      return this.lang === 'fr' ? c.labelFr : this.lang === 'nl' ? c.labelNl : c.labelEn;
    },

    /** The root of a category's tree: what colours its markers. */
    groupOf(code) {
      let c = this.categoryByCode[code];
      let guard = 0;
      while (c && c.broader && guard++ < 10) c = this.categoryByCode[c.broader];
      return c ? c.code : null;
    },

    /** The group most of an actor's categories belong to (first in taxonomy order on a tie). */
    mainGroup(categories) {
      const counts = {};
      for (const code of categories || []) {
        const g = this.groupOf(code);
        if (g) counts[g] = (counts[g] || 0) + 1;
      }
      let best = null;
      for (const g of Object.keys(GROUP_COLOURS)) {
        if (counts[g] && (best == null || counts[g] > counts[best])) best = g;
      }
      return best;
    },

    colourOf(categories) {
      const g = this.mainGroup(categories);
      return g ? GROUP_COLOURS[g] : OTHER_COLOUR;
    },

    languageName(code) {
      try {
        const name = new Intl.DisplayNames([this.lang], {type: 'language'}).of(code);
        return name ? name.charAt(0).toUpperCase() + name.slice(1) : code;
      } catch (e) {
        return code;
      }
    },

    targetGroupName(group) {
      const names = this.texts.targetGroupNames || {};
      return names[group] || group;
    },

    /** OSM opening hours with day names in the interface language. */
    formatHours(text) {
      if (!text) return this.t('hoursUnknown');
      const days = {Mo: 1, Tu: 2, We: 3, Th: 4, Fr: 5, Sa: 6, Su: 7};
      const format = new Intl.DateTimeFormat(this.lang, {weekday: 'short'});
      return text.replace(/\b(Mo|Tu|We|Th|Fr|Sa|Su)\b/g, d => format.format(new Date(2024, 0, days[d])))
        .replace(/\boff\b/g, this.t('closed'))
        .replace(/;\s*/g, '; ').replace(/,(?=\S)/g, ', ');
    },

    formatDate(iso) {
      const [y, m, d] = iso.split('-').map(Number);
      return new Intl.DateTimeFormat(this.lang, {weekday: 'long', day: 'numeric', month: 'long', year: 'numeric'})
        .format(new Date(y, m - 1, d));
    },

    /** Builds an element; strings among the children become text nodes, so data is never parsed as HTML. */
    el(tag, attrs, ...children) {
      const node = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs || {})) {
        if (v == null || v === false) continue;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = v;
        else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? '' : v);
      }
      for (const child of children.flat()) {
        if (child == null || child === false) continue;
        node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
      }
      return node;
    },

    /** The SVG of a marker: a round pin, filled for formal actors, outlined for informal ones, with the kind's glyph. */
    markerSvg(kind, colour, size, formal) {
      const glyph = KIND_GLYPHS[kind] || KIND_GLYPHS.ORGANISATION;
      const fill = formal ? colour : '#ffffff';
      const ink = formal ? '#ffffff' : colour;
      const stroke = STROKE_GLYPHS[kind];
      return '<svg xmlns="http://www.w3.org/2000/svg" width="' + size + '" height="' + size + '" viewBox="0 0 32 32" aria-hidden="true">'
        + '<circle cx="16" cy="16" r="14" fill="' + fill + '" stroke="' + (formal ? '#ffffff' : colour) + '" stroke-width="' + (formal ? 2 : 3) + '"/>'
        + '<g transform="translate(8 8)"><path d="' + glyph + '" fill="' + (stroke ? 'none' : ink) + '" fill-rule="evenodd"'
        + (stroke ? ' stroke="' + ink + '" stroke-width="1.6" stroke-linejoin="round"' : '') + '/></g></svg>';
    },

    isFormal(kind) {
      return !['NEIGHBOUR', 'VOLUNTEER', 'INFORMAL_CARER'].includes(kind);
    },

    /** A Leaflet divIcon; its HTML is built from fixed glyphs and colours only, never from data. */
    icon(L, feature, size, extraClass) {
      const p = feature.properties;
      const colour = this.colourOf(p.categories);
      const html = this.markerSvg(p.kind, colour, size, this.isFormal(p.kind));
      return L.divIcon({
        className: 'cm-marker' + (p.private ? ' cm-private' : '') + (extraClass ? ' ' + extraClass : ''),
        html, iconSize: [size, size], iconAnchor: [size / 2, size / 2], popupAnchor: [0, -size / 2]
      });
    },

    /** The popup of one actor, from /api/geo/actors/{id}. */
    popup(feature, onReferral) {
      const p = feature.properties;
      const el = this.el.bind(this);
      const section = (title, ...content) => el('div', {class: 'cm-section'}, el('div', {class: 'cm-label'}, title), ...content);
      const kindLine = el('div', {class: 'cm-kind'}, this.t('kinds.' + p.kind),
        p.private ? el('span', {class: 'cm-badge cm-badge-private'}, this.t('private')) : null);
      const box = el('div', {class: 'cm-popup', 'data-actor': feature.id},
        el('h3', {class: 'cm-name'}, p.name), kindLine);
      if (p.description) box.appendChild(el('p', {class: 'cm-description'}, p.description));
      if (p.categories && p.categories.length) {
        box.appendChild(section(this.t('offers'), el('div', {class: 'cm-chips'},
          p.categories.map(code => el('span', {class: 'cm-chip', style: 'border-color:' + this.colourOf([code])}, this.categoryLabel(code))))));
      }
      if (p.languages && p.languages.length) {
        box.appendChild(section(this.t('languages'), p.languages.map(l => this.languageName(l)).join(', ')));
      }
      const hours = el('div', {}, this.formatHours(p.openingHours));
      if (p.open === true) hours.appendChild(el('span', {class: 'cm-badge cm-badge-open'}, this.t('openNowBadge')));
      if (p.open === false) hours.appendChild(el('span', {class: 'cm-badge cm-badge-closed'}, this.t('closedNowBadge')));
      box.appendChild(section(this.t('hours'), hours));
      if (p.targetGroups && p.targetGroups.length) {
        box.appendChild(section(this.t('targetGroups'), p.targetGroups.map(g => this.targetGroupName(g)).join(', ')));
      }
      if (p.wheelchair && p.wheelchair !== 'UNKNOWN') {
        box.appendChild(section(this.t('accessibility'), this.t('wheelchair_' + p.wheelchair)));
      }
      if (p.address) box.appendChild(section(this.t('address'), p.address));
      const contacts = [];
      if (p.phone) contacts.push(el('div', {}, el('a', {href: 'tel:' + p.phone.replace(/[^+0-9]/g, '')}, p.phone)));
      if (p.email) contacts.push(el('div', {}, el('a', {href: 'mailto:' + p.email}, p.email)));
      if (p.website && /^https?:\/\//i.test(p.website)) {
        contacts.push(el('div', {}, el('a', {href: p.website, target: '_blank', rel: 'noopener noreferrer'}, p.website.replace(/^https?:\/\//, ''))));
      }
      box.appendChild(section(this.t('contact'), contacts.length ? contacts : el('div', {class: 'cm-muted'}, this.t('contactsPrivate'))));
      const refers = p.refersTo || [];
      box.appendChild(section(this.t('refersTo'), refers.length
        ? el('ul', {class: 'cm-refers'}, refers.map(r => el('li', {},
            onReferral ? el('a', {href: '#', onclick: e => { e.preventDefault(); onReferral(r.id); }}, r.name) : r.name,
            r.categories && r.categories.length ? el('span', {class: 'cm-muted'}, ' (' + r.categories.map(c => this.categoryLabel(c)).join(', ') + ')') : null)))
        : el('div', {class: 'cm-muted'}, this.t('refersToNone'))));
      return box;
    },

    /** The attribution line: data sources loaded, the demo notice, the tile provider's. */
    attribution() {
      const parts = [];
      for (const credit of this.config.attribution || []) {
        parts.push(credit === 'DEMO' ? this.t('demoData') : credit);
      }
      if (this.config.tileUrl && this.config.tileAttribution) parts.push(this.config.tileAttribution);
      return parts.map(p => p.replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]))).join(' · ');
    },

    /** The base map: tiles when configured, else a light background on which the boundaries carry the map. */
    createMap(L, element, options) {
      const map = L.map(element, Object.assign({
        maxZoom: this.config.maxZoom || 19, minZoom: 9, zoomSnap: 0.25, preferCanvas: false, attributionControl: true
      }, options || {}));
      map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
      if (this.config.tileUrl) {
        L.tileLayer(this.config.tileUrl, {maxZoom: this.config.maxZoom || 19}).addTo(map);
      } else {
        element.classList.add('cm-no-tiles');
      }
      return map;
    },

    neighbourhoodName(props) {
      if (this.lang === 'nl') return props.nameNl || props.nameFr;
      if (this.lang === 'fr') return props.nameFr || props.nameNl;
      return props.nameFr === props.nameNl || !props.nameNl ? props.nameFr : props.nameFr + ' / ' + props.nameNl;
    },

    /** Keeps the address bar's ?lang= in step with the choice, so a shared link opens in the same language. */
    rememberLanguageInUrl(lang) {
      const url = new URL(location.href);
      url.searchParams.set('lang', lang);
      history.replaceState(null, '', url);
    }
  };

  global.CareMap = CareMap;
})(window);
