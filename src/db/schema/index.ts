// Every table of the application, one file per domain. drizzle-kit reads this folder (drizzle.config.ts).

export * from './applications';
export * from './broadcasts';
export * from './catalogue';
export * from './core';
export * from './discovery';
export * from './handoff';
export * from './imports';
export * from './knowledge';
export * from './organisations';
export * from './privacy';
export * from './profile';
export * from './staff';
export * from './staff-group';
export * from './webhooks';
export * from './whatsapp';
