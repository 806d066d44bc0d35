// Release plans: a solve may take seconds (the solver loads its native code on first use and runs
// up to its time limit), so a submitted plan or what-if form says so instead of looking stuck.
(function () {
  "use strict";
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.hasAttribute("data-solving") || e.defaultPrevented) { return; }
    var status = form.querySelector("[data-solving-status]");
    var limit = form.querySelector("[name=time_limit_seconds]");
    if (status) {
      status.textContent = "Solving… this can take up to " + (limit && limit.value ? limit.value : "10") + " s.";
    }
    var button = form.querySelector("button[type=submit]");
    if (button) {
      // Disabled after the submit has its data, so the form still posts.
      setTimeout(function () { button.disabled = true; button.textContent = "Solving…"; }, 0);
    }
    form.setAttribute("aria-busy", "true");
  });
})();
