import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import type { Db } from '../../src/db/client';
import { type OrganisationRole, organisationMembers } from '../../src/db/schema';
import { setPassword } from '../../src/organisations/accounts/login';
import { hashPassword } from '../../src/organisations/accounts/passwords';
import { addMember, createOrganisation, findOrganisation } from '../../src/organisations/service';

export const STAFF_PASSWORD = 'kata-sandi-rahasia-1';

/** An organisation (created when missing) with a member who can log in to /admin. */
export async function createStaff(
  db: Db,
  input: { organisation: string; email: string; name?: string; role?: OrganisationRole; password?: string },
) {
  const organisation =
    (await findOrganisation(db, input.organisation)) ??
    (await createOrganisation(db, { name: input.organisation.toUpperCase(), slug: input.organisation }));
  const member = await addMember(db, organisation.id, {
    name: input.name ?? input.email.split('@')[0]!,
    email: input.email,
    role: input.role ?? 'staff',
  });
  if (input.password) await setPassword(db, member.id, input.password);
  else {
    staffPasswordHash ??= hashPassword(STAFF_PASSWORD);
    await db
      .update(organisationMembers)
      .set({ passwordHash: await staffPasswordHash })
      .where(eq(organisationMembers.id, member.id));
  }
  return { organisation, member };
}

/**
 * STAFF_PASSWORD hashed once per test file and given to every member made with it: scrypt is slow on
 * purpose (3–5 s a hash on the loaded 2-core machine), and a file making four staff in a `beforeAll`
 * came near the hook's timeout. Logging in still verifies against the real hash.
 */
let staffPasswordHash: Promise<string> | undefined;

/**
 * A browser-like client of the dashboard over `app.request`: keeps cookies, sends the same-origin
 * headers a browser sends, and picks the CSRF token from the last page it read.
 */
export class AdminClient {
  readonly cookies = new Map<string, string>();
  csrf = '';
  lastHtml = '';

  constructor(
    private readonly app: Hono,
    readonly origin = 'http://localhost',
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { ...(cookie ? { cookie } : {}), ...extra };
  }

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.app.request(`${this.origin}${path}`, { headers: this.headers(headers) });
    this.remember(res);
    if ((res.headers.get('content-type') ?? '').includes('text/html')) {
      this.lastHtml = await res.clone().text();
      const token = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)?.[1];
      if (token) this.csrf = token;
    }
    return res;
  }

  /** Posts a form as the browser would (Origin of the dashboard, the page's CSRF token unless given). */
  async post(path: string, form: Record<string, string> = {}, headers: Record<string, string> = {}) {
    const body = new URLSearchParams({ _csrf: this.csrf, ...form });
    const res = await this.app.request(`${this.origin}${path}`, {
      method: 'POST',
      body,
      headers: this.headers({
        'content-type': 'application/x-www-form-urlencoded',
        origin: this.origin,
        'sec-fetch-site': 'same-origin',
        ...headers,
      }),
    });
    this.remember(res);
    if ((res.headers.get('content-type') ?? '').includes('text/html'))
      this.lastHtml = await res.clone().text();
    return res;
  }

  /**
   * Posts a multipart form (a file upload) as the browser would; the page's CSRF token is added unless
   * the form has one.
   */
  async postMultipart(path: string, form: FormData, headers: Record<string, string> = {}) {
    if (!form.has('_csrf')) form.set('_csrf', this.csrf);
    const res = await this.app.request(`${this.origin}${path}`, {
      method: 'POST',
      body: form,
      headers: this.headers({ origin: this.origin, 'sec-fetch-site': 'same-origin', ...headers }),
    });
    this.remember(res);
    if ((res.headers.get('content-type') ?? '').includes('text/html'))
      this.lastHtml = await res.clone().text();
    return res;
  }

  /** Logs in through the login form; returns the final response (303 to the inbox on success). */
  async login(email: string, password = STAFF_PASSWORD): Promise<Response> {
    await this.get('/admin/login');
    return this.post('/admin/login', { email, password });
  }
}

/** A client logged in as `email`; a refused login fails the test here rather than on a later page. */
export async function loggedInClient(
  app: Hono,
  email: string,
  password = STAFF_PASSWORD,
): Promise<AdminClient> {
  const client = new AdminClient(app);
  const res = await client.login(email, password);
  if (res.status !== 303) throw new Error(`login as ${email} answered ${res.status}, not 303`);
  return client;
}
