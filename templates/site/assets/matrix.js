// Filters of the recommendations matrix (site/matrix/index.html). Loaded as a file: the site's CSP forbids inline scripts.
(function () {
  "use strict";
  var form = document.getElementById("matrix-filters");
  var table = document.getElementById("matrix");
  if (!form || !table) return;
  var shown = document.getElementById("matrix-shown");

  function apply() {
    var level = form.elements.level.value;
    var chapter = form.elements.chapter.value;
    var kind = form.elements.kind.value;
    var status = form.elements.status.value;
    var ca = form.elements.ca.value;
    var count = 0;
    table.querySelectorAll("tbody").forEach(function (body) {
      var visible = 0;
      body.querySelectorAll("tr.rec").forEach(function (row) {
        var ok = (level === "" || Number(row.dataset.level) <= Number(level)) &&
          (chapter === "" || row.dataset.chapter === chapter) &&
          (kind === "" || row.dataset.kind === kind) &&
          (status === "" || row.dataset.status === status) &&
          (ca === "" || (" " + row.dataset.cas + " ").indexOf(" " + ca + " ") >= 0);
        row.hidden = !ok;
        if (ok) visible++;
      });
      body.hidden = visible === 0;
      count += visible;
    });
    table.querySelectorAll("[data-ca]").forEach(function (cell) {
      cell.hidden = ca !== "" && cell.dataset.ca !== ca;
    });
    document.querySelectorAll(".matrix-coverage tr[data-ca]").forEach(function (row) {
      row.hidden = ca !== "" && row.dataset.ca !== ca;
    });
    if (shown) shown.textContent = count + (count === 1 ? " recommendation" : " recommendations");
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
}());
