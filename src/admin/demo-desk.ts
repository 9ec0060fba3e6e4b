import { eq, sql } from 'drizzle-orm';
import { submitApplication } from '../applications/status';
import { NOTICE_VERSION } from '../consent/service';
import type { Db } from '../db/client';
import { applications, consents, identities, messages, programmes, users } from '../db/schema';
import { openHandoff } from '../handoff/service';
import type { Gender } from '../shared/vocabulary';

/*
 * The demo desk at work (issue #20, point 3): on the local demo the default desk organises the demo
 * programmes nobody registered as organiser, a few invented people have applied, and one of them waits
 * in the inbox — so a newcomer who logs in sees a working organisation, not empty lists. The people
 * chat on the terminal channel (`npm run chat -- --as demo-sari` continues as Sari).
 */

interface DemoPerson {
  key: string;
  name: string;
  gender: Gender;
  province: string;
  regency: string;
  age: number;
  programme: string;
  phone: string;
  /** What they wrote to ask for a person; the one who waits in the inbox. */
  waiting?: string;
}

const PEOPLE: DemoPerson[] = [
  {
    key: 'demo-sari',
    name: 'Sari Puspitasari (demo)',
    gender: 'perempuan',
    province: '35',
    regency: '35.78',
    age: 21,
    programme: 'demo-magang-gudang-surabaya',
    phone: '+6281200000101',
    waiting:
      'Kak, saya sudah daftar magang gudang di Surabaya. Kira-kira kapan ada kabar? Saya juga mau tanya boleh bawa motor sendiri?',
  },
  {
    key: 'demo-budi',
    name: 'Budi Santoso (demo)',
    gender: 'laki_laki',
    province: '35',
    regency: '35.15',
    age: 24,
    programme: 'demo-magang-gudang-surabaya',
    phone: '+6281200000102',
  },
  {
    key: 'demo-dewi',
    name: 'Dewi Kartika (demo)',
    gender: 'perempuan',
    province: '34',
    regency: '34.71',
    age: 19,
    programme: 'demo-lpk-yogyakarta-jahit-butik',
    phone: '+6281200000103',
  },
];

/** Gives the desk the demo programmes and its demo applicants, once; false when it had programmes. */
export async function seedDemoDesk(db: Db, desk: string): Promise<boolean> {
  const [owned] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(programmes)
    .where(eq(programmes.organisation, desk));
  if ((owned?.n ?? 0) > 0) return false;
  // Only demo programmes whose organiser is not a registered organisation: a real one keeps its own.
  await db.execute(sql`
    update programmes set organisation = ${desk},
      record = jsonb_set(record, '{application,organisation}', to_jsonb(${desk}::text))
    where slug like 'demo-%'
      and (organisation is null or not exists (select 1 from organisations o where o.slug = programmes.organisation))`);

  for (const person of PEOPLE) {
    const [programme] = await db
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.slug, person.programme));
    if (!programme) continue;
    await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ displayName: person.name, locale: 'id' })
        .returning({ id: users.id });
      const userId = user!.id;
      const [identity] = await tx
        .insert(identities)
        .values({ userId, channel: 'simulator', externalId: person.key, address: person.key })
        .returning({ id: identities.id });
      await tx.insert(consents).values({
        userId,
        purpose: 'personal_data',
        granted: true,
        noticeVersion: NOTICE_VERSION,
        channel: 'simulator',
      });
      const [draft] = await tx
        .insert(applications)
        .values({
          userId,
          programmeId: programme.id,
          fullName: person.name,
          phone: person.phone,
          address: 'Alamat contoh (data demo)',
          channel: 'simulator',
        })
        .returning({ id: applications.id });
      await submitApplication(tx, {
        applicationId: draft!.id,
        programmeId: programme.id,
        applicant: {
          gender: person.gender,
          domicileProvince: person.province,
          domicileRegency: person.regency,
          answers: {},
        },
        stats: { gender: person.gender, province: person.province, age: person.age },
      });
      if (!person.waiting) return;
      const { handoff } = await openHandoff(tx, {
        userId,
        organisation: desk,
        desk,
        programmeSlug: person.programme,
        reason: 'asked',
      });
      await tx.insert(messages).values({
        userId,
        identityId: identity!.id,
        channel: 'simulator',
        direction: 'in',
        body: { type: 'text', text: person.waiting },
        status: 'received',
        organisation: handoff.organisation,
        topic: 'handoff',
      });
    });
  }
  return true;
}
