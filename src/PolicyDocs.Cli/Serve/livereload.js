/* Live preview: reloads the page after each good build and shows build errors over the page. Served by `policydocs serve` only. */
(function () {
  'use strict';
  var seen = null;
  var overlay = null;

  function showErrors(diagnostics) {
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'policydocs-overlay';
      overlay.setAttribute('role', 'alertdialog');
      overlay.setAttribute('aria-label', 'Build errors');
      overlay.className = 'policydocs-overlay';
      document.body.appendChild(overlay);
    }
    overlay.textContent = '';
    var h = document.createElement('h2');
    h.textContent = 'The last change does not build; showing the last good build.';
    overlay.appendChild(h);
    var list = document.createElement('ul');
    diagnostics.forEach(function (d) {
      var li = document.createElement('li');
      li.textContent = d;
      list.appendChild(li);
    });
    overlay.appendChild(list);
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Dismiss';
    close.addEventListener('click', function () { overlay.hidden = true; });
    overlay.appendChild(close);
    overlay.hidden = false;
  }

  function hideErrors() { if (overlay) overlay.hidden = true; }

  function handle(state) {
    if (seen === null) seen = state.generation;
    if (!state.ok) { showErrors(state.errors); return; }
    hideErrors();
    if (state.generation !== seen) window.location.reload();
  }

  var style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = '/__policydocs/overlay.css';
  document.head.appendChild(style);

  var source = new EventSource('/__policydocs/events');
  source.addEventListener('build', function (e) { handle(JSON.parse(e.data)); });
})();
