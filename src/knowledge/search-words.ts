import type { Understanding } from '../nlu';
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

let vocabulary: Set<string> | undefined;

/** Words that make a message a question about how things work, whatever programme words it has. */
const CUES =
  /\b(apa itu|itu apa|apaan|pengertian|arti|maksud|maksudnya|bedanya|beda|bagaimana|cara|caranya|alur|alurnya|proses|prosesnya|biasanya|wajib|harus|perlu|kenapa|mengapa|aman|resmi|legal|what is|what are|whats|what does|how does|how do|how can|why|is it safe|mean|means|meaning|difference|legit|allowed|exactly|usually)\b/;
/** A yes/no question ("magang digaji ga?", "bpvp gratis kah?") is one too — unless it asks whether some exist. */
const YES_NO =
  /\b(tidak|kah|apa|apa sih|atau tidak|belum)$|^(is|are|do|does|can|could|will|should|may|must)\b/;
const EXISTS = /^(ada|adakah|is there|are there|any)\b/;

/**
 * The words a programme search accounts for, when the message is one: they cannot make it a knowledge
 * question, only its other words can. A message that names a place or a field is a search ("pelatihan
 * otomotif di semarang yang ada asramanya" — but "lpk di malang ini resmi ga?" still asks about licences);
 * so is a wish for programmes with a kind, country or condition and no question about how things work
 * ("magang luar negri yg buat cewe", not "apa itu magang").
 */
export function searchDiscount(u: Understanding): MatchOptions['discount'] | undefined {
  const s = u.slots;
  // A field named inside a question about how things work ("eps topik itu apa", "what is SSW") is its
  // subject, not a search; a place always narrows a search.
  const named = Boolean(s.province || s.regency || (s.fields?.length && !CUES.test(u.normalized)));
  const wish =
    (u.intent === 'search' || u.intent === 'apply') &&
    Boolean(s.kind || s.country || s.constraints || s.education) &&
    !CUES.test(u.normalized) &&
    !(YES_NO.test(u.normalized) && !EXISTS.test(u.normalized));
  if (!named && !wish) return undefined;
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
  return (word) => words.has(word);
}
