/* Hatrack prototypes: drawing hotspots in the editor, keys and hints while playing.
   Everything works without this file (forms and links); it only makes both quicker. */
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  // ---- Editor: drag a rectangle on the screen to fill in the hotspot form --------------------
  function svgPoint(svg, event) {
    var pt = svg.createSVGPoint();
    pt.x = event.clientX;
    pt.y = event.clientY;
    var p = pt.matrixTransform(svg.getScreenCTM().inverse());
    var w = Number(svg.getAttribute("data-width"));
    var h = Number(svg.getAttribute("data-height"));
    return { x: Math.min(Math.max(p.x, 0), w), y: Math.min(Math.max(p.y, 0), h), w: w, h: h };
  }

  function percent(value, whole) {
    return (Math.round(value / whole * 10000) / 100).toString();
  }

  function setRect(rect, a, b) {
    rect.setAttribute("x", Math.min(a.x, b.x));
    rect.setAttribute("y", Math.min(a.y, b.y));
    rect.setAttribute("width", Math.abs(b.x - a.x));
    rect.setAttribute("height", Math.abs(b.y - a.y));
  }

  function drawingRect(svg) {
    var rect = svg.querySelector("rect.proto-drawing");
    if (!rect) {
      rect = document.createElementNS(SVG_NS, "rect");
      rect.setAttribute("class", "proto-drawing");
      rect.setAttribute("rx", "4");
      svg.appendChild(rect);
    }
    return rect;
  }

  function fillForm(form, svg, rect) {
    var w = Number(svg.getAttribute("data-width"));
    var h = Number(svg.getAttribute("data-height"));
    form.elements.x.value = percent(Number(rect.getAttribute("x")), w);
    form.elements.y.value = percent(Number(rect.getAttribute("y")), h);
    form.elements.w.value = percent(Number(rect.getAttribute("width")), w);
    form.elements.h.value = percent(Number(rect.getAttribute("height")), h);
  }

  document.querySelectorAll("svg[data-draw]").forEach(function (svg) {
    var form = document.querySelector("form[data-hotspot-form]");
    if (!form) { return; }
    var start = null;
    var rect = null;
    svg.addEventListener("pointerdown", function (e) {
      if (e.button !== 0 || e.target.closest("a.hotspot")) { return; }
      e.preventDefault();
      start = svgPoint(svg, e);
      rect = drawingRect(svg);
      setRect(rect, start, start);
      svg.setPointerCapture(e.pointerId);
    });
    svg.addEventListener("pointermove", function (e) {
      if (!start) { return; }
      setRect(rect, start, svgPoint(svg, e));
    });
    function finish(e) {
      if (!start) { return; }
      var end = svgPoint(svg, e);
      setRect(rect, start, end);
      var tiny = Math.abs(end.x - start.x) < start.w / 200 || Math.abs(end.y - start.y) < start.h / 200;
      start = null;
      if (tiny) {
        rect.remove();
        return;
      }
      fillForm(form, svg, rect);
      var target = form.elements.target_screen_id;
      if (target) { target.focus({ preventScroll: true }); }
      form.scrollIntoView({ behavior: "smooth", block: "nearest" });
    }
    svg.addEventListener("pointerup", finish);
    svg.addEventListener("pointercancel", function () { start = null; if (rect) { rect.remove(); } });

    // Typing numbers moves the rectangle too, so both ways show the same thing.
    form.addEventListener("input", function (e) {
      if (!/^[xywh]$/.test(e.target.name)) { return; }
      var w = Number(svg.getAttribute("data-width"));
      var h = Number(svg.getAttribute("data-height"));
      var v = ["x", "y", "w", "h"].map(function (n) { return Number(form.elements[n].value); });
      if (v.some(function (n) { return !isFinite(n); })) { return; }
      var r = drawingRect(svg);
      r.setAttribute("x", v[0] / 100 * w);
      r.setAttribute("y", v[1] / 100 * h);
      r.setAttribute("width", Math.max(0, v[2]) / 100 * w);
      r.setAttribute("height", Math.max(0, v[3]) / 100 * h);
    });
  });

  // ---- Playing: keys, and a hint where the hotspots are when a click misses them --------------
  var play = document.querySelector("[data-play]");
  if (!play) { return; }

  function follow(selector) {
    var link = play.querySelector(selector);
    if (link) { window.location.href = link.getAttribute("href"); }
  }

  document.addEventListener("keydown", function (e) {
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (e.key === "ArrowLeft") {
      follow("a[rel=prev]");
    } else if (e.key === "ArrowRight") {
      follow("a[rel=next]");
    } else if (e.key === "Backspace") {
      e.preventDefault();
      window.history.back();
    } else if (e.key === "h" || e.key === "H") {
      var toggle = document.getElementById("proto-outlines");
      if (toggle) { toggle.checked = !toggle.checked; }
    }
  });

  var stage = play.querySelector("[data-stage]");
  if (stage) {
    stage.addEventListener("click", function (e) {
      if (e.target.closest("a.hotspot")) { return; }
      stage.classList.remove("hint");
      void stage.getBoundingClientRect();
      stage.classList.add("hint");
      window.setTimeout(function () { stage.classList.remove("hint"); }, 900);
    });
  }
})();
