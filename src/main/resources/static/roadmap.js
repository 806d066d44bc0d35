// The roadmap's drags: cards between the Now / Next / Later columns (horizon), and timeline bars
// sideways (dates). Each move is saved at once; the server answers plain text: the dependency
// warnings of the saved move, or why it was refused, in which case the move is rolled back.
(function () {
  "use strict";
  var say = window.hatrackToast || function (m) { window.alert(m); };

  function post(url, csrf, fields) {
    var body = new URLSearchParams();
    body.set("_csrf", csrf);
    Object.keys(fields).forEach(function (k) { body.set(k, fields[k]); });
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": csrf },
      body: body.toString(),
      credentials: "same-origin"
    });
  }

  // ---- Now / Next / Later ------------------------------------------------------------------
  var board = document.querySelector("[data-roadmap-board]");
  if (board && typeof Sortable !== "undefined" && board.getAttribute("data-can-edit") === "true") {
    var moveUrl = board.getAttribute("data-move-url");
    var csrf = board.getAttribute("data-csrf");
    var counts = function () {
      board.querySelectorAll(".board-column").forEach(function (col) {
        var c = col.querySelector(".count");
        if (c) { c.textContent = col.querySelectorAll(".card").length; }
      });
    };
    board.querySelectorAll("ol.cards").forEach(function (list) {
      Sortable.create(list, {
        group: "roadmap",
        animation: 120,
        forceFallback: true,
        fallbackOnBody: true,
        ghostClass: "card-ghost",
        onEnd: function (evt) {
          if (evt.from === evt.to) { return; }
          var card = evt.item;
          var horizon = evt.to.getAttribute("data-horizon");
          card.classList.add("saving");
          post(moveUrl + encodeURIComponent(card.getAttribute("data-key")) + "/move", csrf, {
            horizon: horizon,
            version: card.getAttribute("data-version")
          }).then(function (res) {
            card.classList.remove("saving");
            return res.text().then(function (text) {
              if (res.ok) {
                var v = res.headers.get("X-Item-Version");
                if (v) { card.setAttribute("data-version", v); }
                counts();
                say(text ? "Moved to " + evt.to.getAttribute("data-title") + ". " + text
                         : "Moved " + card.getAttribute("data-key") + " to " + evt.to.getAttribute("data-title") + ".",
                    text ? "error" : "status");
                return;
              }
              rollBack(evt, text || "The move was refused.");
            });
          }).catch(function () {
            card.classList.remove("saving");
            rollBack(evt, "Hatrack could not be reached; the card is back where it was.");
          });
        }
      });
    });
    var rollBack = function (evt, message) {
      var card = evt.item;
      var ref = evt.from.children[evt.oldIndex] || null;
      if (ref === card) { ref = ref.nextElementSibling; }
      evt.from.insertBefore(card, ref);
      counts();
      say(message, "error");
    };
  }

  // ---- Timeline ----------------------------------------------------------------------------
  var timeline = document.querySelector("[data-timeline]");
  if (!timeline) { return; }
  var svg = timeline.querySelector("svg");
  if (!svg) { return; }
  var pxPerDay = parseFloat(svg.getAttribute("data-px-per-day"));
  var url = timeline.getAttribute("data-dates-url");
  var tcsrf = timeline.getAttribute("data-csrf");
  var editable = timeline.getAttribute("data-can-edit") === "true";
  var DAY = 86400000;

  function shift(iso, days) {
    var p = iso.split("-");
    var d = new Date(Date.UTC(+p[0], +p[1] - 1, +p[2]) + days * DAY);
    return d.toISOString().slice(0, 10);
  }
  function open(bar) {
    window.location.href = timeline.getAttribute("data-entry-url") +
      encodeURIComponent(bar.getAttribute("data-key")) + "?from=timeline";
  }
  function scale() {
    var m = svg.getScreenCTM();
    return m && m.a ? m.a : 1;
  }

  var drag = null;
  svg.addEventListener("pointerdown", function (e) {
    var bar = e.target.closest("g.bar");
    if (!bar || e.button !== 0) { return; }
    drag = { bar: bar, x: e.clientX, dx: 0, days: 0, id: e.pointerId };
    if (editable) { svg.setPointerCapture(e.pointerId); bar.classList.add("dragging"); }
    e.preventDefault();
  });
  svg.addEventListener("pointermove", function (e) {
    if (!drag || !editable) { return; }
    drag.dx = (e.clientX - drag.x) / scale();
    drag.days = Math.round(drag.dx / pxPerDay);
    drag.bar.setAttribute("transform", "translate(" + (drag.days * pxPerDay) + " 0)");
  });
  svg.addEventListener("pointerup", function () {
    if (!drag) { return; }
    var d = drag;
    drag = null;
    d.bar.classList.remove("dragging");
    if (d.days === 0) { d.bar.removeAttribute("transform"); open(d.bar); return; }
    var bar = d.bar;
    var start = shift(bar.getAttribute("data-start"), d.days);
    var end = shift(bar.getAttribute("data-end"), d.days);
    bar.classList.add("saving");
    post(url + encodeURIComponent(bar.getAttribute("data-key")) + "/dates", tcsrf, {
      start_date: start,
      end_date: end,
      version: bar.getAttribute("data-version")
    }).then(function (res) {
      bar.classList.remove("saving");
      return res.text().then(function (text) {
        if (!res.ok) {
          bar.removeAttribute("transform");
          say(text || "The move was refused.", "error");
          return;
        }
        var v = res.headers.get("X-Item-Version");
        if (v) { bar.setAttribute("data-version", v); }
        bar.setAttribute("data-start", start);
        bar.setAttribute("data-end", end);
        // Outline the bars that now start before an item they depend on ends (the sentences
        // name them first: KEY “title” starts on ...).
        var warned = {};
        var re = /(\S+) \u201c[^\u201d]*\u201d starts on/g;
        var m;
        while ((m = re.exec(text)) !== null) { warned[m[1]] = true; }
        bar.classList.toggle("bar-warning", !!warned[bar.getAttribute("data-key")]);
        Object.keys(warned).forEach(function (key) {
          svg.querySelectorAll("g.bar").forEach(function (g) {
            if (g.getAttribute("data-key") === key) { g.classList.add("bar-warning"); }
          });
        });
        say(text ? "Rescheduled to " + start + " \u2013 " + end + ", but: " + text
                 : "Rescheduled " + bar.getAttribute("data-key") + " to " + start + " \u2013 " + end + ".",
            text ? "error" : "status");
      });
    }).catch(function () {
      bar.classList.remove("saving");
      bar.removeAttribute("transform");
      say("Hatrack could not be reached; the bar is back where it was.", "error");
    });
  });
  svg.addEventListener("keydown", function (e) {
    var bar = e.target.closest("g.bar");
    if (bar && e.key === "Enter") { open(bar); }
  });
})();
