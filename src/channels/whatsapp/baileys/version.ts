import { DEFAULT_CONNECTION_CONFIG, fetchLatestWaWebVersion, type WAVersion } from 'baileys';
import { errorSummary } from '../../../engine/engine';
import type { Logger } from '../../../logger';

/*
 * The WhatsApp Web version the socket announces. Baileys ships the one current when it was released;
 * WhatsApp refuses clients that fall too far behind ("Connection Failure", 405), and then a socket
 * would back off forever. So the current version is fetched from web.whatsapp.com at start (and again
 * after a 405) when the network allows; an operator can pin one instead (WHATSAPP_WA_VERSION).
 */

export interface VersionChoice {
  /** Undefined: Baileys' own (bundled) version. */
  version: WAVersion | undefined;
  source: 'pinned' | 'fetched' | 'bundled';
  /** Why the fetch did not give one (short, for logs and the status command). */
  error?: string;
}

export type VersionSource = () => Promise<VersionChoice>;

export const BUNDLED_VERSION: WAVersion = DEFAULT_CONNECTION_CONFIG.version;

export function formatVersion(version: WAVersion | undefined): string {
  return (version ?? BUNDLED_VERSION).join('.');
}

export interface VersionOptions {
  pinned?: WAVersion | undefined;
  fetch: boolean;
  logger?: Logger;
  timeoutMs?: number;
  /** Tests: instead of web.whatsapp.com. */
  fetchLatest?: (init: RequestInit) => ReturnType<typeof fetchLatestWaWebVersion>;
}

/** Pinned, else fetched (with a timeout), else Baileys' own. Never throws. */
export function versionSource(options: VersionOptions): VersionSource {
  return async () => {
    if (options.pinned) return { version: options.pinned, source: 'pinned' };
    if (!options.fetch) return { version: undefined, source: 'bundled' };
    try {
      const fetchLatest = options.fetchLatest ?? fetchLatestWaWebVersion;
      const result = await fetchLatest({ signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) });
      if (result.isLatest) return { version: result.version, source: 'fetched' };
      const error = messageOf(result.error ?? 'no version found');
      options.logger?.warn({ err: error }, 'whatsapp web version not fetched; using the bundled one');
      return { version: undefined, source: 'bundled', error };
    } catch (error) {
      const message = messageOf(error);
      options.logger?.warn({ err: message }, 'whatsapp web version not fetched; using the bundled one');
      return { version: undefined, source: 'bundled', error: message };
    }
  };
}

function messageOf(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null && !(error instanceof Error) && 'message' in error
      ? String((error as { message: unknown }).message)
      : errorSummary(error).message;
  return message.slice(0, 200);
}
