// The definition hat's board: drag a card to another column or position. The move is saved at
// once; if the server refuses it (a move the workflow does not allow, a value the field does not
// take, or someone else changed the item), the card goes back where it was and the reason is
// shown. Each column says what moving a card there sends (data-move) and, on a board by status,
// which columns its cards may move to (data-next); a card that must stay in its column carries
// data-fixed. No inline scripts (CSP).
(function () {
  "use strict";
  var board = document.querySelector("[data-board]");
  if (!board || typeof Sortable === "undefined") { return; }
  var moveUrl = board.getAttribute("data-move-url");
  var csrf = board.getAttribute("data-csrf");
  var say = window.hatrackToast || function (m) { window.alert(m); };

  function counts() {
    board.querySelectorAll(".board-column").forEach(function (col) {
      var c = col.querySelector(".count");
      if (c) { c.textContent = col.querySelectorAll(".card").length; }
    });
  }

  function allowed(from, card, list) {
    if (list === from) { return true; }
    if (card.hasAttribute("data-fixed")) { return false; }
    var next = from.getAttribute("data-next");
    if (next === null) { return true; }
    return next.split(",").indexOf(list.getAttribute("data-column")) >= 0;
  }

  board.querySelectorAll("ol.cards").forEach(function (list) {
    Sortable.create(list, {
      group: "board",
      animation: 120,
      // Mouse and touch events rather than the browser's drag-and-drop API: the same on every
      // browser and device, and scriptable by the browser tests.
      forceFallback: true,
      fallbackOnBody: true,
      ghostClass: "card-ghost",
      onMove: function (evt) {
        var ok = allowed(evt.from, evt.dragged, evt.to);
        evt.to.closest(".board-column").classList.toggle("drop-refused", !ok);
        return ok;
      },
      onStart: function (evt) {
        board.classList.add("dragging");
        board.querySelectorAll("ol.cards").forEach(function (l) {
          l.closest(".board-column").classList.toggle("drop-allowed", allowed(evt.from, evt.item, l));
        });
      },
      onEnd: function (evt) {
        board.classList.remove("dragging");
        board.querySelectorAll(".board-column").forEach(function (c) {
          c.classList.remove("drop-allowed", "drop-refused");
        });
        if (evt.from === evt.to && evt.oldIndex === evt.newIndex) { return; }
        var card = evt.item;
        var prev = card.previousElementSibling;
        var next = card.nextElementSibling;
        var body = new URLSearchParams();
        body.set("_csrf", csrf);
        body.set("version", card.getAttribute("data-version"));
        new URLSearchParams(evt.to.getAttribute("data-move") || "").forEach(function (value, name) {
          body.set(name, value);
        });
        body.set("before", prev ? prev.getAttribute("data-key") : "");
        body.set("after", next ? next.getAttribute("data-key") : "");
        card.classList.add("saving");
        fetch(moveUrl + encodeURIComponent(card.getAttribute("data-key")) + "/move", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": csrf },
          body: body.toString(),
          credentials: "same-origin"
        }).then(function (res) {
          card.classList.remove("saving");
          if (res.ok) {
            var v = res.headers.get("X-Item-Version");
            if (v) { card.setAttribute("data-version", v); }
            counts();
            return;
          }
          return res.text().then(function (text) { rollBack(evt, text || "The move was refused."); });
        }).catch(function () {
          card.classList.remove("saving");
          rollBack(evt, "Hatrack could not be reached; the card is back where it was.");
        });
      }
    });
  });

  function rollBack(evt, message) {
    var card = evt.item;
    var ref = evt.from.children[evt.oldIndex] || null;
    if (ref === card) { ref = ref.nextElementSibling; }
    evt.from.insertBefore(card, ref);
    counts();
    say(message, "error");
  }
})();
