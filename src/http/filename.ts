/**
 * Characters a name must never carry: C0/C1 controls and line separators
 * (CR/LF would split a header), and every Unicode format character (\p{Cf}):
 * the bidi controls U+202A–202E, U+2066–2069, U+200E/U+200F and U+061C, the
 * zero-width U+200B–200D, U+2060 and U+FEFF, and the invisible tag
 * characters. They draw nothing yet change what a reader sees:
 * "\u202Egnp.exe" shows as "exe.png".
 */
export const UNSAFE_NAME_CHAR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\p{Cf}]/u;
const UNSAFE_NAME_CHARS = new RegExp(UNSAFE_NAME_CHAR.source, "gu");

const MAX_FILENAME_CHARS = 150;

/**
 * Makes a user-supplied name safe to put in a header and on a disk: none of
 * UNSAFE_NAME_CHAR, no path separators, no leading dots, and at most
 * MAX_FILENAME_CHARS characters with the extension kept.
 */
export function sanitizeFilename(raw: string): string {
  const chars = [...raw.normalize("NFC").replace(UNSAFE_NAME_CHARS, "").replace(/[\\/]/g, "_")];
  let name = chars.join("").trim().replace(/^\.+/, "");
  const all = [...name];
  if (all.length > MAX_FILENAME_CHARS) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : "";
    name = all.slice(0, MAX_FILENAME_CHARS - [...ext].length).join("") + ext;
  }
  return name;
}
