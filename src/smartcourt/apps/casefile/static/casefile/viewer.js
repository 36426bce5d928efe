// Keyboard navigation of the case-file viewer: j / → next page, k / ← previous page, / search.
(function () {
  "use strict";
  var root = document.getElementById("cf-viewer");
  if (!root) { return; }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var tag = target && target.tagName ? target.tagName.toLowerCase() : "";
    if (tag === "input" || tag === "textarea" || tag === "select" || (target && target.isContentEditable)) { return; }
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var go = null;
    if (event.key === "j" || event.key === "ArrowRight") { go = root.dataset.next; }
    if (event.key === "k" || event.key === "ArrowLeft") { go = root.dataset.prev; }
    if (event.key === "/") {
      var search = document.getElementById("cf-search");
      if (search) { event.preventDefault(); search.focus(); }
      return;
    }
    if (go) { event.preventDefault(); window.location.search = go.replace(/^\?/, ""); }
  });
})();
