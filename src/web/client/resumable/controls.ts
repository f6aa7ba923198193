import { h } from "../dom";
import { formatBytes } from "../format";
import type { Row } from "../upload-row";
import { progressLine, rate, type Sample } from "./plan";

/** The reason a part's request was cancelled: the user paused, nothing failed. */
export class Paused extends Error {
  constructor() {
    super("Paused");
  }
}

/**
 * The row's Pause/Resume button. Pausing cancels the part in flight (its
 * bytes are sent again on resume: the worker keeps whole parts only), and
 * holds the next request until Resume.
 */
export class PauseControl {
  readonly button: HTMLButtonElement;
  private controller = new AbortController();
  private resumed: Promise<void> = Promise.resolve();
  private release = () => {};

  constructor(
    private readonly name: string,
    private readonly onPause: () => void,
  ) {
    this.button = h("button", { type: "button", class: "upload-pause" });
    this.label(false);
    this.button.addEventListener("click", () => (this.paused ? this.resume() : this.pause()));
  }

  get paused(): boolean {
    return this.controller.signal.aborted;
  }

  /** Cancels the request it was handed to (see sendBytes) when the user pauses. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  untilResumed(): Promise<void> {
    return this.resumed;
  }

  private pause(): void {
    this.resumed = new Promise((resolve) => (this.release = resolve));
    this.controller.abort(new Paused());
    this.label(true);
    this.onPause();
  }

  private resume(): void {
    this.controller = new AbortController();
    this.label(false);
    this.release();
  }

  private label(paused: boolean): void {
    this.button.textContent = paused ? "Resume" : "Pause";
    this.button.setAttribute("aria-label", `${paused ? "Resume" : "Pause"} ${this.name}`);
  }

  remove(): void {
    this.button.remove();
  }
}

/** How long the speed is averaged over: long enough to be steady, short enough to follow a changing connection. */
const WINDOW_MS = 5000;

/** The file's one progress bar and its line with speed and time left. */
export class Meter {
  private samples: Sample[] = [];

  constructor(
    private readonly r: Row,
    private readonly size: number,
  ) {}

  /** `bytes` of the file are stored or on their way. */
  sent(bytes: number): void {
    const now = performance.now();
    this.samples.push({ at: now, bytes });
    while (this.samples.length > 2 && this.samples[0]!.at < now - WINDOW_MS) this.samples.shift();
    this.r.progress.value = this.size > 0 ? Math.floor((bytes / this.size) * 100) : 100;
    this.r.status.textContent = progressLine(bytes, this.size, rate(this.samples), formatBytes);
    this.r.item.dataset.state = "busy";
  }

  /** A pause or a retry: the speed starts over when bytes move again. */
  hold(text: string): void {
    this.samples = [];
    this.r.status.textContent = text;
  }
}
