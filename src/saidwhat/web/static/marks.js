// Click, tap or Enter on a mark shows its attribution's record; hovering lights up all its parts.
// Records are copied from the page's own list with cloneNode: no HTML is ever built from strings.
(function () {
  "use strict";
  var text = document.getElementById("text");
  var panel = document.getElementById("panel");
  if (!text || !panel) return;

  function numbers(el) { return (el.getAttribute("data-n") || "").split(" ").filter(Boolean); }
  function light(n, cls, on) {
    var marks = text.querySelectorAll(".mk");
    for (var i = 0; i < marks.length; i++) {
      if (numbers(marks[i]).indexOf(n) >= 0) marks[i].classList.toggle(cls, on);
    }
  }
  var shown = null, cycle = 0;

  function show(el) {
    var ns = numbers(el);
    if (!ns.length) return;
    var n = ns[cycle % ns.length];
    cycle++;
    if (shown) light(shown, "on", false);
    shown = n;
    light(n, "on", true);
    var rec = document.querySelector('.records .record[data-n="' + n + '"]');
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    var close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.setAttribute("aria-label", "close");
    close.textContent = "×";
    close.addEventListener("click", function () { panel.hidden = true; light(n, "on", false); shown = null; });
    panel.appendChild(close);
    if (rec) {
      var copy = rec.cloneNode(true);
      copy.removeAttribute("id");
      panel.appendChild(copy);
    }
    panel.hidden = false;
  }

  text.addEventListener("click", function (e) {
    var el = e.target.closest(".mk");
    if (el) show(el);
  });
  text.addEventListener("keydown", function (e) {
    var el = e.target.closest(".mk");
    if (el && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); show(el); }
  });
  text.addEventListener("mouseover", function (e) {
    var el = e.target.closest(".mk");
    if (el) numbers(el).forEach(function (n) { light(n, "hover", true); });
  });
  text.addEventListener("mouseout", function (e) {
    var el = e.target.closest(".mk");
    if (el) numbers(el).forEach(function (n) { light(n, "hover", false); });
  });
})();
