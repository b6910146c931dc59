"""Walk a page with the Tab key: what it reaches, and whether each stop can be seen."""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import Page

from support.browser import ANIMATIONS_ENDED, settle_scroll

NO_MOTION = (
    "*, *::before, *::after { transition: none !important; animation: none !important; "
    "scroll-behavior: auto !important; }"
)

# Marks every control a reader can see and operate, with a group key: radios
# of one name share a group, since Tab enters a radio group once and arrow
# keys move inside it.
MARK_CONTROLS = r"""() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  const shown = (el) => {
    if (el.closest('[hidden], [inert], template, [aria-hidden=true]')) return false;
    // A closed <details> keeps its content's boxes (content-visibility: hidden), but not its Tab stops.
    const closed = el.closest('details:not([open])');
    if (closed && !(closed.querySelector(':scope > summary') || el).contains(el)) return false;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible') return false;
    for (let up = el; up; up = up.parentElement) if (getComputedStyle(up).opacity === '0') return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  // A hidden input is operated through its label: the one right after it
  // (Material's palette) or else its first.
  const standIn = (el) =>
    (el.nextElementSibling && el.nextElementSibling.matches('label')) ? el.nextElementSibling : (el.labels || [])[0];
  const target = (el) => el.matches('input') && standIn(el) && !shown(el) ? standIn(el) : el;
  for (const old of document.querySelectorAll('[data-kb], [data-kb-visited]')) {
    delete old.dataset.kb;
    delete old.dataset.kbVisited;
  }
  let n = 0;
  const groups = {};
  for (const el of document.querySelectorAll(selector)) {
    if (el.matches(':disabled') || el.getAttribute('tabindex') === '-1') continue;
    // Material's toggles are display:none checkboxes, worked by their labels:
    // a label shown for one of them must itself be a Tab stop.
    if (el.matches('input') && getComputedStyle(el).display === 'none') {
      // (Only labels that look clickable: at desktop widths Material shows
      // the drawer's labels as plain titles.)
      // The icon inside the search field is skipped too: the field itself is
      // the Tab stop, and Escape does what the icon does once search is open.
      for (const label of el.labels) if (shown(label) && getComputedStyle(label).cursor === 'pointer'
          && !label.hasAttribute('tabindex') && !label.matches('.md-search__icon')) {
        label.dataset.kb = `c${n++}`;
        const text = label.textContent.trim().replace(/\s+/g, ' ').slice(0, 40);
        groups[label.dataset.kb] = `label for #${el.id} "${text}"`;
      }
      continue;
    }
    if (!shown(target(el))) continue;
    const group = el.type === 'radio' && el.name
      ? `radio:${el.form ? el.form.id || el.form.className : ''}:${el.name}`
      : `c${n}`;
    el.dataset.kb = group;
    n += 1;
    const what = (el.getAttribute('aria-label') || el.textContent || el.value || '')
      .trim().replace(/\s+/g, ' ').slice(0, 40);
    groups[group] = groups[group] || `${el.tagName.toLowerCase()} "${what}"`;
  }
  return groups;
}"""

# What has focus now, and whether a sighted keyboard user can see where it is:
# a solid ring of at least 2 px on the control (or on the label that stands in
# for a hidden input), inside the viewport, not covered by anything.
FOCUS_STATE = r"""async () => {
  // Judge the page once transitions (menus sliding, overlays fading) are over.
  await ANIMATIONS_ENDED;
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  if (el.dataset.kbVisited) return {again: true};
  el.dataset.kbVisited = '1';
  const hidden = (e) => { const b = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return b.width <= 1 || b.height <= 1 || s.opacity === '0' || s.clipPath === 'inset(50%)'; };
  const standIn =
    (el.nextElementSibling && el.nextElementSibling.matches('label')) ? el.nextElementSibling : (el.labels || [])[0];
  const shown = el.matches('input') && standIn && hidden(el) ? standIn : el;
  const style = getComputedStyle(shown);
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const box = shown.getClientRects()[0] || shown.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const inView = box.width > 0 && box.height > 0 && y >= 0 && y <= innerHeight && x >= 0 && x <= innerWidth;
  const top = inView ? document.elementFromPoint(x, y) : null;
  const uncovered = !!top
    && (shown.contains(top) || top.contains(shown) || [...(el.labels || [])].some((l) => l.contains(top)));
  const cover = top && !uncovered ? top.outerHTML.slice(0, 80) : null;
  const what = (el.getAttribute('aria-label') || el.textContent || el.value || el.tagName)
    .trim().replace(/\s+/g, ' ').slice(0, 40);
  return {group: el.dataset.kb || null, name: `${el.tagName.toLowerCase()} "${what}"`, ring, inView, uncovered, cover,
          seen: style.visibility === 'visible'};
}""".replace("ANIMATIONS_ENDED", ANIMATIONS_ENDED)


@dataclass
class TabWalk:
    """The result of tabbing once through a page."""

    controls: dict[str, str]
    reached: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)

    @property
    def unreached(self) -> list[str]:
        return [name for group, name in self.controls.items() if group not in self.reached]


def tab_through(page: Page, limit: int = 400) -> TabWalk:
    """Press Tab from the top of the page until focus leaves it or comes round."""
    # End states are what matter, not the motion: skip transitions, so each
    # stop is judged at once rather than after a menu finishes sliding.
    page.add_style_tag(content=NO_MOTION)
    # Start from the top, as after a fresh load: focusing then removing a
    # first element moves the browser's Tab starting point there.
    page.evaluate("""() => {
      const start = document.createElement('span');
      start.tabIndex = -1;
      document.body.prepend(start);
      start.focus();
      start.remove();
      window.scrollTo(0, 0);
    }""")
    settle_scroll(page)  # Material reacts to the scroll: it hides "Back to top" at the top
    walk = TabWalk(page.evaluate(MARK_CONTROLS))
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or state.get("again"):
            break
        if state["group"]:
            walk.reached.add(state["group"])
        checks = (("seen", "invisible"), ("inView", "off screen"), ("uncovered", "covered"), ("ring", "no focus ring"))
        for check, problem in checks:
            if not state[check]:
                walk.problems.append(
                    f"{state['name']}: {problem}" + (f" by {state['cover']}" if check == "uncovered" else ""),
                )
                break
    return walk
