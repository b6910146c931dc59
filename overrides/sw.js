/* Service worker: the site keeps working offline once visited.
   The build fills in VERSION, PRECACHE and KEEP (hooks/offline/glue.py); as
   shipped in the theme, this file refuses to install, so a site caught half
   written (this copy is there before the build fills it in) never replaces
   a working worker.
   - At install, one cache per build gets the precache: the whole site when
     it is small, else the shell, search and the pages that matter first
     (hooks/offline/precache.py), never more than the first visit's budget.
     A search index too large for it is taken from the copy the page has
     just loaded, never downloaded again.
   - Pages and the search index: network first, so readers online get
     updates; each response is stored, and the cached copy answers when the
     network fails.
   - Everything else: cache first, stored when fetched. Our own assets carry
     ?v=HASH in the pages, so a page from a newer build asks for (and stores)
     its own assets, never an older one.
   - "Keep the whole site offline" is the reader's choice (offline-keep.js):
     the worker then fetches KEEP, the list of every other file with its
     hash, and stores them. The choice lives in a cache of its own, so each new
     build's worker keeps the site too, copying what is unchanged from the
     last build's cache and downloading only the rest.
   - A new build waits until the reader chooses to reload (the page shows
     "Updated"), then old caches are deleted. */
const VERSION = "unbuilt";
const PRECACHE = [];
const KEEP = null;
const CACHE = `site-${VERSION}`;
const ROOT = new URL("./", self.location).href;
const INDEX = "search/search_index.json";
// Not "site-…": the reader's choice outlives the build caches.
const CHOICE = "offline-choice";
const CHOICE_URL = ROOT + "offline-choice";

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    if (VERSION === "unbuilt") throw new Error("sw.js was not filled in by the build");
    const cache = await caches.open(CACHE);
    // Revalidated, not taken from the HTTP cache unseen: a host's max-age must
    // not put an older page in a new build's cache. Unchanged files cost a 304.
    await cache.addAll(PRECACHE.map((path) => new Request(path, { cache: "no-cache" })));
    // A reader who kept the whole site gets the whole new version too.
    if (KEEP && (await choice())) await keep(false);
    else if (!PRECACHE.includes(INDEX)) {
      // Material fetches the index on every page: store the page's copy, if
      // it is there; else it is stored when next fetched.
      const copy = await fetch(INDEX, { cache: "only-if-cached", mode: "same-origin" }).catch(() => null);
      if (copy && copy.ok) await cache.put(ROOT + INDEX, copy);
    }
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith("site-") && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  const data = event.data;
  // From a page, not passed on by another worker: the choice also goes to a
  // newer worker waiting for "Reload".
  const fromPage = !(event.source instanceof ServiceWorker);
  if (data === "skip-waiting") self.skipWaiting();
  else if (data === "keep-status") event.waitUntil(status(event.ports[0]));
  else if (data === "keep" && KEEP) event.waitUntil(keep(fromPage));
  else if (data === "stop-keeping") event.waitUntil(stopKeeping(fromPage));
});

const isContent = (request, url) =>
  request.mode === "navigate" || url.pathname.endsWith(".html") || url.href.startsWith(ROOT + "search/");

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !url.href.startsWith(ROOT)) return;
  event.respondWith(isContent(request, url) ? networkFirst(event, url) : cacheFirst(event));
});

// /site/ is /site/index.html; a page's ?query or #part is the same page.
const pageKey = (url) => new URL(url.pathname.endsWith("/") ? "index.html" : url.pathname, url).href;

async function cached(request, url) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request)) || cache.match(pageKey(url), { ignoreSearch: true });
}

const storable = (request, response) => response.ok && response.type === "basic" && !request.headers.has("range");

function store(event, key, response) {
  if (storable(event.request, response)) {
    const copy = response.clone();
    event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)));
  }
  return response;
}

async function networkFirst(event, url) {
  try {
    return store(event, pageKey(url), await fetch(event.request));
  } catch (error) {
    return (await cached(event.request, url)) || Response.error();
  }
}

async function cacheFirst(event) {
  return (await caches.match(event.request, { cacheName: CACHE })) || store(event, event.request, await fetch(event.request));
}

// --- Keeping the whole site -------------------------------------------------

// { version, complete }: the reader chose to keep the site, and whether that version is all stored.
async function choice() {
  // caches.open would create the cache: a reader who never chose has none.
  const answer = (await caches.has(CHOICE)) && (await (await caches.open(CHOICE)).match(CHOICE_URL));
  return answer ? answer.json() : null;
}

async function setChoice(value) {
  if (value) await (await caches.open(CHOICE)).put(CHOICE_URL, new Response(JSON.stringify(value)));
  else await caches.delete(CHOICE);
}

async function tell(message) {
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) client.postMessage(message);
}

// The running download, if any; a new generation cancels the one before.
let generation = 0;
let progress = null;

async function status(port) {
  const chosen = await choice();
  // Kept means kept in this worker's own cache: another version's is not this one's.
  const complete = Boolean(chosen && chosen.complete && chosen.version === VERSION);
  port.postMessage({ partial: Boolean(KEEP), chosen: Boolean(chosen), complete, progress });
  // A download cut short (the browser closed, say) picks up where it stopped;
  // unless a newer version is on its way, which keeps the site itself.
  const { installing, waiting } = self.registration;
  if (KEEP && chosen && !complete && !progress && !installing && !waiting) await keep(false);
}

// The first 10 hex digits of SHA-256, as hooks/offline/precache.py content_hash.
async function hashOf(response) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer()));
  return Array.from(digest.slice(0, 5), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function keep(fromPage) {
  const mine = ++generation;
  await setChoice({ version: VERSION, complete: false });
  let list;
  try {
    list = await (await fetch(`${ROOT}${KEEP}?v=${VERSION}`, { cache: "no-store" })).json();
  } catch (error) {
    if (mine === generation) await tell({ type: "keep-failed" });
    return;
  }
  if (list.version !== VERSION) {
    // A newer version is published: its worker keeps the site, and the page offers "Reload".
    const newer = self.registration.waiting;
    if (newer && fromPage) newer.postMessage("keep");
    else await self.registration.update().catch(() => null);
    return;
  }
  const cache = await caches.open(CACHE);
  const older = (await caches.keys()).filter((name) => name.startsWith("site-") && name !== CACHE);
  const files = list.files;
  progress = { done: list.precached.pages, total: list.total.pages, value: list.precached.bytes, max: list.total.bytes };
  let next = 0;
  let missing = 0;
  let told = 0;
  // An unchanged file from the last build's cache, else from the network.
  async function get(url, hash) {
    for (const name of older) {
      const copy = await caches.match(url, { cacheName: name });
      if (copy && (await hashOf(copy)) === hash) return copy;
    }
    const response = await fetch(url, { cache: "no-cache" });
    if (!response.ok) throw new Error(`${response.status}`);
    return response;
  }
  async function fetcher() {
    while (next < files.length && mine === generation) {
      const [path, size, hash] = files[next++];
      const url = new URL(path, ROOT).href;
      try {
        if (!(await cache.match(url))) {
          const response = await get(url, hash);
          if (mine !== generation) return;
          await cache.put(url, response);
        }
      } catch (error) {
        missing += 1;
      }
      if (mine !== generation) return;
      progress.value += size;
      if (path.endsWith(".html")) progress.done += 1;
      // A message per file would flood the page; four a second is smooth.
      if (Date.now() - told > 250) {
        told = Date.now();
        tell({ type: "keep-progress", ...progress });
      }
    }
  }
  await Promise.all([fetcher(), fetcher(), fetcher(), fetcher()]);
  if (mine !== generation) return;
  const done = progress;
  progress = null;
  if (missing) {
    await tell({ type: "keep-failed" });
    return;
  }
  await setChoice({ version: VERSION, complete: true });
  await tell({ type: "keep-done", ...done });
}

async function stopKeeping(fromPage) {
  generation += 1;
  progress = null;
  await setChoice(null);
  const newer = self.registration.waiting;
  if (newer && fromPage) newer.postMessage("stop-keeping");
  // Back to the precache and search: every other file goes, pages read so far included.
  const cache = await caches.open(CACHE);
  const stays = new Set([...PRECACHE, INDEX].map((path) => new URL(path, ROOT).href));
  await Promise.all((await cache.keys()).filter((request) => !stays.has(request.url)).map((request) => cache.delete(request)));
  await tell({ type: "keep-stopped" });
}
