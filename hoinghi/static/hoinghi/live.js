// The one live poller of every page that follows something changing on the server (a poll,
// the conference's screens, a staff import, a batch of documents). No framework.
//
// A container with data-live-url asks that URL again and again (with If-None-Match, so an
// unchanged state costs an empty 304) and, on a new state:
//   data-live-html              the answer is HTML: it replaces the container's content
//                               (server-drawn screens such as the projector);
//   otherwise the answer is JSON and, inside the container,
//     [data-live-field=name]    shows state[name] (on a <progress>, sets its value);
//     [data-live-show=name]     is shown when state[name] is true, hidden otherwise;
//     [data-live-hide=name]     is hidden when state[name] is true.
// How often and until when:
//   data-live-etag='"v"'        the ETag of the state the page was drawn with (the first
//                               answer is then a 304, not a redraw of what is shown);
//   data-live-every=ms          the interval (default 1500);
//   data-live-while="k:a,b"     keep asking only while state[k] is one of a, b;
//   data-live-reload-when=name  reload the page once state[name] is true;
//   data-live-page=url          go to url when state.state changes (a vote opened or closed).
// A failed request (offline for a moment) is tried again after a longer pause.
(function () {
  "use strict";

  function apply(region, state) {
    region.querySelectorAll("[data-live-field]").forEach(function (el) {
      var value = state[el.getAttribute("data-live-field")];
      if (value === undefined) { return; }
      if (el.tagName === "PROGRESS") { el.value = Number(value) || 0; return; }
      el.textContent = value === null ? "" : value;
    });
    region.querySelectorAll("[data-live-show]").forEach(function (el) {
      el.hidden = !state[el.getAttribute("data-live-show")];
    });
    region.querySelectorAll("[data-live-hide]").forEach(function (el) {
      el.hidden = Boolean(state[el.getAttribute("data-live-hide")]);
    });
  }

  function keepGoing(region, state) {
    var rule = region.getAttribute("data-live-while");
    if (!rule) { return true; }
    var parts = rule.split(":");
    return parts[1].split(",").indexOf(String(state[parts[0]])) !== -1;
  }

  function watch(region) {
    var url = region.getAttribute("data-live-url");
    var every = Number(region.getAttribute("data-live-every")) || 1500;
    var html = region.hasAttribute("data-live-html");
    var etag = region.getAttribute("data-live-etag");
    var lastState = null;

    function received(body) {
      if (html) { region.innerHTML = body; return true; }
      apply(region, body);
      var reloadWhen = region.getAttribute("data-live-reload-when");
      if (reloadWhen && body[reloadWhen]) { window.location.reload(); return false; }
      var page = region.getAttribute("data-live-page");
      if (page && lastState !== null && lastState !== body.state) {
        window.location.assign(page);
        return false;
      }
      lastState = body.state;
      return keepGoing(region, body);
    }

    function tick() {
      var headers = { "Accept": html ? "text/html" : "application/json" };
      if (etag) { headers["If-None-Match"] = etag; }
      fetch(url, { headers: headers, credentials: "same-origin", cache: "no-store" })
        .then(function (response) {
          if (response.status === 304) { return null; }
          if (!response.ok) { throw new Error(String(response.status)); }
          etag = response.headers.get("ETag");
          return html ? response.text() : response.json();
        })
        .then(function (body) {
          if (body === null || received(body)) { window.setTimeout(tick, every); }
        })
        .catch(function () { window.setTimeout(tick, Math.max(every * 2, 5000)); });
    }
    tick();
  }

  document.querySelectorAll("[data-live-url]").forEach(watch);
})();
