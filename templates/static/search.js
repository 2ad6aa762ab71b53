// The search page of galley's default theme (search: true): draws the Pagefind UI into
// #search and runs the query of the header's search box (?q=…). Pagefind loads its index with
// fetch(), which browsers refuse for pages opened as files, so there the page says to serve
// the site over HTTP instead.
(function () {
  "use strict";
  var box = document.getElementById("search");
  var unavailable = document.querySelector(".search-page__unavailable");
  if (!box) return;
  if (location.protocol === "file:" || typeof PagefindUI !== "function") {
    if (unavailable) unavailable.hidden = false;
    return;
  }
  // Pagefind's result URLs start at the site root; a site under a sub-path (/news/) gets its own.
  var root = new URL(box.getAttribute("data-home") || "../index.html", location.href).pathname.replace(/index\.html$/, "");
  var ui = new PagefindUI({
    element: "#search",
    bundlePath: box.getAttribute("data-bundle-path"),
    baseUrl: root,
    showSubResults: true,
    showImages: false,
    resetStyles: false
  });
  // Pagefind's own input has a placeholder but no label: give it the theme's.
  var label = function () {
    var input = box.querySelector("input");
    if (input && !input.hasAttribute("aria-label")) input.setAttribute("aria-label", box.getAttribute("data-label") || "Search");
  };
  label();
  new MutationObserver(label).observe(box, { childList: true, subtree: true });
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
