import { type Attachment, api, type Part } from "./api";
import { announce, h } from "./dom";
import { displayName } from "./format";
import { may } from "./whoami";

export interface ActionContext {
  part: Part;
  /** Reloads the part and its attachments, then focuses the element with this id if given. */
  refresh: (focusId?: string) => Promise<void>;
}

const attempt = async (work: () => Promise<unknown>) => {
  try {
    await work();
  } catch (err) {
    announce((err as Error).message);
  }
};

/** An inline form in place of the buttons: one labelled field, Save and Cancel. */
function inlineForm(
  holder: HTMLElement,
  id: string,
  label: string,
  value: string,
  submitText: string,
  onSubmit: (value: string) => Promise<void>,
  extra?: HTMLElement,
) {
  const restore = [...holder.childNodes];
  const input = h("input", { id, value, required: true, list: extra?.id ?? null });
  const cancel = h("button", { type: "button" }, "Cancel");
  const form = h(
    "form",
    { class: "inline-edit" },
    h("label", { for: id }, label),
    input,
    extra ?? null,
    h("button", { type: "submit" }, submitText),
    cancel,
  );
  const close = () => {
    holder.replaceChildren(...restore);
    (holder.querySelector("button") as HTMLButtonElement | null)?.focus();
  };
  cancel.addEventListener("click", close);
  form.addEventListener("keydown", (e) => {
    if (e.key === "Escape") close();
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void attempt(() => onSubmit(input.value.trim()));
  });
  holder.replaceChildren(form);
  input.focus();
  input.select();
}

/** Set as cover, rename, copy to another part and delete, for one attachment; every button names its file for screen readers. */
export function actionsFor(a: Attachment, ctx: ActionContext): HTMLElement {
  const name = displayName(a);
  const holder = h("div", { class: "actions" });
  const { key } = ctx.part;
  const isCover = ctx.part.cover_attachment_id === a.id;

  const cover =
    a.attachment_type === "image"
      ? h(
          "button",
          {
            type: "button",
            id: `cover-${a.id}`,
            "aria-label": isCover ? `Remove ${name} as cover` : `Set ${name} as cover`,
            onclick: () =>
              void attempt(async () => {
                await api.setCover(key, isCover ? null : a.id);
                await ctx.refresh(`cover-${a.id}`);
              }),
          },
          isCover ? "Unset cover" : "Set cover",
        )
      : null;

  const rename = h("button", { type: "button", id: `rename-${a.id}`, "aria-label": `Rename ${name}` }, "Rename");
  rename.addEventListener("click", () =>
    inlineForm(holder, `title-${a.id}`, `New title for ${name}`, a.title, "Save", async (title) => {
      await api.renameAttachment(key, a.id, title);
      await ctx.refresh(`rename-${a.id}`);
    }),
  );

  const copy = h("button", { type: "button", "aria-label": `Copy ${name} to another part` }, "Copy to…");
  copy.addEventListener("click", () => {
    const options = h("datalist", { id: `parts-for-${a.id}` });
    void api.listParts("", null).then(
      (page) => options.append(...page.parts.filter((p) => p.key !== key).map((p) => h("option", { value: p.key }, p.name))),
      () => {},
    );
    inlineForm(
      holder,
      `copy-${a.id}`,
      `Key of the part to copy ${name} to`,
      "",
      "Copy",
      async (target) => {
        await api.copyAttachment(key, a.id, target);
        announce(`Copied ${name} to part ${target}.`, "info");
        await ctx.refresh(`rename-${a.id}`);
      },
      options,
    );
  });

  const remove = h("button", { type: "button", class: "danger", "aria-label": `Delete ${name}` }, "Delete");
  remove.addEventListener("click", () => {
    if (!confirm(`Delete ${name} from this part? The file stays stored for other parts that use it.`)) return;
    void attempt(async () => {
      await api.deleteAttachment(key, a.id);
      announce(`Deleted ${name}.`, "info");
      await ctx.refresh("attachments-heading");
    });
  });

  // Only what the token may do: cover, rename and copy change the catalogue (parts:write), delete needs parts:delete.
  const offered = [...(may("parts:write") ? [cover, rename, copy] : []), may("parts:delete") ? remove : null];
  holder.append(...offered.filter((b): b is HTMLButtonElement => b !== null));
  return holder;
}
