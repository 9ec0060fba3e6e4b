import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_IMPORT_BYTES } from '../organisations/import-jobs';
import { applicantRoutes } from './applicants/routes';
import { SCRIPTS, STYLES } from './assets';
import { requireSession, securityHeaders } from './auth/middleware';
import { authRoutes } from './auth/routes';
import { broadcastRoutes } from './broadcasts/routes';
import type { AdminDeps, AdminEnv } from './context';
import { adminI18n } from './i18n';
import { isReplyPost, REPLY_BODY_MAX } from './inbox/reply-upload';
import { inboxRoutes } from './inbox/routes';
import { integrationNotices, integrationRoutes } from './integrations/routes';
import { knowledgeRoutes } from './knowledge/routes';
import { readBrochure } from './programmes/brochure';
import { programmeRoutes } from './programmes/routes';
import { settingsRoutes } from './settings/routes';
import { targetRoutes } from './targets/routes';

export type { AdminDeps } from './context';

/**
 * The staff and organisation dashboard at /admin (issue #8): server-rendered Hono JSX, one small script
 * for live updates. Every page but login needs a session; every change needs the session's CSRF token.
 */
export function createAdmin(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/assets/admin.css', (c) =>
    c.body(STYLES, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=300',
    }),
  );
  app.get('/assets/admin.js', (c) =>
    c.body(SCRIPTS, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
    }),
  );
  app.use('*', securityHeaders, adminI18n);
  // Before anything reads a body (the CSRF check parses forms): the largest legitimate request is a
  // catalogue CSV upload. An inbox reply with a file reads a little more, so a file over the limit is
  // refused on the form itself with the typed text kept (src/admin/inbox/reply-upload.ts).
  const tooLarge = (c: Context<AdminEnv>) =>
    c.text(c.var.t('errors.tooLarge', { max: MAX_IMPORT_BYTES / 1024 / 1024 }), 413);
  const uploadLimit = bodyLimit({ maxSize: MAX_IMPORT_BYTES + 256 * 1024, onError: tooLarge });
  const replyLimit = bodyLimit({ maxSize: REPLY_BODY_MAX, onError: tooLarge });
  app.use('*', (c, next) => (isReplyPost(c.req.method, c.req.path) ? replyLimit : uploadLimit)(c, next));
  // Programme brochures are public: the bot gives their address to anyone as the programme's source.
  app.get('/brosur/:name', async (c) => {
    const found = deps.applications
      ? await readBrochure(deps.applications.storage, c.req.param('name'))
      : undefined;
    if (!found) return c.text('not found', 404);
    return c.body(found.data as Uint8Array<ArrayBuffer>, 200, {
      'content-type': found.type,
      'cache-control': 'public, max-age=86400',
      'x-content-type-options': 'nosniff',
    });
  });
  app.route('/', authRoutes(deps));
  app.use('*', requireSession(deps), integrationNotices(deps));
  app.get('/', (c) => c.redirect('/admin/inbox', 303));
  app.route('/inbox', inboxRoutes(deps));
  app.route('/programmes', programmeRoutes(deps));
  app.route('/applicants', applicantRoutes(deps));
  app.route('/broadcasts', broadcastRoutes(deps));
  app.route('/targets', targetRoutes(deps));
  app.route('/knowledge', knowledgeRoutes(deps));
  app.route('/settings/integrations', integrationRoutes(deps));
  app.route('/settings', settingsRoutes(deps));
  return app;
}
