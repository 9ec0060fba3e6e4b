/**
 * The few Cloudflare Workers types the Workers entry uses, declared here instead of pulling in
 * @cloudflare/workers-types (whose globals clash with the DOM and Node types the rest of the code uses).
 */

export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
  // biome-ignore lint/suspicious/noExplicitAny: as Hono and workers-types declare it
  readonly props: any;
}

export interface ScheduledController {
  readonly scheduledTime: number;
  readonly cron: string;
  noRetry(): void;
}

/** A Hyperdrive binding: a pooled, nearby connection string to the origin Postgres. */
export interface Hyperdrive {
  readonly connectionString: string;
}

export interface R2ObjectBody {
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface R2Objects {
  objects: Array<{ key: string }>;
  truncated: boolean;
  cursor?: string;
}

/** The part of an R2 bucket binding the document storage uses. */
export interface R2Bucket {
  put(
    key: string,
    value: Uint8Array,
    options?: { httpMetadata?: { contentType?: string } },
  ): Promise<unknown>;
  get(key: string): Promise<R2ObjectBody | null>;
  delete(keys: string | string[]): Promise<void>;
  list(options?: { prefix?: string; cursor?: string; limit?: number }): Promise<R2Objects>;
}

/** Bindings (wrangler.toml) and variables/secrets (strings) of the Worker. */
export interface WorkerEnv {
  /** Postgres through Hyperdrive (production, and `wrangler dev` with a local connection string). */
  HYPERDRIVE?: Hyperdrive;
  /** Application documents (optional: without it, uploads are refused politely). */
  UPLOADS?: R2Bucket;
  [name: string]: unknown;
}

/** The string variables and secrets of the environment, as `loadConfig` reads them. */
export function stringVars(env: WorkerEnv): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') vars[name] = value;
  return vars;
}
