/* Applies the reader's saved colour theme before the page is painted, so there is no flash. */
(function () {
  try {
    var t = localStorage.getItem('policydocs-theme');
    if (t === 'dark' || t === 'light') document.documentElement.setAttribute('data-theme', t);
  } catch (e) { /* storage unavailable: follow the system preference */ }
})();
