import { type Attachment, api, type Part } from "./api";
import { type ActionContext, actionsFor } from "./attachment-actions";
import { announce, fill, h } from "./dom";
import { displayName, formatBytes, typeLabel } from "./format";
import { uploadPanel } from "./upload";
import { may } from "./whoami";

/**
 * An image: its 150 px thumbnail (512 px on high-DPI screens via srcset),
 * a fixed box so nothing moves while it loads, lazy below the fold, and a
 * link to the full image. Thumbnail URLs are immutable (a private part's
 * signed links stay the same URL for hours), so a reload takes them from the
 * browser's cache without a request.
 */
function imageCard(a: Attachment, ctx: ActionContext): HTMLElement {
  const isCover = ctx.part.cover_attachment_id === a.id;
  const img = h("img", {
    src: a.thumbnail_url ?? "",
    srcset: a.thumbnail_srcset,
    width: 150,
    height: 150,
    loading: "lazy",
    alt: displayName(a),
  });
  const link = a.view_url ?? a.download_url;
  return h(
    "li",
    { class: isCover ? "card cover" : "card", "data-attachment": a.id },
    h(
      "figure",
      {},
      link ? h("a", { href: link, target: "_blank", rel: "noopener" }, img) : img,
      h("figcaption", {}, isCover ? h("strong", { class: "badge" }, "Cover") : null, a.title),
    ),
    actionsFor(a, ctx),
  );
}

/** Any other file: a type icon, its name (opening it where that is safe), size and a download link. */
function fileRow(a: Attachment, ctx: ActionContext): HTMLElement {
  const name = displayName(a);
  const open = a.view_url ?? a.url;
  return h(
    "li",
    { class: "file", "data-attachment": a.id },
    h("span", { class: "icon", "aria-hidden": "true" }, typeLabel(a)),
    h(
      "span",
      { class: "file-name" },
      open ? h("a", { href: open, target: "_blank", rel: "noopener" }, a.title) : a.title,
      a.title !== name ? h("span", { class: "muted" }, ` (${name})`) : null,
    ),
    h("span", { class: "file-size" }, formatBytes(a.size)),
    a.download_url ? h("a", { href: a.download_url, download: name, "aria-label": `Download ${name}` }, "Download") : null,
    actionsFor(a, ctx),
  );
}

/**
 * The part's private flag: a checkbox that PATCHes the part. The server
 * answers with signed links from then on; bytes move in the background.
 */
function privacyControl(key: string, refresh: () => Promise<void>) {
  const box = h("input", { type: "checkbox", id: "part-private", disabled: true, "aria-describedby": "part-private-note" });
  const note = h("span", { id: "part-private-note", class: "muted" });
  // Without parts:write the flag is shown, not offered: the box stays disabled.
  const mayChange = may("parts:write");
  const show = (isPrivate: boolean) => {
    box.checked = isPrivate;
    box.disabled = !mayChange;
    note.textContent = isPrivate ? "Its files are shown only through signed links that expire." : "Anyone with a file's link can open it.";
  };
  box.addEventListener("change", async () => {
    const wanted = box.checked;
    box.disabled = true;
    try {
      show((await api.setPrivate(key, wanted)).private);
      announce(wanted ? "The part is private now." : "The part is public now.", "info");
      await refresh();
    } catch (err) {
      show(!wanted);
      announce((err as Error).message);
    }
  });
  const view = h("p", { class: "privacy" }, box, " ", h("label", { for: "part-private" }, "Private part"), " ", note);
  return { view, show };
}

export function partPageView(key: string): HTMLElement {
  const title = h("h1", { tabindex: -1 }, "Loading…");
  const privacy = privacyControl(key, () => refresh());
  const images = h("ul", { class: "grid", "aria-label": "Images" });
  const files = h("ul", { class: "files", "aria-label": "Other files" });
  const empty = h("p", { class: "muted" });
  let part: Part | null = null;

  const ctx: ActionContext = {
    get part() {
      return part!;
    },
    refresh,
  };

  // Refreshes can overlap (an upload finishing while a delete reloads): only the latest one renders,
  // so a slow earlier answer never puts back what a later one removed.
  let latest = 0;

  async function refresh(focusId?: string): Promise<void> {
    const mine = ++latest;
    try {
      const [loaded, attachments] = await Promise.all([api.getPart(key), api.attachments(key)]);
      if (mine !== latest) return;
      part = loaded;
      title.textContent = loaded.name;
      privacy.show(loaded.private);
      document.title = `${loaded.name} · cas-edge`;
      fill(
        images,
        attachments.filter((a) => a.attachment_type === "image" && a.thumbnail_url).map((a) => imageCard(a, ctx)),
      );
      fill(
        files,
        attachments.filter((a) => !(a.attachment_type === "image" && a.thumbnail_url)).map((a) => fileRow(a, ctx)),
      );
      empty.textContent = attachments.length === 0 ? "No attachments yet." : "";
      if (focusId) document.getElementById(focusId)?.focus();
    } catch (err) {
      if (mine !== latest) return;
      announce((err as Error).message);
      if (part === null) title.textContent = "Part not available";
    }
  }

  let scheduled = false;
  const refreshSoon = () => {
    // Uploads finishing together share one reload.
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      void refresh();
    }, 50);
  };

  void refresh();
  return h(
    "div",
    {},
    h("p", {}, h("a", { href: "/", "data-nav": true }, "← All parts")),
    title,
    privacy.view,
    may("parts:write") ? uploadPanel(key, refreshSoon) : null,
    h("h2", { id: "attachments-heading", tabindex: -1 }, "Attachments"),
    empty,
    images,
    files,
  );
}
