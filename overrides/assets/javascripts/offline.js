/* Registers the service worker (sw.js) over http(s), after the page has
   loaded, and tells the reader, politely, when the site is available offline
   or when an update is ready: what every page needs (the "Keep the whole
   site offline" control has its own offline-keep.js). Never on file://;
   under `mkdocs serve` (data-service-worker="off") it removes any worker
   instead, so editors always see their latest pages. */
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
  // offline-keep.js's one contract with this file: the registration, once a worker of ours runs.
  window.offlineWorker = workers.ready;

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
  }

  // After the page has loaded, and when the browser is idle: installing never
  // competes with the first paint.
  const idle = () => ("requestIdleCallback" in window ? requestIdleCallback(start, { timeout: 2000 }) : setTimeout(start, 0));
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });
})();
