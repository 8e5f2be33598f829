// Follow a staff import running in the background: ask its state every two seconds, show the
// progress, and reload the page when it has ended (the page then shows the outcome).
(function () {
  var box = document.getElementById("tien-do-nhap");
  if (!box) { return; }
  function show(data) {
    box.querySelector("[data-field=progress]").textContent = data.progress.toLocaleString("vi-VN");
    box.querySelector("progress").value = data.percent;
    box.querySelector("[data-field=writing]").hidden = data.progress < data.rows;
    if (data.done || data.stalled) { window.location.reload(); return false; }
    return true;
  }
  function tick() {
    fetch(box.getAttribute("data-url"), {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (data) { if (show(data)) { setTimeout(tick, 2000); } })
      .catch(function () { setTimeout(tick, 5000); });
  }
  setTimeout(tick, 1000);
})();
