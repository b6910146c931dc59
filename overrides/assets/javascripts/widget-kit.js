/* Shared by the widgets. Each queues itself (instant navigation runs scripts
   in any order): (window.widgetKit ||= []).push([block, setup]) */
(() => {
  const queued = window.widgetKit;
  if (queued && !Array.isArray(queued)) return; // re-run by instant navigation
  const widgets = new Map();
  const live = new Map(); // root -> AbortController for its window listeners
  let subscribed;

  function scan() {
    // Roots swapped out by instant navigation lose their listeners.
    live.forEach((control, root) => root.isConnected || (control.abort(), live.delete(root)));
    widgets.forEach((setup, block) => document.querySelectorAll(`.${block}[data-${block}]`).forEach((root) => {
      if (live.has(root)) return;
      const control = new AbortController();
      live.set(root, control);
      const $ = (selector, base = root) => base.querySelector(selector);
      const data = JSON.parse($(`.${block}__data`).content.querySelector("script").textContent);
      setup(root, {
        data,
        $,
        // The page's words (data.strings), {names} filled in; a plural entry by values.count.
        t(key, values = {}) {
          let text = data.strings[key];
          if (typeof text === "object") text = text[new Intl.PluralRules(document.documentElement.lang || undefined).select(values.count)] || text.other;
          return text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? values[name] : all));
        },
        $$: (selector, base = root) => [...base.querySelectorAll(selector)],
        say(message) {
          const status = $(`.${block}__status`);
          status.textContent = "";
          // The pause makes screen readers announce a repeated message again.
          setTimeout(() => { status.textContent = message; }, 60);
        },
        on: (target, type, listener) => target.addEventListener(type, listener, { signal: control.signal }),
      });
    }));
  }

  // setup() once per .block[data-block], on each document$ and directly
  // (from file:// document$ may not replay the current page).
  const begin = () => {
    if (window.document$ && !subscribed) subscribed = window.document$.subscribe(scan);
    scan();
  };

  window.widgetKit = {
    push([block, setup]) {
      if (widgets.has(block)) return;
      widgets.set(block, setup);
      // Material's deferred bundle makes document$ by DOMContentLoaded.
      if (window.document$ || document.readyState === "complete") begin();
      else document.addEventListener("DOMContentLoaded", begin);
    },
  };
  (queued || []).forEach(window.widgetKit.push);
})();
