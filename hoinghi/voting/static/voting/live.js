// The voting page's own script (the live regions are followed by the shared poller,
// hoinghi/static/hoinghi/live.js).
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
