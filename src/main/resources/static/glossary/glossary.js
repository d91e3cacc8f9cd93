// Marks glossary terms where they appear in a page: each term of GET /api/glossary found in the text of the given
// elements (in the page's language) becomes <abbr class="glossary-term" title="definition">. Public, for any page:
//   <script src="/glossary/glossary.js"></script>
//   Glossary.mark(document.querySelector('main'), 'fr');
(function () {
  'use strict';
  let terms = null;

  async function load() {
    if (!terms) {
      const response = await fetch('/api/glossary', {headers: {'Accept': 'application/json'}});
      terms = response.ok ? await response.json() : [];
    }
    return terms;
  }

  function suffix(lang) {
    return {fr: 'Fr', nl: 'Nl', en: 'En'}[lang] || 'En';
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  /** Wraps the first occurrence of each term in the text nodes under root (never inside links, inputs or marks). */
  async function mark(root, lang) {
    if (!root) return;
    const list = (await load()).map(t => ({term: t['term' + suffix(lang)], definition: t['definition' + suffix(lang)], id: t.id}))
      .filter(t => t.term && t.term.length > 2)
      .sort((a, b) => b.term.length - a.term.length);
    if (!list.length) return;
    const pattern = new RegExp('(^|[^\\p{L}])(' + list.map(t => escapeRegExp(t.term)).join('|') + ')(?![\\p{L}])', 'iu');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: node => node.parentElement.closest('a, abbr, button, input, textarea, select, option, script, style, .no-glossary')
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const match = pattern.exec(node.nodeValue);
      if (!match) continue;
      const found = list.find(t => t.term.toLowerCase() === match[2].toLowerCase());
      const start = match.index + match[1].length;
      const after = node.splitText(start);
      after.nodeValue = after.nodeValue.substring(match[2].length);
      const abbr = document.createElement('abbr');
      abbr.className = 'glossary-term';
      abbr.title = found.definition;          // textContent and title are never parsed as HTML
      abbr.textContent = match[2];
      abbr.dataset.term = found.id;
      node.parentNode.insertBefore(abbr, after);
    }
  }

  window.Glossary = {mark, load};
})();
