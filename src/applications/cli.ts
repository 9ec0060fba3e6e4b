/**
 * npm run applications -- set-status REF STATUS [--date "2026-12-07 09:00"] [--place "…"] [--reason "…"] [--by NAME]
 * npm run applications -- show REF
 * npm run applications -- list PROGRAMME-SLUG
 *
 * Staff tools until the organisations' API and dashboard arrive. A status change notifies the person
 * through the outbox: the running server's dispatcher sends it. Times are Jakarta time (WIB).
 * Prints no personal data beyond the reference and status.
 */

import { fileURLToPath } from 'node:url';
import { asc, eq } from 'drizzle-orm';
import { cliLocale, openDatabaseFromEnv } from '../catalogue/cli/common';
import type { Db } from '../db/client';
import { applicationEvents, applications, programmes } from '../db/schema';
import { tFor } from '../i18n';
import { isApplicationStatus, STAFF_STATUSES, type StatusDetails } from '../shared/application-statuses';
import { formatWhen, parseWhen } from './format';
import { changeStatus, StatusChangeError } from './status';
import { waitlistPosition } from './store';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function positional(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i]!.startsWith('--')) i++;
    else out.push(args[i]!);
  }
  return out;
}

/** Runs one command; returns the exit code. `print` receives each output line. */
export async function runApplicationsCli(
  db: Db,
  args: string[],
  print: (line: string) => void = console.log,
): Promise<number> {
  const locale = cliLocale(args);
  const t = (key: string, vars?: Record<string, unknown>) =>
    tFor(locale, 'applications')(`cli.${key}`, vars ?? {}) as string;
  const [command, ...rest] = positional(args);
  switch (command) {
    case 'set-status': {
      const [reference, status] = rest;
      if (
        !reference ||
        !status ||
        !isApplicationStatus(status) ||
        !(STAFF_STATUSES as readonly string[]).includes(status)
      ) {
        print(t('usage', { statuses: STAFF_STATUSES.join(', ') }));
        return 2;
      }
      const details: StatusDetails = {};
      const date = option(args, 'date');
      if (date) {
        const when = parseWhen(date);
        if (!when) {
          print(t('badDate'));
          return 2;
        }
        details.date = when;
      }
      const place = option(args, 'place');
      if (place) details.place = place;
      const reason = option(args, 'reason');
      if (reason) details.reason = reason;
      try {
        const result = await changeStatus(
          db,
          reference,
          status,
          details,
          `staff:${option(args, 'by') ?? 'cli'}`,
        );
        print(t('changed', { reference, from: result.from, to: result.to }));
        print(t(result.notified ? 'notified' : 'notNotified'));
        if (result.promoted.length) print(t('promoted', { references: result.promoted.join(', ') }));
        return 0;
      } catch (error) {
        if (error instanceof StatusChangeError) {
          print(t(`error.${error.code}`, { reference, status }));
          return 1;
        }
        throw error;
      }
    }
    case 'show': {
      const [reference] = rest;
      if (!reference) {
        print(t('usage', { statuses: STAFF_STATUSES.join(', ') }));
        return 2;
      }
      const [row] = await db
        .select({ app: applications, slug: programmes.slug })
        .from(applications)
        .innerJoin(programmes, eq(programmes.id, applications.programmeId))
        .where(eq(applications.reference, reference));
      if (!row) {
        print(t('error.not_found', { reference }));
        return 1;
      }
      const position = await waitlistPosition(db, row.app.id);
      print(
        t('show', {
          reference,
          programme: row.slug,
          status: row.app.status,
          seat: row.app.seat ?? '-',
          position: position ?? '-',
          submitted: row.app.submittedAt?.toISOString() ?? '-',
        }),
      );
      const events = await db
        .select()
        .from(applicationEvents)
        .where(eq(applicationEvents.applicationId, row.app.id))
        .orderBy(asc(applicationEvents.id));
      for (const e of events)
        print(
          `  ${e.createdAt.toISOString()}  ${e.fromStatus} → ${e.toStatus}  (${e.actor})${
            e.details?.date ? `  ${formatWhen(e.details.date, locale)}` : ''
          }`,
        );
      return 0;
    }
    case 'list': {
      const [slug] = rest;
      if (!slug) {
        print(t('usage', { statuses: STAFF_STATUSES.join(', ') }));
        return 2;
      }
      const rows = await db
        .select({
          id: applications.id,
          reference: applications.reference,
          status: applications.status,
          seat: applications.seat,
        })
        .from(applications)
        .innerJoin(programmes, eq(programmes.id, applications.programmeId))
        .where(eq(programmes.slug, slug))
        .orderBy(asc(applications.submittedAt));
      for (const r of rows) {
        if (!r.reference) continue;
        print(`${r.reference}  ${r.status}${r.seat ? ` (${r.seat})` : ''}`);
      }
      return 0;
    }
    default:
      print(t('usage', { statuses: STAFF_STATUSES.join(', ') }));
      return 2;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const database = await openDatabaseFromEnv();
  try {
    process.exitCode = await runApplicationsCli(database.db, process.argv.slice(2));
  } finally {
    await database.close();
  }
}
