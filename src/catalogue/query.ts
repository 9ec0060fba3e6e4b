import type { StoredProfile } from '../db/schema';
import type { FlowContext } from '../engine/context';
import type { Understanding } from '../nlu';
import { regionLabel } from '../regions';
import type { PersonFacts, ProgrammeQuery } from './search';

const provinceOf = (code: string) => code.split('.')[0]!;

/**
 * Turns what the person typed into a catalogue query; "dekat rumah" uses their stored domicile. What
 * they said about themselves ("aku cowok 24 th") narrows this search only; it is not stored with an alert.
 */
export function queryFromUnderstanding(u: Understanding, profile?: StoredProfile): ProgrammeQuery {
  const s = u.slots;
  const c = s.constraints ?? {};
  const query: ProgrammeQuery = {};
  if (s.kinds?.length) query.kinds = s.kinds;
  else if (s.kind === 'pelatihan') {
    // "pelatihan" is said loosely: training first, then the apprenticeships and certifications at home
    // on the same subject; "mau belajar …" rules out nothing at all.
    const subject = Boolean(s.fields?.length || s.topics?.length);
    if (!s.kindImplied) query.kinds = subject ? ['pelatihan', 'magang', 'sertifikasi'] : ['pelatihan'];
    query.preferKinds = ['pelatihan'];
  } else if (s.kind) query.kinds = [s.kind];
  if (s.fields?.length) query.fields = s.fields;
  if (s.topics?.length) query.topics = s.topics;
  if (s.fieldWords?.length) query.fieldWords = s.fieldWords;
  if (s.rankBy?.length) query.rankBy = s.rankBy;
  if (s.rankFields?.length) query.rankFields = s.rankFields;
  if (s.schedule?.length) query.schedule = s.schedule;
  if (s.countries?.length) query.countries = s.countries;
  else if (s.country) query.country = s.country;
  const abroad = Boolean(
    s.country || s.countries?.length || query.kinds?.every((k) => k === 'magang_luar_negeri'),
  );
  const named = s.places?.length ? s.places : s.regency ? [s.regency] : s.province ? [s.province] : [];
  if (named.length && s.placeIsHome) {
    // Only where the person lives was said ("aku soko ngawi"): abroad, that is no filter; at home, the
    // province around it — unless they asked for close by — with their own place first.
    query.near = named;
    if (!abroad) setPlaces(query, c.nearHome ? named : [...new Set(named.map(provinceOf))]);
  } else if (named.length) {
    setPlaces(query, named);
    // A subject and a place, nothing said of going abroad: the programmes there, not the training
    // there for work abroad.
    if (!abroad && !query.kinds && (s.fields?.length || s.topics?.length))
      query.kinds = ['pelatihan', 'magang', 'sertifikasi'];
  } else if (c.nearHome && profile) {
    if (profile.domicileRegency) query.regency = profile.domicileRegency;
    else if (profile.domicileProvince) query.province = profile.domicileProvince;
  }
  if (c.free) query.free = true;
  if (c.stipend) query.stipend = true;
  if (c.benefits?.length) query.benefits = [...c.benefits];
  if (s.sortByStipend) query.sortByStipend = true;
  if (c.womenOnly) query.womenOnly = s.womenExclusive ? 'only' : true;
  if (c.disabilityFriendly) query.disabilityFriendly = true;
  if (c.online) query.online = true;
  if (c.blended) query.blended = true;
  if (s.exclude) {
    const { online, ...rest } = s.exclude;
    query.exclude = { ...rest, ...(online ? { online: true } : {}) };
  }
  const person = personOf(u);
  if (person) query.person = person;
  if (s.keywords?.length) query.text = s.keywords.join(' ');
  // A course at home for a country ("Kursus Bahasa Jerman") counts when the person wants to learn.
  const learning = query.kinds?.includes('pelatihan') || query.preferKinds || s.fields?.includes('bahasa');
  if ((query.country || query.countries) && learning) query.countryCourses = true;
  return query;
}

function setPlaces(query: ProgrammeQuery, codes: string[]): void {
  if (codes.length > 1) query.places = codes;
  else if (codes[0]?.includes('.')) query.regency = codes[0];
  else if (codes[0]) query.province = codes[0];
}

/** What the person said about themselves, as search narrows it. */
export function personOf(u: Understanding): PersonFacts | undefined {
  const f = u.slots.facts;
  const person: PersonFacts = {};
  if (f?.gender) person.gender = f.gender;
  if (f?.age !== undefined) person.age = f.age;
  else if (f?.birthYear !== undefined) person.birthYear = f.birthYear;
  if (f?.graduationYear !== undefined) person.graduationYear = f.graduationYear;
  const education = f?.education ?? u.slots.education;
  if (education) person.education = education;
  if (f?.domicile) person.domicile = f.domicile;
  if (f?.activity) person.activity = f.activity;
  if (f?.height !== undefined) person.height = f.height;
  if (f?.tattoo) person.tattoo = true;
  if (f?.traits) person.traits = { ...f.traits };
  return Object.keys(person).length ? person : undefined;
}

export type Widening = 'province' | 'abroad' | 'anywhere' | 'hybrid' | 'otherKinds';

/**
 * When a search finds nothing, what a staff member would show next: for a programme abroad, the
 * pre-departure training elsewhere in the province; for a domestic apprenticeship, one abroad.
 */
export function widenings(query: ProgrammeQuery): Array<{ query: ProgrammeQuery; why: Widening }> {
  const out: Array<{ query: ProgrammeQuery; why: Widening }> = [];
  const abroad = Boolean(
    query.country || query.countries?.length || query.kinds?.every((k) => k === 'magang_luar_negeri'),
  );
  const codes = query.places ?? (query.regency ? [query.regency] : query.province ? [query.province] : []);
  const { regency: _r, province: _p, places: _pl, ...rest } = query;
  const subject = Boolean(query.fields?.length || query.topics?.length || abroad);
  if (subject && codes.some((c) => c.includes('.'))) {
    // Nothing of that subject in that regency: the rest of its province, the place itself first.
    const provinces = [...new Set(codes.map(provinceOf))];
    out.push({
      query: {
        ...rest,
        near: codes,
        ...(provinces.length > 1 ? { places: provinces } : { province: provinces[0] }),
      },
      why: 'province',
    });
  }
  // Abroad, the pre-departure training may be anywhere.
  if (abroad && codes.length) out.push({ query: { ...rest, near: codes }, why: 'anywhere' });
  // "gresik ada magang ato pelatihan apa" with none there: what there is in that place, of any kind, is
  // what a staff member would show next (no subject was asked, so the place is what matters).
  // Only when several kinds were said ("magang ato pelatihan apa"): one kind named is what they want.
  if (codes.length && !subject && (query.kinds?.length ?? 0) > 1) {
    const { kinds: _k, preferKinds: _pk, ...anyKind } = query;
    out.push({ query: { ...anyKind, preferKinds: query.kinds }, why: 'otherKinds' });
  }
  // Nothing fully online: classes partly online (campuran) are the nearest thing.
  if (query.online && !query.hybrid) out.push({ query: { ...query, hybrid: true }, why: 'hybrid' });
  // Not when a benefit asked for emptied it ("magang yg ada asrama di sumut"): that is said as such.
  if (
    query.kinds?.length === 1 &&
    query.kinds[0] === 'magang' &&
    !query.benefits?.length &&
    !query.exclude?.kinds?.includes('magang_luar_negeri')
  )
    out.push({ query: { ...query, kinds: ['magang', 'magang_luar_negeri'] }, why: 'abroad' });
  return out;
}

/** The query without what the person said about themselves: what may be kept with an alert. */
export function withoutPerson(query: ProgrammeQuery): ProgrammeQuery {
  const { person: _person, everything: _everything, near: _near, ...rest } = query;
  return rest;
}

/** True when the words said anything a search can use. */
export function hasCriteria(query: ProgrammeQuery): boolean {
  return Object.keys(query).some((k) => k !== 'includeClosed' && k !== 'everything');
}

/** Criteria that narrow an existing search ("yang gratis", "di Jatim") rather than start a new one. */
export function isRefinementOnly(query: ProgrammeQuery): boolean {
  return (
    !query.kinds &&
    !query.fields &&
    !query.topics &&
    !query.country &&
    !query.countries &&
    !query.text &&
    hasCriteria(query)
  );
}

export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale === 'en' ? 'en' : 'id'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const MAX_PLACES_SHOWN = 3;

/** "pelatihan · las · Kota Surabaya · gratis" — what the person is looking at. */
export function describeQuery(ctx: Pick<FlowContext, 't' | 'locale'>, query: ProgrammeQuery): string {
  const parts: string[] = [];
  if (query.kinds?.length) parts.push(query.kinds.map((k) => ctx.t(`catalogue:kind.${k}`)).join('/'));
  if (query.fields?.length) parts.push(query.fields.map((f) => ctx.t(`catalogue:field.${f}`)).join('/'));
  const countries = query.countries?.length ? query.countries : query.country ? [query.country] : [];
  if (countries.length) {
    const names = countries.slice(0, MAX_PLACES_SHOWN).map((code) => countryName(code, ctx.locale));
    if (countries.length > MAX_PLACES_SHOWN) names.push('…');
    parts.push(names.join('/'));
  }
  const places = query.places?.length
    ? query.places
    : query.regency
      ? [query.regency]
      : query.province
        ? [query.province]
        : [];
  if (places.length) {
    const names = places.slice(0, MAX_PLACES_SHOWN).map((code) => regionLabel(code) ?? code);
    if (places.length > MAX_PLACES_SHOWN) names.push('…');
    parts.push(names.join(' / '));
  }
  for (const flag of ['free', 'stipend', 'womenOnly', 'disabilityFriendly', 'online', 'blended'] as const)
    if (query[flag]) parts.push(ctx.t(`discovery:filter.${flag}`));
  for (const benefit of query.benefits ?? []) parts.push(ctx.t(`catalogue:benefit.${benefit}`));
  if (query.schedule?.length)
    parts.push(
      ctx.t('discovery:filter.schedule', { when: query.schedule.map((group) => group[0]).join('/') }),
    );
  const x = query.exclude;
  if (x) {
    const ruledOut = [
      ...(x.kinds ?? []).map((k) => ctx.t(`catalogue:kind.${k}`)),
      ...(x.fields ?? []).map((f) => ctx.t(`catalogue:field.${f}`)),
      ...(x.countries ?? []).slice(0, MAX_PLACES_SHOWN).map((code) => countryName(code, ctx.locale)),
      ...(x.places ?? []).map((code) => regionLabel(code) ?? code),
      ...(x.online ? [ctx.t('discovery:filter.online')] : []),
    ];
    if (ruledOut.length) parts.push(ctx.t('discovery:filter.except', { what: ruledOut.join('/') }));
  }
  if (query.topics?.length) parts.push(query.topics.map((group) => group[0]).join('/'));
  if (query.text) parts.push(`"${query.text}"`);
  return parts.length ? parts.join(' · ') : ctx.t('discovery:filter.all');
}
