/* Flowchart wizard: one question at a time (the page works without it).
   The hash holds the answers given, as indices (#chart-id:2.0.1), so Back
   and a shared link restore the step. */
(() => {
  // Outside any one copy of the page (instant navigation swaps in a new one):
  // charts used; per chart, the longest answers seen (after Back, the answer
  // given is still chosen) and those shown now (kept by other anchors).
  const touched = new Set();
  const memory = new Map();
  const shown = new Map();

  function setup(root, { data, $, $$, say, on, t }) {
    const prefix = `#${data.id}:`;

    // Walk the answers from the start; stop at the first that does not fit.
    function walk(answers) {
      const steps = [];
      let node = data.start;
      for (const answer of answers) {
        const next = data.next[node];
        if (!next || !(answer in next)) break;
        steps.push([node, answer]);
        node = next[answer];
      }
      return { steps, node };
    }

    function fromHash() {
      const hash = decodeURIComponent(location.hash);
      if (!hash) return [];
      if (!hash.startsWith(prefix)) return shown.get(data.id) || [];
      const text = hash.slice(prefix.length);
      return text ? text.split(".").map(Number).filter(Number.isInteger) : [];
    }

    const toHash = (answers) => prefix + answers.join(".");

    // Focus without the browser's scroll, then show `view` below the header
    // and "Back to top" (site.css gives [tabindex="-1"] that scroll margin).
    function focusOn(target, view = target) {
      target.focus({ preventScroll: true });
      const box = view.getBoundingClientRect();
      const top = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
      const margin = parseFloat(getComputedStyle(view).scrollMarginTop) || 0;
      if (box.top < top + margin || box.bottom > window.innerHeight) view.scrollIntoView({ block: "start" });
    }

    // GOV.UK's error message: shown by the question, described by its fieldset.
    function showError(step) {
      const error = $(".widget-error__message", step);
      error.hidden = false;
      step.classList.add("widget-error");
      const help = $(".flow-step__help", step);
      step.setAttribute("aria-describedby", [help && help.id, error.id].filter(Boolean).join(" "));
      focusOn($("input", step), $(".flow-step__title", step));
      say(error.textContent.replace(/\s+/g, " ").trim());
    }

    function clearError(step) {
      const error = $(".widget-error__message", step);
      if (error.hidden) return;
      error.hidden = true;
      step.classList.remove("widget-error");
      const help = $(".flow-step__help", step);
      if (help) step.setAttribute("aria-describedby", help.id);
      else step.removeAttribute("aria-describedby");
    }

    function render(focus) {
      const answers = fromHash();
      const known = memory.get(data.id) || [];
      if (!answers.every((answer, i) => known[i] === answer)) memory.set(data.id, answers);
      else if (answers.length > known.length) memory.set(data.id, answers);
      const { steps, node } = walk(answers);
      shown.set(data.id, steps.map(([, answer]) => answer));
      const outcome = data.next[node] === null;
      $$(".flow-step, .flow-outcome").forEach((el) => { el.hidden = el.dataset.node !== node; });
      $$(".flow-step").forEach(clearError);
      const current = $(`[data-node="${node}"]`);
      if (!outcome) {
        // Coming back to a question shows the answer given before, if any.
        const later = (memory.get(data.id) || [])[steps.length];
        $$("input", current).forEach((input) => { input.checked = String(later) === input.value; });
      }
      const summary = $(".flow__summary");
      summary.hidden = steps.length === 0;
      // GOV.UK's smart-answer "Change" links: back to that question, the
      // answer given still chosen, the answers after it dropped.
      $("ol", summary).replaceChildren(...steps.map(([id, answer], index) => {
        const item = document.createElement("li");
        const step = $(`.flow-step[data-node="${id}"]`);
        const question = $(".flow-step__title", step).textContent;
        const chosen = document.createElement("strong");
        chosen.textContent = $(`label[for="${$$("input", step)[answer].id}"]`).textContent;
        const change = document.createElement("a");
        change.className = "flow__change";
        change.href = toHash(steps.slice(0, index).map(([, given]) => given));
        change.dataset.flowChange = String(index);
        const label = document.createElement("span");
        label.className = "visually-hidden";
        label.textContent = ` ${t("change_what", { question })}`;
        change.append(t("change"), label);
        item.append(`${question} `, chosen, " ", change);
        return item;
      }));
      $('[data-flow-action="continue"]').hidden = outcome;
      $('[data-flow-action="back"]').hidden = steps.length === 0;
      $('[data-flow-action="restart"]').hidden = steps.length === 0;
      if (focus) {
        const heading = $(outcome ? ".care-card__title" : ".flow-step__title", current);
        focusOn(heading);
        if (outcome) say(t("result", { result: heading.textContent }));
      }
    }

    // The history entries pushed, and where we are (Material overwrites history.state).
    let trail = [location.hash];
    let at = 0;

    function go(answers) {
      const hash = toHash(answers);
      history.pushState(null, "", hash);
      trail = [...trail.slice(0, at + 1), hash];
      at = trail.length - 1;
      touched.add(data.id);
      render(true);
    }

    // Back, Forward and shared links move the wizard; other anchors (a table
    // of contents link, say) leave it where it is.
    function follow() {
      if (!document.contains(root)) return;
      const hash = location.hash;
      if (trail[at - 1] === hash) at -= 1;
      else if (trail[at + 1] === hash) at += 1;
      else if (trail[at] !== hash) [trail, at] = [[hash], 0];
      render(touched.has(data.id));
    }

    const actions = {
      continue() {
        const { steps, node } = walk(fromHash());
        const chosen = $(`.flow-step[data-node="${node}"] input:checked`);
        if (!chosen) {
          showError($(`.flow-step[data-node="${node}"]`));
          return;
        }
        go([...steps.map(([, answer]) => answer), Number(chosen.value)]);
      },
      back() {
        touched.add(data.id);
        // Our Back is the browser's Back while the step before is ours; after a
        // shared link it steps up the path instead of leaving the page.
        if (at > 0) {
          history.back();
          return;
        }
        const { steps } = walk(fromHash());
        const hash = toHash(steps.slice(0, -1).map(([, answer]) => answer));
        history.replaceState(null, "", hash);
        trail[at] = hash;
        render(true);
      },
      restart() {
        go([]);
      },
    };

    root.addEventListener("click", (event) => {
      const change = event.target.closest("[data-flow-change]");
      if (change && root.contains(change)) {
        // A new step, like Continue (instant navigation would take the hash as an anchor).
        event.preventDefault();
        go(walk(fromHash()).steps.slice(0, Number(change.dataset.flowChange)).map(([, answer]) => answer));
        return;
      }
      // A text-version lead ("go to step 4"): our jump. Chromium's lands its
      // step under the header; instant navigation may redo it late, elsewhere.
      const lead = event.target.closest(".flow__text a[href]");
      const here = lead && root.contains(lead) && lead.pathname === location.pathname && lead.hash;
      const step = here && document.getElementById(decodeURIComponent(lead.hash.slice(1)));
      if (step) {
        event.preventDefault();
        event.stopPropagation();
        history.pushState(null, "", lead.hash);
        step.tabIndex = -1;
        focusOn(step);
        return;
      }
      const button = event.target.closest("[data-flow-action]");
      if (button && root.contains(button)) actions[button.dataset.flowAction]();
    });
    // An answer chosen: the error has done its work.
    root.addEventListener("change", (event) => {
      const step = event.target.closest(".flow-step");
      if (step) clearError(step);
    });
    // Removed by widget-kit.js once this copy of the page is gone.
    on(window, "popstate", follow);
    on(window, "hashchange", follow);

    $(".flow__wizard").hidden = false;
    render(touched.has(data.id));
  }

  // Each .flow[data-flow] on the page.
  (window.widgetKit = window.widgetKit || []).push(["flow", setup]);
})();
