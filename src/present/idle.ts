/**
 * When the presenter's controls hide: after `delayMs` without pointer or key activity, and never
 * while something holds them (focus inside the controls, a dialog open). Timers are injected so
 * the logic is tested with fake time; the React hook only wires events to it.
 */

export interface Clock {
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
}

/** Seconds of stillness before the controls hide: long enough to read them, short enough for a talk. */
export const IDLE_MS = 3000;

export class IdleTimer {
  private idle = false;
  private held = false;
  private timer: number | null = null;

  constructor(
    private readonly delayMs: number,
    private readonly onChange: (idle: boolean) => void,
    private readonly clock: Clock = { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (id) => window.clearTimeout(id) },
  ) {
    this.arm();
  }

  /** Whether the controls are hidden now. */
  get isIdle(): boolean {
    return this.idle;
  }

  /** A pointer move or key press: show the controls, and start counting again. */
  activity(): void {
    this.set(false);
    this.arm();
  }

  /** While held (focus inside the controls, a dialog open) the controls stay shown. */
  hold(held: boolean): void {
    if (held === this.held) return;
    this.held = held;
    if (held) this.set(false);
    this.arm();
  }

  dispose(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    if (this.held) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      if (!this.held) this.set(true);
    }, this.delayMs);
  }

  private set(idle: boolean): void {
    if (idle === this.idle) return;
    this.idle = idle;
    this.onChange(idle);
  }
}
