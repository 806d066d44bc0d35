// The planning hat's backlog: drag rows to change the manual rank (saved at once, put back with a
// message when refused).
(function () {
  "use strict";

  function init() {
    var table = document.querySelector("table.pl-backlog[data-sortable='true']");
    if (!table || typeof Sortable === "undefined") { return; }
    var body = table.querySelector("tbody");
    var csrf = table.getAttribute("data-csrf");
    var moveUrl = table.getAttribute("data-move-url");
    var status = document.querySelector(".pl-status");
    function say(text) { if (status) { status.textContent = text; } }
    Sortable.create(body, {
      handle: ".pl-handle",
      animation: 120,
      onEnd: function (evt) {
        if (evt.oldIndex === evt.newIndex) { return; }
        var row = evt.item;
        var prev = row.previousElementSibling;
        var next = row.nextElementSibling;
        var form = new URLSearchParams();
        form.set("_csrf", csrf);
        form.set("version", row.getAttribute("data-version"));
        form.set("before", prev ? prev.getAttribute("data-key") : "");
        form.set("after", next ? next.getAttribute("data-key") : "");
        fetch(moveUrl + encodeURIComponent(row.getAttribute("data-key")) + "/move", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": csrf },
          body: form.toString(),
          credentials: "same-origin"
        }).then(function (res) {
          if (res.ok) {
            var v = res.headers.get("X-Item-Version");
            if (v) { row.setAttribute("data-version", v); }
            say("Saved the new rank.");
            return;
          }
          return res.text().then(function (text) {
            var ref = body.children[evt.oldIndex < evt.newIndex ? evt.oldIndex : evt.oldIndex + 1] || null;
            body.insertBefore(row, ref);
            say("Not moved: " + text);
          });
        }).catch(function () {
          var ref = body.children[evt.oldIndex < evt.newIndex ? evt.oldIndex : evt.oldIndex + 1] || null;
          body.insertBefore(row, ref);
          say("Not moved: the server could not be reached.");
        });
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
