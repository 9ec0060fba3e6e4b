/**
 * A programme's own question answered before it is asked ("aku belum lulus eps topik", "sim sy sudah
 * mati", "kita nyanda bisa berenang", "pengalaman barista 6 bulan" while the birth date waits): the
 * message names the question by one of its own distinctive words. Which words are distinctive is read
 * from the organisers' wording, never listed per programme.
 */
import type { ProgrammeQuestion } from '../../shared/profile';

/** Words any question may hold: naming one of them names no question in particular. */
const COMMON = new Set(
  `apakah apa kamu kau anda mu sudah udah pernah punya memiliki mempunyai masih yang dan atau untuk
  dengan di ke dari dalam selain bisa dapat boleh mau ingin bersedia siap berapa tahun bulan lama
  pengalaman kerja kerjamu bekerja bidang lulus tidak belum ada sebagai selama saat ini itu sendiri
  minimal maksimal total parsial baik kondisi sehat perempuan wanita laki pria cewek cowok
  are you your have has had do does did can could will would is a an the of to in on for with any
  valid still passed pass how many much years months experience work working own yet ever or and
  women woman men man female male`
    .split(/\s+/)
    .filter(Boolean),
);

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w.length >= 3 && !COMMON.has(w) && !/^\d+$/.test(w));

/** The question's own words: "Apakah kamu sudah lulus EPS-TOPIK?" → eps, topik. */
export function distinctiveWords(question: ProgrammeQuestion): Set<string> {
  return new Set(words(`${question.ask.id} ${question.ask.en ?? ''}`));
}

/**
 * The yes/no and number questions the message names (at most one each way it could be read): only a
 * word of the question itself counts, so "umurku 20" names none.
 */
export function namedQuestions(text: string, questions: ProgrammeQuestion[]): ProgrammeQuestion[] {
  const said = new Set(words(text));
  return questions.filter(
    (q) => (q.type === 'yes_no' || q.type === 'number') && [...distinctiveWords(q)].some((w) => said.has(w)),
  );
}
