// Hatrack's small script: keyboard shortcuts, the command palette, toasts, the Markdown preview,
// @mention and item-key autocomplete, and the CSRF header for htmx. No inline scripts anywhere.
(function () {
  "use strict";

  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute("content") : "";

  // ---- Theme -------------------------------------------------------------------------------
  var savedTheme = null;
  try { savedTheme = localStorage.getItem("hatrack-theme"); } catch (e) { /* private mode */ }
  if (savedTheme) { document.documentElement.setAttribute("data-theme", savedTheme); }
  document.addEventListener("click", function (e) {
    var t = e.target.closest("[data-theme-toggle]");
    if (!t) { return; }
    var dark = document.documentElement.getAttribute("data-theme") === "dark" ||
      (!document.documentElement.getAttribute("data-theme") && window.matchMedia("(prefers-color-scheme: dark)").matches);
    var next = dark ? "light" : "dark";
    document.documentElement.setAttribute("data-theme", next);
    try { localStorage.setItem("hatrack-theme", next); } catch (err) { /* ignore */ }
  });

  // ---- htmx: CSRF header, errors as toasts -------------------------------------------------
  document.addEventListener("htmx:configRequest", function (e) {
    e.detail.headers["X-CSRF-Token"] = csrf;
  });
  document.addEventListener("htmx:responseError", function (e) {
    var xhr = e.detail.xhr;
    var text = xhr && xhr.responseText ? xhr.responseText : "The request failed.";
    toast(text.length > 300 ? text.slice(0, 300) + "…" : text, "error");
  });
  document.addEventListener("htmx:sendError", function () {
    toast("Hatrack could not be reached. Check your connection and try again.", "error");
  });

  // ---- Selects that act at once (a status on an item page) --------------------------------
  document.addEventListener("change", function (e) {
    var s = e.target.closest("select[data-autosubmit]");
    if (s && s.form) { s.form.requestSubmit ? s.form.requestSubmit() : s.form.submit(); }
  });

  // ---- Toasts ------------------------------------------------------------------------------
  var toasts = document.getElementById("toasts");
  function toast(message, kind) {
    if (!toasts) { return; }
    var el = document.createElement("div");
    el.className = "toast" + (kind === "error" ? " error" : "");
    el.setAttribute("role", kind === "error" ? "alert" : "status");
    var span = document.createElement("span");
    span.textContent = message;
    el.appendChild(span);
    var close = document.createElement("button");
    close.className = "close";
    close.type = "button";
    close.setAttribute("aria-label", "Dismiss");
    close.textContent = "×";
    el.appendChild(close);
    toasts.appendChild(el);
    autoHide(el);
  }
  window.hatrackToast = toast;
  function autoHide(el) {
    setTimeout(function () { if (el.parentNode) { el.parentNode.removeChild(el); } }, 10000);
  }
  document.addEventListener("click", function (e) {
    var c = e.target.closest(".toast .close");
    if (c) { c.closest(".toast").remove(); }
  });
  document.querySelectorAll(".toast").forEach(autoHide);
  document.addEventListener("hatrack:toast", function (e) { toast(e.detail.message, e.detail.kind); });
  document.body.addEventListener("htmx:afterRequest", function (e) {
    var msg = e.detail.xhr && e.detail.xhr.getResponseHeader("X-Hatrack-Toast");
    if (msg && e.detail.successful) { toast(decodeURIComponent(msg), "success"); }
  });

  // ---- Sidebar on phones -------------------------------------------------------------------
  document.addEventListener("click", function (e) {
    var toggle = e.target.closest(".menu-toggle");
    var sidebar = document.getElementById("sidebar");
    if (!sidebar) { return; }
    if (toggle) {
      var open = sidebar.getAttribute("data-open") === "true";
      sidebar.setAttribute("data-open", open ? "false" : "true");
      toggle.setAttribute("aria-expanded", open ? "false" : "true");
    } else if (sidebar.getAttribute("data-open") === "true" && !e.target.closest("#sidebar")) {
      sidebar.setAttribute("data-open", "false");
    }
  });

  // ---- Confirmation for destructive forms --------------------------------------------------
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) { e.preventDefault(); }
  });

  // ---- Keyboard ----------------------------------------------------------------------------
  function typing(el) {
    return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
  }
  document.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && e.key === "k") { e.preventDefault(); openPalette(); return; }
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && typing(e.target) && e.target.form) {
      e.preventDefault();
      if (e.target.form.requestSubmit) { e.target.form.requestSubmit(); } else { e.target.form.submit(); }
      return;
    }
    if (e.key === "Escape" && typing(e.target) && e.target.form && e.target.form.getAttribute("data-cancel-url") &&
        !document.querySelector(".autocomplete")) {
      window.location.href = e.target.form.getAttribute("data-cancel-url");
      return;
    }
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (e.key === "/") {
      var search = document.querySelector(".search input");
      if (search) { e.preventDefault(); search.focus(); }
    } else if (e.key === "j" || e.key === "k") {
      moveRow(e.key === "j" ? 1 : -1);
    } else if (e.key === "Enter") {
      var sel = document.querySelector("tr.selected[data-href]");
      if (sel) { window.location.href = sel.getAttribute("data-href"); }
    }
  });
  function moveRow(step) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("table[data-keyboard-nav] tbody tr[data-href]"));
    if (!rows.length) { return; }
    var i = rows.findIndex(function (r) { return r.classList.contains("selected"); });
    if (i >= 0) { rows[i].classList.remove("selected"); }
    i = Math.max(0, Math.min(rows.length - 1, i + step));
    rows[i].classList.add("selected");
    rows[i].scrollIntoView({ block: "nearest" });
    var link = rows[i].querySelector("a");
    if (link) { link.focus(); }
  }

  // ---- Command palette ---------------------------------------------------------------------
  var palette = document.getElementById("palette");
  var paletteInput = palette ? palette.querySelector("input") : null;
  var paletteResults = palette ? palette.querySelector(".palette-results") : null;
  var paletteTimer = null;
  function openPalette() {
    if (!palette) { return; }
    if (!palette.open) { palette.showModal(); }
    paletteInput.value = "";
    loadPalette("");
    paletteInput.focus();
  }
  function loadPalette(q) {
    var url = palette.getAttribute("data-source") + "?q=" + encodeURIComponent(q);
    fetch(url, { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) {
        paletteResults.innerHTML = html;
        var first = paletteResults.querySelector("a");
        if (first) { first.setAttribute("aria-selected", "true"); }
      });
  }
  document.addEventListener("click", function (e) {
    if (e.target.closest("[data-palette]")) { e.preventDefault(); openPalette(); }
    if (palette && e.target === palette) { palette.close(); }
  });
  if (palette) {
    paletteInput.addEventListener("input", function () {
      clearTimeout(paletteTimer);
      paletteTimer = setTimeout(function () { loadPalette(paletteInput.value); }, 120);
    });
    paletteInput.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(paletteResults.querySelectorAll("a"));
      var i = links.findIndex(function (a) { return a.getAttribute("aria-selected") === "true"; });
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (!links.length) { return; }
        if (i >= 0) { links[i].removeAttribute("aria-selected"); }
        i = e.key === "ArrowDown" ? Math.min(links.length - 1, i + 1) : Math.max(0, i - 1);
        links[i].setAttribute("aria-selected", "true");
        links[i].scrollIntoView({ block: "nearest" });
      } else if (e.key === "Enter") {
        e.preventDefault();
        if (i >= 0) { window.location.href = links[i].getAttribute("href"); }
      }
    });
  }

  // ---- Markdown editor: write / preview ----------------------------------------------------
  document.addEventListener("click", function (e) {
    var tab = e.target.closest(".editor-tabs button");
    if (!tab) { return; }
    var editor = tab.closest(".md-editor");
    var textarea = editor.querySelector("textarea");
    var preview = editor.querySelector(".preview-pane");
    var showPreview = tab.getAttribute("data-tab") === "preview";
    editor.querySelectorAll(".editor-tabs button").forEach(function (b) {
      b.setAttribute("aria-selected", b === tab ? "true" : "false");
    });
    textarea.hidden = showPreview;
    preview.hidden = !showPreview;
    if (showPreview) {
      preview.textContent = "Rendering…";
      var body = new URLSearchParams();
      body.set("body", textarea.value);
      body.set("workspace", editor.getAttribute("data-workspace") || "");
      fetch("/markdown/preview", {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRF-Token": csrf, "HX-Request": "true", "Content-Type": "application/x-www-form-urlencoded" },
        body: body.toString()
      }).then(function (r) { return r.text().then(function (t) { return { ok: r.ok, text: t }; }); })
        .then(function (res) {
          if (res.ok) { preview.innerHTML = res.text || "<p class=\"muted\">Nothing to preview yet.</p>"; }
          else { preview.textContent = res.text; }
        });
    } else {
      textarea.focus();
    }
  });

  // ---- Autocomplete of @mentions and item keys ---------------------------------------------
  var list = null;
  var active = null;
  function closeList() { if (list) { list.remove(); list = null; active = null; } }
  function tokenBefore(textarea) {
    var upto = textarea.value.slice(0, textarea.selectionStart);
    var m = /(^|[\s(])@([a-z0-9_]{0,30})$/.exec(upto);
    if (m) { return { kind: "mention", text: m[2], start: upto.length - m[2].length - 1 }; }
    m = /(^|[\s(])([A-Z][A-Z0-9]{1,9}-\d*)$/.exec(upto);
    if (m) { return { kind: "item", text: m[2], start: upto.length - m[2].length }; }
    return null;
  }
  document.addEventListener("input", function (e) {
    var textarea = e.target;
    if (!textarea.matches || !textarea.matches("textarea[data-suggest]")) { return; }
    var token = tokenBefore(textarea);
    if (!token) { closeList(); return; }
    var url = textarea.getAttribute("data-suggest") + "?kind=" + token.kind + "&q=" + encodeURIComponent(token.text);
    fetch(url, { credentials: "same-origin", headers: { "HX-Request": "true" } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (options) {
        closeList();
        if (!options.length) { return; }
        list = document.createElement("ul");
        list.className = "autocomplete";
        list.setAttribute("role", "listbox");
        options.forEach(function (o, i) {
          var li = document.createElement("li");
          li.setAttribute("role", "option");
          li.setAttribute("data-value", o.value);
          if (i === 0) { li.setAttribute("aria-selected", "true"); }
          var label = document.createElement("span");
          label.textContent = o.label;
          var sub = document.createElement("span");
          sub.className = "sub";
          sub.textContent = o.sub || "";
          li.appendChild(label);
          li.appendChild(sub);
          li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(textarea, token, o.value); });
          list.appendChild(li);
        });
        var rect = textarea.getBoundingClientRect();
        list.style.left = (rect.left + window.scrollX + 12) + "px";
        list.style.top = (rect.bottom + window.scrollY - 8) + "px";
        document.body.appendChild(list);
        active = { textarea: textarea, token: token };
      });
  });
  function choose(textarea, token, value) {
    var before = textarea.value.slice(0, token.start);
    var after = textarea.value.slice(textarea.selectionStart);
    var insert = (token.kind === "mention" ? "@" : "") + value + " ";
    textarea.value = before + insert + after;
    var pos = (before + insert).length;
    textarea.setSelectionRange(pos, pos);
    textarea.focus();
    closeList();
  }
  document.addEventListener("keydown", function (e) {
    if (!list || !active || e.target !== active.textarea) { return; }
    var items = Array.prototype.slice.call(list.querySelectorAll("li"));
    var i = items.findIndex(function (li) { return li.getAttribute("aria-selected") === "true"; });
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      items[i].removeAttribute("aria-selected");
      i = e.key === "ArrowDown" ? Math.min(items.length - 1, i + 1) : Math.max(0, i - 1);
      items[i].setAttribute("aria-selected", "true");
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      choose(active.textarea, active.token, items[i].getAttribute("data-value"));
    } else if (e.key === "Escape") {
      e.preventDefault();
      closeList();
    }
  }, true);
  document.addEventListener("click", function (e) { if (list && !e.target.closest(".autocomplete")) { closeList(); } });

  // ---- Product form: propose slug and key from the name ------------------------------------
  document.addEventListener("input", function (e) {
    var name = e.target;
    if (!name.matches || !name.matches("[data-propose]")) { return; }
    var form = name.form;
    var slug = form.querySelector('[name="slug"]');
    var key = form.querySelector('[name="key"]');
    var ascii = name.value.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    if (slug && !slug.dataset.touched) {
      slug.value = ascii.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
    }
    if (key && !key.dataset.touched) {
      var words = ascii.toUpperCase().replace(/[^A-Z0-9 ]/g, " ").trim().split(/\s+/).filter(Boolean);
      key.value = words.length > 1 ? words.map(function (w) { return w[0]; }).join("").slice(0, 4)
        : (words[0] || "").slice(0, 3);
    }
  });
  document.addEventListener("input", function (e) {
    if (e.target.matches && e.target.matches('[name="slug"], [name="key"]')) { e.target.dataset.touched = "1"; }
  });

  // ---- Copy buttons ------------------------------------------------------------------------
  document.addEventListener("click", function (e) {
    var b = e.target.closest("[data-copy]");
    if (!b) { return; }
    var target = document.getElementById(b.getAttribute("data-copy"));
    if (target && navigator.clipboard) {
      navigator.clipboard.writeText(target.textContent.trim()).then(function () { toast("Copied to the clipboard.", "success"); });
    }
  });

  // ---- Browser time zone, sent with sign-in and set-up -------------------------------------
  document.querySelectorAll('input[name="time_zone"][data-detect]').forEach(function (input) {
    try { input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"; } catch (e) { input.value = "UTC"; }
  });
})();

// ---- ECharts with a CSV download, for the hats' chart scripts ----------------------------
// Hatrack.charts('data-roi-chart', kinds, 'roi-csv') draws every element carrying the attribute:
// its JSON names a kind, whose builder answers { option, csv }; a "Download CSV" button follows.
window.Hatrack = window.Hatrack || {};
window.Hatrack.charts = function (attribute, kinds, buttonClass) {
  if (typeof echarts === 'undefined') {
    return;
  }
  function csvText(rows) {
    return rows.map(function (r) {
      return r.map(function (c) {
        var s = c === null || c === undefined ? '' : String(c);
        return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
      }).join(',');
    }).join('\n') + '\n';
  }
  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  document.querySelectorAll('[' + attribute + ']').forEach(function (el) {
    var data;
    try {
      data = JSON.parse(el.getAttribute(attribute));
    } catch (e) {
      return;
    }
    var build = kinds[data.type];
    if (!build) {
      return;
    }
    var built = build(data);
    var chart = echarts.init(el, dark ? 'dark' : null, { renderer: 'svg' });
    built.option.animation = false;
    chart.setOption(built.option);
    window.addEventListener('resize', function () { chart.resize(); });
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button ghost small ' + buttonClass;
    button.textContent = 'Download CSV';
    button.addEventListener('click', function () {
      var url = URL.createObjectURL(new Blob([csvText(built.csv)], { type: 'text/csv' }));
      var a = document.createElement('a');
      a.href = url;
      a.download = (data.title || 'chart').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase() + '.csv';
      document.body.appendChild(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    });
    el.insertAdjacentElement('afterend', button);
  });
};
