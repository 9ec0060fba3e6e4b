/** The retention periods in force, for texts that tell people how long data is kept. */
export interface RetentionSettings {
  days: number;
  messageDays: number;
}

let current: RetentionSettings = { days: 730, messageDays: 365 };

/** Set once at start from RETENTION_DAYS and MESSAGE_RETENTION_DAYS (src/runtime.ts). */
export function setRetentionSettings(settings: RetentionSettings): void {
  current = { ...settings };
}

export function retentionSettings(): RetentionSettings {
  return current;
}
