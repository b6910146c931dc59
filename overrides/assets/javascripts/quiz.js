/* Quiz: one question at a time, feedback, results and saved progress.
   The page already holds every question and answer (it works without this
   file); this adds the interaction. Started by widget-kit.js, so it runs
   again after each instant navigation. */
(() => {
  const storage = {
    get(key) {
      try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
    },
    set(key, value) {
      try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode, full */ }
    },
    drop(key) {
      try { localStorage.removeItem(key); } catch (e) { /* unavailable */ }
    },
  };

  const same = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

  function setup(root, { data, $, $$, say, t }) {
    const key = "quiz:" + data.id;
    const byId = new Map(data.questions.map((q) => [q.id, q]));
    const items = new Map([...root.querySelectorAll(".quiz-question")].map((li) => [li.dataset.question, li]));
    const results = $(".quiz__results");
    const fresh = () => ({ order: [...byId.keys()], at: 0, answers: {} });
    let state = restore();

    // Anything odd in storage (old format, hand-edited, another quiz) starts afresh.
    function restore() {
      const s = storage.get(key);
      const ok = s && Array.isArray(s.order) && s.order.length > 0 &&
        s.order.every((id) => byId.has(id)) && Number.isInteger(s.at) &&
        s.at >= 0 && s.at <= s.order.length && s.answers && typeof s.answers === "object" &&
        Object.entries(s.answers).every(([id, v]) => byId.has(id) && Array.isArray(v));
      return ok ? s : fresh();
    }

    const save = () => storage.set(key, state);
    const right = (id) => same(state.answers[id] || [], byId.get(id).correct);

    // The error-message pattern: a visible message by the question, read out
    // with the fieldset (aria-describedby), gone once something is chosen.
    function showError(li, shown) {
      const message = $(".widget-error__message", li);
      const fieldset = $(".quiz-question__choices", li);
      const ids = (fieldset.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== message.id);
      if (shown) ids.push(message.id);
      fieldset.setAttribute("aria-describedby", ids.join(" "));
      fieldset.classList.toggle("widget-error", shown);
      message.hidden = !shown;
    }

    function showQuestion(li, position) {
      const id = li.dataset.question;
      const chosen = state.answers[id];
      const answered = Boolean(chosen);
      const correct = byId.get(id).correct;
      $(".quiz-question__title", li).textContent = t("question", { number: position, total: state.order.length });
      $(".quiz-question__choices", li).disabled = answered;
      showError(li, false);
      $$("input", li).forEach((input) => { if (answered) input.checked = chosen.includes(input.value); });
      $$(".quiz-option", li).forEach((option) => {
        const id = option.dataset.option;
        const isRight = correct.includes(id);
        const picked = answered && chosen.includes(id);
        const mark = $(".quiz-option__mark", option);
        option.classList.toggle("is-right", answered && isRight);
        option.classList.toggle("is-wrong", picked && !isRight);
        mark.hidden = !answered || (!isRight && !picked);
        mark.textContent = t(isRight ? (picked ? "picked_right" : "missed_right") : "picked_wrong");
      });
      const details = $(".quiz-answer", li);
      details.hidden = !answered;
      details.open = answered;
      const verdict = $(".quiz-answer__verdict", li);
      verdict.hidden = !answered;
      verdict.textContent = t(answered && right(id) ? "verdict_right" : "verdict_wrong");
      $('[data-quiz-action="check"]', li).hidden = answered;
      const next = $('[data-quiz-action="next"]', li);
      next.hidden = !answered;
      next.textContent = t(position === state.order.length ? "see_results" : "next");
    }

    function showResults() {
      const groups = new Map();
      state.order.forEach((id) => {
        const q = byId.get(id);
        const g = groups.get(q.page) || { url: q.pageUrl, right: 0, total: 0 };
        g.total += 1;
        g.right += right(id) ? 1 : 0;
        groups.set(q.page, g);
      });
      const score = state.order.filter(right).length;
      $(".quiz__score", results).textContent = t("score", { score, total: state.order.length });
      const body = $("tbody", results);
      body.replaceChildren(...[...groups].map(([page, g]) => {
        const row = document.createElement("tr");
        [page, t("section_score", g)].forEach((text) => {
          const cell = document.createElement("td");
          cell.textContent = text;
          row.append(cell);
        });
        const review = document.createElement("td");
        if (g.right < g.total) {
          const link = document.createElement("a");
          link.href = g.url;
          // "Review" is enough beside the section's name; the link's own
          // name still says which (a narrow column wraps less).
          const name = document.createElement("span");
          name.className = "visually-hidden";
          name.textContent = ` ${page}`;
          link.append(t("review_link"), name);
          review.append(link);
        } else {
          review.textContent = t("all_right");
        }
        row.append(review);
        return row;
      }));
      $('[data-quiz-action="retry"]', results).hidden = score === state.order.length;
      return score;
    }

    function render() {
      const finished = state.at >= state.order.length;
      items.forEach((li, id) => {
        const current = !finished && state.order[state.at] === id;
        li.hidden = !current;
        if (current) showQuestion(li, state.at + 1);
      });
      results.hidden = !finished;
      // Nothing to start again before the first answer; the results have their own.
      $(".quiz__reset").hidden = finished || !Object.keys(state.answers).length;
      if (finished) showResults();
      $("[data-quiz-current]").textContent = Math.min(state.at + 1, state.order.length);
      $("[data-quiz-total]").textContent = state.order.length;
      const progress = $(".quiz__progress");
      progress.max = state.order.length;
      progress.value = state.order.filter((id) => state.answers[id]).length;
    }

    function focusCurrent() {
      const li = items.get(state.order[state.at]);
      (li ? $(".quiz-question__title", li) : results).focus();
    }

    function begin(order) {
      order.forEach((id) => $$("input", items.get(id)).forEach((input) => { input.checked = false; }));
      state = { order, at: 0, answers: {} };
      save();
      render();
      focusCurrent();
    }

    const actions = {
      check(li) {
        const id = li.dataset.question;
        const chosen = $$("input", li).filter((input) => input.checked).map((input) => input.value);
        if (!chosen.length) {
          showError(li, true);
          say($(".widget-error__message", li).textContent);
          return;
        }
        state.answers[id] = chosen;
        save();
        render();
        const answered = state.order.filter((q) => state.answers[q]);
        const score = answered.filter(right).length;
        // The answer as the page shows it, after its bold "Answer:".
        const box = $(".quiz-answer__correct", li);
        const answer = box.textContent.slice($("strong", box).textContent.length).trim();
        say(t(right(id) ? "said_right" : "said_wrong", { answer, score, answered: answered.length }));
        $('[data-quiz-action="next"]', li).focus();
      },
      next() {
        state.at += 1;
        save();
        render();
        focusCurrent();
        if (state.at >= state.order.length) say($(".quiz__score", results).textContent);
      },
      retry() {
        begin(state.order.filter((id) => !right(id)));
        say(t("retrying", { count: state.order.length }));
      },
      restart() {
        storage.drop(key);
        begin(fresh().order);
        say(t("restarted"));
      },
    };

    root.addEventListener("click", (event) => {
      const button = event.target.closest("[data-quiz-action]");
      if (!button || !root.contains(button)) return;
      actions[button.dataset.quizAction](button.closest(".quiz-question"));
    });

    root.addEventListener("change", (event) => {
      const li = event.target.closest(".quiz-question");
      if (li && event.target.checked !== undefined) showError(li, false);
    });

    root.classList.add("quiz--js");
    $(".quiz__bar").hidden = false;
    $$(".quiz-question__actions").forEach((el) => { el.hidden = false; });
    $$(".quiz-answer > summary").forEach((el) => { el.hidden = true; });
    render();
  }

  // Each .quiz[data-quiz] on the page.
  (window.widgetKit = window.widgetKit || []).push(["quiz", setup]);
})();
