/**
 * Free text → intent and slots, deterministically and in well under a millisecond: normalise, let each
 * slot extractor claim its words (fields before countries, so "bahasa jepang" is a language course and
 * not a trip to Japan), find places in what is left, then decide the intent.
 */

import {
  findRegionsInTokens,
  namedPlaceSpans,
  nicknameSpans,
  placeNameTokens,
  twinsOf,
} from '../regions/gazetteer';
import { isCommonWord, isStopword } from '../shared/text/words';
import type { EducationLevel, Field, ProgrammeKind } from '../shared/vocabulary';
import { claim, type Reading } from './context';
import { classify, commandIntent, FILLERS, INTENT_WORDS, INTENTS, type Intent } from './intent';
import { PROTECTED } from './lexicon';
import { DIALECT_STOPWORDS, SCHEMES } from './lexicons';
import { normalizeMessage } from './normalize';
import { PhraseTable } from './phrases';
import { type Constraints, extractConstraints, readSchedule } from './slots/constraints';
import { extractCountry } from './slots/country';
import { readEducation } from './slots/education';
import { extractFacts, homePlaces, type PlaceSpan, type StatedFacts } from './slots/facts';
import { collectFields, extractFields, type FieldHit, purposeBefore } from './slots/fields';
import { extractKind } from './slots/kind';
import { extractOrdinal } from './slots/ordinal';
import { readTraits } from './slots/traits';

export type { Intent } from './intent';
export type { Constraints } from './slots/constraints';
export type { StatedFacts } from './slots/facts';
export { INTENTS };

export interface Slots {
  kind?: ProgrammeKind;
  /** Several kinds asked for at once ("pelatihan atau magang"); `kind` is the first. */
  kinds?: ProgrammeKind[];
  /** The kind was only implied by a wish to learn ("mau belajar …"): it ranks, it does not filter. */
  kindImplied?: true;
  fields?: Field[];
  /**
   * Narrower subjects named ("barista", "benerin hp"), each as the words that find programmes about it
   * by their title and summary. They widen `fields` to programmes filed elsewhere that say them, and rank.
   */
  topics?: string[][];
  /** Words that named a whole field ("komputer"): a programme of another field whose title says one is found too. */
  fieldWords?: string[];
  /** Fields the person studied ("lulusan smk tkj"): programmes of them first, the others still listed. */
  rankFields?: Field[];
  /** Subjects that only rank ("tuli" → programmes whose accommodations speak of sign language first). */
  rankBy?: string[][];
  /**
   * When classes are held, as asked ("kelas malam", "sabtu minggu"): each group the words a programme's
   * title, summary or schedule note says when it fits. A filter; the same groups also rank.
   */
  schedule?: string[][];
  /** ISO 3166 alpha-2 destination. */
  country?: string;
  /** Several destinations at once ("korea atau jepang", "eropa"); `country` is the first. */
  countries?: string[];
  /** Province code ("35"); set with the regency's province when a regency is named. */
  province?: string;
  /** Regency/city code ("35.78"). */
  regency?: string;
  /**
   * Every region meant when there are several: a city and its regency ("bekasi"), an area
   * ("jabodetabek"), a kecamatan in several regencies, two places. `province`/`regency` hold the first.
   */
  places?: string[];
  /** The place is only where the person lives ("aku soko ngawi"): search around it, not only in it. */
  placeIsHome?: true;
  /** What the person does not want ("kecuali komputer", "yang ga online", "jangan di asia"). */
  exclude?: Exclusions;
  education?: EducationLevel;
  /** Conditions the person mentioned wanting or asked about. */
  constraints?: Constraints;
  /** Highest stipend first ("yg gajinya paling gede"). */
  sortByStipend?: true;
  /** Only programmes for women, not those with a women's quota ("khusus perempuan"). */
  womenExclusive?: true;
  /** Which list item, 1-based ("yang kedua" → 2). */
  ordinal?: number;
  /** Remaining words worth a text search ("drone", "sepatu"); they rank, never filter. */
  keywords?: string[];
  /** What the person said about themselves ("aku cowok umur 24 lulusan smp"), for this search only. */
  facts?: StatedFacts;
}

export interface Exclusions {
  fields?: Field[];
  /** Words a title must not say ("selain hotel": no programme called "… Hotel"). */
  words?: string[];
  kinds?: ProgrammeKind[];
  countries?: string[];
  places?: string[];
  online?: true;
}

export interface Understanding {
  intent: Intent;
  /** The message as plain standard words (see normalize). */
  normalized: string;
  slots: Slots;
}

/** "pelatihan ini", "program itu": a programme already on screen. */
const DEFINITE = new PhraseTable(
  ['pelatihan', 'program', 'magang', 'kursus', 'kelas', 'training'].flatMap((w) =>
    ['ini', 'itu', 'tersebut'].map((d) => [`${w} ${d}`, true] as const),
  ),
);

/** Intents whose words describe programmes; the others get no keywords. */
// An eligibility question's other words describe the person ("hamil", "tato"), not what to search for.
const CONTENT_INTENTS = new Set<Intent>(['search', 'details', 'match', 'apply', 'subscribe']);

/** Abbreviations worth searching for ("N4", "K3"); the other protected ones are documents or grades. */
const KEYWORD_ABBREVIATIONS = new Set([
  'n1',
  'n2',
  'n3',
  'n4',
  'n5',
  'jlpt',
  'topik',
  'eps',
  'k3',
  'cnc',
  'ssw',
]);

const TRAILING_LEVELS = new Set(['kab', 'kabupaten', 'kota']);
const EITHER_LEVEL = /\b(kota|kab|kabupaten) (atau|ato|maupun|dan|sama|or|apa) (kota|kab|kabupaten)\b/;

function keywordsOf(r: Reading): string[] {
  const out: string[] = [];
  r.tokens.forEach((w, i) => {
    if (r.claimed[i] || /^\d+$/.test(w)) return;
    // Short words only when they mix letters and digits ("3g", "n4").
    if (w.length < 3 && !/\d/.test(w)) return;
    if (isStopword(w) || DIALECT_STOPWORDS.has(w) || INTENT_WORDS.has(w) || FILLERS.has(w)) return;
    if (PROTECTED.has(w) && !KEYWORD_ABBREVIATIONS.has(w)) return;
    if (!out.includes(w)) out.push(w);
  });
  return out;
}

/** Named routes abroad, read wherever they stand (their words may also be a kind: "tokutei ginou"). */
const SCHEME_TABLE = new PhraseTable(
  SCHEMES.flatMap((scheme) => scheme.say.map((w) => [w, scheme] as const)),
);

/** Someone else's situation: "mamaku PMI di hongkong", "kakak sy kena calo ke malaysia", "suami di korea". */
const FAMILY = new Set([
  'mamaku',
  'bapakku',
  'ayahku',
  'ibuku',
  'suamiku',
  'istriku',
  'kakakku',
  'abangku',
  'adikku',
  'mama',
  'mamak',
  'bapak',
  'ayah',
  'papa',
  'suami',
  'istri',
  'kakak',
  'abang',
  'adik',
  'om',
  'tante',
  'paman',
  'bibi',
  'keluarga',
  'teman',
  'tetangga',
  'sepupu',
]);

function aboutFamily(tokens: readonly string[], start: number, within = 5): boolean {
  const before = tokens.slice(Math.max(0, start - within), start);
  return before.some((w) => FAMILY.has(w)) && !before.some((w) => WISHES.has(w));
}

const WISHES = new Set(['ingin', 'mau', 'pengen', 'butuh', 'cari']);

/** "mantan TKI di malaysia", "purna pmi taiwan": where the person worked, not where they want to go. */
const FORMER = new Set(['mantan', 'eks', 'ex', 'purna', 'bekas', 'former', 'returning', 'returned']);

function formerly(tokens: readonly string[], start: number): boolean {
  const before = tokens.slice(Math.max(0, start - 4), start);
  const at = before.findLastIndex((w) => FORMER.has(w));
  return at >= 0 && !before.slice(at).some((w) => WISHES.has(w));
}

/** Words that negate the subject after them: "kecuali komputer", "yang bukan pabrik", "jangan yg daring". */
/** Words that join items of a list: "jepang dan korea", "taiwan atau hongkong". */
const COORDINATORS = new Set(['dan', 'atau', 'sama', 'maupun', 'ataupun', 'serta', 'dll']);
const NEGATORS = new Set([
  'bukan',
  'selain',
  'kecuali',
  'jangan',
  'tidak',
  'non',
  'anti',
  'tanpa',
  'ogah',
  'not',
  'except',
]);
/** Words that may stand between a negation and what it negates: "ga mau kerja pabrik", "bukan yang di jakarta". */
const NEGATION_GLUE = new Set([
  'yang',
  'di',
  'ke',
  'kerja',
  'bekerja',
  'mau',
  'ingin',
  'ikut',
  'masuk',
  'jadi',
  'usah',
  'perlu',
  'pakai',
  'lewat',
  'via',
  'program',
  'pelatihan',
  'magang',
  'kursus',
  'bidang',
  'sama',
  'suka',
  'dong',
  'sih',
  'ya',
  'pun',
  'negara',
  'daerah',
  'sektor',
]);

const EITHER_WORDS = new Set(['atau', 'ato', 'or', 'ataupun']);

/** "korea aja": the one wanted, after one ruled out. */
const ONLY = new Set(['saja', 'doang', 'deh', 'dong']);

/** "tidak" negates what follows only after these, or before a verb of wanting ("tapi ga mau pabrik"). */
const NOT_AFTER = new Set(['yang', 'tapi', 'asal', 'pokoknya', 'dan', 'atau', 'tetapi']);
const NOT_BEFORE = new Set(['mau', 'usah', 'perlu', 'suka', 'ingin', 'pakai', 'minat', 'tertarik']);

/** True when a negation stands before `start`, with only glue words between. */
function negated(tokens: readonly string[], start: number): boolean {
  for (let k = start - 1, glue = 0; k >= 0 && glue <= 3; k--) {
    const w = tokens[k]!;
    if (NEGATORS.has(w)) {
      if (w !== 'tidak') return true;
      // "uang saku ga? di jabar", "bisa ga jadi perawat": a question, not a negation.
      return k === 0 || NOT_AFTER.has(tokens[k - 1]!) || NOT_BEFORE.has(tokens[k + 1] ?? '');
    }
    if (!NEGATION_GLUE.has(w)) return false;
    glue++;
  }
  return false;
}

export function understand(text: string): Understanding {
  const message = normalizeMessage(text);
  const { tokens } = message;
  const normalized = message.command ? `/${message.command} ${tokens.join(' ')}`.trim() : tokens.join(' ');
  const r: Reading = { tokens, caps: message.caps, claimed: tokens.map(() => false) };

  // "kota batik" is Pekalongan before "batik" is a field.
  const nicknames = [...nicknameSpans(tokens), ...namedPlaceSpans(tokens)];
  for (const span of nicknames) claim(r, span.start, span.end);
  const schedule = readSchedule(r);
  // "gak punya laptop", "belum pernah ngelas": what the person lacks is no subject to search for.
  const traits = readTraits(r);
  const fieldReading = extractFields(r);
  const kindCues = extractKind(r);
  const { kind: saidKind, weak, goingAbroad } = kindCues;
  const constraintReading = extractConstraints(r);
  let constraints = constraintReading.constraints;
  const countryCue = extractCountry(r);
  const educationReading = readEducation(r);
  const education = educationReading.level;
  const inNickname = (i: number) => nicknames.some((n) => i >= n.start && i < n.end);
  const placeTokens = tokens.map((w, i) => (r.claimed[i] && !inNickname(i) ? '' : w));
  // "bekasi kab", "bandung kota": a level said after the name means the same as before it.
  // Not "di kota jogja", where the level comes before the name as usual.
  const placeWords = placeNameTokens();
  for (let i = 1; i < placeTokens.length; i++) {
    const [name, level, after] = [placeTokens[i - 1]!, placeTokens[i]!, placeTokens[i + 1] ?? ''];
    const named =
      placeWords.has(name) && !isCommonWord(name) && !TRAILING_LEVELS.has(placeTokens[i - 2] ?? '');
    if (TRAILING_LEVELS.has(level) && named && !(after && placeWords.has(after)))
      [placeTokens[i - 1], placeTokens[i]] = [level, name];
  }
  const regions = findRegionsInTokens(placeTokens);
  const spans: Array<PlaceSpan & { code: string; type: 'province' | 'regency' }> = [];
  for (const place of regions) {
    // Claim every place's words so they do not also become keywords.
    const words = place.matched.split(' ');
    for (let i = 0; i + words.length <= placeTokens.length; i++) {
      // "bau-bau" is one token for the two words of "bau bau".
      const joined = placeTokens[i] === words.join('-');
      if (joined || words.every((w, k) => placeTokens[i + k]?.split('-').includes(w))) {
        const end = joined ? i + 1 : i + words.length;
        claim(r, i, end);
        const span: PlaceSpan = { start: i, end, province: place.provinceCode };
        if (place.type === 'regency') span.regency = place.code;
        spans.push({ ...span, code: place.code, type: place.type });
      }
    }
  }
  spans.sort((a, b) => a.start - b.start);
  // "sa orang asli papua": where the person is from, not a wish for a real person (a handoff).
  for (const span of spans)
    if (tokens[span.start - 1] === 'asli' && tokens[span.start - 2] === 'orang')
      claim(r, span.start - 2, span.start);
  const home = homePlaces(tokens, spans);
  // The intent is decided on the words as they were before the facts took theirs: what a message asks
  // stays what it asked ("umur 27 bisa ikut?" is still a question about eligibility).
  const claimedForIntent = [...r.claimed];
  const read = extractFacts(r, { education: educationReading, places: spans });
  // The lexicon's traits first; the facts reader adds what it alone knows ("i'm colour blind").
  const facts = traits ? { ...read, traits: { ...read?.traits, ...traits } } : read;
  const core = tokens.filter((w) => !FILLERS.has(w));
  const ordinal = extractOrdinal(r, core.length);

  // What the person does not want: "kecuali komputer", "yang ga online", "jangan di asia".
  const exclude: Exclusions = {};
  const fieldHits: FieldHit[] = [];
  // "selain pariwisata sama hotel": a subject joined to a ruled-out one is ruled out too.
  let fieldOut: { end: number } | undefined;
  for (const hit of fieldReading.hits) {
    const joinedOut =
      fieldOut !== undefined &&
      hit.start >= fieldOut.end &&
      hit.start - fieldOut.end <= 1 &&
      tokens.slice(fieldOut.end, hit.start).every((w) => COORDINATORS.has(w));
    fieldOut = negated(tokens, hit.start) || joinedOut ? hit : undefined;
    if (fieldOut) {
      // "bukan jadi pembantu" rules out that work (its words in a title), not the whole field;
      // "kecuali komputer" the field.
      if (hit.concept.find.length) exclude.words = [...(exclude.words ?? []), ...hit.concept.find];
      else {
        exclude.fields = [...(exclude.fields ?? []), ...hit.concept.fields];
        exclude.words = [...(exclude.words ?? []), hit.said];
      }
    } else fieldHits.push(hit);
  }
  // What the person studied is a fact about them, not a wish ("lulusan smk tkj, kerja apa aja"): its
  // field ranks what fits it first and filters nothing — unless the field is also asked for.
  const studied = (h: FieldHit) => r.background?.some((b) => h.start >= b.start && h.end <= b.end);
  const wishedFields = new Set(fieldHits.filter((h) => !studied(h)).flatMap((h) => h.concept.fields));
  // A major in the field asked for ("smk akuntansi, pengen kerja admin keuangan") still says its topic.
  const background = fieldHits.filter(
    (h) => studied(h) && !h.concept.fields.some((f) => wishedFields.has(f)),
  );
  const backgroundRank = [...new Set(background.flatMap((h) => h.concept.fields))];
  const allFieldHits = [...fieldHits];
  fieldHits.splice(0, fieldHits.length, ...fieldHits.filter((h) => !background.includes(h)));
  const { fields, topics, fieldWords, broad } = collectFields(fieldHits);
  if (exclude.fields)
    exclude.fields = exclude.fields.filter((f, i, all) => !fields.includes(f) && all.indexOf(f) === i);
  const negatedKinds = kindCues.hits.filter((h) => negated(tokens, h.start)).map((h) => h.kind);
  if (negatedKinds.length || kindCues.domestic)
    exclude.kinds = [
      ...new Set([...negatedKinds, ...(kindCues.domestic ? (['magang_luar_negeri'] as const) : [])]),
    ];
  const countries: string[] = [];
  const notCountries: string[] = [];
  const subjectEnd = fieldHits.find((h) => h.concept.fields.length)?.end;
  // "selain jepang dan korea": a country joined to a ruled-out one is ruled out too.
  let ruledOut: { end: number } | undefined;
  for (const hit of countryCue?.hits ?? []) {
    // "mamaku PMI di hongkong, aku mau ke taiwan": where the family is, not where the person goes;
    // "kursus bahasa jepang buat kerja di jepang": the purpose of the course.
    if (aboutFamily(tokens, hit.start, countryCue!.hits.some((h) => h.start > hit.start) ? 5 : 4)) continue;
    if (formerly(tokens, hit.start)) continue;
    if (subjectEnd !== undefined && hit.start > subjectEnd && purposeBefore(tokens, hit.start, subjectEnd))
      continue;
    const joined =
      ruledOut !== undefined &&
      hit.start >= ruledOut.end &&
      tokens.slice(ruledOut.end, hit.start).every((w) => COORDINATORS.has(w)) &&
      // "bukan jepang, korea aja": the one wanted instead.
      !(hit.start === ruledOut.end && ONLY.has(tokens[hit.end] ?? ''));
    const out = negated(tokens, hit.start) || joined;
    ruledOut = out ? hit : undefined;
    const list = out ? notCountries : countries;
    for (const code of hit.codes) if (!list.includes(code)) list.push(code);
  }
  // A named route abroad ("tokutei ginou", "eps"): its country, and its words to find its programmes.
  const schemes = SCHEME_TABLE.scan(tokens);
  for (const hit of schemes)
    if (
      hit.value.country &&
      !countries.includes(hit.value.country) &&
      !notCountries.includes(hit.value.country)
    )
      countries.push(hit.value.country);
  if (notCountries.length) exclude.countries = notCountries;
  const country = countries[0];
  for (const hit of constraintReading.hits) {
    // "jangan yg daring", and "offline"/"tatap muka" said outright: nothing fully online.
    const notOnline = hit.name === 'online' && negated(tokens, hit.start);
    // "samarinda atau online": the place, or online failing it — the search does that by itself.
    const orPlace =
      hit.name === 'online' &&
      EITHER_WORDS.has(tokens[hit.start - 1] ?? '') &&
      spans.some((s) => s.end === hit.start - 1);
    if (orPlace) {
      const { online: _online, ...rest } = constraints ?? {};
      constraints = Object.keys(rest).length ? rest : undefined;
    }
    if (notOnline || hit.name === 'inPerson') {
      exclude.online = true;
      const { online: _online, inPerson: _inPerson, ...rest } = constraints ?? {};
      constraints = Object.keys(rest).length ? rest : undefined;
    }
  }
  // Places: where to search, not where the person lives, unless only that was said.
  // "di luar bali", "luar jawa": anywhere but there.
  const outside = (s: PlaceSpan) => tokens[s.start - 1] === 'luar' || tokens[s.start - 1] === 'diluar';
  const excludedPlaces = spans.filter((s) => negated(tokens, s.start) || outside(s));
  if (excludedPlaces.length) exclude.places = [...new Set(excludedPlaces.map((s) => s.code))];
  const named = spans.filter(
    (s) =>
      !excludedPlaces.includes(s) &&
      !(aboutFamily(tokens, s.start) && !home.has(s) && spans.some((o) => o.start > s.start)),
  );
  // A place in what the person says about their situation is where they are ("aku kerja di pabrik
  // sepatu tangerang, pengen sertifikat jahit").
  const situated = (s: PlaceSpan) =>
    fieldReading.situationEnd !== undefined && s.end <= fieldReading.situationEnd;
  const away = named.filter((s) => !home.has(s) && !situated(s));
  const searchSpans = away.length ? away : named;
  const searchCodes = new Set(searchSpans.map((s) => s.code));
  const region = regions.find((g) => searchCodes.has(g.code));
  let places = [...new Set(searchSpans.map((s) => s.code))];
  // "smg, kota ato kabupaten gpp": the city and the regency of that name both.
  if (EITHER_LEVEL.test(tokens.join(' ')))
    places = [...new Set(places.flatMap((code) => [code, ...twinsOf(code)]))];
  // "kediri, jatim": the province only says where the regency is.
  places = places.filter((code) => code.includes('.') || !places.some((p) => p.startsWith(`${code}.`)));

  // A country with talk of going or interning there is a programme abroad ("kerja ke korea", "magang jepang");
  // so is a training centre with a country ("lpk jepang").
  let kind = saidKind;
  let kinds = kindCues.kinds;
  if (country && (weak || kind === 'magang') && (goingAbroad || countryCue?.destination || kindCues.lpk)) {
    kind = 'magang_luar_negeri';
  } else if (country && fields.includes('bahasa')) {
    // "mau ke jepang, belajar bahasanya dulu": the language course for that country.
    kind = 'pelatihan';
    kinds = ['pelatihan', 'magang_luar_negeri'];
  } else if (country && kind === 'pelatihan') {
    // "pelatihan jepang las": the training that leads to Japan, or a course about it.
    kinds = ['magang_luar_negeri', 'pelatihan'];
  } else if (kindCues.lpk && !kinds && kind === 'pelatihan' && !fields.includes('bahasa')) {
    kinds = ['pelatihan', 'magang_luar_negeri'];
  }
  if (kind && exclude.kinds?.includes(kind)) kind = undefined;

  const slots: Slots = {};
  if (kind) slots.kind = kind;
  if (kind === 'pelatihan' && kindCues.learning && !kinds) slots.kindImplied = true;
  if (kinds && !exclude.kinds) {
    slots.kinds = kinds;
    slots.kind = kinds[0];
  }
  if (fields.length) slots.fields = fields;
  // A route ranks its own programmes first ("ausbildung hotel": the hotel Ausbildung before the others).
  const routes = schemes.map((hit) => [...hit.value.say]);
  if (topics.length) slots.topics = topics;
  if (fieldWords.length) slots.fieldWords = fieldWords;
  if (country) slots.country = country;
  if (countries.length > 1) slots.countries = countries;
  if (region) {
    slots.province = region.provinceCode;
    // An area of one province ("lombok", "solo raya") is that province's regencies, none of them first.
    const area = places.length > 2 && places.every((c) => c.startsWith(region.provinceCode));
    if (region.type === 'regency' && !area) slots.regency = region.code;
  }
  if (places.length > 1) slots.places = places;
  if (region && away.length === 0 && named.length > 0) slots.placeIsHome = true;
  if (Object.keys(exclude).length) slots.exclude = exclude;
  if (education) slots.education = education;
  if (constraints) slots.constraints = constraints;
  if (constraintReading.highestStipend) slots.sortByStipend = true;
  if (constraintReading.womenExclusive) slots.womenExclusive = true;
  const rankBy = [...(constraintReading.rankBy ?? []), ...schedule, ...broad, ...routes];
  if (rankBy.length) slots.rankBy = rankBy;
  if (schedule.length) slots.schedule = schedule;
  if (backgroundRank.length) slots.rankFields = backgroundRank;
  if (ordinal !== undefined) slots.ordinal = ordinal;
  if (facts) slots.facts = facts;

  // A field said as what the person studied still makes the message about programmes.
  const studiedField = backgroundRank.length > 0;
  const content = Boolean(
    kind ||
      fields.length ||
      topics.length ||
      studiedField ||
      country ||
      region ||
      constraints ||
      slots.exclude,
  );
  let intent: Intent = message.command ? (commandIntent(message.command) ?? 'unknown') : 'unknown';
  if (!message.command) {
    intent = classify(
      tokens,
      claimedForIntent,
      {
        content,
        education: Boolean(education),
        ordinal: ordinal !== undefined,
        constraints: Boolean(constraints),
        definite: message.definite,
        demonstrative: DEFINITE.test(tokens),
        topic: Boolean(kind || fields.length || topics.length || studiedField || country || region),
        attribute: message.attribute,
      },
      message.addressed,
    );
  }
  if (intent === 'match' && backgroundRank.length) {
    // "aku lulusan smk tkj, cocoknya ikut apa": what fits the person, their major included.
    const all = collectFields(allFieldHits);
    slots.fields = all.fields;
    if (all.topics.length) slots.topics = all.topics;
    if (all.fieldWords.length) slots.fieldWords = all.fieldWords;
    delete slots.rankFields;
  }
  if (intent === 'language') {
    // "ganti bahasa ke inggris" names the bot's language, not a course or a destination.
    for (const key of ['fields', 'topics', 'country', 'countries', 'kind', 'kinds'] as const)
      delete slots[key];
  }
  // "ada asramanya?" about a programme in view asks what it gives; it is no condition of a search.
  const benefitWords =
    intent === 'details' && slots.constraints?.benefits ? constraintReading.benefitWords : [];
  if (benefitWords?.length && slots.constraints) {
    const { benefits: _benefits, ...rest } = slots.constraints;
    if (Object.keys(rest).length) slots.constraints = rest;
    else delete slots.constraints;
  }
  if (CONTENT_INTENTS.has(intent)) {
    const keywords = [...(benefitWords ?? []), ...keywordsOf(r)];
    if (keywords.length) slots.keywords = keywords;
  }
  return { intent, normalized, slots };
}
