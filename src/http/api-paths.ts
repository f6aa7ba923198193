/**
 * The API paths of parts and attachments, built in one place: the Location
 * of what a POST created, and the `url` of a search result (src/search).
 * Part keys are [a-z0-9] (attachments/schemas.ts), but a path is encoded
 * anyway, so no caller has to know that.
 */
export function partPath(key: string): string {
  return `/api/parts/${encodeURIComponent(key)}`;
}

export function attachmentPath(key: string, id: number): string {
  return `${partPath(key)}/attachments/${id}`;
}
