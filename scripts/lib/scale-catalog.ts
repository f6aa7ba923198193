/**
 * A made-up but realistic electronics inventory, a row at a time: part `i`
 * and attachment `j` are the same on every run, so a state can be grown
 * (10 000 → 100 000 → 1 000 000 parts) and a benchmark knows what to ask for.
 *
 * Names follow real part lists: resistors and capacitors with values and
 * packages (a few very common words), ICs by part number with a short
 * description ("LM358DR dual op-amp SOIC-8"), connectors and discretes, and
 * one part in RARE_EVERY carries RARE_WORD. Attachments are photos, pinouts,
 * datasheets, notes, archives and links, with attributes `batch` and `reel`
 * (ATTRIBUTE_VALUES values each, spread the same way, so one can be indexed
 * and the other not and the two compared) and `supplier`.
 */
import { createHash } from "node:crypto";

const KEY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const KEY_SPACE = BigInt(KEY_ALPHABET.length) ** 8n;
// Odd and prime, so i -> i * MULTIPLIER mod 31^8 is a bijection: distinct parts, random-looking keys.
const MULTIPLIER = 2654435761n;

export const RARE_WORD = "cryogenic";
export const RARE_EVERY = 10_000;
export const COMMON_WORD = "resistor";
export const PART_NUMBER_PREFIX = "LM35";
export const ATTRIBUTE_VALUES = 5_000;
export const SUPPLIERS = ["Mouser", "Digi-Key", "LCSC", "Farnell", "RS"] as const;

/** Keys like the ones the API makes (8 characters of its alphabet), one per part index. */
export function partKeyFor(index: number): string {
  let n = (BigInt(index) * MULTIPLIER + 7n) % KEY_SPACE;
  let key = "";
  for (let i = 0; i < 8; i++) {
    key += KEY_ALPHABET[Number(n % 31n)];
    n /= 31n;
  }
  return key;
}

// A cheap, well-mixed integer hash (splitmix-style) so choices look random but repeat.
function mix(n: number, salt: number): number {
  let x = Math.imul(n ^ (salt * 0x9e3779b9), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
const pick = <T>(list: readonly T[], n: number, salt: number): T => list[mix(n, salt) % list.length]!;

const E12 = ["10", "12", "15", "18", "22", "27", "33", "39", "47", "56", "68", "82"];
const PACKAGES = ["0402", "0603", "0805", "1206"];
const ICS: ReadonlyArray<[string, string]> = [
  ["LM358DR", "dual op-amp SOIC-8"],
  ["LM358N", "dual op-amp DIP-8"],
  ["LM35DZ", "precision temperature sensor TO-92"],
  ["LM317T", "adjustable linear regulator TO-220"],
  ["NE555P", "precision timer DIP-8"],
  ["STM32F103C8T6", "ARM Cortex-M3 microcontroller LQFP-48"],
  ["STM32G431KBT6", "ARM Cortex-M4 microcontroller LQFP-32"],
  ["ATmega328P-AU", "8-bit AVR microcontroller TQFP-32"],
  ["ESP32-WROOM-32E", "Wi-Fi Bluetooth module"],
  ["RP2040", "dual-core microcontroller QFN-56"],
  ["nRF52840-QIAA", "Bluetooth LE SoC aQFN-73"],
  ["AMS1117-3.3", "LDO regulator 3.3V SOT-223"],
  ["TL431AIDBZR", "shunt voltage reference SOT-23"],
  ["74HC595D", "8-bit shift register SOIC-16"],
  ["CH340G", "USB to UART bridge SOIC-16"],
  ["MAX3232ESE", "RS-232 transceiver SOIC-16"],
  ["TPS63020DSJR", "buck-boost converter VSON-14"],
  ["DRV8825PWPR", "stepper motor driver HTSSOP-28"],
  ["ADS1115IDGSR", "16-bit ADC with PGA VSSOP-10"],
  ["BME280", "humidity pressure temperature sensor LGA-8"],
  ["MPU-6050", "6-axis IMU QFN-24"],
  ["W25Q128JVSIQ", "128 Mbit SPI flash SOIC-8"],
  ["SN65HVD230DR", "CAN bus transceiver SOIC-8"],
  ["INA219AIDR", "current power monitor SOIC-8"],
];
const DISCRETES: ReadonlyArray<string> = [
  "2N3904 NPN transistor TO-92",
  "BC547B NPN transistor TO-92",
  "AO3400A N-channel MOSFET SOT-23",
  "IRLZ44N N-channel MOSFET TO-220",
  "1N4148W signal diode SOD-123",
  "SS34 Schottky diode SMA",
  "LED 0805 red",
  "LED 0603 green",
  "crystal 16MHz HC-49",
  "crystal 32.768kHz 2012",
  "JST XH 2.54mm 4-pin header",
  "USB-C receptacle 16-pin",
  "pin header 2.54mm 1x40",
  "tactile switch 6x6mm",
  "ferrite bead 600R 0603",
  "fuse 500mA 1206",
];

export interface CatalogPart {
  key: string;
  name: string;
  description: string;
}

export function partFor(index: number): CatalogPart {
  const family = mix(index, 1) % 100;
  let name: string;
  if (family < 30) {
    const value = pick(E12, index, 2);
    const decade = pick(["R", "K", "K", "M"], index, 3);
    const pkg = pick(PACKAGES, index, 4);
    name = `RC${pkg}FR-07${value}${decade}L ${value}${decade === "R" ? "Ω" : decade} 1% ${pkg} ${COMMON_WORD}`;
  } else if (family < 55) {
    const value = pick(E12, index, 5);
    const unit = pick(["pF", "nF", "nF", "uF"], index, 6);
    const pkg = pick(PACKAGES, index, 7);
    name = `GRM${pkg}${value}${unit} ${value}${unit} ${pick(["16V", "25V", "50V"], index, 8)} ${pick(["X7R", "X5R", "C0G"], index, 9)} ${pkg} capacitor`;
  } else if (family < 80) {
    const [number, what] = pick(ICS, index, 10);
    name = `${number} ${what}`;
  } else {
    name = pick(DISCRETES, index, 11);
  }
  if (index % RARE_EVERY === RARE_EVERY / 2) name += ` ${RARE_WORD}`;
  const bin = `${String.fromCharCode(65 + (mix(index, 12) % 26))}${(mix(index, 13) % 40) + 1}-${(mix(index, 14) % 9) + 1}`;
  return { key: partKeyFor(index), name, description: `Stocked in bin ${bin}; ${(mix(index, 15) % 2000) + 1} on hand.` };
}

export interface CatalogAttachment {
  part_key: string;
  attachment_type: "image" | "pdf" | "file" | "url";
  title: string;
  filename: string | null;
  content_type: string | null;
  size: number | null;
  sha256: string | null;
  url: string | null;
  attributes: string;
}

/** The value `batch` and `reel` take on attachment `index` (ATTRIBUTE_VALUES of each). */
export function batchFor(index: number): string {
  return `B${String(mix(index, 20) % ATTRIBUTE_VALUES).padStart(4, "0")}`;
}
export function reelFor(index: number): string {
  return `R${String(mix(index, 21) % ATTRIBUTE_VALUES).padStart(4, "0")}`;
}

const KINDS: ReadonlyArray<[CatalogAttachment["attachment_type"], string | null, string]> = [
  ["image", "image/jpeg", "photo.jpg"],
  ["image", "image/jpeg", "reel-label.jpg"],
  ["image", "image/png", "pinout.png"],
  ["image", "image/webp", "footprint.webp"],
  ["pdf", "application/pdf", "datasheet.pdf"],
  ["pdf", "application/pdf", "datasheet.pdf"],
  ["pdf", "application/pdf", "app-note.pdf"],
  ["file", "text/plain; charset=utf-8", "notes.txt"],
  ["file", "application/zip", "kicad-footprint.zip"],
  ["url", null, "Product page"],
];

/** Attachment `index`, on `part`: its file names start with the part's number. */
export function attachmentFor(index: number, part: CatalogPart): CatalogAttachment {
  const [type, contentType, file] = pick(KINDS, index, 16);
  const stem = part.name.split(" ", 1)[0]!;
  const attributes: Record<string, string | number> = { batch: batchFor(index), reel: reelFor(index), supplier: pick(SUPPLIERS, index, 17) };
  if (type === "pdf") attributes.pages = (mix(index, 18) % 60) + 1;
  if (type === "url") {
    return {
      part_key: part.key,
      attachment_type: "url",
      title: `${stem} ${file}`,
      filename: null,
      content_type: null,
      size: null,
      sha256: null,
      url: `https://www.example.com/product/${encodeURIComponent(stem)}`,
      attributes: JSON.stringify(attributes),
    };
  }
  const filename = `${stem}-${file}`;
  return {
    part_key: part.key,
    attachment_type: type,
    title: filename,
    filename,
    content_type: contentType,
    size: 2_000 + (mix(index, 19) % 4_000_000),
    sha256: createHash("sha256").update(`scale attachment ${index}`).digest("hex"),
    url: null,
    attributes: JSON.stringify(attributes),
  };
}
