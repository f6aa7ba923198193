import { announce, h } from "../dom";

export interface PageOf<T> {
  items: T[];
  next: string | null;
}

export interface Pager {
  /** Where the rows go (a tbody or a list), the "Show more" button and the line that says the list is empty. */
  more: HTMLButtonElement;
  empty: HTMLParagraphElement;
  /** Starts again from the first page (after a filter changed or a row was deleted). */
  reload(): Promise<void>;
}

/**
 * A list read a page at a time by cursor: the first page on reload, the next
 * one appended by "Show more", so no view ever asks the worker for every row.
 * A reload that a newer one overtook drops its answer.
 */
export function pager<T>(
  rows: HTMLElement,
  load: (cursor: string | null) => Promise<PageOf<T>>,
  row: (item: T) => HTMLElement,
  emptyText: string,
): Pager {
  const more = h("button", { type: "button", hidden: true }, "Show more");
  const empty = h("p", { class: "muted", hidden: true }, emptyText);
  let cursor: string | null = null;
  let generation = 0;

  const fetchPage = async (append: boolean) => {
    const mine = append ? generation : ++generation;
    try {
      const page = await load(append ? cursor : null);
      if (mine !== generation) return;
      if (!append) rows.replaceChildren();
      rows.append(...page.items.map(row));
      cursor = page.next;
      more.hidden = cursor === null;
      empty.hidden = rows.children.length > 0;
    } catch (err) {
      announce((err as Error).message);
    }
  };
  more.addEventListener("click", () => void fetchPage(true));
  return { more, empty, reload: () => fetchPage(false) };
}

/** A table whose body a pager fills; wide tables scroll sideways on a phone instead of overflowing the page. */
export function table(label: string, headings: string[], body: HTMLTableSectionElement): HTMLElement {
  return h(
    "div",
    { class: "table-wrap", role: "region", "aria-label": label, tabindex: 0 },
    h(
      "table",
      {},
      h("caption", { class: "visually-hidden" }, label),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          headings.map((t) => h("th", { scope: "col" }, t)),
        ),
      ),
      body,
    ),
  );
}

export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : "never");
/** A SHA-256 shortened for a table cell, whole in its tooltip. */
export const shortHash = (hash: string | null | undefined) =>
  hash ? h("code", { title: hash }, hash.slice(0, 12)) : h("span", { class: "muted" }, "none");
