/**
 * A client's value as a problem detail may echo it: printable ASCII only
 * (a control character or a lookalike must not reach a log line or a page
 * verbatim) and at most 40 characters.
 */
export function clip(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, "?");
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}
