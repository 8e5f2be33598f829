// Versioned polling: ask the live URL every 2 s with the last ETag; update marked fields.
(function () {
  "use strict";
  document.querySelectorAll("[data-live-url]").forEach(function (box) {
    var url = box.getAttribute("data-live-url");
    var etag = '"' + box.getAttribute("data-live-version") + '"';
    function tick() {
      fetch(url, { headers: { "If-None-Match": etag }, credentials: "same-origin" })
        .then(function (r) {
          if (r.status !== 200) { return null; }
          etag = r.headers.get("ETag") || etag;
          return r.json();
        })
        .then(function (data) {
          if (!data) { return; }
          box.querySelectorAll("[data-live-field]").forEach(function (el) {
            var value = data[el.getAttribute("data-live-field")];
            if (value !== undefined && value !== null) { el.textContent = value === "" ? "—" : value; }
          });
        })
        .catch(function () {})
        .finally(function () { setTimeout(tick, 2000); });
    }
    setTimeout(tick, 2000);
  });
})();
