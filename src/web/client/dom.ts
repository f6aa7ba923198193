/** A tiny element builder: the page is small enough that a framework would cost more than it saves. */
type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Child | Child[]>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, ""), value);
    else if (value === true) el.setAttribute(name, "");
    else el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

/** Replaces an element's content. */
export function fill(el: Element, ...children: Array<Child | Child[]>): void {
  el.replaceChildren(...children.flat().filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/** A message in the page's alert region; screen readers announce it. */
export function announce(text: string, kind: "error" | "info" = "error"): void {
  const region = document.getElementById("status");
  if (!region) return;
  region.className = `status ${kind}`;
  region.textContent = text;
}

export function clearAnnouncement(): void {
  const region = document.getElementById("status");
  if (region) {
    region.textContent = "";
    region.className = "status";
  }
}
