import { h } from "../dom";

let dialogs = 0;

/**
 * Asks before a destructive action, in a modal dialog that names what will
 * happen; true only when the operator pressed the action's own button
 * (Escape and Cancel answer false). The action button is not the default:
 * Enter on an opened dialog does not delete.
 */
export function confirmAction(title: string, message: string, action: string): Promise<boolean> {
  const id = `confirm-${++dialogs}`;
  const dialog = h(
    "dialog",
    { class: "confirm", "aria-labelledby": `${id}-title`, "aria-describedby": `${id}-text` },
    h(
      "form",
      { method: "dialog" },
      h("h2", { id: `${id}-title` }, title),
      h("p", { id: `${id}-text` }, message),
      h(
        "div",
        { class: "actions" },
        h("button", { value: "cancel", autofocus: true }, "Cancel"),
        h("button", { value: "ok", class: "danger" }, action),
      ),
    ),
  );
  document.body.append(dialog);
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(dialog.returnValue === "ok");
    });
  });
}
