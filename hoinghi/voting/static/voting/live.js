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

// An election ballot counts the names marked and says so when they are more than the seats
// (such a ballot would be invalid); the server still decides.
(function () {
  "use strict";
  var ballot = document.getElementById("phieu");
  if (!ballot || !ballot.hasAttribute("data-seats")) { return; }
  var seats = Number(ballot.getAttribute("data-seats"));
  var out = ballot.querySelector("[data-ballot-count]");
  function count() {
    var marked = ballot.querySelectorAll("input[name=kept]:checked").length;
    out.textContent = marked > seats
      ? "Đã đánh dấu " + marked + " người, nhiều hơn " + seats + ": phiếu sẽ không hợp lệ."
      : "Đã đánh dấu " + marked + "/" + seats + " người.";
    out.classList.toggle("bad", marked > seats);
  }
  ballot.addEventListener("change", count);
  count();
})();
