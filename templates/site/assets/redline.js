// Normative-only filter for redline pages; the choice persists for the session.
(function () {
  var box = document.getElementById('normative-only');
  if (!box) return;
  function apply() { document.body.classList.toggle('normative-only', box.checked); }
  try { box.checked = sessionStorage.getItem('redline-normative-only') === '1'; } catch (e) { /* storage unavailable */ }
  apply();
  box.addEventListener('change', function () {
    apply();
    try { sessionStorage.setItem('redline-normative-only', box.checked ? '1' : '0'); } catch (e) { /* storage unavailable */ }
  });
})();
