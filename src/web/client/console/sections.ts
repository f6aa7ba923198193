import type { Scope, Whoami } from "../whoami";

/** What a console section gets from the page around it. */
export interface SectionContext {
  whoami: Whoami;
  may(scope: Scope): boolean;
  /** Changes the page's path without a reload (links marked data-nav do the same). */
  navigate(path: string): void;
  /** Reads /api/whoami again (after the mode changed), which redraws the banner. */
  refresh(): Promise<void>;
}

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
  { id: "housekeeping", title: "Housekeeping", needs: "admin", load: () => import("./housekeeping") },
  { id: "devices", title: "Devices", needs: "parts:read", load: () => import("./devices") },
  { id: "coredumps", title: "Coredumps", needs: "parts:read", load: () => import("./coredumps") },
];
