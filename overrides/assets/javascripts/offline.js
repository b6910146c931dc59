/* Registers the service worker (sw.js) over http(s), after the page has
   loaded, and tells the reader, politely, when the site is available offline
   or when an update is ready. Where a page has the "Keep the whole site
   offline" control (<!-- offline-keep -->), it runs it.
   Never on file://; under `mkdocs serve` (data-service-worker="off") it
   removes any worker instead, so editors always see their latest pages. */
(() => {
  if (window.offlineStarted || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  window.offlineStarted = true;
  const script = document.currentScript;
  const workers = navigator.serviceWorker;
  // The notices' words, in the page's language (main.html).
  const words = JSON.parse(script.dataset.words);

  if (script.dataset.serviceWorker !== "on") {
    workers.getRegistrations().then((all) => all.forEach((registration) => registration.unregister()));
    return;
  }

  // One notice, fixed at the bottom. While it shows, the page keeps room for
  // it, so a link reached by Tab or the end of the page never sits beneath it.
  // On paper the notice and its room are gone (print.css): a printout never
  // depends on which notice is up.
  const note = document.createElement("div");
  note.className = "offline-note";
  note.setAttribute("role", "status");
  note.hidden = true;
  const text = document.createElement("span");
  const action = document.createElement("button");
  action.type = "button";
  action.className = "md-button md-button--primary";
  const close = document.createElement("button");
  close.type = "button";
  close.className = "offline-note__close";
  close.setAttribute("aria-label", words.dismiss);
  close.textContent = "×";
  close.addEventListener("click", () => setShown(false));
  note.append(text, action, close);
  document.body.append(note);

  function setShown(shown) {
    note.hidden = !shown;
    const room = shown ? `${note.offsetHeight + 16}px` : "";
    document.documentElement.style.scrollPaddingBottom = room;
    document.body.style.paddingBottom = room;
  }

  function show(message, label, run) {
    text.textContent = message;
    action.hidden = !label;
    action.textContent = label || "";
    action.onclick = run || null;
    setShown(true);
  }

  let reloadWanted = false;
  workers.addEventListener("controllerchange", () => {
    // The first worker takes control quietly; a chosen update reloads once.
    if (reloadWanted) {
      reloadWanted = false;
      location.reload();
    }
  });

  const offerUpdate = (worker) =>
    show(words.updated, words.reload, () => {
      reloadWanted = true;
      worker.postMessage("skip-waiting");
    });

  // A question for a worker, answered on a private channel.
  function ask(worker, question) {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data);
      worker.postMessage(question, [channel.port2]);
    });
  }

  function watch(worker) {
    worker.addEventListener("statechange", async () => {
      if (worker.state !== "installed") return;
      if (workers.controller) offerUpdate(worker);
      else show((await ask(worker, "keep-status")).partial ? words.partial : words.available);
    });
  }

  function start() {
    workers.register(script.dataset.serviceWorkerUrl).then((registration) => {
      if (registration.waiting && workers.controller) offerUpdate(registration.waiting);
      if (registration.installing) watch(registration.installing);
      registration.addEventListener("updatefound", () => watch(registration.installing));
    });
    // On this page and each one instant navigation brings (Material's document$).
    workers.ready.then((registration) => {
      const find = () => {
        const control = document.querySelector("[data-offline-keep]");
        if (control && control !== keeper.control) keeper = keepControl(control, registration);
      };
      find();
      if (window.document$) window.document$.subscribe(find);
    });
  }

  // The "Keep the whole site offline" control on the page, if any: the worker's news goes to it.
  let keeper = {};
  workers.addEventListener("message", (event) => {
    const type = (event.data || {}).type || "";
    if (keeper.setState && type.startsWith("keep-")) keeper.setState(type.slice(5), event.data);
  });
  workers.startMessages();

  // Shown only once a worker runs. The words are in the page (hooks/offline/keep_control.py).
  function keepControl(control, registration) {
    const [status, startButton, stopButton, bar] = ["status", "start", "stop", "bar"].map((part) =>
      control.querySelector(`.offline-keep__${part}`));
    const number = new Intl.NumberFormat(document.documentElement.lang || undefined);
    const say = (key, values = {}) => {
      status.textContent = (status.dataset[key] || "").replace(/\{(\w+)\}/g, (_, name) => number.format(values[name] ?? 0));
    };
    control.hidden = false;
    if (!startButton) {
      say("ready");
      return { control };
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
    const tell = (message) => registration.active.postMessage(message);
    startButton.addEventListener("click", () => {
      tell("keep");
      spoken = 0;
      setState("progress", { value: 0, max: 1 });
    });
    // "Removed" is said once the worker has removed the files; until then the
    // pressed button stays, with the focus.
    stopButton.addEventListener("click", () => tell("stop-keeping"));
    ask(registration.active, "keep-status").then((state) => {
      if (state.complete) setState("done", { total: Number(control.dataset.offlineKeep) });
      else if (state.chosen) setState("progress", state.progress || { value: 0, max: 1 });
      else setState("before");
    });
    return { control, setState };
  }

  // After the page has loaded, and when the browser is idle: installing never
  // competes with the first paint.
  const idle = () => ("requestIdleCallback" in window ? requestIdleCallback(start, { timeout: 2000 }) : setTimeout(start, 0));
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });
})();
