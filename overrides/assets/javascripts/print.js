/* "Print this page": shown only when JavaScript can print. Marks site links
   so only outside links print their address. Also opens every
   <details> for printing where the browser's CSS cannot (print.css does it
   in Chromium), and closes them again afterwards. */
(() => {
  if (window.printStarted) return;
  window.printStarted = true;
  const start = () => document.querySelectorAll("[data-print-page]").forEach((button) => {
    button.closest(".print-page").hidden = false;
    button.onclick = () => window.print();
  });
  let opened = [];
  window.addEventListener("beforeprint", () => {
    // Instant navigation turns site links into absolute URLs; they print bare.
    document.querySelectorAll('a[href^="http"]').forEach((link) => {
      if (link.host === location.host) link.dataset.internal = "";
    });
    opened = [...document.querySelectorAll("details:not([open])")];
    opened.forEach((details) => { details.open = true; });
  });
  window.addEventListener("afterprint", () => opened.forEach((details) => { details.open = false; }));
  if (window.document$) window.document$.subscribe(start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
