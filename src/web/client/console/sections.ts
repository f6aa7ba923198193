import type { Scope } from "../whoami";
import type { SectionContext } from "./context";

export interface Section {
  /** The path segment: /console/<id>. */
  id: string;
  title: string;
  /** The grant that opens the section: without it the section is neither shown nor loaded. */
  needs: Scope;
  /** The section's code, in its own chunk: loaded only when the section opens. */
  load(): Promise<{ render(ctx: SectionContext): HTMLElement }>;
}

/**
 * The operator console's sections in the order the navigation shows them.
 * Only this list is in the first load; each section's code comes when it opens.
 */
export const SECTIONS: readonly Section[] = [
  { id: "accounts", title: "Accounts", needs: "admin", load: () => import("./accounts") },
  { id: "mode", title: "Storage mode", needs: "admin", load: () => import("./mode") },
  { id: "housekeeping", title: "Housekeeping", needs: "admin", load: () => import("./housekeeping") },
  { id: "devices", title: "Devices", needs: "parts:read", load: () => import("./devices") },
  { id: "coredumps", title: "Coredumps", needs: "parts:read", load: () => import("./coredumps") },
];
