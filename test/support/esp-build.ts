import { zipSync } from "fflate";
import { concat } from "./bytes";

/**
 * Small but well-formed ESP-IDF build outputs for tests and benchmarks:
 * an app image with a real esp_image_header_t, segment header and
 * esp_app_desc_t, an ELF whose hash the descriptor carries, and the other
 * files of a build directory. Web APIs only, so node and workerd both run it.
 */
const encoder = new TextEncoder();

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function noise(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65536)));
  return bytes;
}

function putText(target: Uint8Array, at: number, size: number, text: string): void {
  target.set(encoder.encode(text).subarray(0, size - 1), at);
}

export interface AppImageOptions {
  version: string;
  elfSha256: string;
  projectName?: string;
  idfVer?: string;
  /** Total image size; the rest after the descriptor is random. */
  size?: number;
  /** esp_app_desc_t.secure_version, the anti-rollback counter (0 by default, as a build without it). */
  secureVersion?: number;
}

/** esp_image_header_t (24) + esp_image_segment_header_t (8) + esp_app_desc_t (256) + segment data. */
export function appImage(o: AppImageOptions): Uint8Array {
  const size = Math.max(o.size ?? 4096, 512);
  const image = noise(size);
  const view = new DataView(image.buffer);
  image.fill(0, 0, 32 + 256);
  image[0] = 0xe9; // ESP_IMAGE_HEADER_MAGIC
  image[1] = 1; // segment_count
  image[2] = 2; // spi_mode DIO
  image[3] = 0x20; // 4MB, 40 MHz
  view.setUint32(4, 0x40081000, true); // entry_addr
  image[8] = 0xee; // wp_pin disabled
  view.setUint16(12, 0, true); // chip_id ESP32
  view.setUint16(17, 399, true); // max_chip_rev_full
  image[23] = 1; // hash_appended
  view.setUint32(24, 0x3f400020, true); // segment load_addr (DROM)
  view.setUint32(28, size - 32, true); // segment data_len
  view.setUint32(32, 0xabcd5432, true); // esp_app_desc_t.magic_word
  view.setUint32(32 + 4, o.secureVersion ?? 0, true); // esp_app_desc_t.secure_version
  putText(image, 32 + 16, 32, o.version);
  putText(image, 32 + 48, 32, o.projectName ?? "sensor-node");
  putText(image, 32 + 80, 16, "12:00:00");
  putText(image, 32 + 96, 16, "Nov 27 2026");
  putText(image, 32 + 112, 32, o.idfVer ?? "v5.3.1");
  for (let i = 0; i < 32; i++) image[32 + 144 + i] = Number.parseInt(o.elfSha256.slice(i * 2, i * 2 + 2), 16);
  return image;
}

/** Bytes that start like an ELF32 little-endian file; random after that, so every build is new. */
export function fakeElf(size = 8192): Uint8Array {
  const elf = noise(size);
  elf.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1, 0]);
  return elf;
}

export interface BuildOptions {
  version: string;
  appSize?: number;
  elfSize?: number;
  mapSize?: number;
  /** Files to add, or (value null) to leave out, by name. */
  files?: Record<string, Uint8Array | null>;
  /** The ELF hash written into the descriptor; the real ELF's hash by default. */
  descriptorElfSha256?: string;
  secureVersion?: number;
}

export interface Build {
  files: Record<string, Uint8Array>;
  appName: string;
  elfSha256: string;
  appSha256: string;
}

/** The files of an ESP-IDF build directory, as `idf.py build` leaves them. */
export async function espBuild(o: BuildOptions): Promise<Build> {
  const elf = fakeElf(o.elfSize ?? 8192);
  const elfSha256 = await sha256Hex(elf);
  const app = appImage({
    version: o.version,
    elfSha256: o.descriptorElfSha256 ?? elfSha256,
    size: o.appSize ?? 4096,
    secureVersion: o.secureVersion,
  });
  const partitionTable = new Uint8Array(3072).fill(0xff);
  partitionTable.set([0xaa, 0x50, 0x01, 0x02]);
  const files: Record<string, Uint8Array | null> = {
    "sensor-node.bin": app,
    "sensor-node.elf": elf,
    "sensor-node.map": mapText(o.mapSize ?? 2000),
    "bootloader/bootloader.bin": appImage({ version: "bootloader", elfSha256: "00".repeat(32), size: 2048 }),
    "partition_table/partition-table.bin": partitionTable,
    "version.json": encoder.encode(JSON.stringify({ version: o.version })),
    ...o.files,
  };
  const kept = Object.fromEntries(Object.entries(files).filter((e): e is [string, Uint8Array] => e[1] !== null));
  return { files: kept, appName: "sensor-node.bin", elfSha256, appSha256: await sha256Hex(app) };
}

/** Linker-map-like text that compresses about as well as a real one (a few to one), not a thousand to one. */
function mapText(size: number): Uint8Array {
  const hex = [...noise(Math.ceil(size / 2))].map((b) => b.toString(16).padStart(2, "0")).join("");
  return encoder.encode(`Archive member included to satisfy reference by file (symbol)\n${hex}`.slice(0, size));
}

export function zip(files: Record<string, Uint8Array>, level: 0 | 6 = 6): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, [bytes, { level }]])));
}

/**
 * An ESP-IDF ELF-format core dump: core_dump_header_t (unless headerSize is
 * 0), then an ELF32 core file with a PT_LOAD segment and a PT_NOTE segment
 * holding a "CORE" note and the "ESP_CORE_DUMP_INFO" note whose desc is a
 * uint32 version followed by the ELF SHA-256 hex string. `infoDesc`
 * replaces that desc with any bytes (what a broken or hostile device sends).
 */
export function elfCoredump(shaHex: string | null, headerSize: 0 | 20 | 24 = 24, options: { infoDesc?: Uint8Array } = {}): Uint8Array {
  const notes: Uint8Array[] = [note("CORE", 1, noise(72))];
  if (options.infoDesc) {
    notes.push(note("ESP_CORE_DUMP_INFO", 8266, options.infoDesc));
  } else if (shaHex !== null) {
    const desc = new Uint8Array(72); // sizeof(core_dump_elf_version_info_t): uint32 + char[66], padded
    new DataView(desc.buffer).setUint32(0, 0x0103, true);
    desc.set(encoder.encode(shaHex), 4);
    notes.push(note("ESP_CORE_DUMP_INFO", 8266, desc));
  }
  const noteBytes = concat(notes);
  const load = noise(512);
  const phoff = 52;
  const dataStart = phoff + 2 * 32;
  const elf = new Uint8Array(dataStart + load.length + noteBytes.length);
  const v = new DataView(elf.buffer);
  elf.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1, 0]);
  v.setUint16(16, 4, true); // ET_CORE
  v.setUint16(18, 94, true); // EM_XTENSA
  v.setUint32(20, 1, true);
  v.setUint32(28, phoff, true);
  v.setUint16(40, 52, true);
  v.setUint16(42, 32, true);
  v.setUint16(44, 2, true);
  const phdr = (i: number, type: number, offset: number, size: number) => {
    const at = phoff + i * 32;
    v.setUint32(at, type, true);
    v.setUint32(at + 4, offset, true);
    v.setUint32(at + 16, size, true);
    v.setUint32(at + 20, size, true);
  };
  phdr(0, 1, dataStart, load.length);
  phdr(1, 4, dataStart + load.length, noteBytes.length);
  elf.set(load, dataStart);
  elf.set(noteBytes, dataStart + load.length);
  if (headerSize === 0) return elf;
  const header = new Uint8Array(headerSize);
  const h = new DataView(header.buffer);
  h.setUint32(0, headerSize + elf.length + 4, true); // data_len (incl. checksum)
  h.setUint32(4, 0x0103, true); // version: ELF format
  return concat([header, elf, new Uint8Array(4)]);
}

function note(name: string, type: number, desc: Uint8Array): Uint8Array {
  const nameBytes = encoder.encode(`${name}\0`);
  const pad = (n: number) => (n + 3) & ~3;
  const out = new Uint8Array(12 + pad(nameBytes.length) + pad(desc.length));
  const v = new DataView(out.buffer);
  v.setUint32(0, nameBytes.length, true);
  v.setUint32(4, desc.length, true);
  v.setUint32(8, type, true);
  out.set(nameBytes, 12);
  out.set(desc, 12 + pad(nameBytes.length));
  return out;
}
