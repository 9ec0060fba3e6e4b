import type { Context } from 'hono';
import type { ApplicationServices } from '../applications/services';
import type { BroadcastSettings } from '../broadcasts/service';
import type { Db } from '../db/client';
import type { Locale, T } from '../i18n';
import type { Logger } from '../logger';
import type { StaffSession } from '../organisations/accounts/sessions';
import type { Clock } from '../shared/clock';
import type { Channel } from '../shared/conversation';
import type { Webhooks } from '../webhooks';

/** What the dashboard needs from the runtime (src/runtime.ts builds it). */
export interface AdminDeps {
  db: Db;
  logger: Logger;
  broadcasts: BroadcastSettings;
  /** The bot's links for a start payload (t.me/<bot>?start=…), for share links on programme pages. */
  deepLink?: (channel: Channel, payload: string) => string | undefined;
  /** NIK cipher and document storage, for the applicant pages. */
  applications?: ApplicationServices;
  /** Outbound webhooks (Pengaturan → Integrasi); absent: the section says it is not available. */
  webhooks?: Webhooks;
  /**
   * `Secure` cookies. On by default; off only when PUBLIC_URL is plain http (local development and the
   * browser tests, which run on http://127.0.0.1).
   */
  secureCookies: boolean;
  /** The public base address (PUBLIC_URL): where a programme's brochure is linked from the bot. */
  publicUrl?: string | undefined;
  /** The server's office hours (OFFICE_HOURS), shown until an organisation sets its own. */
  officeHours?: string | undefined;
  /** The proxy header holding the client's address (see auth/client-address.ts). */
  clientIpHeader?: string | undefined;
  /** The wall clock of sessions and the login throttle (tests pass their own); default: the machine's. */
  clock?: Clock;
}

/** Hono variables of every dashboard request after the session middleware. */
export interface AdminEnv {
  Variables: {
    locale: Locale;
    /** Fixed to the request's locale, namespace `admin` (use `t('inbox:…')` for another namespace). */
    t: T;
    /** Present on every page but the login page. */
    session: StaffSession;
    /** Owners: integrations the dispatcher turned off that nobody has looked at yet (a banner). */
    integrationNotices?: Array<{ id: string; url: string; disabledReason: string | null }>;
  };
}

export type AdminContext = Context<AdminEnv>;

/** The audit actor of a session, for privacy.logAccess. */
export const actorOf = (session: StaffSession) => `staff:${session.memberId}` as const;

/** The session's organisation, as the services take it (each reads the fields it needs). */
export const organisationOf = (c: AdminContext) => ({
  id: c.var.session.organisationId,
  slug: c.var.session.organisationSlug,
  name: c.var.session.organisationName,
});

/** Owners and staff change things; viewers read only (the `canWrite` middleware guards the routes). */
export const canAct = (c: AdminContext) => c.var.session.role !== 'viewer';

/** A field of a posted form as a string ('' when absent or a file), cut to `max` characters when given. */
export async function formField(c: AdminContext, name: string, max?: number): Promise<string> {
  const value = (await c.req.parseBody())[name];
  if (typeof value !== 'string') return '';
  return max === undefined ? value : value.slice(0, max);
}
