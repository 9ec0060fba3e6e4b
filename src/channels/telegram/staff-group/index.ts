import type { Update } from 'grammy/types';
import type { Db } from '../../../db/client';
import type { Locale } from '../../../i18n';
import type { Logger } from '../../../logger';
import type { DispatcherTask } from '../../../outbox/dispatcher';
import type { OfficeHours } from '../../../shared/office-hours';
import type { DocumentStorage, MediaDownloader } from '../../../storage';
import { StaffGroupInbound } from './inbound';
import { type GroupApi, StaffGroupSync } from './sync';

export { isGroupMessage } from './inbound';
export { parseGroupChatId, StaffGroupSettingError, setStaffGroup } from './settings';
export type { GroupApi } from './sync';

export interface StaffGroupOptions {
  db: Db;
  /** The Telegram bot's API (the staff group is a Telegram feature, whatever channel the person uses). */
  api: GroupApi;
  logger: Logger;
  locale: Locale;
  officeHours: OfficeHours;
  publicUrl?: string | undefined;
  botUsername: () => string | undefined;
  /**
   * Photos and documents staff post in a topic: downloaded from Telegram and kept in the storage like
   * files sent from the dashboard. Without it only text is relayed.
   */
  files?: { storage: DocumentStorage; download: MediaDownloader } | undefined;
  /** How often the dispatcher advances the topics. */
  everyMs?: number;
}

export interface StaffGroup {
  sync: StaffGroupSync;
  /** For the dispatcher: opens, fills and closes topics. */
  task: DispatcherTask;
  /** For the Telegram channel: a message from a group (never given to the engine). */
  handleUpdate(update: Update): Promise<void>;
}

/** The optional Telegram staff group of issue #8 (see README.md beside this file). */
export function createStaffGroup(options: StaffGroupOptions): StaffGroup {
  const sync = new StaffGroupSync(options);
  const inbound = new StaffGroupInbound(options);
  return {
    sync,
    task: { name: 'staff-group', everyMs: options.everyMs ?? 1_000, run: () => sync.run().then(() => {}) },
    handleUpdate: (update) => inbound.handle(update),
  };
}
