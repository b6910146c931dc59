/* Service worker: the site keeps working offline once visited.
   The build fills in VERSION and PRECACHE (hooks/offline/glue.py); as
   shipped in the theme, this file caches nothing.
   - Every file a reader needs is cached at install, in one cache per build.
   - Pages and the search index: network first, so readers online get
     updates; the cached copy when the network fails.
   - Everything else: cache first. Our own assets carry ?v=HASH in the pages,
     so a page from a newer build never gets an older asset.
   - A new build waits until the reader chooses to reload (the page shows
     "Updated"), then old caches are deleted. */
const VERSION = "unbuilt";
const PRECACHE = [];
const CACHE = `site-${VERSION}`;
const ROOT = new URL("./", self.location).href;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith("site-") && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

const isContent = (request, url) =>
  request.mode === "navigate" || url.pathname.endsWith(".html") || url.href.startsWith(ROOT + "search/");

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !url.href.startsWith(ROOT)) return;
  event.respondWith(isContent(request, url) ? networkFirst(request, url) : cacheFirst(request));
});

async function cached(request, url) {
  const cache = await caches.open(CACHE);
  // /site/ is /site/index.html; a page's ?query or #part is the same page.
  const page = url.pathname.endsWith("/") ? new URL("index.html", url) : url;
  return (await cache.match(request)) || cache.match(page.href, { ignoreSearch: true });
}

async function networkFirst(request, url) {
  try {
    // Not stored: a page from a newer build must not sit offline beside
    // this build's assets. The precached page is the fallback.
    return await fetch(request);
  } catch (error) {
    return (await cached(request, url)) || Response.error();
  }
}

async function cacheFirst(request) {
  return (await caches.match(request, { cacheName: CACHE })) || fetch(request);
}
