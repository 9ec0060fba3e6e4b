/**
 * What a message wants, decided by ordered rules over normalised words. Requests about the person's
 * data and the conversation itself come first (they must never be mistaken for a search), then the
 * questions about programmes, then navigation and small talk, which only count when nothing else is said.
 */
import { PhraseTable } from './phrases';

export const INTENTS = [
  'greeting',
  'search',
  'details',
  'eligibility',
  'match',
  'apply',
  'status',
  'help',
  'handoff',
  'stop',
  'resume',
  'menu',
  'cancel',
  'back',
  'next',
  'prev',
  'yes',
  'no',
  'thanks',
  'subscribe',
  'language',
  'privacy_export',
  'privacy_delete',
  'unknown',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Telegram-style commands (also typed by hand on WhatsApp). */
const COMMANDS: ReadonlyMap<string, Intent> = new Map([
  ['start', 'greeting'],
  ['mulai', 'resume'],
  ['resume', 'resume'],
  ['berhenti', 'stop'],
  ['stop', 'stop'],
  ['unsubscribe', 'stop'],
  ['menu', 'menu'],
  ['bantuan', 'help'],
  ['help', 'help'],
  ['data_saya', 'privacy_export'],
  ['datasaya', 'privacy_export'],
  ['hapus_data', 'privacy_delete'],
  ['hapusdata', 'privacy_delete'],
  ['bahasa', 'language'],
  ['language', 'language'],
  ['petugas', 'handoff'],
  ['batal', 'cancel'],
  ['cancel', 'cancel'],
  ['status', 'status'],
  ['daftar', 'apply'],
  ['cari', 'search'],
  ['langganan', 'subscribe'],
]);

const table = (phrases: string) =>
  new PhraseTable(
    phrases
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => [p, true] as const),
  );

const T = {
  privacyDelete: table(`hapus data, hapus akun, hapus semua data, hapus profil, delete data, delete my data,
    delete account, hapus informasi, hapus nomor, lupakan saya, hapus semua, hapus data saya, hapus identitas,
    menghapus data, dihapus data, data saya dihapus, hapus semua tentang saya, erase my data, hapuskan data`),
  privacyExport: table(`data saya, data pribadi, lihat data, my data, unduh data, download data, ekspor data,
    export data, data yang disimpan, data apa saja, data apa, informasi saya, privasi, privacy, data yang kamu simpan,
    data yang kalian simpan, data tentang saya, simpan data apa, menyimpan data, data diri saya, data about me,
    data do you have, what data, data kamu tentang saya,
    personal data, my personal data, show me my data, what do you know about me, what do you keep`),
  stopStrong: table(`stop, unsub, unsubscribe, jangan kirim, tidak usah kirim, stop kirim, berhenti kirim,
    berhenti langganan, stop langganan, matikan notifikasi, matikan notif, jangan spam, hentikan, tidak mau terima,
    jangan hubungi, keluar dari langganan, opt out, jangan kirimi, stop notifikasi, stop notif, berhenti notifikasi,
    jangan dikirim, tidak perlu kirim, jangan chat, stop broadcast, berhenti berlangganan, tidak mau dapat info,
    tidak mau dapat pesan, jangan kirim pesan, cukup kirim,
    stop sending, no more notifications, any more notifications, dont want notifications, dont send me, stop messaging, turn off notifications, no more messages, dont message me`),
  stopWeak: table('berhenti'),
  resume:
    table(`mulai lagi, aktifkan lagi, aktifkan notifikasi, nyalakan notifikasi, langganan lagi, kirim lagi info,
    resume, mulai, subscribe lagi, kirimi lagi, aktifkan kembali, hidupkan notifikasi, nyalakan lagi,
    berlangganan lagi, mau terima info lagi, kirim info lagi`),
  handoff: table(`petugas, operator, cs, customer service, customer care, manusia, orang asli, orang beneran,
    orang sungguhan, human, agent, real person, live chat, live agent, call center, ada orangnya, ada orang,
    bicara dengan orang, ngomong sama orang, bicara dengan admin, tanya admin, hubungi admin, chat admin, kontak admin,
    nomor admin, sambungkan, minta dihubungi, telepon saya, hubungi saya, staf, staff, pegawai, konselor,
    talk to someone, talk to a person, ngobrol sama admin, bicara sama admin, mau ngomong sama admin, panggil admin,
    minta admin, admin nya, adminnya, nomor cs, wa admin, chat sama orang, bicara sama orang, bicara langsung,
    orangnya, chat orang, ke orang, bantuan orang, dibantu orang, bisa telepon, telepon saja, minta telepon,
    ditelepon, panggil petugas, sambungkan ke petugas, hubungkan ke petugas, hubungkan ke operator, sama manusia,
    speak to an admin, talk to an admin, speak to admin, talk to admin, speak to someone, speak to a person, speak with someone, talk with someone, contact staff, speak to staff, talk to staff, a real person, real human, chat with a person`),
  language:
    table(`ganti bahasa, ubah bahasa, pilih bahasa, bahasa lain, english please, in english, speak english,
    change language, switch language, switch to english, bahasa indonesia saja, pakai bahasa indonesia,
    indonesian please, pakai bahasa inggris, ganti ke bahasa inggris, ganti ke english, english version,
    can you speak english, do you speak english, english only, bahasa inggris saja, pakai english, ganti ke english,
    ubah ke bahasa, ganti ke bahasa, bahasa inggris please, bahasa indonesia please, ke bahasa indonesia,
    ke bahasa inggris`),
  cancel: table('batal, batalkan, cancel, tidak jadi, dibatalkan, pembatalan, urungkan, gajadi, sudahan'),
  status: table(`status, lamaran saya, pendaftaran saya, status lamaran, status pendaftaran, sudah diterima,
    diterima belum, diterima tidak, hasil seleksi, pengumuman, cek lamaran, cek pendaftaran, progress, my application,
    application status, sudah diproses, kabar lamaran, belum ada kabar, belum dihubungi, lolos tidak, lolos belum,
    keterima, sudah daftar, lamaran kemarin, pendaftaran kemarin, daftar kemarin, keterima tidak, sudah lolos,
    apakah saya lolos, apakah saya diterima, sampai mana, tahap apa, diproses, proses seleksi,
    been accepted, accepted yet, was i accepted, am i accepted, did i get in, did i pass, news about my application, my application`),
  subscribe: table(`kabari, kabarin, kabarkan, kasih kabar, beri kabar, kasih tahu kalau, beritahu kalau,
    beri tahu kalau, kasih tahu jika, beritahu jika, info kalau, infokan, ingatkan, notifikasi, notif, langganan,
    subscribe, update terbaru, info terbaru, kalau ada info, follow, pantau, berlangganan, kasih info kalau,
    kabari kalau, tolong kabari, notify, let me know, remind me, dikabari, diinfokan, diberitahu, kasih tahu kapan`),
  eligibility:
    table(`syarat, persyaratan, kriteria, ketentuan, memenuhi, kualifikasi, requirement, requirements,
    eligible, masih bisa, apakah bisa, batas umur, batas usia, maksimal umur,
    minimal umur, umur, usia, menikah, nikah, tato, bertato, tinggi badan, kacamata, berkacamata, kelayakan,
    cek kelayakan, diterima tidak kalau, lolos tidak kalau, sudah tua, terlalu tua, belum punya ktp,
    tidak punya ktp, tidak punya ijazah, tanpa ijazah, memenuhi syarat, apakah saya bisa, bisakah saya, qualify,
    harus bisa, harus punya, wajib bisa, wajib punya, apakah harus, perlu bisa, harus lulusan, batasan umur,
    buta warna, age limit, minimum age, maximum age, age requirement,
    eligibility,
    can i still join, can i still apply, can i join, am i too old, too old, too young, am i eligible, do i qualify, can i apply with`),
  match:
    table(`cocok, sesuai, rekomendasi, rekomen, rekomendasikan, saran, sarankan, recommend, recommendation,
    yang pas, pas untuk, for me, bagusnya, sebaiknya, enaknya, cocoknya, program untuk saya, yang bisa saya ikuti,
    apa yang bisa saya ikuti, suitable, suggest, saranin, rekomendasiin, rekom, pas buat saya, match, yang bagus,
    bagus buat, bagus untuk, suits, suit, suits me, should i, should i take, what should i, pilihkan, pilihin,
    bantu pilih, bantu saya pilih,
    help me pick, help me choose, what to choose, which one should i choose, dont know what to choose, which program is right, right for me`),
  detailsQuestion:
    table(`kapan, berapa lama, berapa biaya, biaya, berapa gaji, berapa uang saku, lokasi, alamat,
    dimana tempatnya, jadwal, durasi, tanggal, kuota, berapa orang, sisa kursi, fasilitas, benefit, deadline,
    batas pendaftaran, tutup kapan, berapa bulan, berapa tahun, berapa, tempatnya, lama pelatihan, lama magang,
    sampai kapan, mulai kapan, harga, ongkos, bayar berapa, how much, how long, when, masih buka, masih dibuka,
    sudah buka, sudah dibuka, still open, cost, price, fee`),
  details:
    table(`detail, rincian, info lengkap, informasi lengkap, lebih lanjut, selengkapnya, jelaskan, jelasin,
    penjelasan, lebih detail, tentang program, program ini, yang ini, info program, details, more info, tell me more,
    lihat detail, detailnya, keterangan`),
  apply:
    table(`daftar, mendaftar, apply, melamar, lamar, ngelamar, registrasi, register, isi formulir, ambil program,
    pilih program ini, saya pilih, cara daftar, link daftar, link pendaftaran, formulir, form pendaftaran,
    pendaftaran, sign up, signup, enroll, daftarkan, didaftarkan, lanjut daftar, ambil yang ini, cara ikut,
    bagaimana ikut, cara gabung, cara join, cara mendaftar, cara apply, how to join,
    sign me up, register me, enrol me, i want to apply`),
  // Joining is applying when a programme is in view; "mau ikut pelatihan las" is still looking for one.
  join: table(`ikut program, mau ikut, gabung, bergabung, join, tertarik ikut, ikut seleksi, ingin ikut, pengen ikut,
    ikut dong, ikut yang, ikut`),
  help: table(`bantuan, help, cara pakai, cara menggunakan, bisa apa, bisa bantu apa, ini bot apa, ini apa, fitur,
    bingung, tidak mengerti, tidak paham, cara kerja, panduan, petunjuk, how to use, what can you do, apa ini,
    bot apa, fungsi, butuh bantuan, minta tolong, tolong bantu, bantu saya, gimana cara pakai, cara pakainya,
    kamu siapa, siapa kamu, ini siapa, tutorial, mengerti, paham, tolong, ngapain, bisa ngapain, kamu bot, ini bot,
    are you a bot, kamu robot, bot ya, bot ini, siapa yang buat,
    how does this bot work, how does this bot, how does this work, how do you work, what is this bot, who are you, how to use this, what do you do`),
  menu: table(`menu, menu utama, home, beranda, main menu, ke menu, kembali ke menu, balik ke menu, ke awal,
    dari awal, mulai dari awal, awal, halaman utama, start over, kembali ke awal, balik ke awal,
    back to the main menu, to the main menu, back to the menu, back to menu, the main menu`),
  back: table(
    'kembali, balik, back, go back, mundur, kembali ke sebelumnya, balik ke sebelumnya, kembali sebelumnya',
  ),
  prev: table(`sebelumnya, prev, previous, halaman sebelumnya, yang tadi, yang sebelumnya, sebelum nya,
    halaman lalu, page sebelumnya`),
  next: table(`lanjut, berikutnya, selanjutnya, next, yang lain, lainnya, lagi, more, lihat lagi, lihat lainnya,
    halaman berikutnya, lanjutkan, terus, geser, yang lainnya, ada lagi, lebih banyak, show more, see more,
    next page, halaman selanjutnya, selanjutnya dong, ada yang lain, yang lain ada`),
  thanks:
    table(`terima kasih, thanks, tengkyu, appreciate, makasih banyak, terima kasih banyak, sangat membantu,
    membantu sekali, thank, terimakasih`),
  greeting:
    table(`halo, assalamualaikum, selamat pagi, selamat siang, selamat sore, selamat malam, pagi, siang,
    sore, malam, permisi, punten, misi, p, woi, woy, salam, good morning, good afternoon, good evening, apa kabar,
    hola, spada, met pagi, met siang, met sore, met malam, selamat, shalom, om swastiastu, swastiastu,
    salam sejahtera, hallo, test, tes, ping, halo bot, rahayu`),
  yes: table(`ya, oke, boleh, betul, benar, setuju, siap, mau, gas, gaskeun, tentu, pasti, sure, bisa, sudah,
    ya mau, mau dong, ya boleh, oke siap, ya benar, ya betul, oke deh, baik, baiklah, yes, mantap, lanjut saja,
    ok, sip, iyain, setuju sekali, correct, right, yep, ya sudah`),
  no: table(`tidak, no, nope, tidak mau, tidak usah, belum, jangan, tidak dulu, nanti saja, tidak ada, bukan,
    salah, tidak perlu, tidak bisa, belum ada, belum punya, tidak punya, nggak dulu, lain kali, no thanks, never mind,
    tidak deh, tidak terima kasih, tidak sekarang, belum dulu`),
  searchVerb:
    table(`cari, ada, info, informasi, lowongan, loker, list, apa saja, lihat, tampilkan, mau, ingin,
    butuh, program, kesempatan, peluang, tersedia, buka, dibuka, open, any, looking for, find, show, search,
    rekrutmen, recruitment, pendaftaran dibuka, tolong carikan, minat, tertarik`),
};

const CONTENT_TABLES = new Set([
  'subscribe',
  'eligibility',
  'match',
  'detailsQuestion',
  'details',
  'apply',
  'join',
  'searchVerb',
]);

const ADMIN = table('admin');
const RESUME_VERBS = new Set([
  'kirim',
  'kirimi',
  'kirimkan',
  'aktifkan',
  'nyalakan',
  'hidupkan',
  'langganan',
]);
const NEGATIONS = new Set(['tidak', 'jangan', 'stop', 'berhenti']);
const DELETE = new Set([
  'hapus',
  'menghapus',
  'dihapus',
  'hapuskan',
  'delete',
  'erase',
  'remove',
  'hilangkan',
]);
const PERSONAL = new Set(['data', 'akun', 'profil', 'nomor', 'informasi', 'identitas', 'account', 'riwayat']);
const SWITCH = new Set(['ganti', 'ubah', 'pakai', 'switch', 'change', 'gunakan', 'pindah', 'speak', 'use']);
const LANGUAGES = new Set(['bahasa', 'english', 'inggris', 'indonesia', 'indonesian', 'language']);
/** Words that may join navigation words without changing them: "lanjut ke halaman berikutnya". */
const NAV_GLUE = new Set(['ke', 'halaman', 'page', 'the', 'to', 'go', 'dong', 'ya', 'tidak']);
/** "admin" is also how people address the bot; with one of these words it is a person they want. */
const REACH = new Set([
  'nomor',
  'telepon',
  'kontak',
  'hubungi',
  'minta',
  'tanya',
  'chat',
  'bicara',
  'ngobrol',
  'wa',
  'panggil',
  'sambungkan',
  'call',
  'bantu',
  'bantuan',
]);
/** "kapan mulainya?" asks when a programme starts, not to resume messages. */
const WHEN = new Set(['kapan', 'when', 'berapa', 'jam']);

/** Words that only colour a message ("dong", "sih", "ya"): a message of these and one command word is that command. */
export const FILLERS = new Set(
  `dong deh sih nih kok lah yah kah saja please tolong dulu banget juga yuk ayo mah tuh loh lho toh kan pun wah oh eh
  ah nah kak min ya aja sekarang cepat cepetan buruan nya the kk lagi saya mau bisa`.split(/\s+/),
);

/** Every word the intent tables look for: the normaliser keeps them as they are. */
export const INTENT_VOCABULARY: ReadonlySet<string> = new Set(
  Object.values(T).flatMap((t) => [...t.vocabulary]),
);

/**
 * Words that carry no search meaning of their own: every word of the tables that ask about programmes,
 * and the one-word commands of the others ("ekspor" in "ekspor data" is still a subject to search for).
 */
export const INTENT_WORDS: ReadonlySet<string> = new Set(
  Object.entries(T).flatMap(([name, t]) => [...(CONTENT_TABLES.has(name) ? t.vocabulary : t.singles)]),
);

/** Signals from the slots that steer the choice between intents. */
export interface SlotSignals {
  /** A programme attribute was named (kind, field, country, place, constraint, keyword). */
  content: boolean;
  education: boolean;
  ordinal: boolean;
  constraints: boolean;
  /** A programme already in view is meant: "pelatihan ini", "programnya". */
  definite: boolean;
  /** Something of a programme in view is asked about: "biayanya", "sertifikatnya". */
  attribute: boolean;
  /** A programme is pointed at: "pelatihan ini", "program itu". */
  demonstrative: boolean;
  /** What programme is meant was said (kind, field, country or place), not only a condition. */
  topic: boolean;
}

const has = (tokens: readonly string[], word: string) => tokens.includes(word);

/** True when the message is exactly one phrase of the table, give or take filler words. */
function only(t: PhraseTable<true>, tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const hit = t.matchAt(tokens, i);
    if (hit && tokens.slice(hit.end).every((w) => FILLERS.has(w))) return true;
    if (!FILLERS.has(tokens[i]!)) return false;
  }
  return false;
}

/** True when the message opens with a phrase of the table, after any filler words. */
function startsWith(t: PhraseTable<true>, tokens: readonly string[]): boolean {
  const start = tokens.findIndex((w) => !FILLERS.has(w));
  return t.matchAt(tokens, start < 0 ? 0 : start) !== undefined || t.matchAt(tokens, 0) !== undefined;
}

const PERMISSION = new Set(['bisa', 'boleh', 'bisakah', 'bolehkah', 'can']);
const JOINING = new Set([
  'magang',
  'kerja',
  'bekerja',
  'kursus',
  'ikut',
  'daftar',
  'mendaftar',
  'apply',
  'masuk',
  'lolos',
  'diterima',
  'join',
  'gabung',
  'melamar',
  'lamar',
  'berangkat',
]);
const WH = new Set(['apa', 'mana', 'dimana', 'saja', 'what', 'which', 'where']);

/**
 * A yes/no question about being allowed: "bisa ikut gak?", "lulusan smp boleh?" — not "bisa ikut apa?"
 * (a search) nor "yang bisa online" (a wish).
 */
function asksPermission(tokens: readonly string[], signals: SlotSignals): boolean {
  const idx = tokens.findIndex((w) => PERMISSION.has(w));
  if (idx < 0) return false;
  const after = tokens.slice(idx + 1);
  if (after.some((w) => WH.has(w))) return false;
  if (signals.education) return true;
  const joining = JOINING.has(after[0] ?? '') || JOINING.has(after[1] ?? '');
  // "belum punya ijazah bisa daftar?", "masih sekolah boleh ikut?", "buta warna boleh?": a condition, then the question.
  const condition = tokens.slice(0, idx).some((w) => !FILLERS.has(w) && !QUESTION_OPENERS.has(w));
  const nothingAfter = after.every((w) => FILLERS.has(w) || w === 'tidak');
  return (joining && (signals.content || condition)) || (nothingAfter && condition);
}

const QUESTION_OPENERS = new Set(['apakah', 'kalau', 'jika', 'apa', 'terus', 'jadi', 'tapi']);

export function commandIntent(command: string): Intent | undefined {
  return COMMANDS.get(command);
}

/**
 * @param claimed words taken by slots: "tanpa biaya" is a wish, not a question about the fee, and
 *   "operator produksi" a field, not a call for the operator.
 */
export function classify(
  tokens: readonly string[],
  claimed: readonly boolean[],
  signals: SlotSignals,
  addressed: boolean,
): Intent {
  if (tokens.length === 0) return addressed ? 'greeting' : 'unknown';
  const core = tokens.filter((w) => !FILLERS.has(w));
  const short = core.length <= 4 && !signals.content;
  const free = (t: PhraseTable<true>) => t.test(tokens, claimed);
  const any = (words: ReadonlySet<string>) => tokens.some((w) => words.has(w));
  /** Only words of a navigation table, give or take glue: "lanjut ke halaman berikutnya". */
  const nav = (t: PhraseTable<true>) =>
    short &&
    core.some((w) => t.vocabulary.has(w)) &&
    core.every((w) => t.vocabulary.has(w) || NAV_GLUE.has(w));

  // The person's data and their wish not to be messaged come before anything else.
  if (T.privacyDelete.test(tokens) || (any(DELETE) && any(PERSONAL))) return 'privacy_delete';
  // "gamau simpen data, aku cuma mau tau syaratnya" refuses storing; it does not ask to see the data.
  const refusesStoring =
    (any(NEGATIONS) || tokens.some((w) => /^(gamau|gakmau|ogah|dont|don't)$/.test(w))) &&
    tokens.some((w) => /^(simpan|simpen|menyimpan|disimpan|store|keep|save)$/.test(w));
  if (T.privacyExport.test(tokens) && !signals.content && !refusesStoring) return 'privacy_export';
  if (free(T.stopStrong)) return 'stop';
  if (only(T.stopWeak, tokens)) return 'stop';
  if (only(T.resume, tokens) || (free(T.resume) && !signals.content && core.length <= 4 && !any(WHEN)))
    return 'resume';
  // "kirimi saya info lagi", "aktifkan kembali": asking for messages again.
  if (
    any(RESUME_VERBS) &&
    (has(tokens, 'lagi') || has(tokens, 'kembali')) &&
    !any(NEGATIONS) &&
    !signals.content
  ) {
    return 'resume';
  }

  if (free(T.handoff) || only(ADMIN, tokens) || (has(tokens, 'admin') && tokens.some((w) => REACH.has(w)))) {
    return 'handoff';
  }
  const languageSwitch = any(SWITCH) && any(LANGUAGES) && !signals.content && core.length <= 5;
  // "language" alone is about the chat's language; "online courses for korean language" is a course.
  const aboutLanguage = (has(tokens, 'english') || has(tokens, 'language')) && !signals.content;
  if (T.language.test(tokens) || languageSwitch || aboutLanguage) return 'language';
  // "bisa ga jadi perawat?" asks about becoming one; "ga jadi" before a subject is no cancelling.
  const becoming = tokens.some((w, i) => w === 'jadi' && tokens[i - 1] === 'tidak' && claimed[i + 1]);
  if (free(T.cancel) && !becoming) return 'cancel';

  if (free(T.status) && !free(T.eligibility)) return 'status';
  if (free(T.subscribe)) return 'subscribe';

  // Questions about programmes.
  const matching = free(T.match);
  const eligibility = free(T.eligibility) || asksPermission(tokens, signals);
  if (eligibility && !matching) return 'eligibility';
  if (matching) return 'match';
  const question = free(T.detailsQuestion);
  if (question && (signals.content || signals.ordinal || core.length <= 4)) return 'details';
  if (signals.definite && (signals.constraints || question)) return 'details';
  if (signals.demonstrative && !free(T.apply) && !free(T.join)) return 'details';
  if (signals.attribute && !free(T.apply)) return 'details';
  // "ini gratis ga?": a condition asked of the programme pointed at, not a new search.
  if (has(tokens, 'ini') && signals.constraints && !signals.topic) return 'details';
  if (free(T.apply) && !(has(tokens, 'daftar') && (has(tokens, 'apa') || has(tokens, 'list'))))
    return 'apply';
  if (free(T.join) && (!signals.content || signals.ordinal || signals.definite || has(tokens, 'ini')))
    return 'apply';
  if (free(T.details) || (signals.ordinal && !signals.topic)) return 'details';
  if (signals.definite && !signals.content) return 'details';
  if (signals.content) return 'search';

  // The conversation itself.
  if (free(T.help) && core.length <= 5) return 'help';
  // "menu", "go back to the main menu".
  if ((short || (core.length <= 6 && !signals.content)) && (only(T.menu, tokens) || has(tokens, 'menu')))
    return 'menu';
  if (only(T.prev, tokens) || nav(T.prev)) return 'prev';
  if (only(T.back, tokens) || nav(T.back)) return 'back';
  if (only(T.next, tokens) || nav(T.next)) return 'next';
  // "tidak usah, terima kasih" declines politely.
  if (free(T.thanks) && startsWith(T.no, tokens)) return 'no';
  if (free(T.thanks)) return 'thanks';
  // "selamat pagi kak, semoga sehat selalu": a greeting with pleasantries and nothing asked.
  if (only(T.greeting, tokens) || (startsWith(T.greeting, tokens) && core.length <= 6)) return 'greeting';
  if (only(T.no, tokens)) return 'no';
  if (only(T.yes, tokens)) return 'yes';
  if (signals.education) return 'match';
  if (free(T.searchVerb) && core.length > 1) return 'search';
  if (free(T.help)) return 'help';
  return 'unknown';
}
