/**
 * D1 read replication (Sessions API). A request's queries run in one
 * session, so they are sequentially consistent with each other, and the
 * session's bookmark goes back to the client, which sends it on its next
 * request to read at least what it wrote. The request middleware
 * (src/http/d1-session.ts) opens the session and puts it where the binding
 * was, so the code below it keeps calling `env.DB`.
 */

/** The request and response header that carries a bookmark. */
export const BOOKMARK_HEADER = "x-d1-bookmark";

/**
 * D1's bookmarks are four dash-separated hex groups (8-8-8-32, 59
 * characters); the check leaves room for a longer form but keeps an
 * over-long or foreign value from ever reaching D1, which refuses a
 * malformed bookmark as an error of its own.
 */
export const MAX_BOOKMARK_LENGTH = 128;
const BOOKMARK = /^[0-9a-f]{8}(?:-[0-9a-f]{8,64}){1,7}$/i;

/** The bookmark a client sent, when it looks like one D1 gave out; anything else is no bookmark. */
export function wellFormedBookmark(value: string | undefined): string | undefined {
  if (value === undefined || value.length > MAX_BOOKMARK_LENGTH || !BOOKMARK.test(value)) return undefined;
  return value;
}

const PRIMARY = Symbol("primary binding");

type SessionBinding = D1Database & { [PRIMARY]: D1Database };

/**
 * A D1Database that runs every statement in `session`. A session has only
 * prepare and batch: exec and dump refuse, rather than leave the session
 * unnoticed (nothing in the worker calls them on a request's binding).
 */
export function sessionBinding(primary: D1Database, session: D1DatabaseSession): D1Database {
  const outside = (method: string) => () => Promise.reject(new Error(`D1 ${method}() does not run in a session; call it on primaryOf(env.DB)`));
  const binding: SessionBinding = {
    prepare: (query) => session.prepare(query),
    batch: (statements) => session.batch(statements),
    exec: outside("exec"),
    dump: outside("dump"),
    withSession: (constraintOrBookmark) => primary.withSession(constraintOrBookmark),
    [PRIMARY]: primary,
  };
  return binding;
}

/**
 * The binding itself, outside any request's session: every statement goes
 * to the primary. For what must see other writers' latest commits even on
 * a read route (leases, GC claims, account status); a session may answer
 * from a replica that is only as new as the session's own bookmark.
 */
export function primaryOf(db: D1Database): D1Database {
  return (db as Partial<SessionBinding>)[PRIMARY] ?? db;
}

/**
 * `env` with its D1 binding on the primary, for work under a lease or lock
 * that decides deletes from what it reads (GC, cleanup, the migration
 * batch): the previous holder's last writes must be visible to it.
 */
export function onPrimary(env: Env): Env {
  return { ...env, DB: primaryOf(env.DB) };
}
