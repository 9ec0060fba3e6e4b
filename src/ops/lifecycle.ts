/**
 * In-flight requests and the draining flag, for graceful shutdown: once draining, new requests are
 * refused with 503 (the platforms redeliver them, to this process after a restart or to another one)
 * and `/readyz` fails, while the requests already being served finish.
 */
export class Lifecycle {
  private active = 0;
  private draining_ = false;
  private waiters: Array<() => void> = [];

  get draining(): boolean {
    return this.draining_;
  }

  get inFlight(): number {
    return this.active;
  }

  enter(): void {
    this.active++;
  }

  leave(): void {
    this.active--;
    if (this.active <= 0) {
      this.active = 0;
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    }
  }

  /** Refuses new requests from now on and waits for the ones in flight; false when the wait timed out. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.draining_ = true;
    if (this.active === 0) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const idle = new Promise<boolean>((resolve) => this.waiters.push(() => resolve(true)));
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const result = await Promise.race([idle, timeout]);
    clearTimeout(timer);
    return result;
  }
}
