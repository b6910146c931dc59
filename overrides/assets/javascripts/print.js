/* "Print this page": the button shows whenever JavaScript runs (site.css,
   html.js), and one delegated click handler serves every page, instant
   navigation included. Marks site links so only outside links print their
   address. Also opens every <details> for printing where the browser's CSS
   cannot (print.css does it in Chromium), and closes them again afterwards. */
(() => {
  if (window.printStarted) return;
  window.printStarted = true;
  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-print-page]")) window.print();
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
})();
