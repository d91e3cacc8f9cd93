/* Meeting mode: one neighbourhood on a projector, who is present, who knows whom, and a quick way to add an actor. */
(function () {
  'use strict';
  const C = window.CareMap;
  const $ = id => document.getElementById(id);
  const parts = location.pathname.split('/').filter(Boolean);
  const code = parts.length > 1 ? decodeURIComponent(parts[1]) : null;
  const params = new URLSearchParams(location.search);
  const state = {map: null, neighbourhoods: null, feature: null, actors: null, meeting: null, added: new Set(),
    markers: L.layerGroup(), lines: L.layerGroup(), placing: null};
  window.careMeetingState = state;

  async function start() {
    try {
      const [, config, , neighbourhoods] = await Promise.all([
        C.loadTexts(C.chooseLanguage()), C.getJson('/api/map/config'), C.loadCategories(), C.getJson('/api/geo/neighbourhoods')]);
      C.config = config;
      state.neighbourhoods = neighbourhoods;
      state.feature = neighbourhoods.features.find(f => f.properties.code === code) || null;
      if (!state.feature) {
        showChooser();
        return;
      }
      createMap();
      await load();
      applyTexts();
      bindEvents();
    } catch (e) {
      showMessage(C.t('error', e.message));
    }
  }

  function showChooser() {
    applyTexts();
    $('attendees-box').hidden = true;
    $('map').hidden = true;
    $('chooser').hidden = false;
    const items = state.neighbourhoods.features.map(f => f.properties)
      .sort((a, b) => C.neighbourhoodName(a).localeCompare(C.neighbourhoodName(b), C.lang));
    $('chooser-list').replaceChildren(...items.map(p => C.el('li', {},
      C.el('a', {href: '/meeting/' + encodeURIComponent(p.code) + '?lang=' + C.lang}, C.neighbourhoodName(p)))));
    bindLanguages(showChooser);
  }

  function createMap() {
    state.map = C.createMap(L, $('map'), {zoomControl: true});
    L.geoJSON(state.neighbourhoods, {
      style: f => f.properties.code === code
        ? {color: '#1f3b57', weight: 5, opacity: 1, fillColor: '#ffffff', fillOpacity: 0.8}
        : {color: '#8aa0b4', weight: 1.5, opacity: 0.7, fillColor: '#ffffff', fillOpacity: 0.25},
      interactive: false
    }).addTo(state.map);
    state.map.fitBounds(L.geoJSON(state.feature).getBounds(), {padding: [30, 30]});
    state.lines.addTo(state.map);
    state.markers.addTo(state.map);
    state.map.attributionControl.addAttribution(C.attribution());
  }

  async function load() {
    const date = params.get('date') || '';
    const [actors, meeting] = await Promise.all([
      C.getJson('/api/geo/actors?neighbourhood=' + encodeURIComponent(code), {cache: 'no-cache'}),
      C.getJson('/api/geo/meetings/' + encodeURIComponent(code) + (date ? '?date=' + encodeURIComponent(date) : ''), {cache: 'no-cache'})]);
    state.actors = actors;
    state.meeting = meeting;
    draw();
    document.body.dataset.ready = 'true';
  }

  function draw() {
    const present = new Set(state.meeting.attendees || []);
    state.markers.clearLayers();
    state.lines.clearLayers();
    // Only links within the neighbourhood, the ones this meeting can act on: links to actors of other neighbourhoods
    // run off the projected map to no marker and, drawn even faintly, hid the local network behind a web of lines.
    const here = new Set(state.actors.features.map(f => f.id));
    for (const line of state.meeting.features) {
      if (!here.has(line.properties.from) || !here.has(line.properties.to)) continue;
      const coords = line.geometry.coordinates.map(([lon, lat]) => [lat, lon]);
      state.lines.addLayer(L.polyline(coords, {color: '#2a7ab0', weight: 2 + Math.min(6, line.properties.strength || 1), opacity: 0.55, interactive: false}));
    }
    // Attendees are numbered on the map and in the list beside it: names never overlap on a projector.
    const byName = (a, b) => a.properties.name.localeCompare(b.properties.name, C.lang);
    const numbers = new Map(state.actors.features.filter(f => present.has(f.id)).sort(byName).map((f, i) => [f.id, i + 1]));
    state.numbers = numbers;
    for (const feature of state.actors.features) {
      const [lon, lat] = feature.geometry.coordinates;
      const number = numbers.get(feature.id);
      const isNew = state.added.has(feature.id);
      const icon = C.icon(L, feature, number || isNew ? 46 : 36, number ? 'cm-present' : isNew ? 'cm-new' : null);
      if (number) icon.options.html += '<b class="cm-num">' + number + '</b>';
      const marker = L.marker([lat, lon], {icon, title: feature.properties.name, alt: feature.properties.name,
        zIndexOffset: number ? 1000 : isNew ? 2000 : 0});
      const label = C.el('span', {}, isNew ? C.el('strong', {class: 'cm-new-tag'}, C.t('newActor') + ' · ') : null, feature.properties.name);
      marker.bindTooltip(label, {permanent: isNew, direction: 'top', offset: [0, -24], className: isNew ? 'cm-big-label' : 'cm-label-hover'});
      marker.bindPopup(() => C.el('div', {class: 'cm-popup'}, C.t('loading')), {maxWidth: 360});
      marker.on('popupopen', async () => {
        try {
          marker.setPopupContent(C.popup(await C.getJson('/api/geo/actors/' + encodeURIComponent(feature.id))));
        } catch (e) {
          marker.setPopupContent(C.el('div', {}, C.t('error', e.message)));
        }
      });
      state.markers.addLayer(marker);
    }
    drawHeader();
  }

  function drawHeader() {
    const p = state.feature.properties;
    document.title = C.t('meetingMode') + ' · ' + C.neighbourhoodName(p);
    $('title').textContent = C.neighbourhoodName(p);
    const m = state.meeting;
    const sub = [];
    if (m.meeting) {
      sub.push(C.el('span', {}, C.t('meetingOn', C.formatDate(m.date)) + (m.meeting.title ? ': ' + m.meeting.title : '')));
    } else {
      sub.push(C.el('span', {}, C.t('noMeeting', C.formatDate(m.date))));
    }
    const link = (key, date) => C.el('a', {class: 'cm-link cm-link-light', href: '?date=' + encodeURIComponent(date) + '&lang=' + C.lang}, C.t(key, C.formatDate(date)));
    if (m.previousMeeting) sub.push(' · ', link('previousMeeting', m.previousMeeting));
    if (m.nextMeeting) sub.push(' · ', link('nextMeeting', m.nextMeeting));
    $('subtitle').replaceChildren(...sub);
    const present = new Set(m.attendees || []);
    const byId = new Map(state.actors.features.map(f => [f.id, f]));
    const rows = [...(state.numbers || new Map()).keys()].map(id => byId.get(id));
    $('attendees-title').textContent = m.meeting ? C.t('attendees') + ' (' + rows.length + ')' : C.t('attendees');
    const list = rows.map((f, i) => C.el('li', {'data-actor': f.id},
      C.el('b', {class: 'cm-num cm-num-list', style: 'background:' + C.colourOf(f.properties.categories)}, String(i + 1)),
      C.el('span', {}, f.properties.name)));
    $('attendees').replaceChildren(...(list.length ? list : [C.el('li', {class: 'cm-muted'}, C.t('noAttendees'))]));
    const user = C.config.user;
    const canAdd = user && user.roles.some(r => r === 'COORDINATOR' || r === 'PROFESSIONAL');
    $('add').hidden = !canAdd;
    $('sign-in').hidden = !!user;
    $('sign-in').href = '/map-sign-in?next=' + encodeURIComponent(location.pathname + location.search);
  }

  function applyTexts() {
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = C.t(node.dataset.i18n);
    for (const b of document.querySelectorAll('#langs button')) b.setAttribute('aria-pressed', String(b.dataset.lang === C.lang));
    $('back').href = '/map?lang=' + C.lang + (code ? '&neighbourhood=' + encodeURIComponent(code) : '');
    const kinds = Object.keys(C.KIND_GLYPHS).map(k => [k, C.t('kinds.' + k)]);
    $('add-kind').replaceChildren(...kinds.map(([v, l]) => C.el('option', {value: v}, l)));
    const categories = [['', '—']].concat(C.categories.filter(c => c.broader).map(c => [c.code, C.categoryLabel(c.code)])
      .sort((a, b) => a[1].localeCompare(b[1], C.lang)));
    $('add-category').replaceChildren(...categories.map(([v, l]) => C.el('option', {value: v}, l)));
    if (state.meeting) drawHeader();
  }

  function bindLanguages(after) {
    for (const b of document.querySelectorAll('#langs button')) {
      b.onclick = async () => {
        await C.loadTexts(b.dataset.lang);
        C.rememberLanguageInUrl(b.dataset.lang);
        after();
      };
    }
  }

  function bindEvents() {
    bindLanguages(() => { applyTexts(); draw(); });
    $('fullscreen').addEventListener('click', () => {
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen().catch(() => {});
    });
    $('add').addEventListener('click', openForm);
    $('add-cancel').addEventListener('click', closeForm);
    $('add-form').addEventListener('submit', submit);
    state.map.on('click', e => {
      if (state.placing) state.placing.setLatLng(e.latlng);
    });
  }

  function openForm() {
    const [lon, lat] = state.feature.properties.centroid;
    if (!state.placing) {
      state.placing = L.marker([lat, lon], {draggable: true, autoPan: true, zIndexOffset: 2000,
        icon: L.divIcon({className: 'cm-placing', html: '<span></span>', iconSize: [30, 30]})}).addTo(state.map);
    }
    $('add-errors').replaceChildren();
    $('add-dialog').show();
  }

  function closeForm() {
    $('add-dialog').close();
    $('add-form').reset();
    if (state.placing) {
      state.map.removeLayer(state.placing);
      state.placing = null;
    }
  }

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest',
        [C.config.csrfHeader || 'X-XSRF-TOKEN']: csrfToken()},
      body: JSON.stringify(body)
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(data.detail || response.status + ' ' + response.statusText);
      error.problems = data.errors || [];
      throw error;
    }
    return data;
  }

  async function submit(event) {
    event.preventDefault();
    const form = $('add-form');
    const data = new FormData(form);
    const languages = data.getAll('lang').concat(String(data.get('otherLanguages') || '').split(/[,\s]+/)
      .map(s => s.trim().toLowerCase()).filter(Boolean));
    const at = state.placing.getLatLng();
    const actor = {
      name: String(data.get('name') || '').trim(), kind: data.get('kind'), description: String(data.get('description') || '').trim() || null,
      lat: at.lat, lon: at.lng, languages: [...new Set(languages)], phone: String(data.get('phone') || '').trim() || null,
      email: String(data.get('email') || '').trim() || null, contactPublic: data.get('contactPublic') === 'on',
      visibility: data.get('public') === 'on' ? 'PUBLIC' : 'PRIVATE'
    };
    try {
      const created = await post('/api/actors', actor);
      const category = data.get('category');
      if (category) {
        await post('/api/capacities', {ownerId: created.id, category, radiusMetres: 1000, maxActive: 5});
      }
      state.added.add(created.id);
      closeForm();
      showMessage(C.t('added', created.name), 3000);
      await load();
    } catch (e) {
      const problems = e.problems && e.problems.length ? e.problems.map(p => p.field + ': ' + p.reason) : [e.message];
      $('add-errors').replaceChildren(...problems.map(p => C.el('div', {}, p)));
    }
  }

  let messageTimer = null;
  function showMessage(text, hideAfter) {
    const box = $('message');
    box.textContent = text;
    box.hidden = false;
    clearTimeout(messageTimer);
    if (hideAfter) messageTimer = setTimeout(() => { box.hidden = true; }, hideAfter);
  }

  start();
})();
