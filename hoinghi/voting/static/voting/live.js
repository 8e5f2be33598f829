// The voting page's own script (the live regions are followed by the shared poller,
// hoinghi/static/hoinghi/live.js).
// The ballot: one submit only, sent in the background with its idempotency key. While the
// server or its database is away (503, 502, 504, no answer) the page says it is reconnecting
// and resends the very same form, same key, so the vote is counted once and the receipt is the
// same. A refusal (already voted, closed, ...) is shown and not resent. Without JavaScript the
// form posts as usual; reloading resends the same key.
(function () {
  "use strict";
  var ballot = document.getElementById("phieu");
  if (!ballot || !window.fetch || !window.FormData) { return; }
  var button = ballot.querySelector("button[type=submit]");
  var status = document.createElement("p");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  status.className = "muted ballot-status";
  ballot.appendChild(status);
  var sending = false;

  function say(text, bad) {
    status.textContent = text;
    status.classList.toggle("bad", Boolean(bad));
  }
  function release() {
    sending = false;
    if (button) { button.removeAttribute("aria-disabled"); button.textContent = button.getAttribute("data-label"); }
  }
  function showReceipt(answer) {
    var card = document.createElement("section");
    card.className = "card ok";
    card.setAttribute("role", "status");
    var title = document.createElement("h2");
    title.textContent = "Đã bỏ phiếu";
    var line = document.createElement("p");
    line.textContent = "Mã biên nhận của đồng chí: ";
    var code = document.createElement("strong");
    code.className = "big receipt";
    code.id = "ma-bien-nhan";
    code.textContent = answer.display || answer.receipt;
    line.appendChild(code);
    var note = document.createElement("p");
    note.className = "muted";
    note.textContent = "Ghi lại mã này. Sau khi kết thúc, danh sách mã biên nhận được công bố để đồng chí tự kiểm tra phiếu của mình đã được tính.";
    card.appendChild(title);
    card.appendChild(line);
    card.appendChild(note);
    ballot.replaceWith(card);
  }
  function send(body, attempt) {
    fetch(ballot.action, {
      method: "POST", body: body, credentials: "same-origin", cache: "no-store",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if ([502, 503, 504].indexOf(response.status) >= 0) { throw new Error("away"); }
      if (type.indexOf("application/json") < 0) {
        if (response.ok) { window.location.assign(response.url); return null; }  // a page's redirect
        if (response.status === 403) { say("Trang đã cũ: hãy tải lại trang rồi bỏ phiếu.", true); }
        else { say("Máy chủ gặp lỗi (" + response.status + "): hãy tải lại trang.", true); }
        release();
        return null;
      }
      return response.json().then(function (answer) {
        if (response.ok && answer.receipt) { showReceipt(answer); return; }
        say(answer.message || "Phiếu không được ghi.", true);
        release();
      });
    }).catch(function () {
      var wait = Math.min(1000 * Math.pow(2, attempt), 8000);
      say("Mất kết nối tới máy chủ: đang kết nối lại (lần " + (attempt + 1) + ")… Phiếu chưa được ghi; đồng chí không cần bấm lại.", true);
      window.setTimeout(function () { send(body, attempt + 1); }, wait);
    });
  }
  ballot.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sending) { return; }
    if (typeof ballot.reportValidity === "function" && !ballot.reportValidity()) { return; }
    sending = true;
    if (button) {
      button.setAttribute("data-label", button.textContent);
      button.setAttribute("aria-disabled", "true");
      button.textContent = "Đang gửi phiếu…";
    }
    say("");
    send(new FormData(ballot), 0);
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
