/* Site behaviour: theme toggle, contents highlighting, print buttons, term tooltips, "in effect on" lookup. */
(function () {
  'use strict';
  var root = document.documentElement;

  function effectiveTheme() {
    var t = root.getAttribute('data-theme');
    if (t === 'dark' || t === 'light') return t;
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function initTheme() {
    var button = document.querySelector('.theme-toggle');
    if (!button) return;
    var sync = function () { button.setAttribute('aria-pressed', effectiveTheme() === 'dark' ? 'true' : 'false'); };
    sync();
    button.addEventListener('click', function () {
      var next = effectiveTheme() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem('policydocs-theme', next); } catch (e) { /* not persisted */ }
      sync();
    });
  }

  function initToc() {
    var toc = document.querySelector('.sidebar .toc');
    if (!toc || !('IntersectionObserver' in window)) return;
    var links = {};
    toc.querySelectorAll('a[data-anchor]').forEach(function (a) { links[a.getAttribute('data-anchor')] = a; });
    var headings = Array.prototype.slice.call(document.querySelectorAll('main section.section > [id^="h-"]'));
    var current = null;
    function setActive(anchor) {
      if (anchor === current) return;
      if (current && links[current]) { links[current].classList.remove('active'); links[current].removeAttribute('aria-current'); }
      current = anchor;
      var link = anchor && links[anchor];
      if (!link) return;
      link.classList.add('active');
      link.setAttribute('aria-current', 'location');
      var sidebar = toc.closest('.sidebar');
      if (sidebar && sidebar.scrollHeight > sidebar.clientHeight) {
        var top = link.offsetTop - sidebar.clientHeight / 3;
        if (link.offsetTop < sidebar.scrollTop || link.offsetTop > sidebar.scrollTop + sidebar.clientHeight - 40) sidebar.scrollTop = top;
      }
    }
    function update() {
      var line = window.innerHeight * 0.25, active = null;
      for (var i = 0; i < headings.length; i++) {
        if (headings[i].getBoundingClientRect().top <= line) active = headings[i]; else break;
      }
      if (!active && headings.length) active = headings[0];
      setActive(active ? active.parentElement.id : null);
    }
    var pending = false;
    var observer = new IntersectionObserver(function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; update(); });
    }, { rootMargin: '0px 0px -75% 0px', threshold: [0, 1] });
    headings.forEach(function (h) { observer.observe(h); });
    window.addEventListener('hashchange', update);
    update();
  }

  function initPrint() {
    document.querySelectorAll('[data-print]').forEach(function (b) {
      b.addEventListener('click', function () { window.print(); });
    });
    window.addEventListener('beforeprint', function () {
      document.querySelectorAll('details.nostip-details').forEach(function (d) { d.setAttribute('data-was-open', d.open ? '1' : '0'); d.open = true; });
    });
    window.addEventListener('afterprint', function () {
      document.querySelectorAll('details.nostip-details[data-was-open]').forEach(function (d) { d.open = d.getAttribute('data-was-open') === '1'; d.removeAttribute('data-was-open'); });
    });
  }

  function initTerms() {
    document.addEventListener('keydown', function (e) {
      if (e.key !== 'Escape') return;
      var term = document.activeElement && document.activeElement.closest && document.activeElement.closest('.term');
      document.querySelectorAll('.term').forEach(function (t) { if (t === term || t.matches(':hover')) t.classList.add('tip-dismissed'); });
    });
    document.addEventListener('focusout', function (e) {
      var term = e.target.closest && e.target.closest('.term');
      if (term) term.classList.remove('tip-dismissed');
    });
    document.addEventListener('mouseout', function (e) {
      var term = e.target.closest && e.target.closest('.term');
      if (term && !term.contains(e.relatedTarget)) term.classList.remove('tip-dismissed');
    });
  }

  function initInEffect() {
    var form = document.querySelector('[data-in-effect]');
    if (!form) return;
    var input = form.querySelector('input[type="date"]');
    var result = form.querySelector('.in-effect-result');
    var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-from]'));
    function show() {
      var d = input.value;
      if (!d) { result.textContent = 'Choose a date to see which version applied.'; return; }
      var hit = null;
      rows.forEach(function (r) {
        var from = r.getAttribute('data-from'), until = r.getAttribute('data-until');
        if (from <= d && (!until || d < until)) hit = r;
      });
      rows.forEach(function (r) { r.classList.toggle('highlight', r === hit); });
      result.textContent = hit
        ? 'On ' + d + ', version ' + hit.getAttribute('data-version') + ' was in effect (from ' + hit.getAttribute('data-from') + (hit.getAttribute('data-until') ? ' until the day before ' + hit.getAttribute('data-until') : '') + ').'
        : 'No version was in effect on ' + d + '.';
    }
    form.addEventListener('submit', function (e) { e.preventDefault(); show(); });
    input.addEventListener('input', show);
    input.addEventListener('change', show);
  }

  initTheme();
  initToc();
  initPrint();
  initTerms();
  initInEffect();
})();
