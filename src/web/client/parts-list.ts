import { api, type Part } from "./api";
import { announce, clearAnnouncement, h } from "./dom";
import { attachSearchBox } from "./search-box";
import { may } from "./whoami";

function partItem(p: Part): HTMLLIElement {
  const cover = p.cover_url
    ? h("img", { src: p.cover_url, width: 48, height: 48, alt: "", loading: "lazy" })
    : h("span", { class: "no-cover", "aria-hidden": "true" });
  return h("li", {}, h("a", { href: `/parts/${p.key}`, "data-nav": true }, cover, h("span", {}, p.name)));
}

/** The list of parts with search and cursor paging ("Show more" appends the next page). */
export function partsListView(navigate: (path: string) => void): HTMLElement {
  const q = new URLSearchParams(location.search).get("q") ?? "";
  const list = h("ul", { class: "parts", "aria-labelledby": "parts-heading" });
  const more = h("button", { type: "button", hidden: true }, "Show more");
  const count = h("p", { class: "muted", role: "status" });
  let cursor: string | null = null;

  const load = async (append: boolean) => {
    try {
      const page = await api.listParts(q, append ? cursor : null);
      if (!append) list.replaceChildren();
      list.append(...page.parts.map(partItem));
      cursor = page.next_cursor;
      more.hidden = cursor === null;
      count.textContent = list.children.length === 0 ? (q ? `No part's name contains "${q}".` : "No parts yet: create one.") : "";
    } catch (err) {
      announce((err as Error).message);
    }
  };
  more.addEventListener("click", () => void load(true));

  const search = h("input", { id: "search", type: "search", name: "q", value: q });
  const results = attachSearchBox(search, (result) => navigate(`/parts/${result.part_key}`));
  const searchForm = h(
    "form",
    { role: "search", class: "inline search-form" },
    h("label", { for: "search" }, "Search parts"),
    search,
    h("button", { type: "submit" }, "Search"),
    results,
  );
  searchForm.addEventListener("submit", (e) => {
    e.preventDefault();
    const value = search.value.trim();
    navigate(value ? `/?q=${encodeURIComponent(value)}` : "/");
  });

  const name = h("input", { id: "new-part", required: true, maxlength: 200 });
  const create = h(
    "form",
    { class: "inline" },
    h("label", { for: "new-part" }, "New part name"),
    name,
    h("button", { type: "submit" }, "Create part"),
  );
  create.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const part = await api.createPart(name.value);
      clearAnnouncement();
      navigate(`/parts/${part.key}`);
    } catch (err) {
      announce((err as Error).message);
    }
  });

  void load(false);
  // A token that may not create parts is not offered the form.
  return h("div", {}, h("h1", { id: "parts-heading" }, "Parts"), searchForm, may("parts:write") ? create : null, count, list, more);
}
