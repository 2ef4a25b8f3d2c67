// triptych serve: the filter box, the option selectors and live reload.
// Hand-written, no build step. Pages work without it; it only saves
// clicks and the manual reload.
(function () {
  "use strict";

  // Filter the index as one types; the form's ?q= does the same without
  // scripts.
  function bindFilter() {
    var box = document.getElementById("filter");
    var table = document.getElementById("articles");
    if (!box || !table) return;
    var apply = function () {
      var q = box.value.trim().toLowerCase();
      table.querySelectorAll("tbody tr[data-search]").forEach(function (tr) {
        tr.hidden = q !== "" && tr.getAttribute("data-search").indexOf(q) < 0;
      });
    };
    box.addEventListener("input", apply);
    apply();
  }

  // A changed selector shows the preview at once.
  function bindSelectors() {
    document.querySelectorAll("form.variant select").forEach(function (sel) {
      sel.addEventListener("change", function () { sel.form.submit(); });
    });
  }

  function bind() { bindFilter(); bindSelectors(); }

  // refresh fetches the page again and swaps its main part in, so the
  // scroll position, the filter text and the event stream stay.
  var refreshing = false, again = false;
  function refresh(url) {
    if (refreshing) { again = true; return; }
    refreshing = true;
    var filter = document.getElementById("filter");
    var typed = filter ? filter.value : null;
    fetch(url || location.href, { cache: "no-store", credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var next = doc.getElementById("main");
        var cur = document.getElementById("main");
        if (!next || !cur) { location.reload(); return; }
        cur.replaceWith(document.adoptNode(next));
        document.title = doc.title;
        var f = document.getElementById("filter");
        if (f && typed !== null) f.value = typed;
        bind();
        document.dispatchEvent(new CustomEvent("triptych:refreshed"));
      })
      .catch(function () { location.reload(); })
      .finally(function () {
        refreshing = false;
        if (again) { again = false; refresh(); }
      });
  }

  function live() {
    var badge = document.getElementById("live");
    if (!window.EventSource) {
      if (badge) badge.textContent = "no live reload";
      return;
    }
    var page = document.body.getAttribute("data-page");
    var slug = document.body.getAttribute("data-slug");
    var es = new EventSource("/events");
    es.onopen = function () { if (badge) badge.className = "live on"; };
    es.onerror = function () { if (badge) badge.className = "live off"; };
    es.addEventListener("article", function (e) {
      var ev;
      try { ev = JSON.parse(e.data); } catch (err) { return; }
      if (page === "index") { refresh(); return; }
      if (page !== "article" || ev.slug !== slug) return;
      var path = location.pathname;
      if (ev.url && ev.url !== path) {
        // The slug changed: follow the article to its new address.
        history.replaceState(null, "", ev.url + location.search);
        document.body.setAttribute("data-slug", ev.url.split("/").pop());
      }
      refresh();
    });
  }

  document.addEventListener("DOMContentLoaded", function () { bind(); live(); });
})();
