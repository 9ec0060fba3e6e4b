import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

export interface CheckResult {
  /** False makes `/readyz` answer 503. */
  ok: boolean;
  /** A short word for people: "up", "ready", "standby", "down" … */
  status: string;
  /** When not ready (or about to be): why, and what to do, in a sentence for the operator. */
  reason?: string;
}

export type Check = () => CheckResult | Promise<CheckResult>;

export interface ReadinessReport {
  ok: boolean;
  checks: Record<string, CheckResult>;
}

/**
 * What `/readyz` asks: the database, and every channel that is configured. Entries can be added after
 * the app is built (the Node entry adds the Baileys socket once it starts). `/readyz?traffic` asks only
 * the checks that decide whether the process should get requests.
 */
export class Readiness {
  private readonly checks = new Map<string, { check: Check; traffic: boolean }>();

  /**
   * `traffic: false`: the check is reported and fails `/readyz`, but not `/readyz?traffic` — the
   * question a load balancer asks ("may this process serve requests?"). A WhatsApp phone that needs
   * pairing again must not take the dashboard and the Telegram webhook down with it.
   */
  add(name: string, check: Check, options: { traffic?: boolean } = {}): this {
    this.checks.set(name, { check, traffic: options.traffic ?? true });
    return this;
  }

  async report(timeoutMs = 2_000, options: { trafficOnly?: boolean } = {}): Promise<ReadinessReport> {
    const checks = [...this.checks].filter(([, c]) => !options.trafficOnly || c.traffic);
    const entries = await Promise.all(
      checks.map(async ([name, { check }]) => [name, await withTimeout(check, timeoutMs)] as const),
    );
    return { ok: entries.every(([, r]) => r.ok), checks: Object.fromEntries(entries) };
  }
}

async function withTimeout(check: Check, timeoutMs: number): Promise<CheckResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, status: 'timeout' }), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(check), timeout]);
  } catch {
    return { ok: false, status: 'down' };
  } finally {
    clearTimeout(timer);
  }
}

export function databaseCheck(db: Db): Check {
  return async () => {
    await db.execute(sql`select 1`);
    return { ok: true, status: 'up' };
  };
}
