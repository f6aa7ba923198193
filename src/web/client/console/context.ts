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
