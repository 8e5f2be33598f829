// The check-in desk: the search box filters the list as one types (accents optional: "nguyen
// van a" finds "Nguyễn Văn A"), and a check-in posts that one row and updates it in place,
// so the list is not reloaded and the search stays. Without script the page works by posts.
(function () {
  "use strict";
  var box = document.getElementById("tim-nguoi-du");
  var table = document.getElementById("bang-nguoi-du");
  if (!box || !table) { return; }
  var said = document.getElementById("ket-qua-tim");

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function filter() {
    var wanted = fold(box.value);
    var shown = 0;
    table.querySelectorAll("tbody tr[data-search]").forEach(function (row) {
      var match = !wanted || row.getAttribute("data-search").indexOf(wanted) !== -1;
      row.hidden = !match;
      if (match) { shown += 1; }
    });
    if (said) { said.textContent = wanted ? shown + " người khớp với “" + box.value + "”." : ""; }
  }
  box.addEventListener("input", filter);

  function label(form, present) {
    var button = form.querySelector("button");
    var name = button.getAttribute("data-name") ||
      button.textContent.replace(/^(Hủy điểm danh|Điểm danh) /, "");
    button.setAttribute("data-name", name);
    if (present) {
      button.name = "undo"; button.value = "1"; button.className = "secondary";
      button.textContent = "Hủy điểm danh " + name;
    } else {
      button.removeAttribute("name"); button.className = "";
      button.textContent = "Điểm danh " + name;
    }
  }

  table.querySelectorAll("form.desk-checkin").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (form.getAttribute("aria-busy") === "true") { return; }
      var data = new FormData(form);
      var button = event.submitter || form.querySelector("button");
      if (button && button.name) { data.append(button.name, button.value); }
      form.setAttribute("aria-busy", "true");
      fetch(window.location.pathname, {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "Accept": "application/json" }
      })
        .then(function (response) { return response.json(); })
        .then(function (state) {
          var cell = form.closest("tr").querySelector("[data-checkin-state]");
          cell.textContent = "";
          var mark = document.createElement("span");
          mark.className = state.present ? "ok" : "muted";
          mark.textContent = state.present ? "Có mặt" : "Chưa";
          cell.appendChild(mark);
          if (state.time) { cell.appendChild(document.createTextNode(" " + state.time)); }
          if (state.error) { cell.appendChild(document.createTextNode(" — " + state.error)); }
          label(form, state.present);
          document.getElementById("so-co-mat").textContent = state.attendance;
          box.focus(); box.select();
        })
        .catch(function () { form.submit(); })
        .then(function () { form.removeAttribute("aria-busy"); });
    });
  });
  filter();
})();
