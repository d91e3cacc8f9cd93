/*!
 * Care network map widget: the public actors of one neighbourhood, for partner sites.
 *
 * Paste where the map should be:
 *   <div data-care-map data-neighbourhood="JET-GARE" data-language="fr"></div>
 *   <script src="https://care.example.org/widget/care-map-widget.js" async></script>
 * or call CareMapWidget.mount(element, options) with the options below.
 * The map lives in a Shadow DOM, so the host page's CSS cannot reach it (nor it the page). It reads public data
 * only, without cookies: never a resident, never a private actor, never a private contact detail.
 */
(function () {
  'use strict';
  if (window.CareMapWidget) return;
  const script = document.currentScript;
  const SERVER = script && script.src ? new URL(script.src, location.href).origin : location.origin;

  /** The options object. Every data-* attribute of the same name (data-center="50.88,4.32") sets one too. */
  const DEFAULTS = {
    neighbourhood: null, // a neighbourhood code, as in /api/geo/neighbourhoods; null: all neighbourhoods
    categories: [],      // help category codes (narrower ones included); []: every kind of help
    language: null,      // 'fr', 'nl' or 'en'; null: the host page's <html lang>, then the browser's, then 'fr'
    height: 400,         // pixels, or any CSS length such as '60vh'
    center: null,        // [lat, lon]; null: fit the neighbourhood
    zoom: null,          // the zoom with center (10 to 19); null: 15
    server: SERVER       // the care network's address; by default where this script was loaded from
  };

  const TEXTS = {
    fr: {offers: 'Propose', languages: 'Langues', hours: 'Heures', open: 'Ouvert maintenant', closed: 'Fermé maintenant',
      contact: 'Contact', noContact: 'Coordonnées non publiques.', address: 'Adresse', refersTo: 'Oriente vers',
      loading: 'Chargement…', error: 'Carte indisponible', none: 'Aucun acteur public ici.', demo: 'Données de démonstration fictives',
      YES: 'Accessible en fauteuil', LIMITED: 'Partiellement accessible en fauteuil', NO: 'Non accessible en fauteuil',
      kinds: {ORGANISATION: 'Organisation', SERVICE: 'Service', PROFESSIONAL: 'Professionnel·le', SHOP: 'Commerce',
        SCHOOL: 'École', REFERRAL_POINT: "Point d'information", NEIGHBOUR: 'Voisin·e', VOLUNTEER: 'Bénévole', INFORMAL_CARER: 'Aidant·e proche'}},
    nl: {offers: 'Biedt', languages: 'Talen', hours: 'Openingsuren', open: 'Nu open', closed: 'Nu gesloten',
      contact: 'Contact', noContact: 'Contactgegevens niet openbaar.', address: 'Adres', refersTo: 'Verwijst door naar',
      loading: 'Laden…', error: 'Kaart niet beschikbaar', none: 'Geen openbare actoren hier.', demo: 'Fictieve demogegevens',
      YES: 'Rolstoeltoegankelijk', LIMITED: 'Beperkt rolstoeltoegankelijk', NO: 'Niet rolstoeltoegankelijk',
      kinds: {ORGANISATION: 'Organisatie', SERVICE: 'Dienst', PROFESSIONAL: 'Zorgverlener', SHOP: 'Winkel', SCHOOL: 'School',
        REFERRAL_POINT: 'Informatiepunt', NEIGHBOUR: 'Buur', VOLUNTEER: 'Vrijwilliger', INFORMAL_CARER: 'Mantelzorger'}},
    en: {offers: 'Offers', languages: 'Languages', hours: 'Opening hours', open: 'Open now', closed: 'Closed now',
      contact: 'Contact', noContact: 'Contact details are not public.', address: 'Address', refersTo: 'Refers people to',
      loading: 'Loading…', error: 'Map unavailable', none: 'No public actor here.', demo: 'Fictional demo data',
      YES: 'Wheelchair accessible', LIMITED: 'Partly wheelchair accessible', NO: 'Not wheelchair accessible',
      kinds: {ORGANISATION: 'Organisation', SERVICE: 'Service', PROFESSIONAL: 'Professional', SHOP: 'Shop', SCHOOL: 'School',
        REFERRAL_POINT: 'Information point', NEIGHBOUR: 'Neighbour', VOLUNTEER: 'Volunteer', INFORMAL_CARER: 'Informal carer'}}
  };

  const COLOURS = {health_care: '#c8553d', social_support: '#2a7ab0', everyday_help: '#2f9e6a', community_life: '#8a5cb8'};
  const GLYPHS = {
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
  const INFORMAL = ['NEIGHBOUR', 'VOLUNTEER', 'INFORMAL_CARER'];

  const CSS = `
    :host { display: block; position: relative; contain: content; }
    .wrap { all: initial; display: block; position: absolute; inset: 0; text-align: left;
      font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; color: #1f2933; }
    * { box-sizing: border-box; }
    .map { position: absolute; inset: 0; border-radius: 8px; overflow: hidden; }
    .leaflet-container { font: inherit; background: #e4ebef; }
    .note { position: absolute; left: 50%; top: 50%; transform: translate(-50%, -50%); z-index: 1000; background: #fff;
      padding: 8px 12px; border-radius: 6px; box-shadow: 0 1px 6px rgba(0,0,0,.2); }
    .marker { background: none; border: 0; filter: drop-shadow(0 1px 2px rgba(0,0,0,.35)); }
    .marker svg { display: block; }
    .cluster { background: rgba(31,59,87,.18); border-radius: 50%; display: flex; align-items: center; justify-content: center; }
    .cluster span { display: flex; align-items: center; justify-content: center; width: calc(100% - 8px); height: calc(100% - 8px);
      border-radius: 50%; background: #1f3b57; color: #fff; font-weight: 700; font-size: 12px; }
    .popup h3 { margin: 0 0 2px; font-size: 15px; line-height: 1.25; }
    .kind { color: #5f6b7a; font-size: 12px; }
    .popup p { margin: 6px 0; }
    .label { font-size: 10px; text-transform: uppercase; letter-spacing: .05em; color: #5f6b7a; font-weight: 700; margin-top: 6px; }
    .badge { display: inline-block; margin-left: 4px; padding: 0 6px; border-radius: 8px; font-size: 11px; font-weight: 700; }
    .badge.open { background: #d9f2e3; color: #1d6b40; } .badge.closed { background: #f6e0de; color: #8f2d27; }
    .muted { color: #5f6b7a; font-size: 12px; }
    a { color: #2a7ab0; }
    .leaflet-popup-content { margin: 10px 12px; }
  `;

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v != null) node.setAttribute(k, v);
    for (const c of children.flat()) if (c != null) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return node;
  };

  let leaflet = null;
  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error('Could not load ' + src));
      document.head.appendChild(s);
    });
  }

  /** Our own Leaflet, given back under window.L only if the host had none: a host's own Leaflet stays untouched. */
  function loadLeaflet(server) {
    if (!leaflet) {
      leaflet = (async () => {
        const hostL = window.L;
        await loadScript(server + '/webjars/leaflet/dist/leaflet.js');
        await loadScript(server + '/webjars/leaflet-markercluster/leaflet.markercluster.js');
        const ours = window.L;
        if (hostL) window.L = hostL;
        return ours;
      })();
    }
    return leaflet;
  }

  async function getJson(url) {
    const response = await fetch(url, {credentials: 'omit', mode: 'cors', headers: {'Accept': 'application/json'}});
    if (!response.ok) throw new Error(response.status + ' ' + url);
    return response.json();
  }

  function optionsFrom(element, given) {
    const options = Object.assign({}, DEFAULTS, given || {});
    const d = element.dataset;
    if (d.neighbourhood) options.neighbourhood = d.neighbourhood;
    if (d.categories) options.categories = d.categories.split(',').map(s => s.trim()).filter(Boolean);
    if (d.language) options.language = d.language;
    if (d.height) options.height = /^\d+$/.test(d.height) ? Number(d.height) : d.height;
    if (d.center) options.center = d.center.split(',').map(Number);
    if (d.zoom) options.zoom = Number(d.zoom);
    if (d.server) options.server = d.server;
    if (typeof options.categories === 'string') options.categories = options.categories.split(',');
    const candidates = [options.language, document.documentElement.lang, ...(navigator.languages || [])];
    options.language = candidates.map(l => String(l || '').slice(0, 2).toLowerCase()).find(l => TEXTS[l]) || 'fr';
    options.server = String(options.server).replace(/\/+$/, '');
    return options;
  }

  function icon(L, p, size) {
    const counts = {};
    for (const c of p.categories || []) { const g = p._groups[c]; if (g) counts[g] = (counts[g] || 0) + 1; }
    let group = null;
    for (const g of Object.keys(COLOURS)) if (counts[g] && (!group || counts[g] > counts[group])) group = g;
    const colour = COLOURS[group] || '#6b7280';
    const formal = !INFORMAL.includes(p.kind);
    const stroke = p.kind === 'SHOP';
    const ink = formal ? '#fff' : colour;
    const html = '<svg xmlns="http://www.w3.org/2000/svg" width="' + size + '" height="' + size + '" viewBox="0 0 32 32">'
      + '<circle cx="16" cy="16" r="14" fill="' + (formal ? colour : '#fff') + '" stroke="' + (formal ? '#fff' : colour) + '" stroke-width="' + (formal ? 2 : 3) + '"/>'
      + '<g transform="translate(8 8)"><path fill-rule="evenodd" d="' + (GLYPHS[p.kind] || GLYPHS.ORGANISATION) + '" fill="' + (stroke ? 'none' : ink) + '"'
      + (stroke ? ' stroke="' + ink + '" stroke-width="1.6"' : '') + '/></g></svg>';
    return L.divIcon({className: 'marker', html, iconSize: [size, size], iconAnchor: [size / 2, size / 2], popupAnchor: [0, -size / 2]});
  }

  function hours(text, lang) {
    const days = {Mo: 1, Tu: 2, We: 3, Th: 4, Fr: 5, Sa: 6, Su: 7};
    const f = new Intl.DateTimeFormat(lang, {weekday: 'short'});
    return text.replace(/\b(Mo|Tu|We|Th|Fr|Sa|Su)\b/g, d => f.format(new Date(2024, 0, days[d])));
  }

  function popup(feature, t, labels, lang) {
    const p = feature.properties;
    const box = el('div', {class: 'popup'}, el('h3', {}, p.name), el('div', {class: 'kind'}, t.kinds[p.kind] || p.kind));
    if (p.description) box.append(el('p', {}, p.description));
    if (p.categories && p.categories.length) box.append(el('div', {class: 'label'}, t.offers), p.categories.map(c => labels[c] || c).join(', '));
    if (p.languages && p.languages.length) {
      let names;
      try { const n = new Intl.DisplayNames([lang], {type: 'language'}); names = p.languages.map(l => n.of(l)); } catch (e) { names = p.languages; }
      box.append(el('div', {class: 'label'}, t.languages), names.join(', '));
    }
    if (p.openingHours) {
      box.append(el('div', {class: 'label'}, t.hours), el('div', {}, hours(p.openingHours, lang),
        p.open === true ? el('span', {class: 'badge open'}, t.open) : p.open === false ? el('span', {class: 'badge closed'}, t.closed) : null));
    }
    if (t[p.wheelchair]) box.append(el('div', {class: 'muted'}, t[p.wheelchair]));
    if (p.address) box.append(el('div', {class: 'label'}, t.address), p.address);
    const contacts = [];
    if (p.phone) contacts.push(el('div', {}, el('a', {href: 'tel:' + p.phone.replace(/[^+0-9]/g, '')}, p.phone)));
    if (p.email) contacts.push(el('div', {}, el('a', {href: 'mailto:' + p.email}, p.email)));
    if (p.website && /^https?:\/\//i.test(p.website)) contacts.push(el('div', {}, el('a', {href: p.website, target: '_blank', rel: 'noopener noreferrer'}, p.website.replace(/^https?:\/\//, ''))));
    box.append(el('div', {class: 'label'}, t.contact), contacts.length ? el('div', {}, contacts) : el('div', {class: 'muted'}, t.noContact));
    if (p.refersTo && p.refersTo.length) box.append(el('div', {class: 'label'}, t.refersTo), p.refersTo.map(r => r.name).join(', '));
    return box;
  }

  async function mount(target, given) {
    const host = typeof target === 'string' ? document.querySelector(target) : target;
    if (!host || host.__careMap) return host && host.__careMap;
    const o = optionsFrom(host, given);
    const t = TEXTS[o.language];
    host.__careMap = o;
    host.style.display = 'block';
    host.style.height = typeof o.height === 'number' ? o.height + 'px' : o.height;
    const root = host.attachShadow ? host.attachShadow({mode: 'open'}) : host;
    const box = el('div', {class: 'map', part: 'map'});
    const note = el('div', {class: 'note'}, t.loading);
    host.style.position = 'relative';
    const wrap = el('div', {class: 'wrap'}, box, note);
    root.append(el('link', {rel: 'stylesheet', href: o.server + '/webjars/leaflet/dist/leaflet.css'}),
      el('style', {}, CSS), wrap);
    try {
      const base = o.server + '/api/geo/';
      const query = new URLSearchParams();
      if (o.neighbourhood) query.set('neighbourhood', o.neighbourhood);
      for (const c of o.categories || []) query.append('category', c);
      const [L, categories, config, areas, actors] = await Promise.all([
        loadLeaflet(o.server), getJson(o.server + '/api/categories'), getJson(o.server + '/api/map/config'),
        getJson(base + 'neighbourhoods' + (o.neighbourhood ? '?code=' + encodeURIComponent(o.neighbourhood) : '')),
        getJson(base + 'actors?' + query)]);
      const labels = {}, groups = {}, byCode = {};
      for (const c of categories) byCode[c.code] = c;
      for (const c of categories) {
        labels[c.code] = o.language === 'fr' ? c.labelFr : o.language === 'nl' ? c.labelNl : c.labelEn;
        let root = c;
        for (let i = 0; root.broader && i < 10; i++) root = byCode[root.broader] || {};
        groups[c.code] = root.code;
      }
      const map = L.map(box, {maxZoom: config.maxZoom || 19, minZoom: 10, scrollWheelZoom: false, zoomSnap: 0.25});
      map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
      const credits = (config.attribution || []).map(c => c === 'DEMO' ? t.demo : c);
      if (config.tileUrl) {
        L.tileLayer(config.tileUrl, {maxZoom: config.maxZoom || 19}).addTo(map);
        if (config.tileAttribution) credits.push(config.tileAttribution);
      }
      map.attributionControl.addAttribution(credits.map(c => c.replace(/[&<>"']/g, ch => '&#' + ch.charCodeAt(0) + ';')).join(' · '));
      const outline = L.geoJSON(areas, {style: {color: '#1f3b57', weight: 3, fillColor: '#fff', fillOpacity: 0.75}, interactive: false}).addTo(map);
      const layer = actors.features.length > 60
        ? L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40,
            iconCreateFunction: c => L.divIcon({className: 'cluster', html: '<span>' + c.getChildCount() + '</span>', iconSize: [36, 36]})})
        : L.featureGroup();
      for (const f of actors.features) {
        f.properties._groups = groups;
        const [lon, lat] = f.geometry.coordinates;
        const marker = L.marker([lat, lon], {icon: icon(L, f.properties, 28), title: f.properties.name, alt: f.properties.name});
        marker.bindPopup(() => el('div', {}, t.loading), {maxWidth: 260, minWidth: 180, autoPanPadding: [10, 10]});
        marker.on('popupopen', async () => {
          try {
            const detail = await getJson(base + 'actors/' + encodeURIComponent(f.id));
            marker.setPopupContent(popup(detail, t, labels, o.language));
          } catch (e) {
            marker.setPopupContent(el('div', {}, t.error));
          }
        });
        layer.addLayer(marker);
      }
      layer.addTo(map);
      const fit = () => {
        map.invalidateSize();
        if (o.center) map.setView(o.center, o.zoom || 15);
        else if (outline.getBounds().isValid()) map.fitBounds(outline.getBounds(), {padding: [8, 8]});
        else if (actors.features.length) map.fitBounds(layer.getBounds(), {padding: [20, 20]});
        else map.setView([50.85, 4.35], 12);
      };
      fit();
      // The host may be laid out (or resized, or shown) after the map was made: fit again until the user moves it.
      let moved = false;
      map.on('dragstart', () => { moved = true; });
      if (window.ResizeObserver) new ResizeObserver(() => { if (!moved) fit(); }).observe(box);
      note.remove();
      if (!actors.features.length) wrap.append(el('div', {class: 'note'}, t.none));
      host.dataset.careMapReady = String(actors.features.length);
      host.dataset.careMapMs = String(Math.round(performance.now()));
      host.__careMapInstance = map;
    } catch (e) {
      note.textContent = t.error;
      host.dataset.careMapError = e.message;
    }
    return o;
  }

  function mountAll() {
    document.querySelectorAll('[data-care-map]').forEach(element => mount(element));
  }

  window.CareMapWidget = {mount, defaults: Object.freeze(Object.assign({}, DEFAULTS)), version: '1'};
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
