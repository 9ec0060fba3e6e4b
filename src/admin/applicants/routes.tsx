import { Hono } from 'hono';
import type { AdminDeps, AdminEnv } from '../context';
import { page } from '../layout';

// Placeholder until this section is built (issue #8, in progress).
export function applicantRoutes(_deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  app.get('/', (c) =>
    page(c, c.var.t('nav.applicants'), 'applicants', <p>{c.var.t('layout.comingSoon')}</p>),
  );
  return app;
}
