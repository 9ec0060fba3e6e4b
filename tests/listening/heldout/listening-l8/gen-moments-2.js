// Part 2 of the moments (correction, skip, tone, language). Written apart from the code.
const M = [];
const m = (lang, category, turns, expect, note) => M.push({ lang, category, turns, expect: Object.assign({ lang }, expect), note });
const EN_LEAK = ['syarat', 'kamu ', 'tidak ', 'pelatihan'];
const JP_FACTORY = 'magang pabrik komponen mobil di jepang';
const KAIGO = 'magang perawat lansia kaigo jepang';
const BAD17 = ['jawabanmu 17 ', 'jawabanmu 17,', 'jawabanmu 17.', 'jawabanmu: 17 ', '17 cm'];
const SKIP_BAD_ID = ['spasi', 'tidak valid', 'format email', 'email tidak'];
const SKIP_BAD_EN = ['space', 'invalid', 'not valid', 'valid email'];
const EMPATHY_ID = ['maaf', 'sedih', 'berat', 'dengar', 'ada apa', 'cerita', 'paham', 'mengerti', 'peluk', 'wajar', 'tidak sendiri'];
const EMPATHY_EN = ['sorry', 'hear', 'understand', 'tough', 'hard', 'not alone', 'here for you'];

// ---------- correction ----------
m('id', 'correction', [JP_FACTORY, '[daftar 1]', '[setuju]', 'tinggi aku 17', 'lah salah itu maksudnya 170 cm bukan 17'],
  { all: [['170', 'diperbarui', 'diubah', 'diganti', 'dicatat', 'sudah', 'oke', 'baik', 'siap']], none: BAD17 }, 'issue verbatim: height corrected in words');
m('id', 'correction', ['ganti nomor hp'],
  { all: [['nomor'], ['baru', 'ganti', 'ubah', 'kirim', 'ketik', 'masukkan', 'tulis']] }, 'change phone');
m('id', 'correction', ['ubah profil'],
  { all: [['profil']], none: ['tidak mengerti', 'belum paham', 'kurang paham', 'tidak paham'] }, 'issue verbatim: ubah profil');
m('id', 'correction', ['nomor hp nya salah mau ganti'],
  { all: [['nomor'], ['baru', 'ganti', 'ubah', 'kirim', 'ketik', 'masukkan', 'tulis']], none: ['tidak ditemukan', 'tidak menemukan program'] }, 'issue verbatim: not a search');
m('id', 'correction', ['aku 24 thn di bekasi mau magang teknisi otomotif', 'eh salah ketik, umurku 25'],
  { all: [['24', 'batas', 'maksimal', 'belum memenuhi', 'tidak memenuhi', 'melebihi', 'lebih dari']] }, 'age correction changes verdict (max 24)');
m('id', 'correction', ['ubah alamat'],
  { all: [['alamat', 'domisili', 'tinggal']], none: ['tidak mengerti', 'belum paham'] }, 'change address');
m('id', 'correction', ['abdi ti bogor, aya pelatihan tata boga?', 'punten salah ketik, abdi ti garut sanes bogor'],
  { all: [['garut']] }, 'Sundanese: place corrected');
m('id', 'correction', ['aku cowok 20th di mataram', 'eh salah aku cewek deng. ada pelatihan khusus cewek?'],
  { programmes: ['l8-tenun-songket-lombok-tengah'], all: [['perempuan', 'cewek', 'wanita']] }, 'gender corrected');
m('id', 'correction', ['gue lulusan smp, 20 taun, di jakbar', 'eh salah deng, gue lulusan smk taun kemaren. ada magang pabrik?'],
  { programmes: ['l8-manufaktur-karawang'] }, 'Betawi: education corrected');
m('id', 'correction', ['ganti email'],
  { all: [['email', 'surel']], none: ['tidak mengerti', 'belum paham'] }, 'change email');
m('id', 'correction', [KAIGO, '[daftar 1]', '[setuju]', 'lahir 12 mei 2009', 'eh tadi salah ketik, lahirnya 12 mei 2002'],
  { none: ['18 tahun', 'belum cukup umur', 'minimal 18'] }, 'DOB typo corrected (2009 would be under 18)');
m('en', 'correction', ["I'm 22 and live in Denpasar, any barista training?", "sorry I meant I'm 27 not 22"],
  { all: [['26', 'age limit', 'maximum', 'not eligible', 'too old', 'over']] }, 'age correction EN changes verdict (max 26)');
m('en', 'correction', ['change my phone number'],
  { all: [['phone', 'number'], ['new', 'send', 'type', 'enter']], none: EN_LEAK }, 'change phone EN');
m('en', 'correction', ['edit my profile'],
  { all: [['profile']], none: ["didn't understand", "don't understand", 'not sure what you mean'] }, 'edit profile EN');
m('en', 'correction', ['car parts factory apprenticeship in japan', '[daftar 1]', '[setuju]', 'my height is 16', 'oops typo, I meant 165'],
  { all: [['165', 'updated', 'changed', 'noted', 'got it', 'ok', 'thanks']], none: ['your answer 16 ', 'you answered 16', '16 cm'] }, 'height typo EN');
m('en', 'correction', ["I'm from Bandung, any electrical courses?", "wait no, I'm from Ambon, not Bandung. sorry"],
  { all: [['ambon', 'maluku']], programmes: ['l8-listrik-ambon'] }, 'place corrected EN');

// ---------- skip ----------
m('id', 'skip', [KAIGO, '[daftar 1]', '[setuju]', 'email gk punya'],
  { none: SKIP_BAD_ID }, 'issue verbatim: gk punya skips email');
m('id', 'skip', ['pelatihan menjahit untuk perempuan bandung', '[daftar 1]', '[setuju]', 'email ga ada kak'],
  { none: SKIP_BAD_ID }, 'ga ada');
m('id', 'skip', ['magang housekeeping hotel badung', '[daftar 1]', '[setuju]', 'emailnya skip aja'],
  { none: SKIP_BAD_ID }, 'skip');
m('id', 'skip', ['pelatihan budidaya kopi garut', '[daftar 1]', '[setuju]', 'email lewat dulu'],
  { none: SKIP_BAD_ID }, 'lewat');
m('id', 'skip', ['pelatihan tata rias pengantin untuk perempuan jakarta timur', '[daftar 1]', '[setuju]', 'aku belum punya email, gimana dong?'],
  { all: [['lewati', 'dilewati', 'tidak apa', 'gak apa', 'ga apa', 'nggak apa', 'boleh', 'opsional', 'tidak wajib', 'tanpa email', 'bisa dikosongkan']], none: SKIP_BAD_ID }, 'worry about no email');
m('id', 'skip', [KAIGO, '[daftar 1]', '[setuju]', 'bahasa jepang blm bisa sama sekali, jlpt belom ada'],
  { none: ['tidak dimengerti', 'tidak valid'] }, 'choice answered as belum');
m('id', 'skip', ['pelatihan las smaw mataram', '[daftar 1]', '[setuju]', 'ndeq araq email tiang'],
  { none: SKIP_BAD_ID }, 'Sasak: no email');
m('id', 'skip', ['pelatihan pengolahan hasil perikanan ambon', '[daftar 1]', '[setuju]', 'email seng ada'],
  { none: SKIP_BAD_ID }, 'Ambonese: no email');
m('id', 'skip', ['pelatihan usaha kuliner betawi jakarta utara', '[daftar 1]', '[setuju]', 'email kagak punya gue'],
  { none: SKIP_BAD_ID }, 'Betawi: no email');
m('id', 'skip', ['pelatihan teknisi jaringan komputer cimahi', '[daftar 1]', '[setuju]', 'teu gaduh email'],
  { none: SKIP_BAD_ID }, 'Sundanese: no email');
m('en', 'skip', ['online beginner web coding course', '[daftar 1]', '[setuju]', "I don't have an email"],
  { none: SKIP_BAD_EN.concat(EN_LEAK) }, 'no email EN');
m('en', 'skip', ['online digital marketing course accessible to blind learners', '[daftar 1]', '[setuju]', 'skip the email please'],
  { none: SKIP_BAD_EN }, 'skip EN');
m('en', 'skip', ['graphic design training south jakarta', '[daftar 1]', '[setuju]', 'no email, sorry'],
  { none: SKIP_BAD_EN }, 'no email EN');
m('en', 'skip', ['korean language course for eps-topik west jakarta', '[daftar 1]', '[setuju]', 'email: n/a'],
  { none: SKIP_BAD_EN }, 'n/a EN');
m('en', 'skip', ['elderly-care kaigo apprenticeship in japan', '[daftar 1]', '[setuju]', 'japanese level: none yet, never studied'],
  { none: ['invalid', "didn't understand", 'not valid'] }, 'choice none EN');

// ---------- tone ----------
m('id', 'tone', ['😭😭😭🙏'],
  { all: [EMPATHY_ID], none: ['sama-sama'], human: true }, 'issue verbatim: tears');
m('id', 'tone', ['aku capek bgt ditolak terus, rasanya pengen nyerah aja 😢'],
  { all: [EMPATHY_ID], none: ['sama-sama'], human: true }, 'distress');
m('id', 'tone', ['bot goblok ga guna'],
  { all: [['maaf', 'bantu']], none: ['halo juga', 'sama-sama'] }, 'insult');
m('id', 'tone', ['elu dari tadi kagak nyambung mulu, bikin emosi aje!'],
  { all: [['maaf'], ['bantu', 'coba', 'petugas', 'staf', 'orang', 'tim']], none: ['halo juga', 'sama-sama'] }, 'Betawi anger');
m('id', 'tone', ['hatur nuhun kak 🙏'],
  { all: [['sama-sama', 'senang', 'kembali', 'sami-sami']] }, 'Sundanese thanks');
m('id', 'tone', ['suksma nggih bli'],
  { all: [['sama-sama', 'senang', 'kembali', 'suksma']] }, 'Balinese thanks');
m('id', 'tone', ['tampi asih side'],
  { all: [['sama-sama', 'senang', 'kembali']] }, 'Sasak thanks');
m('id', 'tone', ['wkwkwk kocak juga lu'],
  { none: ['tidak mengerti', 'belum paham', 'kurang paham', 'sama-sama', 'tidak ditemukan'] }, 'laughter');
m('id', 'tone', ['punten'],
  { all: [['halo', 'hai', 'mangga', 'selamat', 'bantu', '👋']], none: ['sama-sama'] }, 'Sundanese greeting');
m('id', 'tone', ['om swastyastu'],
  { all: [['om swastyastu', 'halo', 'hai', 'selamat', 'bantu']], none: ['sama-sama'] }, 'Balinese greeting');
m('id', 'tone', ['assalamualaikum bang'],
  { all: [['waalaikumsalam', "wa'alaikumsalam", 'waalaikum', 'halo', 'hai']] }, 'santri greeting');
m('en', 'tone', ["I'm crying rn, my parents said I'm a failure 😭"],
  { all: [EMPATHY_EN], none: ["you're welcome", 'you are welcome'], human: true }, 'tears EN');
m('en', 'tone', ["you're a useless stupid bot"],
  { all: [['sorry', 'help']], none: ['hello to you', "you're welcome", 'hi there'] }, 'insult EN');
m('en', 'tone', ['thanks a lot, that really helped!'],
  { all: [['welcome', 'glad', 'happy', 'anytime', 'pleasure']] }, 'thanks EN');
m('en', 'tone', ['lmaooo ok'],
  { none: ["didn't understand", "don't understand", "you're welcome", 'not found'] }, 'laughter EN');
m('en', 'tone', ['hey there 👋'],
  { all: [['hi', 'hello', 'hey', 'help']], none: ["you're welcome"] }, 'greeting EN');

// ---------- language ----------
m('en', 'language', ['hi, sorry I only speak English, I went to an international school in Jakarta. Any free coding courses?'],
  { all: [['coding', 'programming', 'web', 'software', 'developer']], programmes: ['l8-web-dasar-daring'], none: EN_LEAK }, 'English-only speaker');
m('en', 'language', ['any hotel programs in Bali?', 'is there a dorm'],
  { all: [['dorm', 'accommodation', 'housing', 'boarding']], none: EN_LEAK }, 'issue: English follow-up');
m('en', 'language', ['elderly-care kaigo apprenticeship in japan', 'what is the age limit'],
  { all: [['27']], none: EN_LEAK }, 'issue: English follow-up on age');
m('id', 'language', ['kak ada pelatihan barista di denpasar?'],
  { programmes: ['l8-barista-denpasar'], none: ['training', 'requirements'] }, 'Indonesian message gets Indonesian whatever the phone says');
m('id', 'language', ['kak is there any program yang ada dorm nya di bali?'],
  { all: [['asrama', 'dorm']] }, 'mixed, mostly Indonesian → id');
m('id', 'language', ['hello, any welding training in Cilegon?', 'oh kamu bisa bahasa indonesia? syaratnya apa aja?'],
  { all: [['umur', 'usia', 'pendidikan', 'tahun', 'sma']] }, 'switch en → id');
m('en', 'language', ['halo kak', "sorry, can you reply in English? my Indonesian isn't good"],
  { all: [['english', 'sure', 'of course', 'help', 'no problem']], none: EN_LEAK }, 'switch id → en');
m('en', 'language', ["what's EPS-TOPIK? I love kdramas and I wanna work in Korea so bad"],
  { all: [['eps'], ['korean', 'test', 'exam']], none: EN_LEAK }, 'K-drama fan EN');
m('en', 'language', ['how much is the allowance for the Cilegon welding training?'],
  { all: [['1,500,000', '1.500.000', '1.5 million', '1500000', 'idr 1.5']] }, 'stipend EN');
m('en', 'language', ['does the Lombok songket weaving course accept guys?'],
  { all: [['women', 'female', 'only']], none: EN_LEAK }, 'women-only EN');
m('en', 'language', ["can I do the digital marketing course from home? I'm in Ambon"],
  { all: [['online', 'from home', 'remote']], none: EN_LEAK }, 'online EN');
m('en', 'language', ['bro the factory one in Karawang, got BPJS or not?'],
  { all: [['bpjs'], ['yes', 'cover', 'include', 'insurance', 'social security']] }, 'Singlish-ish EN');
m('id', 'language', ['aya program nu aya asramana teu?'],
  { all: [['asrama']] }, 'Sundanese → reply in Indonesian');
m('id', 'language', ['ose bisa bantu beta cari pelatihan di ambon ka seng?'],
  { all: [['ambon']] }, 'Ambonese Malay → Indonesian');
m('id', 'language', ['bang, ada pelatihan masak buat gue kagak? gue di jakut'],
  { programmes: ['l8-kuliner-betawi-jakut'] }, 'Betawi → Indonesian');
m('en', 'language', ['tell me about the japan car parts factory program. is colour blindness a problem?'],
  { all: [['colo'], ['blind']], none: EN_LEAK }, 'colour blindness EN (either spelling)');

module.exports = M;
