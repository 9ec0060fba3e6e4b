import { Hono } from 'hono';
import type { AdminDeps, AdminEnv } from '../context';
import { cannedRoutes } from './canned-routes';
import { conversationRoutes } from './conversation-routes';
import { queueRoutes } from './queue-routes';

/**
 * The staff inbox (/admin/inbox): the queue, canned responses and one conversation per handoff.
 * Static paths are mounted before `/:id` so "canned" and "queue" are never read as handoff ids.
 */
export function inboxRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  app.route('/', queueRoutes(deps));
  app.route('/canned', cannedRoutes(deps));
  app.route('/:id', conversationRoutes(deps));
  return app;
}
