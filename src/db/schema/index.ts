// Every table of the application, one file per domain. drizzle-kit reads this folder (drizzle.config.ts).

export * from './catalogue';
export * from './core';
export * from './discovery';
export * from './handoff';
export * from './profile';
export * from './whatsapp';
