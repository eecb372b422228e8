// bidassist web: a little plain JavaScript (no framework, no network beyond this server).
"use strict";

// Filters on the review page apply as soon as a choice changes.
document.addEventListener("change", (ev) => {
  const form = ev.target.closest("form.filters");
  if (form) form.requestSubmit();
});

// A pricing run in progress: poll its status, move the bar, reload when it ends.
function pollJob(el) {
  const url = el.dataset.status;
  const bar = el.querySelector("progress");
  const text = el.querySelector(".progress-text");
  const tick = async () => {
    try {
      const res = await fetch(url, { headers: { "accept": "application/json" } });
      const data = await res.json();
      if (bar && data.total) { bar.max = data.total; bar.value = data.done; }
      if (text) text.textContent = data.message;
      if (data.state !== "running") { window.location.reload(); return; }
    } catch (e) { /* the server may be busy: try again */ }
    setTimeout(tick, 400);
  };
  tick();
}
document.querySelectorAll("[data-status]").forEach(pollJob);
