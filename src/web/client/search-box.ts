import { api, type SearchResult } from "./api";
import { h } from "./dom";

/** Wait this long after the last keystroke before asking: one request per pause, not per key. */
export const SEARCH_DEBOUNCE_MS = 150;
/** The API looks words up by 3-character sequences (GET /api/search); shorter text is not sent. */
const searchable = (text: string) => text.split(/\s+/).some((word) => [...word].length >= 3);

/** A result's snippet: matched segments in <mark>, the rest as text nodes (never HTML from data). */
function snippetOf(result: SearchResult): HTMLElement {
  return h("span", { class: "snippet" }, ...result.snippet.map((s) => (s.match ? h("mark", {}, s.text) : s.text)));
}

/**
 * Results as you type under the parts page's search field, an ARIA combobox:
 * the field keeps focus, ArrowDown/ArrowUp move through the options
 * (aria-activedescendant), Enter or a click opens the chosen one's part,
 * Escape closes the list. Enter with no option chosen submits the form as
 * before (the listing filtered by name). Each keystroke restarts a short
 * timer; a new request aborts the one before, so an older answer never
 * replaces a newer one.
 */
export function attachSearchBox(input: HTMLInputElement, open: (result: SearchResult) => void): HTMLElement {
  const list = h("ul", { id: "search-results", role: "listbox", class: "search-results", "aria-label": "Search results", hidden: true });
  const status = h("p", { class: "muted search-status", role: "status" });
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.autocomplete = "off";

  let results: SearchResult[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const choose = (index: number) => {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((option, i) => {
      option.setAttribute("aria-selected", String(i === index));
    });
    if (index < 0) input.removeAttribute("aria-activedescendant");
    else {
      input.setAttribute("aria-activedescendant", `search-option-${index}`);
      list.children[index]?.scrollIntoView({ block: "nearest" });
    }
  };

  const show = (found: SearchResult[], q: string) => {
    results = found;
    list.replaceChildren(
      ...found.map((result, i) => {
        const option = h(
          "li",
          { id: `search-option-${i}`, role: "option", "aria-selected": "false", class: "search-option" },
          h("span", { class: "search-kind" }, result.kind === "part" ? "Part" : "File"),
          h("span", { class: "search-title" }, result.title),
          snippetOf(result),
        );
        // mousedown, not click: the field would lose focus (and the list its purpose) first.
        option.addEventListener("mousedown", (e) => {
          e.preventDefault();
          open(result);
        });
        return option;
      }),
    );
    status.textContent = found.length === 0 ? `Nothing contains "${q}".` : "";
    list.hidden = found.length === 0;
    input.setAttribute("aria-expanded", String(!list.hidden));
    choose(-1);
  };

  const run = async (q: string) => {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    try {
      show((await api.search(q, controller.signal)).results, q);
    } catch (err) {
      if (controller.signal.aborted) return;
      close();
      status.textContent = (err as Error).message;
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!searchable(q)) {
      inFlight?.abort();
      close();
      status.textContent = q === "" ? "" : "Type a word of 3 or more characters.";
      return;
    }
    timer = setTimeout(() => void run(q), SEARCH_DEBOUNCE_MS);
  });

  input.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      if (!list.hidden) e.preventDefault();
      close();
      return;
    }
    if (list.hidden || results.length === 0) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      // The positions cycle through "none" (the field's own text) and each option.
      const positions = results.length + 1;
      const step = e.key === "ArrowDown" ? 1 : -1;
      choose(((active + 1 + step + positions) % positions) - 1);
    } else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      open(results[active]!);
    }
  });
  input.addEventListener("blur", close);

  return h("div", { class: "search-box" }, list, status);
}
