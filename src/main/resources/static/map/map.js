/* The local health and care map: boundaries, clustered actors, filters, popups, three languages, coverage. */
(function () {
  'use strict';
  const C = window.CareMap;
  const $ = id => document.getElementById(id);
  const state = {
    map: null, cluster: null, boundaries: null, labels: null, neighbourhoods: null,
    languages: [], targetGroups: [], request: 0, coverage: null, shown: 0
  };
  window.careMapState = state;

  async function start() {
    const lang = C.chooseLanguage();
    try {
      const [, config, , neighbourhoods] = await Promise.all([
        C.loadTexts(lang), C.getJson('/api/map/config'), C.loadCategories(), C.getJson('/api/geo/neighbourhoods')]);
      C.config = config;
      state.neighbourhoods = neighbourhoods;
      createMap();
      applyTexts();
      const params = new URLSearchParams(location.search);
      if (params.get('neighbourhood')) $('f-neighbourhood').value = params.get('neighbourhood');
      await loadActors(true);
      bindEvents();
      // A link to one actor (?actor=id) opens its popup.
      if (params.get('actor')) focusActor(params.get('actor'));
    } catch (e) {
      showMessage(C.t('error', e.message));
    }
  }

  function createMap() {
    state.map = C.createMap(L, $('map'), {zoomControl: true});
    state.boundaries = L.geoJSON(state.neighbourhoods, {
      style: () => ({color: '#3b5b7a', weight: 2, opacity: 0.85, fillColor: '#ffffff', fillOpacity: 0.55}),
      onEachFeature: (feature, layer) => layer.on('click', () => {
        $('f-neighbourhood').value = feature.properties.code;
        onFilterChange();
      })
    }).addTo(state.map);
    state.labels = L.layerGroup().addTo(state.map);
    state.cluster = L.markerClusterGroup({
      chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 36, spiderfyOnMaxZoom: true,
      disableClusteringAtZoom: 18,
      iconCreateFunction: cluster => {
        const n = cluster.getChildCount();
        const size = n < 10 ? 34 : n < 100 ? 40 : 48;
        return L.divIcon({html: '<span>' + n + '</span>', className: 'cm-cluster', iconSize: [size, size]});
      }
    }).addTo(state.map);
    const bounds = state.boundaries.getBounds();
    if (bounds.isValid()) state.map.fitBounds(bounds, {padding: [12, 12]});
    else state.map.setView([50.85, 4.35], 12);
    state.map.attributionControl.addAttribution(C.attribution());
  }

  function drawLabels() {
    state.labels.clearLayers();
    for (const f of state.neighbourhoods.features) {
      const [lon, lat] = f.properties.centroid;
      const label = C.el('span', {}, C.neighbourhoodName(f.properties));
      state.labels.addLayer(L.marker([lat, lon], {
        icon: L.divIcon({className: 'cm-nb-label', html: label, iconSize: null}), interactive: false, keyboard: false
      }));
    }
  }

  /** Every text of the page in the chosen language; the choices in the selects are kept. */
  function applyTexts() {
    document.title = C.t('title');
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = C.t(node.dataset.i18n);
    for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = C.t(node.dataset.i18nPlaceholder);
    for (const b of document.querySelectorAll('#langs button')) b.setAttribute('aria-pressed', String(b.dataset.lang === C.lang));
    fillNeighbourhoods();
    fillCategories($('f-category'), C.t('allCategories'), true);
    fillSelect($('f-formal'), [['', C.t('kindAll')], ['true', C.t('formal')], ['false', C.t('informal')]]);
    fillLanguages();
    fillTargetGroups();
    drawLabels();
    drawLegend();
    drawUser();
    updateCount();
    if (C.config.user) {
      $('coverage-box').hidden = false;
      fillCategories($('f-coverage'), C.t('coverageNone'), false);
      if (state.coverage) drawCoverage();
    }
    updateMeetingLink();
    state.map.attributionControl.removeAttribution(state.attributionText || '');
    state.attributionText = C.attribution();
    state.map.attributionControl.addAttribution(state.attributionText);
  }

  function fillSelect(select, options) {
    const value = select.value;
    select.replaceChildren(...options.map(([v, label, cls]) => C.el('option', {value: v, class: cls}, label)));
    if ([...select.options].some(o => o.value === value)) select.value = value;
  }

  function fillNeighbourhoods() {
    const items = state.neighbourhoods.features.map(f => [f.properties.code, C.neighbourhoodName(f.properties)])
      .sort((a, b) => a[1].localeCompare(b[1], C.lang));
    fillSelect($('f-neighbourhood'), [['', C.t('allNeighbourhoods')], ...items]);
  }

  /** The taxonomy as a tree: each broad category (which includes its narrower ones), then its narrower ones indented. */
  function fillCategories(select, first, withAll) {
    const roots = C.categories.filter(c => !c.broader);
    const options = [['', first]];
    for (const root of roots.sort((a, b) => C.categoryLabel(a.code).localeCompare(C.categoryLabel(b.code), C.lang))) {
      options.push([root.code, withAll ? C.t('allOf', C.categoryLabel(root.code)) : C.categoryLabel(root.code), 'cm-opt-root']);
      const children = C.categories.filter(c => c.broader === root.code)
        .sort((a, b) => C.categoryLabel(a.code).localeCompare(C.categoryLabel(b.code), C.lang));
      for (const child of children) options.push([child.code, '\u2003' + C.categoryLabel(child.code)]);
    }
    fillSelect(select, options);
  }

  function fillLanguages() {
    const items = state.languages.map(l => [l, C.languageName(l)]).sort((a, b) => a[1].localeCompare(b[1], C.lang));
    fillSelect($('f-language'), [['', C.t('anyLanguage')], ...items]);
  }

  function fillTargetGroups() {
    const items = state.targetGroups.map(g => [g, C.targetGroupName(g)]).sort((a, b) => a[1].localeCompare(b[1], C.lang));
    fillSelect($('f-targetGroup'), [['', C.t('anyTargetGroup')], ...items]);
  }

  function drawLegend() {
    const body = $('legend-body');
    const swatches = Object.entries(C.GROUP_COLOURS).map(([code, colour]) =>
      C.el('li', {}, C.el('span', {class: 'cm-swatch', style: 'background:' + colour}), C.categoryLabel(code)));
    swatches.push(C.el('li', {}, C.el('span', {class: 'cm-swatch', style: 'background:' + C.OTHER_COLOUR}), C.t('legendOther')));
    const kinds = Object.keys(C.KIND_GLYPHS).map(kind => {
      const icon = C.el('span', {class: 'cm-legend-icon'});
      icon.innerHTML = C.markerSvg(kind, '#4b5563', 22, C.isFormal(kind));
      return C.el('li', {}, icon, C.t('kinds.' + kind));
    });
    body.replaceChildren(
      C.el('h3', {}, C.t('legendColours')), C.el('ul', {class: 'cm-legend-list'}, swatches),
      C.el('h3', {}, C.t('legendKinds')), C.el('ul', {class: 'cm-legend-list cm-legend-kinds'}, kinds),
      C.el('p', {class: 'cm-muted'}, C.t('formalFilled') + ' · ' + C.t('informalOutline')));
  }

  function drawUser() {
    const box = $('user');
    const next = location.pathname + location.search;
    if (C.config.user) {
      const form = C.el('form', {method: 'post', action: '/logout', class: 'cm-inline'},
        C.el('input', {type: 'hidden', name: '_csrf', value: csrfToken()}),
        C.el('button', {type: 'submit', class: 'cm-link cm-link-light'}, C.t('signOut')));
      box.replaceChildren(C.el('span', {}, C.t('signedInAs', C.config.user.name)), ' ', form);
    } else {
      box.replaceChildren(C.el('a', {href: '/map-sign-in?next=' + encodeURIComponent(next), class: 'cm-link cm-link-light'}, C.t('signIn')));
    }
  }

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function updateMeetingLink() {
    const code = $('f-neighbourhood').value;
    const link = $('meeting-link');
    link.hidden = !code;
    if (code) link.href = '/meeting/' + encodeURIComponent(code) + '?lang=' + C.lang;
  }

  function query() {
    const params = new URLSearchParams();
    const form = {
      neighbourhood: $('f-neighbourhood').value, category: $('f-category').value, formal: $('f-formal').value,
      language: $('f-language').value, targetGroup: $('f-targetGroup').value, q: $('f-q').value.trim()
    };
    for (const [k, v] of Object.entries(form)) if (v) params.set(k, v);
    if ($('f-wheelchair').checked) params.set('wheelchair', 'yes');
    if ($('f-openNow').checked) params.set('openNow', 'true');
    return params;
  }

  async function loadActors(first) {
    const request = ++state.request;
    document.body.dataset.loading = 'true';
    let data;
    try {
      data = await C.getJson('/api/geo/actors?' + query());
    } catch (e) {
      showMessage(C.t('error', e.message));
      return;
    }
    if (request !== state.request) return;
    if (first) {
      const languages = new Set(), groups = new Set();
      for (const f of data.features) {
        (f.properties.languages || []).forEach(l => languages.add(l));
        (f.properties.targetGroups || []).forEach(g => groups.add(g));
      }
      state.languages = [...languages];
      state.targetGroups = [...groups];
      fillLanguages();
      fillTargetGroups();
    }
    const markers = data.features.map(feature => {
      const [lon, lat] = feature.geometry.coordinates;
      const marker = L.marker([lat, lon], {icon: C.icon(L, feature, 30), title: feature.properties.name, alt: feature.properties.name});
      marker.feature = feature;
      marker.bindPopup(() => C.el('div', {class: 'cm-popup'}, C.t('loading')), {maxWidth: 320, minWidth: 220, autoPanPadding: [20, 20]});
      marker.on('popupopen', () => openDetail(marker));
      return marker;
    });
    state.cluster.clearLayers();
    state.cluster.addLayers(markers);
    state.markers = markers;
    state.shown = markers.length;
    updateCount();
    highlightNeighbourhood();
    document.body.dataset.loading = 'false';
    if (!document.body.dataset.ready) {
      // Milliseconds from navigation to the first markers: what the benchmark reads.
      requestAnimationFrame(() => { document.body.dataset.firstRenderMs = String(Math.round(performance.now())); });
    }
    document.body.dataset.ready = 'true';
  }

  async function openDetail(marker) {
    try {
      const detail = await C.getJson('/api/geo/actors/' + encodeURIComponent(marker.feature.id));
      marker.setPopupContent(C.popup(detail, id => focusActor(id)));
    } catch (e) {
      marker.setPopupContent(C.el('div', {class: 'cm-popup'}, C.t('error', e.message)));
    }
  }

  function focusActor(id) {
    const target = (state.markers || []).find(m => m.feature.id === id);
    if (!target) return;
    state.cluster.zoomToShowLayer(target, () => target.openPopup());
  }

  function updateCount() {
    const n = state.shown;
    $('count').textContent = n === 1 ? C.t('shownOne') : C.t('shown', n);
    $('count').dataset.count = String(n);
    if (n === 0 && document.body.dataset.ready) showMessage(C.t('noActors'), 2500);
  }

  function highlightNeighbourhood() {
    const code = $('f-neighbourhood').value;
    state.boundaries.eachLayer(layer => {
      const selected = layer.feature.properties.code === code;
      layer.setStyle(styleFor(layer.feature, selected));
      if (selected) layer.bringToFront();
    });
  }

  function styleFor(feature, selected) {
    const base = {color: selected ? '#1f3b57' : '#3b5b7a', weight: selected ? 4 : 2, opacity: 0.85, fillColor: '#ffffff', fillOpacity: 0.55};
    if (state.coverage) {
      const row = state.coverage.byCode[feature.properties.code];
      base.fillColor = coverageColour(row);
      base.fillOpacity = 0.6;
    }
    return base;
  }

  function coverageScore(row) {
    if (!row) return null;
    if (row.coveredShare != null) return row.coveredShare;
    return Math.min(1, row.ownersNearCentroid / 3);
  }

  function coverageColour(row) {
    const score = coverageScore(row);
    if (score == null) return '#e5e7eb';
    // From a warm red (gap) through amber to green (well covered).
    const stops = [[0, [214, 69, 65]], [0.5, [240, 180, 60]], [1, [60, 160, 100]]];
    let i = score <= 0.5 ? 0 : 1;
    const [a, ca] = stops[i], [b, cb] = stops[i + 1];
    const t = (score - a) / (b - a);
    const c = ca.map((v, k) => Math.round(v + (cb[k] - v) * t));
    return 'rgb(' + c.join(',') + ')';
  }

  async function loadCoverage() {
    const category = $('f-coverage').value;
    if (!category) {
      state.coverage = null;
      $('coverage-legend').hidden = true;
      highlightNeighbourhood();
      return;
    }
    try {
      const coverage = await C.getJson('/api/geo/coverage?category=' + encodeURIComponent(category));
      coverage.byCode = {};
      for (const row of coverage.neighbourhoods) coverage.byCode[row.code] = row;
      state.coverage = coverage;
      drawCoverage();
    } catch (e) {
      showMessage(C.t('error', e.message));
    }
  }

  function drawCoverage() {
    const coverage = state.coverage;
    highlightNeighbourhood();
    state.boundaries.eachLayer(layer => {
      const row = coverage.byCode[layer.feature.properties.code];
      const name = C.neighbourhoodName(layer.feature.properties);
      const text = !row ? name : row.coveredShare != null
        ? name + ': ' + Math.round(row.coveredShare * 100) + ' %'
        : name + ': ' + C.t('coverageNoResidents', row.ownersNearCentroid, coverage.radiusMetres);
      layer.unbindTooltip();
      layer.bindTooltip(C.el('span', {}, text), {sticky: true});
    });
    const legend = $('coverage-legend');
    legend.hidden = false;
    legend.replaceChildren(
      C.el('div', {class: 'cm-muted'}, C.t('coverageHint', coverage.radiusMetres)),
      C.el('div', {class: 'cm-gradient'}),
      C.el('div', {class: 'cm-row'}, C.el('span', {}, '0 % · ' + C.t('coverageGap')), C.el('span', {}, '100 % · ' + C.t('coverageGood'))));
  }

  let searchTimer = null;
  function onFilterChange() {
    updateMeetingLink();
    loadActors(false);
  }

  function bindEvents() {
    for (const id of ['f-neighbourhood', 'f-category', 'f-formal', 'f-language', 'f-targetGroup', 'f-wheelchair', 'f-openNow']) {
      $(id).addEventListener('change', onFilterChange);
    }
    $('f-q').addEventListener('input', () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(onFilterChange, 250);
    });
    $('filters').addEventListener('reset', () => setTimeout(onFilterChange, 0));
    $('f-coverage').addEventListener('change', loadCoverage);
    for (const b of document.querySelectorAll('#langs button')) {
      b.addEventListener('click', async () => {
        await C.loadTexts(b.dataset.lang);
        C.rememberLanguageInUrl(b.dataset.lang);
        applyTexts();
        state.map.closePopup();
      });
    }
    $('panel-toggle').addEventListener('click', () => {
      const open = document.body.classList.toggle('cm-panel-open');
      $('panel-toggle').setAttribute('aria-expanded', String(open));
      setTimeout(() => state.map.invalidateSize(), 200);
    });
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
