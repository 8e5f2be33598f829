// Poll the batch's progress every two seconds until it is done or failed.
(function () {
  var box = document.getElementById("tien-do");
  if (!box) { return; }
  function show(data) {
    box.querySelectorAll("[data-field]").forEach(function (el) {
      var value = data[el.getAttribute("data-field")];
      if (value !== undefined) { el.textContent = value; }
    });
    box.querySelector("progress").value = data.percent;
    if (data.ready) { document.getElementById("tai-lo").hidden = false; }
    return data.state === "pending" || data.state === "running";
  }
  function tick() {
    fetch(box.getAttribute("data-url"), {credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (data) { if (show(data)) { setTimeout(tick, 2000); } })
      .catch(function () { setTimeout(tick, 5000); });
  }
  tick();
})();
