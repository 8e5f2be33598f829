// Live regions: every element with data-live-url asks for its JSON state every 1.5 s with
// If-None-Match; on 200 it fills the children marked data-live-field. No framework.
(function () {
  "use strict";
  function watch(region) {
    var url = region.getAttribute("data-live-url");
    var etag = null;
    var lastState = null;
    function tick() {
      var headers = etag ? { "If-None-Match": etag } : {};
      fetch(url, { headers: headers, credentials: "same-origin", cache: "no-store" })
        .then(function (response) {
          if (response.status === 200) {
            etag = response.headers.get("ETag");
            return response.json();
          }
          return null;
        })
        .then(function (state) {
          if (!state) { return; }
          region.querySelectorAll("[data-live-field]").forEach(function (el) {
            var value = state[el.getAttribute("data-live-field")];
            el.textContent = value === undefined || value === null ? "" : value;
          });
          var page = region.getAttribute("data-live-page");
          if (page && lastState && lastState !== state.state) { window.location.assign(page); }
          lastState = state.state;
        })
        .catch(function () { /* offline for a moment: try again next tick */ })
        .then(function () { window.setTimeout(tick, 1500); });
    }
    tick();
  }
  document.querySelectorAll("[data-live-url]").forEach(watch);
})();

// The ballot: one submit only. A second click while the first is under way does nothing; if the
// answer is lost, reloading resends the same key and gets the same receipt back.
(function () {
  "use strict";
  var ballot = document.getElementById("phieu");
  if (!ballot) { return; }
  ballot.addEventListener("submit", function (event) {
    if (ballot.getAttribute("data-sent")) { event.preventDefault(); return; }
    ballot.setAttribute("data-sent", "1");
    var button = ballot.querySelector("button[type=submit]");
    if (button) { button.setAttribute("aria-disabled", "true"); button.textContent = "Đang gửi phiếu…"; }
  });
})();
