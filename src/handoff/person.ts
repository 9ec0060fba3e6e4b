import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { hasConsent } from '../consent/service';
import type { Queryable } from '../db/client';
import { applications, programmes, users } from '../db/schema';
import { completedYears, jakartaDay, parseIsoDate } from '../eligibility';
import { loadProfile } from '../profile/store';
import { regionLabel } from '../regions';
import type { ApplicationStatus } from '../shared/application-statuses';
import type { LocalizedText } from '../shared/profile';
import type { ActivityStatus, EducationLevel, Gender } from '../shared/vocabulary';

/*
 * What staff see about the person they are answering: the profile the bot keeps (src/profile) and
 * their applications — only to this organisation's programmes. Disability needs are specific data
 * (UU PDP): shown only while the person's consent for them stands.
 */

export interface PersonSummary {
  displayName: string | null;
  locale: string;
  birthDate?: string;
  birthDateApproximate?: boolean;
  age?: number;
  gender?: Gender;
  /** "Kota Surabaya, Jawa Timur" */
  domicile?: string;
  education?: { level: EducationLevel; major?: string; graduationYear?: number };
  activity?: ActivityStatus;
  /** Present only with the specific-data consent. */
  disability?: { declared: boolean; needs?: string };
  /** RIASEC types from the interest quiz, best first. */
  interests?: string[];
}

export interface PersonApplication {
  id: string;
  reference: string | null;
  programmeSlug: string;
  programmeTitle: LocalizedText;
  status: ApplicationStatus;
  submittedAt: Date | null;
}

export async function personSummary(db: Queryable, userId: string): Promise<PersonSummary | undefined> {
  const [user] = await db
    .select({ displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return undefined;
  const [profile, specific] = await Promise.all([
    loadProfile(db, userId),
    hasConsent(db, userId, 'specific_data'),
  ]);
  const birth = parseIsoDate(profile.birthDate);
  const domicileCode = profile.domicileRegency ?? profile.domicileProvince;
  const domicile = domicileCode ? (regionLabel(domicileCode) ?? domicileCode) : undefined;
  return {
    displayName: user.displayName,
    locale: user.locale,
    ...(profile.birthDate ? { birthDate: profile.birthDate } : {}),
    ...(profile.birthDateApproximate ? { birthDateApproximate: true } : {}),
    ...(birth ? { age: completedYears(birth, jakartaDay()) } : {}),
    ...(profile.gender ? { gender: profile.gender } : {}),
    ...(domicile ? { domicile } : {}),
    ...(profile.education ? { education: profile.education } : {}),
    ...(profile.activity ? { activity: profile.activity } : {}),
    ...(specific && profile.disability ? { disability: profile.disability } : {}),
    ...(profile.interests?.types.length ? { interests: profile.interests.types } : {}),
  };
}

/** The person's applications to this organisation's programmes (drafts are the person's own: left out). */
export async function personApplications(
  db: Queryable,
  userId: string,
  organisationSlug: string,
): Promise<PersonApplication[]> {
  return db
    .select({
      id: applications.id,
      reference: applications.reference,
      programmeSlug: programmes.slug,
      programmeTitle: sql<LocalizedText>`${programmes.record} -> 'title'`,
      status: applications.status,
      submittedAt: applications.submittedAt,
    })
    .from(applications)
    .innerJoin(programmes, eq(programmes.id, applications.programmeId))
    .where(
      and(
        eq(applications.userId, userId),
        eq(programmes.organisation, organisationSlug),
        ne(applications.status, 'draft'),
      ),
    )
    .orderBy(desc(applications.createdAt));
}
