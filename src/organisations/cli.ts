/**
 * npm run org -- <command>
 *
 *   list                                         organisations
 *   create NAME [--slug SLUG]                    a new organisation (slug from the name by default)
 *   token ORG [--name N] [--role owner|staff|viewer] [--member EMAIL|ID]
 *                                                a new API token, printed once
 *   tokens ORG                                   its tokens (never the secrets)
 *   revoke TOKEN_ID                              revoke a token
 *   member ORG add NAME [--email E] [--role R]   add (or update) a member
 *   member ORG list | member ORG remove EMAIL|ID
 *   member ORG password EMAIL|ID                 set a dashboard password: JEMBATAN_PASSWORD, or a random
 *                                                one printed once (never on the command line: shell history)
 *   link ORG [--recruiter NAME] [--label L] [--programme SLUG] [--code CODE]
 *                                                a referral link
 *   staff-group ORG [CHAT_ID|off]                show, set or clear the Telegram staff group (a forum
 *                                                supergroup, -100…; src/channels/telegram/staff-group/README.md)
 *
 * ORG is the organisation's slug (or id). Database: DATABASE_URL, or the embedded PGlite in PGLITE_DIR.
 * Exit codes: 0 done, 1 failed, 2 usage.
 */
import { randomBytes } from 'node:crypto';
import { openDatabaseFromEnv } from '../catalogue/cli/common';
import {
  parseGroupChatId,
  StaffGroupSettingError,
  setStaffGroup,
} from '../channels/telegram/staff-group/settings';
import type { Database } from '../db/client';
import type { OrganisationRole } from '../db/schema';
import { PasswordError, setPassword } from './accounts/login';
import { createReferralLink, ReferralError } from './referrals';
import {
  addMember,
  createOrganisation,
  createToken,
  listMembers,
  listOrganisations,
  listTokens,
  OrganisationError,
  ROLES,
  removeMember,
  requireOrganisation,
  revokeToken,
} from './service';

const USAGE = `usage: npm run org -- list
       npm run org -- create NAME [--slug SLUG]
       npm run org -- token ORG [--name NAME] [--role owner|staff|viewer] [--member EMAIL|ID]
       npm run org -- tokens ORG
       npm run org -- revoke TOKEN_ID
       npm run org -- member ORG add NAME [--email EMAIL] [--role owner|staff|viewer]
       npm run org -- member ORG list
       npm run org -- member ORG remove EMAIL|ID
       npm run org -- member ORG password EMAIL|ID   (JEMBATAN_PASSWORD, or a random one printed once)
       npm run org -- link ORG [--recruiter NAME] [--label LABEL] [--programme SLUG] [--code CODE]
       npm run org -- staff-group ORG [CHAT_ID|off]`;

class UsageError extends Error {}

/** Positional words and `--flag value` pairs. */
export function parseArgs(args: string[]): { words: string[]; flags: Map<string, string> } {
  const words: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      flags.set(arg.slice(2), value);
      i++;
    } else words.push(arg);
  }
  return { words, flags };
}

function role(value: string | undefined): OrganisationRole | undefined {
  if (value === undefined) return undefined;
  if ((ROLES as readonly string[]).includes(value)) return value as OrganisationRole;
  throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
}

export interface RunOptions {
  out?: (line: string) => void;
  /** Where errors and usage go (stderr by default). */
  err?: (line: string) => void;
  /** Environment (tests); default process.env. */
  env?: Record<string, string | undefined>;
  /** The database to use (tests); default DATABASE_URL or PGLITE_DIR, closed at the end. */
  database?: Database;
}

export async function run(args: string[], options: RunOptions = {}): Promise<number> {
  const out = options.out ?? console.log;
  const err = options.err ?? console.error;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(args);
  } catch (error) {
    err((error as Error).message);
    err(USAGE);
    return 2;
  }
  const { words, flags } = parsed;
  const [command, ...rest] = words;
  if (!command || command === 'help') {
    err(USAGE);
    return command ? 0 : 2;
  }
  const database = options.database ?? (await openDatabaseFromEnv());
  const { db } = database;
  try {
    switch (command) {
      case 'list': {
        for (const o of await listOrganisations(db)) out(`${o.slug}\t${o.name}\t${o.id}`);
        return 0;
      }
      case 'create': {
        const name = rest.join(' ');
        if (!name) throw new UsageError('create needs a NAME');
        const slug = flags.get('slug');
        const created = await createOrganisation(db, { name, ...(slug ? { slug } : {}) });
        out(`created ${created.slug} (${created.name}) ${created.id}`);
        return 0;
      }
      case 'token': {
        const organisation = await requireOrganisation(db, need(rest[0], 'ORG'));
        let memberId: string | undefined;
        const memberKey = flags.get('member');
        if (memberKey) {
          const member = (await listMembers(db, organisation.id)).find(
            (m) => m.id === memberKey || m.email === memberKey.toLowerCase(),
          );
          if (!member) throw new OrganisationError('not_found', `no member "${memberKey}"`);
          memberId = member.id;
        }
        const requested = role(flags.get('role'));
        const created = await createToken(db, organisation.id, {
          ...(flags.get('name') ? { name: flags.get('name')! } : {}),
          ...(requested ? { role: requested } : {}),
          ...(memberId ? { memberId } : {}),
        });
        out(`token id ${created.id} (${created.role}) for ${organisation.slug}`);
        out(created.token);
        err('Store it now: it is shown only once (only its SHA-256 is kept).');
        return 0;
      }
      case 'tokens': {
        const organisation = await requireOrganisation(db, need(rest[0], 'ORG'));
        for (const t of await listTokens(db, organisation.id))
          out(
            [
              t.id,
              `${t.prefix}…`,
              t.name,
              t.role,
              t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : 'active',
              t.lastUsedAt ? `last used ${t.lastUsedAt.toISOString()}` : 'never used',
            ].join('\t'),
          );
        return 0;
      }
      case 'revoke': {
        const id = need(rest[0], 'TOKEN_ID');
        if (!(await revokeToken(db, id))) {
          err(`no active token ${id}`);
          return 1;
        }
        out(`revoked ${id}`);
        return 0;
      }
      case 'member': {
        const organisation = await requireOrganisation(db, need(rest[0], 'ORG'));
        const action = rest[1] ?? 'list';
        if (action === 'list') {
          for (const m of await listMembers(db, organisation.id))
            out([m.id, m.name, m.email ?? '-', m.role].join('\t'));
          return 0;
        }
        if (action === 'add') {
          const name = rest.slice(2).join(' ');
          if (!name) throw new UsageError('member add needs a NAME');
          const email = flags.get('email');
          const member = await addMember(db, organisation.id, {
            name,
            ...(email ? { email } : {}),
            role: role(flags.get('role')) ?? 'staff',
          });
          out(`member ${member.id} ${member.name} (${member.role})`);
          return 0;
        }
        if (action === 'password') {
          const key = need(rest[2], 'EMAIL|ID');
          const member = (await listMembers(db, organisation.id)).find(
            (m) => m.id === key || m.email === key.toLowerCase(),
          );
          if (!member) throw new OrganisationError('not_found', `no member "${key}"`);
          if (!member.email) throw new OrganisationError('invalid', 'the member needs an email to log in');
          const given = (options.env ?? process.env).JEMBATAN_PASSWORD;
          const password = given || randomBytes(12).toString('base64url');
          try {
            await setPassword(db, member.id, password);
          } catch (error) {
            if (error instanceof PasswordError) throw new OrganisationError('invalid', error.message);
            throw error;
          }
          out(`password set for ${member.email}; they log in at /admin/login (other sessions ended)`);
          if (!given) {
            out(password);
            err('Give it to them privately: it is shown only once (only its scrypt hash is kept).');
          }
          return 0;
        }
        if (action === 'remove') {
          const key = need(rest[2], 'EMAIL|ID');
          if (!(await removeMember(db, organisation.id, key))) {
            err(`no member ${key}`);
            return 1;
          }
          out(`removed ${key} (their tokens are revoked)`);
          return 0;
        }
        throw new UsageError(`unknown member action "${action}"`);
      }
      case 'link': {
        const organisation = await requireOrganisation(db, need(rest[0], 'ORG'));
        const link = await createReferralLink(db, organisation, {
          ...(flags.get('recruiter') ? { recruiter: flags.get('recruiter')! } : {}),
          ...(flags.get('label') ? { label: flags.get('label')! } : {}),
          ...(flags.get('programme') ? { programme: flags.get('programme')! } : {}),
          ...(flags.get('code') ? { code: flags.get('code')! } : {}),
        });
        out(`referral link ${link.id}: start payload r_${link.code}`);
        return 0;
      }
      case 'staff-group': {
        const organisation = await requireOrganisation(db, need(rest[0], 'ORG'));
        const value = rest[1];
        if (value === undefined) {
          out(organisation.staffGroupChatId ?? 'off');
          return 0;
        }
        const chatId = value === 'off' ? null : parseGroupChatId(value);
        await setStaffGroup(db, organisation.id, chatId);
        if (!chatId) out(`staff group of ${organisation.slug} cleared; handoffs stay in the dashboard`);
        else {
          out(`staff group of ${organisation.slug}: ${chatId}`);
          err('Make the bot an administrator of that group with "Manage topics"; each handoff gets a topic.');
        }
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(error.message);
      err(USAGE);
      return 2;
    }
    if (
      error instanceof OrganisationError ||
      error instanceof ReferralError ||
      error instanceof StaffGroupSettingError
    ) {
      err(error.message);
      return 1;
    }
    throw error;
  } finally {
    if (!options.database) await database.close();
  }
}

function need(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`missing ${what}`);
  return value;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await run(process.argv.slice(2));
