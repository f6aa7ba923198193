import { AppError } from "../errors";
import { clip } from "./echo";

const MAX_CONTENT_TYPE_LENGTH = 200;

// RFC 9110 §8.3.1: type "/" subtype *( OWS ";" OWS parameter ), parameter = token "=" ( token / quoted-string ).
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED = '"(?:[\\t !#-\\[\\]-~]|\\\\[\\t -~])*"';
const MEDIA_TYPE = new RegExp(`^(${TOKEN})/(${TOKEN})((?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|${QUOTED}))*)[ \\t]*$`);

/**
 * Validates a media type and keeps only what a browser needs: `type/subtype`
 * (lowercased) and a charset. Every other parameter is dropped, so nothing a
 * client wrote is echoed into Content-Type (`image/jpeg; x="<script>"`).
 * Throws naming `field` when the value is not a media type at all.
 */
export function parseMediaType(value: string, field: string): string {
  const match = value.length <= MAX_CONTENT_TYPE_LENGTH ? MEDIA_TYPE.exec(value.trim()) : null;
  if (!match) throw new AppError("invalid_parameter", `${field} must be a media type such as "image/png", not "${clip(value)}".`);
  const [, type = "", subtype = "", params = ""] = match;
  const charset = /;[ \t]*charset=(?:"([!#$%&'*+.^_`|~0-9A-Za-z-]+)"|([!#$%&'*+.^_`|~0-9A-Za-z-]+))/i.exec(params);
  const essential = `${type.toLowerCase()}/${subtype.toLowerCase()}`;
  return charset ? `${essential}; charset=${(charset[1] ?? charset[2]!).toLowerCase()}` : essential;
}

/** `type/subtype` without parameters. */
export function essence(mediaType: string): string {
  return mediaType.split(";", 1)[0]!.trim().toLowerCase();
}
