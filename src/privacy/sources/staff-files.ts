import { and, asc, eq, sql } from 'drizzle-orm';
import { messages } from '../../db/schema';
import type { FlowContext } from '../../engine/context';
import { staffFilesPrefix } from '../../handoff/files';
import type { DocumentStorage } from '../../storage';
import type { PersonalDataSource } from '../registry';

export interface StaffFileExport {
  fileName: string;
  mimeType: string;
  size: number;
  caption: string | null;
  sentAt: string;
  /** Delivery status: pending, sent, failed … */
  status: string;
}

/** Names shown in the chat summary before "and N more". */
const NAMED = 3;

/**
 * Files staff sent to the person from the inbox or the staff group (src/handoff/files.ts). The bytes
 * live in the document storage under `staff-files/<userId>/`, which the database cascade cannot reach,
 * so erasure deletes that folder here; the message rows that name them go with the messages source.
 * Like applications, the source needs the runtime's storage and is registered in src/runtime.ts.
 *
 * Export: the files listed (name, type, size, when), not copied into the export. Withdrawal of consent
 * keeps them: they are the organisation's material sent at the person's request, not data collected
 * under the consent; they go with the person's erasure.
 */
export function staffFilesSource(storage: DocumentStorage): PersonalDataSource {
  return {
    name: 'staffFiles',
    async export(db, userId): Promise<StaffFileExport[] | null> {
      const rows = await db
        .select({ body: messages.body, createdAt: messages.createdAt, status: messages.status })
        .from(messages)
        .where(
          and(
            eq(messages.userId, userId),
            eq(messages.direction, 'out'),
            eq(messages.origin, 'staff'),
            sql`${messages.body} ->> 'type' = 'file'`,
          ),
        )
        .orderBy(asc(messages.id));
      if (!rows.length) return null;
      return rows.map((r) => {
        const body = r.body as Record<string, unknown>;
        return {
          fileName: String(body.fileName ?? ''),
          mimeType: String(body.mimeType ?? ''),
          size: typeof body.size === 'number' ? body.size : 0,
          caption: typeof body.caption === 'string' ? body.caption : null,
          sentAt: new Date(r.createdAt).toISOString(),
          status: r.status,
        };
      });
    },
    async erase(_db, userId) {
      await storage.deletePrefix(staffFilesPrefix(userId));
    },
    describe: (ctx, data) => describeStaffFiles(ctx, data as StaffFileExport[]),
  };
}

function describeStaffFiles(ctx: FlowContext, files: StaffFileExport[]): string[] {
  const names = files.slice(0, NAMED).map((f) => f.fileName);
  if (files.length > NAMED) names.push(ctx.t('privacy:summary.more', { count: files.length - NAMED }));
  return [ctx.t('privacy:summary.staffFiles', { count: files.length, names: names.join(', ') })];
}
