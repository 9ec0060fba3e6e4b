import type { MatchOptions } from '../../knowledge/match';
import { searchDiscount, seeksProgrammes } from '../../knowledge/search-words';
import type { Intent, Understanding } from '../../nlu';
import { type CardQuestion, requirementQuestion } from '../../nlu/card-question';

/** Intents whose words may be a question for the knowledge base; the others are requests of their own. */
const ASKING: ReadonlySet<Intent> = new Set<Intent>([
  'search',
  'details',
  'apply',
  'eligibility',
  'match',
  'help',
  'unknown',
  'greeting',
  'thanks',
]);

/** "cara batalin lamaran", "kalo udah daftar bisa batal ga?": a question about cancelling, not a cancel. */
const HOW = /\b(cara|caranya|bagaimana|gimana|how|kalau|kalo|bisa|boleh|kena|denda|can i)\b|\?/;
/** "kalo udh daftar trs ngapain?": asking how applying goes on, not for one's own applications. */
const AFTER_APPLYING =
  /\b(kalau|kalo|setelah|sesudah|habis|abis|after|once)\b.*\b(daftar|mendaftar|apply|applied|applying)\b/;
/**
 * "udh daftar seminggu blm ada kabar biasanya brp lama", "udh daftar tp mau mundur, gmn caranya", "aku
 * gagal ya? harus ngapain": how things go after applying, asked in general — unless the person asks for
 * their own application ("status lamaran saya", "lamaran saya bagaimana"), which the status answers.
 */
const HOW_THINGS_GO = /\b(cara|caranya|bagaimana|gimana|ngapain|harus|biasanya|berapa lama)\b/;
const OWN_STATUS = /\b(status|lamaran saya|lamaranku|pendaftaranku)\b|^(pendaftaran|lamaran) saya\b/;
/** "bahasa inggris aja aku jeblok" talks about a language; switching asks for it to be spoken. */
const SWITCH =
  /\b(pake|pakai|ganti|ubah|switch|change|reply|answer|respond|jawab|balas|bales|ngomong|speak|talk|write|chat|in english|in indonesian|dalam bahasa)\b/;
/** "report a fake agent", "scammed by an agent": a broker, not a request for a staff member. */
const BROKER =
  /\b(scam|scammed|scammer|fake|fraud|penipu|penipuan|tipu|ditipu|ketipu|calo|report|lapor|illegal|ilegal)\b/;
/** Facts the eligibility engine cannot judge from a message: the knowledge base answers the worry. */
const WORRY_FACTS = /\b(tato|tatto|tattoo|tatoo|buta warna|colou?r ?blind|colou?r-blind)\b/;
/**
 * Circumstances no programme's rules judge, said with the person's own facts ("ijazah smk ku ilang pas
 * banjir, masih bisa daftar?", "aku masih kelas 12 blm lulus udh bisa daftar?", "beta orang timor leste,
 * sonde punya ktp"): a lost document, still being at school, another citizenship. The knowledge base
 * answers them, whatever number or place the message also carries.
 */
const LOST_DOCUMENT =
  /\b(ijazah|ktp|kartu keluarga|kk|akta|paspor)( \w+){0,3} (hilang|ilang|rusak|ketinggalan|kebanjiran|dicuri|tidak ketemu)\b|\b(hilang|ilang|kehilangan) (ijazah|ktp|kartu keluarga|paspor)\b/;
const AT_SCHOOL =
  /\b(kelas (1[0-2]|[1-3])|belum lulus|masih sekolah|masih pelajar|grade 1[0-2]|still in school|not graduated|havent graduated)\b/;
const CITIZENSHIP =
  /\b(timor leste|wna|warga negara asing|bukan wni|bukan warga negara indonesia|kewarganegaraan|foreign citizen|not indonesian)\b/;
/** A worry asked about ("punya tato bisa ke jepang?", "buta warna jd penghalang?"), not only said. */
const WORRY_ASKED =
  /\?|\b(bisa|bisakah|boleh|bolehkah|apa|apakah|gimana|bagaimana|can|could|penghalang|masalah|ngaruh|pengaruh|diterima)\b/;

/**
 * "pelatihan ini", "this course": the programme on screen, not a question about how things are ("magang
 * itu apa" asks what magang is, so "itu" is not among them).
 */
const POINTS_AT_PROGRAMME =
  /\b(pelatihan|program|magang|kursus|kelas|sertifikasi|lowongan|training|course|programme|internship|apprenticeship) (ini|tersebut|this)\b|\b(this|that) (program|programme|course|training|internship|apprenticeship)\b/;

/**
 * Whether the knowledge base may answer this message, and which of its words count. "umur 27 bisa ikut
 * magang jepang?" is for the eligibility engine (the person's own age); "pelatihan las di sby" is a
 * search; "ini aman ga kak? … ketipu lpk" is a question about fraud.
 */
export function knowledgeGate(
  u: Understanding,
  text: string,
): { ask: false } | { ask: true; options: MatchOptions } {
  const lower = text.toLowerCase();
  const asksAnyway =
    (u.intent === 'cancel' && (HOW.test(u.normalized) || text.includes('?'))) ||
    (u.intent === 'status' &&
      (AFTER_APPLYING.test(u.normalized) ||
        (HOW_THINGS_GO.test(u.normalized) && !OWN_STATUS.test(u.normalized)))) ||
    (u.intent === 'language' && !SWITCH.test(lower)) ||
    (u.intent === 'handoff' && BROKER.test(lower));
  if (!ASKING.has(u.intent) && !asksAnyway) return { ask: false };
  const s = u.slots;
  // Said of oneself with what is wanted ("magang kaigo jepang, … gak ada tato", "magang korea, tidak
  // buta warna"): the search reads it against the programmes' own questions. Asked alone ("boleh ikut
  // kalau bertato?", "aku buta warna, masih bisa ikut program?"), the knowledge base answers the worry.
  // Saying they pass ("gak ada tato") is no worry; saying they have it is one when asked as a question
  // ("punya tato bisa?"), a fact for the search when not ("magang otomotif tp aku ada tato"). With a
  // programme named by trade or place ("aku di palu, ada tato. bisa magang jepang?") the
  // programmes' own rules answer it, with what fits instead.
  const passes = s.facts?.tattoo === false || s.facts?.traits?.buta_warna === false;
  const has = s.facts?.tattoo === true || s.facts?.traits?.buta_warna === true;
  const stated = passes || (has && !WORRY_ASKED.test(lower));
  const wanted = Boolean(s.kind || s.kinds?.length || s.fields?.length || s.country || s.province);
  // A country alone is not enough: "punya tato bisa ke jepang?" is the worry itself.
  const named = Boolean(s.fields?.length || s.province || s.regency || s.places?.length);
  // Still at school with a school level said ("masih SMA kelas 12") is for the engine, which knows it.
  const unjudged =
    LOST_DOCUMENT.test(u.normalized) ||
    CITIZENSHIP.test(u.normalized) ||
    (AT_SCHOOL.test(u.normalized) && !s.education && !s.facts?.education);
  // A lost or ruined document is a worry even said without a question ("ijazah smk aku rusak kena banjir").
  if (unjudged && (WORRY_ASKED.test(lower) || LOST_DOCUMENT.test(u.normalized)) && !s.fields?.length)
    return { ask: true, options: {} };
  if (WORRY_FACTS.test(lower))
    return (stated && wanted) || named ? { ask: false } : { ask: true, options: {} };
  // A value of the person's own ("umur 27", "lulusan smp") or a named target ("… magang korea?") is for
  // the eligibility engine and matching, which answer from the programmes' own rules.
  const personal = Boolean(s.education) || /\d/.test(u.normalized);
  // A named route ("tokutei ginou syaratnya apa") is itself what is asked about: its country is not a
  // target the person named.
  const target = Boolean((s.country && !s.rankBy) || s.fields?.length || s.province);
  // A place named ("aku di kendari, bisa ikut … di palu?") asks about the programmes there.
  const place = Boolean(s.province || s.regency);
  if ((u.intent === 'eligibility' || u.intent === 'match') && (personal || place)) return { ask: false };
  // "perempuan boleh ikut magang jepang?", "batas umur magang korea berapa": the named programmes' own
  // rules answer it (the router sends it there first); "udah nikah boleh magang ke korea?", "lpk jepang
  // biayanya kok mahal, emang boleh?" name a target too, but no rule a programme keeps: the knowledge base.
  if ((u.intent === 'eligibility' || u.intent === 'match') && target && rulesAnswer(text))
    return { ask: false };
  if (seeksProgrammes(u, text)) return { ask: false };
  const pointsAtProgramme = POINTS_AT_PROGRAMME.test(u.normalized);
  return {
    ask: true,
    options: { ...searchDiscount(u, text), ...(pointsAtProgramme ? { pointsAtProgramme } : {}) },
  };
}

/**
 * A question about the documents to prepare ("dokumen apa aja buat magang ke luar negeri", "persyaratan
 * dokumennya apa aja"): the knowledge base's general answer fits better than each programme's list.
 */
export function asksDocuments(asked: CardQuestion | undefined): boolean {
  return Boolean(
    asked?.attributes.includes('documents') &&
      asked.attributes.every((a) => a === 'documents' || a === 'requirements'),
  );
}

/** A body measure a programme may require ("tinggi badan minimal berapa", asked without a value). */
const BODY_RULE = /\b(tinggi badan|berat badan|tinggi minimal|minimal tinggi|tinggi min|height|weight)\b/i;

/** A question about a rule programmes keep (age, gender, height, education…), not about documents. */
function rulesAnswer(text: string): boolean {
  const asked = requirementQuestion(text);
  return (Boolean(asked?.attributes.length) && !asksDocuments(asked)) || BODY_RULE.test(text);
}

/** Question words and marks: what makes an unmatched message worth collecting for staff. */
const QUESTION =
  /\?|\b(apa|apakah|bagaimana|gimana|kenapa|mengapa|berapa|kapan|dimana|di mana|siapa|bisakah|bolehkah|boleh|bisa|harus|perlu|wajib|how|what|why|when|where|who|which|can|is|are|do|does|should)\b/i;

/** Enough words to be a real question: "apa itu ssw?" yes, "p", "kenapa?" or "asdf" no. */
export function looksLikeQuestion(text: string, u: Understanding): boolean {
  if (!QUESTION.test(text) && !QUESTION.test(u.normalized)) return false;
  const words = u.normalized.split(' ').filter((w) => w.length > 1);
  return words.length >= 2;
}

/** Opens or closes a question about how things are, not a wish for programmes. */
const ASKS =
  /^(apakah|apa|bolehkah|bisakah|kenapa|mengapa|bagaimana|gimana|kalau|is|are|can|could|why|how|what|do|does|should)\b|\b(boleh|bisa) (tidak|nggak)\b|\b(tidak|kah)$/;

/**
 * A question the NLU reads as a search only because it has words to search for ("apakah boleh bawa
 * kucing ke asrama?", "gimana cara jadi pilot?"): no field, country or place, words no slot took, and
 * the shape of a question. When the knowledge base has no answer, it is collected for staff.
 */
export function isWorldQuestion(text: string, u: Understanding): boolean {
  if (u.intent !== 'search' && u.intent !== 'details') return false;
  const s = u.slots;
  if (!s.keywords?.length || s.fields?.length || s.country || s.province) return false;
  // "magang di pt astra ada ga?" looks for a programme; "pelatihan ini dapat sertifikat?" asks about one.
  if (/\b(ada|adakah|ini|itu|tersebut)\b/.test(u.normalized)) return false;
  return (
    ASKS.test(u.normalized) ||
    (text.includes('?') && /\b(cara|caranya|boleh|harus|wajib)\b/.test(u.normalized))
  );
}
