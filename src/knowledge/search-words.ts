import type { Understanding } from '../nlu';
import { SCHEMES } from '../nlu/lexicons';
import { CONSTRAINT_TABLE } from '../nlu/slots/constraints';
import { COUNTRY_TABLE } from '../nlu/slots/country';
import { EDUCATION_TABLE } from '../nlu/slots/education';
import { FIELD_TABLE } from '../nlu/slots/fields';
import { KIND_TABLE } from '../nlu/slots/kind';
import { placeNameTokens } from '../regions/gazetteer';
import type { MatchOptions } from './match';

/** What people ask of a programme's card; with a place or a field named, they describe a search. */
const ATTRIBUTES =
  `asrama mess uang saku biaya gaji sertifikat makan transport gratis bayar dibayar kuota jadwal
  lokasi tempat tinggal durasi lama bulan tahun minggu hari n1 n2 n3 n4 n5 jlpt`.split(/\s+/);

/**
 * What a programme's card lists of its facilities: asked with a kind of programme ("apakah boleh bawa
 * kucing ke asrama pelatihan?") they ask about one programme; money, pay and certificates are asked in
 * general too ("kalo magang dibayar gk?").
 */
const FACILITIES = new Set('asrama mess makan transport tempat tinggal lokasi jadwal kuota'.split(' '));

/**
 * Language tests and routes abroad, which the language field's words include: in a question they are
 * what is asked ("perlu toefl atau topik gk sih buat ikut programnya", "eps topik tuh program apa").
 */
const TESTS_AND_ROUTES = new Set('jlpt jft topik toefl ielts toeic n1 n2 n3 n4 n5 eps ssw titp'.split(' '));

let vocabulary: Set<string> | undefined;
let schemes: Set<string> | undefined;

/** The words of named routes abroad ("titp", "eps topik"). */
function schemeWords(): Set<string> {
  schemes ??= new Set(SCHEMES.flatMap((scheme) => scheme.say.flatMap((w) => w.split(' '))));
  return schemes;
}

/** Words that make a message a question about how things work, whatever programme words it has. */
const CUES =
  /\b(apa itu|itu apa|apaan|pengertian|arti|maksud|maksudnya|bedanya|beda|bagaimana|cara|caranya|alur|alurnya|proses|prosesnya|biasanya|wajib|harus|perlu|kenapa|mengapa|aman|resmi|legal|what is|what are|whats|what does|how does|how do|how can|why|is it safe|mean|means|meaning|difference|legit|allowed|exactly|usually)\b/;
/** A yes/no question ("magang digaji ga?", "bpvp gratis kah?") is one too — unless it asks whether some exist. */
const YES_NO =
  /\b(tidak|kah|apa|apa sih|atau tidak|belum)$|^(is|are|do|does|can|could|will|should|may|must)\b/;
/** "ada …", "adakah …", "… apa aja", "pelatihan apa": whether (which) programmes exist, anywhere in the message. */
const EXISTS =
  /\b(ada|adakah|is there|are there)\b|^any\b|\b(apa|mana) (aja|saja)\b|\b(pelatihan|magang|kursus|kelas|program|sertifikasi|lowongan) apa\b/;
/**
 * "syarat surat2 buat kerja di LN apa aja", "peserta magang dapet apa aja": which requirements, documents,
 * costs or rights — not which programmes exist.
 */
const WHICH_ITEMS =
  /\b(syarat|persyaratan|dokumen|berkas|surat|biaya|hak|dapat|perlu|harus|wajib|siapkan|disiapkan|bawa)( \w+){0,6} (apa|mana) (aja|saja)\b/g;

function asksWhetherExist(normalized: string): boolean {
  return EXISTS.test(normalized.replace(WHICH_ITEMS, ' '));
}

/**
 * Asking what something is: a question about it, whatever programme words it names ("eps topik itu apa",
 * "apa sih eps itu", "tokutei ginou tuh apaan", "how does eps-topik work").
 */
const DEFINES =
  /\bhow (does|do) .*\bwork\b|\b(apa itu|itu apa|tuh apa|tu apa|apaan|pengertian|arti|artinya|maksud|maksudnya|bedanya|what is|what are|whats|what does|mean|means|meaning)\b|^apa\b.*\bitu$/;
/**
 * Qualities every catalogued programme has (each is verified): in a message that looks for programmes
 * ("aceh ada jalur resmi kerja ke malaysia ga", "mau kerja juga tapi yg legal") they say which ones; in a
 * yes/no question about one ("lpk di malang ini resmi ga?") they ask about its licence.
 */
const QUALITIES = new Set(['resmi', 'legal', 'jalur']);

/** Asking how, not which: "pengen kerja ke hongkong yg resmi lewat mana", "jalur resminya gimana". */
const HOW = /\b(bagaimana|cara|caranya|alur|alurnya|proses|lewat mana|dimana|di mana)\b/;

/** Words that make a message a question (a wish for programmes has none). */
const ASKING_WORDS =
  /\b(apa|apakah|gimana|bagaimana|berapa|kapan|kenapa|mengapa|siapa|mana|dimana|kemana|boleh|bolehkah|bisa|bisakah|tidak|belum|bukan|kah|emang|memang|mending|atau|can|is|are|do|does|how|what|why|when|where|which|should)\b/;

/**
 * The words a programme search accounts for, when the message is one: they cannot make it a knowledge
 * question, only its other words can. A message that names a place or a field is a search ("pelatihan
 * otomotif di semarang yang ada asramanya" — but "lpk di malang ini resmi ga?" still asks about licences);
 * so is a wish for programmes with a kind, country or condition and no question about how things work
 * ("magang luar negri yg buat cewe", not "apa itu magang"). Asking what something is never is ("eps topik
 * itu apa" names a field and a country, and still asks about EPS).
 */
export function searchDiscount(u: Understanding, text = ''): MatchOptions {
  const s = u.slots;
  if (DEFINES.test(u.normalized)) return {};
  const place = Boolean(s.province || s.regency);
  const named = place || Boolean(s.fields?.length);
  const yesNo = YES_NO.test(u.normalized) && !asksWhetherExist(u.normalized);
  const wish =
    (u.intent === 'search' || u.intent === 'apply') &&
    Boolean(s.kind || s.country || s.constraints || s.education) &&
    !CUES.test(u.normalized) &&
    !yesNo;
  if (!named && !wish) return {};
  vocabulary ??= new Set([
    ...FIELD_TABLE.vocabulary,
    ...KIND_TABLE.vocabulary,
    ...COUNTRY_TABLE.vocabulary,
    ...CONSTRAINT_TABLE.vocabulary,
    ...EDUCATION_TABLE.vocabulary,
    ...placeNameTokens(),
    ...ATTRIBUTES,
  ]);
  const words = vocabulary;
  // Leftover words only rank the search ("ada asuransinya?"): they may still ask a question — but what
  // people ask of a programme's card ("yang ada asramanya") is part of the search.
  const leftover = new Set(
    (s.keywords ?? []).filter((w) => !ATTRIBUTES.includes(w) && !schemeWords().has(w)),
  );
  const seeking = !yesNo && !HOW.test(u.normalized);
  // A named route abroad is what a question is about ("mending titp atau tokutei ginou"), unless a
  // place or field makes the message a search ("padang sidempuan, … bahasa korea buat eps, bisa online?").
  const discount = (word: string) =>
    (words.has(word) && !leftover.has(word)) ||
    (named && schemeWords().has(word)) ||
    (seeking && QUALITIES.has(word));
  // Asked as a question, with no place ("kalo magang dibayar gk? ato cuma kerja gratis doang", "hrs udh
  // punya sertifikat jlpt ato topik gk pas daftar"): no wish for programmes — only a field's own words say
  // which programmes, and the rest is what is asked, for the ranked retrieval, which weighs all the
  // message says. A keyword phrase, which needs only its own words, still reads it as a search: "apakah
  // boleh bawa kucing ke asrama pelatihan?" asks of a programme's card, not about dormitories.
  if (!place && askedAsQuestion(u, text)) {
    const fields = s.fields?.length
      ? (word: string) =>
          FIELD_TABLE.vocabulary.has(word) && !ATTRIBUTES.includes(word) && !TESTS_AND_ROUTES.has(word)
      : undefined;
    return {
      ...(fields ? { discount: fields } : {}),
      phraseDiscount: (w) => FACILITIES.has(w) && discount(w),
    };
  }
  return { discount };
}

/**
 * Asked as a question: a question mark, or a question word ("apa", "gimana", "boleh", "gk" at the end…)
 * that is not one asking whether programmes exist.
 */
function askedAsQuestion(u: Understanding, text: string): boolean {
  if (asksWhetherExist(u.normalized)) return false;
  const bare = u.normalized.replace(TRAILING, '');
  return text.includes('?') || QUESTION_WORDS.test(u.normalized) || YES_NO.test(bare);
}

/** Particles and forms of address that close a question ("anak magang dibayar ga sih", "… belum ya kak"). */
const TRAILING = /(\s+(sih|ya|yah|kak|min|kah|dong|deh|nih|tuh|gan|sis|bang|mas|mbak|bro|sist))+$/;
/** Words that ask ("magang luar negeri yang tidak bayar" describes; "magang dibayar gk?" asks). */
const QUESTION_WORDS =
  /\b(apa|apakah|gimana|bagaimana|berapa|kapan|kenapa|mengapa|siapa|dimana|kemana|ngapain|emang|memang|bolehkah|bisakah|harus|wajib|perlu|how|what|why|when|where|which)\b|\b(boleh|bisa) (tidak|belum)\b|\b(tidak|belum) (sih|ya|kak|min)\b/;

/** Leftover words other than named routes and qualities: something the search does not understand. */
function unexplained(u: Understanding): boolean {
  return (u.slots.keywords ?? []).some((w) => !QUALITIES.has(w) && !schemeWords().has(w));
}

/**
 * A plain look for programmes, which the knowledge base leaves alone: it names what (a kind, field,
 * route or country) or where, no how, what or why, and either asks whether some exist ("ada jalur resmi
 * kerja ke malaysia ga", "malaysia yg legal apa aja") or asks nothing at all ("cewe 17th masih kelas 12
 * smk, mau magang pas libur", "titp jepang yg gratis"). Words the search does not understand keep it a
 * possible question ("kalo kerja di luar negeri ada asuransinya?", "lpk nahan ijazah aku sampe lunas"),
 * unless a place says where to look.
 */
export function seeksProgrammes(u: Understanding, text: string): boolean {
  if (u.intent !== 'search' && u.intent !== 'apply' && u.intent !== 'eligibility') return false;
  const s = u.slots;
  const where = Boolean(s.province || s.regency);
  const what = Boolean(s.kind || s.country || s.fields?.length || s.rankBy);
  if (!(what || where) || DEFINES.test(u.normalized) || HOW.test(u.normalized)) return false;
  if (
    CUES.test(
      u.normalized
        .split(' ')
        .filter((w) => !QUALITIES.has(w))
        .join(' '),
    )
  )
    return false;
  if (unexplained(u) && !where) return false;
  if (asksWhetherExist(u.normalized)) return true;
  return (
    u.intent !== 'eligibility' &&
    !text.includes('?') &&
    !ASKING_WORDS.test(u.normalized.replace(NEGATION, ' '))
  );
}

/**
 * "belum kerja", "tidak bertato" in the middle of a message say what is not so; only at its end
 * ("udah buka belum", "gratis tidak kak") do they ask.
 */
const NEGATION = /\b(tidak|belum|bukan)\b(?= (?!(ya|sih|kak|dong|nih|kah|min)\b)\S)/g;
