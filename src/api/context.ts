import { z } from 'zod';
import type { BroadcastSettings } from '../broadcasts/service';
import type { Db } from '../db/client';
import type { Logger } from '../logger';
import type { Clock } from '../shared/clock';
import type { Channel } from '../shared/conversation';
import type { Webhooks } from '../webhooks';

/** What the API's routes need from the runtime. */
export interface ApiDeps {
  db: Db;
  logger: Logger;
  /** The bot's links for a start payload (t.me/<bot>?start=…, wa.me/<number>?text=…). */
  deepLink?: (channel: Channel, payload: string) => string | undefined;
  broadcasts: BroadcastSettings;
  /** Outbound webhooks (/webhooks); absent: those routes answer 501. */
  webhooks?: Webhooks;
  /** Requests per minute per token, and the burst allowed. */
  rateLimit: { perMinute: number; burst: number };
  /** The rate limit's clock (tests pass their own); default: the machine's. */
  clock?: Clock;
}

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(200).default(50),
};

export const slugParam = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a programme slug'),
});
export const idParam = z.object({ id: z.uuid('an id (UUID)') });

export const paginated = <T extends z.ZodType>(item: T) =>
  z.object({ page: z.number(), per_page: z.number(), total: z.number(), items: z.array(item) });
