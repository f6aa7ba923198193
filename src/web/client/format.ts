import type { Attachment } from "./api";

const UNITS = ["B", "KB", "MB", "GB"];

export function formatBytes(size: number | null): string {
  if (size === null) return "";
  let value = size;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

/** A short label for a file's kind, shown as its icon (the file name beside it says the rest). */
export function typeLabel(a: Attachment): string {
  if (a.attachment_type === "pdf") return "PDF";
  if (a.attachment_type === "url") return "URL";
  const type = a.content_type ?? "";
  if (type.startsWith("text/")) return "TXT";
  if (type.startsWith("audio/")) return "AUD";
  if (type.startsWith("video/")) return "VID";
  if (/zip|compressed|tar|gzip/.test(type)) return "ZIP";
  const ext = /\.([a-z0-9]{1,4})$/i.exec(a.filename ?? "")?.[1];
  return ext ? ext.toUpperCase() : "FILE";
}

export function displayName(a: Attachment): string {
  return a.filename ?? a.title;
}
