/* The "Keep the whole site offline" control (<!-- offline-keep -->), loaded
   only on the pages that place it (hooks/offline/glue.py draw_keep). It stays
   hidden until offline.js has a worker running; the words are in the page
   (hooks/offline/keep_control.py). Instant navigation runs this file again
   each time it brings such a page: the first run sets up each control it
   meets, and a control swapped out takes its listeners with it. */
(() => {
  if (window.offlineKeep) return; // re-run by instant navigation: the first run's document$ finds the new control
  window.offlineKeep = true;
  let live = null; // the control set up, and the AbortController for its listeners

  function scan() {
    const control = document.querySelector("[data-offline-keep]");
    if (live && live.control === control) return;
    if (live) live.abort.abort();
    live = control && { control, abort: new AbortController() };
    // Set by offline.js only where it registers a worker: no worker, no control.
    if (!live || !window.offlineWorker) return;
    const { signal } = live.abort;
    window.offlineWorker.then((registration) => signal.aborted || keepControl(control, registration, signal));
  }

  // A question for the worker, answered on a private channel.
  function ask(worker, question) {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data);
      worker.postMessage(question, [channel.port2]);
    });
  }

  function keepControl(control, registration, signal) {
    const on = (target, type, listener) => target.addEventListener(type, listener, { signal });
    const [status, startButton, stopButton, bar] = ["status", "start", "stop", "bar"].map((part) =>
      control.querySelector(`.offline-keep__${part}`));
    const number = new Intl.NumberFormat(document.documentElement.lang || undefined);
    const say = (key, values = {}) => {
      status.textContent = (status.dataset[key] || "").replace(/\{(\w+)\}/g, (_, name) => number.format(values[name] ?? 0));
    };
    control.hidden = false;
    if (!startButton) {
      say("ready");
      return;
    }
    let spoken = 0;
    function setState(state, values = {}) {
      const busy = state === "progress";
      // Focus never falls to the page: it moves to the button that takes the place of a hidden one.
      const focused = document.activeElement;
      startButton.hidden = busy || state === "done";
      stopButton.hidden = state === "before" || state === "stopped";
      if (focused.hidden) (focused === startButton ? stopButton : startButton).focus();
      bar.hidden = !busy;
      if (busy) {
        bar.max = values.max;
        bar.value = values.value;
        // The bar moves with every message; the words, read out by screen
        // readers, change at most every two seconds.
        if (values.done === undefined || Date.now() - spoken < 2000) return;
        spoken = Date.now();
      }
      say(state, values);
    }
    // The worker's news of the download, for as long as this control is on the page.
    on(navigator.serviceWorker, "message", (event) => {
      const type = (event.data || {}).type || "";
      if (type.startsWith("keep-")) setState(type.slice(5), event.data);
    });
    const tell = (message) => registration.active.postMessage(message);
    on(startButton, "click", () => {
      tell("keep");
      spoken = 0;
      setState("progress", { value: 0, max: 1 });
    });
    // "Removed" is said once the worker has removed the files; until then the
    // pressed button stays, with the focus.
    on(stopButton, "click", () => tell("stop-keeping"));
    ask(registration.active, "keep-status").then((state) => {
      if (signal.aborted) return;
      if (state.complete) setState("done", { total: Number(control.dataset.offlineKeep) });
      else if (state.chosen) setState("progress", state.progress || { value: 0, max: 1 });
      else setState("before");
    });
  }

  // On this page and on each page instant navigation brings (document$). On a
  // first load this file runs before Material's bundle and offline.js (all
  // deferred, in page order): both have run by DOMContentLoaded.
  function begin() {
    if (window.document$) window.document$.subscribe(scan);
    scan();
  }
  if (window.document$ || document.readyState === "complete") begin();
  else document.addEventListener("DOMContentLoaded", begin, { once: true });
})();
