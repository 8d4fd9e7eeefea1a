// Live updates for the staff console: server-sent events trigger a refresh of the page's [data-live] regions
// (forms stay untouched, so nothing typed is lost). Pages with data-poll also refresh on a timer.
(function () {
  "use strict";
  var indicator = document.getElementById("live");
  var busy = false, again = false;

  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(window.location.href, { credentials: "same-origin", headers: { "X-Console-Refresh": "1" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll("[data-live]").forEach(function (region) {
          var next = fresh.getElementById(region.id);
          if (next && next.innerHTML !== region.innerHTML) {
            // A transcript the reader had scrolled to its end stays at its end when new lines arrive.
            var pinned = region.querySelector("[data-follow]");
            var atEnd = pinned && pinned.scrollTop + pinned.clientHeight >= pinned.scrollHeight - 8;
            region.innerHTML = next.innerHTML;
            var follow = region.querySelector("[data-follow]");
            if (follow && atEnd) follow.scrollTop = follow.scrollHeight;
          }
        });
      })
      .catch(function () { /* the next event or tick tries again */ })
      .finally(function () { busy = false; if (again) { again = false; refresh(); } });
  }

  if (document.querySelector("[data-live]") && window.EventSource) {
    var source = new EventSource("/console/events");
    // The badge's words come from the page (the staff member's language).
    source.onopen = function () { if (indicator) { indicator.textContent = indicator.getAttribute("data-on"); indicator.className = "on"; } };
    source.onerror = function () { if (indicator) { indicator.textContent = indicator.getAttribute("data-reconnecting"); indicator.className = ""; } };
    ["escalation", "conversation", "case"].forEach(function (name) { source.addEventListener(name, refresh); });
  }
  // A transcript opens at its latest message.
  document.querySelectorAll("[data-follow]").forEach(function (box) { box.scrollTop = box.scrollHeight; });
  var poll = document.body.getAttribute("data-poll");
  if (poll) window.setInterval(refresh, Math.max(1000, parseInt(poll, 10) || 3000));
})();
