/* Client-side search over the index script generated at build time (works offline and from file://). */
(function () {
  'use strict';
  var input = document.getElementById('search-input');
  var box = document.getElementById('search-results');
  if (!input || !box) return;
  var root = document.documentElement.getAttribute('data-root') || '';
  var main = document.querySelector('main[data-document]');
  var currentDoc = main ? main.getAttribute('data-document') : null;
  var prepared = null, loading = false;

  function fold(s) { return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''); }

  function prepare() {
    var data = window.PolicyDocsSearch;
    if (!data) return null;
    prepared = data.s.map(function (s) {
      return { doc: data.d[s[0]], number: s[1], title: s[2], anchor: s[3], text: s[4], ltitle: fold(s[2]), ltext: fold(s[4]) };
    });
    return prepared;
  }

  function load() {
    if (prepared || loading) return;
    if (window.PolicyDocsSearch) { prepare(); return; }
    loading = true;
    var s = document.createElement('script');
    s.src = input.getAttribute('data-index');
    s.onload = function () { loading = false; prepare(); run(); };
    s.onerror = function () { loading = false; };
    document.head.appendChild(s);
  }

  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }

  function highlight(text, terms) {
    var out = esc(text);
    terms.forEach(function (t) {
      if (!t) return;
      var re = new RegExp('(' + esc(t).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ')', 'ig');
      out = out.replace(re, '<mark>$1</mark>');
    });
    return out;
  }

  function snippet(entry, terms) {
    var text = entry.text;
    if (!text) return '';
    var at = terms.length ? entry.ltext.indexOf(terms[0]) : -1;
    var start = Math.max(0, at < 0 ? 0 : at - 60);
    var end = Math.min(text.length, start + 180);
    return (start > 0 ? '… ' : '') + highlight(text.slice(start, end), terms) + (end < text.length ? ' …' : '');
  }

  function href(entry) {
    if (currentDoc && entry.doc[0] === currentDoc) return '#' + entry.anchor;
    return root + entry.doc[2] + '#' + entry.anchor;
  }

  function search(q) {
    var entries = prepared || [];
    var query = fold(q.trim());
    if (!query) return [];
    var num = /^(\d+(\.\d+)*)\.?$/.exec(query);
    var results = [];
    if (num) {
      var n = num[1];
      entries.forEach(function (e) {
        if (e.number === n) results.push({ e: e, score: e.doc[0] === currentDoc ? 1000 : 900 });
        else if (e.number.indexOf(n + '.') === 0) results.push({ e: e, score: 100 - e.number.length });
      });
    } else {
      var terms = query.split(/\s+/).filter(Boolean);
      entries.forEach(function (e) {
        var score = 0;
        for (var i = 0; i < terms.length; i++) {
          var t = terms[i], inTitle = e.ltitle.indexOf(t) >= 0, inText = e.ltext.indexOf(t) >= 0;
          if (!inTitle && !inText) return;
          if (inTitle) score += 10;
          if (inText) score += 1;
        }
        if (e.ltitle === query) score += 20;
        results.push({ e: e, score: score });
      });
    }
    results.sort(function (a, b) { return b.score - a.score; });
    return results.slice(0, 20).map(function (r) { return r.e; });
  }

  function run() {
    var q = input.value;
    if (!q.trim()) { close(); return; }
    if (!prepared) { load(); box.hidden = false; box.innerHTML = '<p class="search-status">Loading the search index…</p>'; return; }
    var results = search(q);
    var terms = /^[\d.]+$/.test(q.trim()) ? [] : fold(q.trim()).split(/\s+/).filter(Boolean);
    var html = '<p class="search-status">' + (results.length ? results.length + (results.length === 20 ? '+' : '') + ' result' + (results.length === 1 ? '' : 's') : 'No results') + ' for “' + esc(q.trim()) + '”</p>';
    if (results.length) {
      html += '<ol class="search-list">' + results.map(function (e) {
        return '<li><a class="search-result" href="' + esc(href(e)) + '">' +
          '<span class="r-head"><span class="r-doc">' + esc(e.doc[1]) + '</span> <span class="r-num">' + esc(e.number) + '</span> ' +
          '<span class="r-title">' + highlight(e.title, terms) + '</span></span>' +
          '<span class="r-snippet">' + snippet(e, terms) + '</span></a></li>';
      }).join('') + '</ol>';
    }
    box.innerHTML = html;
    box.hidden = false;
  }

  function close() { box.hidden = true; box.innerHTML = ''; }

  function links() { return Array.prototype.slice.call(box.querySelectorAll('a.search-result')); }

  input.addEventListener('focus', load);
  input.addEventListener('input', run);
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') {
      var first = links()[0];
      if (first) { e.preventDefault(); var h = first.getAttribute('href'); close(); input.blur(); window.location.href = h; }
    } else if (e.key === 'ArrowDown') {
      var l = links();
      if (l.length) { e.preventDefault(); l[0].focus(); }
    } else if (e.key === 'Escape') {
      input.value = '';
      close();
    }
  });
  box.addEventListener('keydown', function (e) {
    var l = links(), i = l.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' && i >= 0) { e.preventDefault(); (l[i + 1] || l[i]).focus(); }
    else if (e.key === 'ArrowUp' && i >= 0) { e.preventDefault(); if (i === 0) input.focus(); else l[i - 1].focus(); }
    else if (e.key === 'Escape') { close(); input.focus(); }
  });
  box.addEventListener('click', function (e) { if (e.target.closest('a')) close(); });
  document.addEventListener('click', function (e) { if (!e.target.closest('.search')) close(); });
  document.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target, tag = t && t.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (t && t.isContentEditable)) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
})();
