// Generates moments.json for batch l9 (written apart from the code).
const fs = require('fs');
const out = [];
const EN_NONE = ['kamu', 'silakan', 'apakah', 'pendaftaran', 'pelatihan ini'];
let cat = null;
function M(lang, turns, expect, note) {
  const e = Object.assign({ lang }, expect);
  if (lang === 'en') e.none = Array.from(new Set([...(e.none || []), ...EN_NONE]));
  if (e.programmes) e.programmes = e.programmes.map((s) => 'l9-' + s);
  if (e.notProgrammes) e.notProgrammes = e.notProgrammes.map((s) => 'l9-' + s);
  out.push({ id: null, lang, category: cat, turns, expect: e, note });
}
const FREE = ['gratis', 'tidak dipungut', 'tanpa biaya', 'Rp 0', 'Rp0', 'bebas biaya', 'free', 'no fee', 'no cost'];
const FREE_EN = ['free', 'no fee', 'no cost', 'Rp 0', 'Rp0', 'without charge'];
const SCAM = ['izin', 'terdaftar', 'resmi', 'lisensi', 'SIUP3MI', 'Disnaker', 'BP2MI', 'KP2MI', 'P3MI', 'penipuan'];
const SCAM_EN = ['licen', 'registered', 'official', 'permit', 'BP2MI', 'KP2MI', 'scam'];

// ───────────────────────── question
cat = 'question';
M('id', ['kak magang ke jepang itu sebenarnya kerja atau belajar? bedanya apa sama kerja biasa'],
  { all: [['magang', 'pemagangan', 'TITP', 'Technical Intern']], none: ['aman penipuan'] }, 'What magang is and is not; should be a KB answer, not a search.');
M('id', ['ini aman ga kak? sa takut ditipu, dulu sa pu kaka bayar 15 juta ke calo trus tra berangkat'],
  { all: [SCAM], none: ['ditipu calo'] }, 'Papuan Malay, fear of brokers; answer how to check a licence.');
M('id', ['asrama di pelatihan las medan itu gratis ndak bang? makan juga?'],
  { all: [['asrama', 'mess', 'tempat tinggal']], none: ['tidak ditemukan'] }, 'Batak-Medan voice; programme record says asrama+makan, free.');
M('id', ['uang saku operator excavator balikpapan berapa sebulan'],
  { all: [['1.000.000', '1 juta', '1jt', '1000000', 'Rp 1.000.000', 'Rp1.000.000']] }, 'Stipend from the record.');
M('id', ['EPS-TOPIK tu apa sih, harus lulus dulu baru bisa ke korea kah?'],
  { all: [['EPS-TOPIK', 'EPS TOPIK', 'ujian bahasa Korea', 'tes bahasa Korea']], none: [] }, 'Korea route question.');
M('id', ['SKCK tuh wajib ga buat magang luar negeri? bikinnya dmn'],
  { all: [['SKCK']], none: [] }, 'Documents KB.');
M('id', ['abis daftar terus ngapain? kapan dikabarin lolos atau nggak'],
  { all: [['setelah', 'diperiksa', 'ditinjau', 'dihubungi', 'dikabari', 'verifikasi', 'seleksi']] }, 'What happens after applying.');
M('id', ['iye kak, BPJS Ketenagakerjaan itu ditanggung ji kah kalau ikut magang di samarinda?'],
  { all: [['BPJS']], none: [] }, 'Bugis particles; programme magang-gudang-samarinda has bpjs_ketenagakerjaan.');
M('id', ['pelatihan tata rias makassar itu jam berapa kelasnya? sa ada anak kecil'],
  { all: [['sore', 'pagi']], none: [] }, 'Schedule note; young mother.');
M('id', ['berapa biaya uji sertifikasi barista di makassar?'],
  { all: [['350.000', '350 ribu', '350rb', '350000', 'Rp 350', 'Rp350']] }, 'Fee from the record.');
M('en', ['what is the difference between SSW and the intern program in Japan?'],
  { all: [['SSW', 'Specified Skilled', 'Tokutei']], none: [] }, 'English KB question.');
M('en', ['is there a dorm for the Lake Toba hotel course?'],
  { all: [['dorm', 'accommodation', 'housing']] }, 'English follow-up on a programme; the benefit must be said in English.');
M('en', ['what documents do I need for the kaigo programme in Japan'],
  { all: [['passport'], ['health', 'medical']] }, 'Document list from record, in English.');
M('en', ['how much is the monthly allowance for the warehouse apprenticeship in Samarinda?'],
  { all: [['2,500,000', '2.500.000', '2.5 million', '2,5 juta', '2500000', 'Rp 2,500,000', 'Rp2,500,000']] }, 'English stipend question.');
M('en', ['what does BPJS Ketenagakerjaan actually cover?'],
  { all: [['accident', 'injury', 'work', 'employment', 'death', 'old age', 'insurance']] }, 'KB in English.');
M('id', ['kalo udah selesai pelatihan langsung dapet kerja ga kak? ato cuma sertifikat doang'],
  { all: [['sertifikat', 'kerja', 'penyaluran', 'tidak dijamin', 'belum tentu']] }, 'Expectation management.');

// ───────────────────────── worry
cat = 'worry';
M('id', ['sa punya utang di koperasi 8 juta, kalo ikut magang jepang harus bayar lagi kah? sa tra sanggup'],
  { all: [['biaya', 'gratis', 'Rp 0', 'tanpa biaya', 'tidak dipungut', 'bayar']], none: ['Sama-sama'] }, 'Debt worry; kaigo fee 0; should answer fees honestly.');
M('id', ['LPK nya minta 25 juta dulu buat "biaya proses", ini wajar ga? aku takut utang lagi'],
  { all: [SCAM.concat(['tidak wajar', 'hati-hati', 'jangan bayar', 'waspada'])], human: true }, 'Asked to pay: what to do, offer a person.');
M('id', ['ulun handak ke luar negeri tapi mama kada bolehi, kaya apa caranya'],
  { all: [['orang tua', 'izin', 'mama', 'ibu', 'keluarga']], none: ['Sama-sama'] }, 'Banjar; parents permission worry.');
M('id', ['aku cewek, aman ga tinggal di asrama? campur cowok ga'],
  { all: [['asrama', 'aman', 'perempuan', 'terpisah']] }, 'Safety in dorm; may hand to a person.');
M('id', ['sy masih kerja di toko, kalo ikut pelatihan harus keluar kerja dulu ya? takut gak ada pemasukan'],
  { all: [['sore', 'daring', 'online', 'malam', 'bekerja', 'uang saku']] }, 'Leaving a job worry; evening/online options exist.');
M('id', ['dulu sa kerja di sawit malaysia 3 taun, pulang tra bawa apa2, gaji dipotong agen trus. sa takut ulang lagi'],
  { all: [['resmi', 'terdaftar', 'izin', 'BP2MI', 'KP2MI', 'P3MI', 'aman']], none: ['Sama-sama'] }, 'Former migrant worker; Papuan; empathy + official route.');
M('id', ['di jepang nanti bisa sholat ga? makanannya halal gak? takut susah'],
  { all: [['salat', 'sholat', 'shalat', 'ibadah', 'musala', 'mushola', 'ruang salat']], none: [] }, 'Halal/prayer abroad; makanan-halal-jepang record mentions prayer room.');
M('id', ['boleh pakai jilbab ga kalo magang di jepang?'],
  { all: [['jilbab', 'hijab', 'kerudung']] }, 'Religion worry.');
M('id', ['kalo gagal seleksi uangnya balik ga? udah pinjam sama om'],
  { all: [['gratis', 'tanpa biaya', 'tidak dipungut', 'biaya', 'Rp 0']], none: ['Sama-sama'] }, 'Debt/fee worry.');
M('en', ['my friend got scammed by an agency promising work in Korea. how do I know this is legit?'],
  { all: [SCAM_EN] }, 'English scam worry.');
M('en', ['I am worried about paying fees, I already have debts. Are these programmes free?'],
  { all: [FREE_EN] }, 'English debt worry.');
M('en', ['will I be able to pray and find halal food if I go to Japan?'],
  { all: [['pray', 'prayer', 'halal', 'mosque']] }, 'English halal/prayer.');
M('en', ['my parents say overseas is dangerous for a girl. is it safe?'],
  { all: [['safe', 'safety', 'official', 'parents', 'family']] }, 'English safety worry.');
M('id', ['ngana, kita so dua kali ditolak BLK, kita pe ijazah cuma SMP. masih ada harapan kah?'],
  { all: [['SMP']], none: ['Sama-sama'] }, 'Manado: "kita"=I, "ngana"=you; SMP is allowed in several programmes.');
M('id', ['kalo sakit waktu magang siapa yg tanggung? aku ga punya bpjs'],
  { all: [['BPJS', 'asuransi', 'jaminan']] }, 'Health coverage worry.');
M('en', ['what happens if I want to quit in the middle of the apprenticeship? do I have to pay a penalty?'],
  { all: [['penalty', 'fee', 'quit', 'leave', 'contract', 'stop']], human: true }, 'Not answerable from records; should be honest and offer a person.');

// ───────────────────────── consent
cat = 'consent';
M('id', ['mau magang ke jepang syaratnya apa aja'],
  { all: [['SMA', 'SMK', 'umur', 'usia', 'tinggi', 'tato', 'JLPT', 'N4']] }, 'Requirements question needs no stored data: answer directly (issue 14 §2).');
M('id', ['lulusan smp bisa ikut pelatihan las di medan ga?'],
  { all: [['SMP', 'bisa', 'memenuhi']], programmes: ['las-smaw-medan'] }, 'Answer from rules without consent.');
M('id', ['umur 30 masih bisa ikut magang hotel malaysia?'],
  { all: [['28']], none: ['Sama-sama'] }, 'Max 28 → no; answer without consent.');
M('id', ['umurku 24, lulusan smk listrik, di banjarmasin. ada pelatihan apa?', '[setuju]'],
  { programmes: ['listrik-banjarmasin'], none: ['Kapan tanggal lahirmu', 'berapa umurmu'] }, 'After consent, resume the question with the facts given.');
M('id', ['aku mau daftar kaigo jepang, umur 22 lulusan sma', '[tolak]'],
  { all: [['Kaigo', 'Perawat Lansia', 'lansia']] }, 'After refusal, the question is not lost: still talk about the programme (and say applying needs data).');
M('id', ['data aku disimpan buat apa aja sih?'],
  { all: [['data']], none: [] }, 'Why data is kept; short explanation.');
M('id', ['tolong hapus semua data saya'],
  { all: [['hapus', 'dihapus']] }, 'Deletion request.');
M('en', ['what do you do with my personal data?'],
  { all: [['data']] }, 'English privacy question.');
M('en', ['I am 24 from Medan, please save my profile', '[tolak]', 'ok, any welding courses in Medan?'],
  { programmes: ['las-smaw-medan'] }, 'Refused consent, still can browse programmes.');
M('id', ['ulun kada handak data ulun disimpan, tapi handak tahu pelatihan listrik di banjarmasin haja'],
  { programmes: ['listrik-banjarmasin'] }, 'Banjar: no consent wanted, just info; browsing needs no consent.');
M('id', ['sy tuli. mau daftar desain grafis makassar. data sy aman?'],
  { all: [['data', 'aman']] }, 'Deaf applicant, short message; consent explained briefly.');
M('id', ['saya ibunya, mau daftarkan anak saya ke pelatihan otomotif gowa. pakai data saya atau data anak?'],
  { all: [['anak']] }, 'Parent writing for the child; data must be the child\'s (or the child applies).');
M('en', ['I agree to share my data but can I delete it later?'],
  { all: [['delete', 'remove', 'erase']] }, 'English deletion later.');
M('id', ['kenapa harus setuju dulu? aku cuma mau nanya uang saku las medan'],
  { all: [['900.000', '900 ribu', '900rb', '900000', 'Rp 900', 'Rp900']] }, 'Just a question: answer it, no consent needed.');
M('en', ['Can I just browse programmes without giving my data?'],
  { all: [['yes', 'can', 'without', 'browse']] }, 'English browse without consent.');
M('id', ['umurku 20 di padang, simpan profil aku ya', '[setuju]', 'eh tadi saya salah pencet, saya belum mau kasih data'],
  { all: [['hapus', 'dihapus', 'tarik', 'batal', 'cabut', 'tidak disimpan']] }, 'Withdrawing consent in words.');

// ───────────────────────── facts
cat = 'facts';
M('id', ['aku lulusan smk otomotif umur 23 cocoknya apa ya', '[setuju]'],
  { all: [['otomotif', 'mekanik', 'motor', 'mobil', 'bengkel']], none: ['Kapan tanggal lahirmu', 'berapa umurmu'] }, 'Facts kept and used (issue 14 verbatim-like).');
M('id', ['sy di makassar, perempuan, umur 20. ada pelatihan rias?'],
  { programmes: ['tata-rias-makassar-perempuan'] }, 'Facts used at once.');
M('id', ['ulun di banjarbaru, umur 19, handak belajar menjahit'],
  { programmes: ['sasirangan-banjarbaru'], notProgrammes: ['menjahit-sorong-mama'] }, 'Banjar; domicile near; Sorong is Papua-only.');
M('id', ['kita dari manado, umur 21, so tamat SMA. ada magang yg dekat?'],
  { programmes: ['selam-bunaken-bitung'] }, 'Manado; Bitung magang near; requires swim question later.');
M('id', ['sa dari timika, 22 tahun, lulus smk listrik tahun lalu, belum kerja'],
  { programmes: ['listrik-industri-mimika'] }, 'Papuan Malay; Mimika magang fits.');
M('id', ['umur 24, sma, dari medan', 'pelatihan las ada?', 'syaratnya apa aja?'],
  { none: ['berapa umurmu', 'Kapan tanggal lahirmu', 'Di mana kamu tinggal', 'domisili kamu di mana'] }, 'Facts said once must not be asked again.');
M('en', ['I am 22, finished high school, live in Padang. anything for me?'],
  { programmes: ['bahasa-jepang-padang'] }, 'English, facts.');
M('en', ['I\'m 27 and live in Balikpapan. can I join the excavator course?'],
  { all: [['yes', 'eligible', 'can join', 'meet', 'qualify']] }, 'Age 27 in 20-35; education not said so may ask.');
M('en', ['I\'m a woman from Sorong, 35, I want to learn sewing'],
  { programmes: ['menjahit-sorong-mama'] }, 'English, women-only Sorong fits.');
M('id', ['saya 31 thn dr pekanbaru, pernah kerja di malaysia 4 tahun sbg operator pabrik'],
  { notProgrammes: ['kelapa-sawit-pekanbaru', 'hotel-malaysia'] }, 'Former migrant worker 31: sawit magang max 25 and Malaysia hotel max 28 must not be suggested as fits.');
M('id', ['aku tinggi 158, ga bertato, umur 20, lulusan sma. bisa kaigo jepang?'],
  { all: [['N4', 'bahasa Jepang', 'JLPT']] }, 'All facts meet; only JLPT remains — should ask/mention it, not re-ask height.');
M('id', ['saya bapaknya. anak saya laki2 umur 17, baru lulus SMK mesin, tinggal di Gowa'],
  { all: [['Gowa', 'otomotif', 'mekanik', 'Mekanik']] }, 'Parent for child; 17 now; Gowa otomotif min 18 at 2027-01-20 — the child may or may not be 18 by then (birthday unknown): a good adviser shows it with the age condition or asks the birth date.');
M('en', ['I\'m deaf. 20. Makassar. Design?'],
  { programmes: ['desain-grafis-tuli-makassar'] }, 'Deaf applicant, terse English.');
M('id', ['umurku 26 tahun, dr bukittinggi', 'pelatihan apa yg cocok'],
  { notProgrammes: ['tik-jayapura-papua', 'menjahit-sorong-mama', 'pertanian-merauke'] }, 'Domicile rules; Papua-only programmes must not be offered.');
M('id', ['sa perempuan, 19 tahun, dari jayapura, tamat smp', 'ada yg bisa?'],
  { programmes: ['tik-jayapura-papua'] }, 'Papuan Malay, facts across turns.');
M('en', ['woman, 44, Bukittinggi, no diploma. Cooking classes?'],
  { programmes: ['kuliner-minang-bukittinggi'] }, 'English terse facts; 44 (max 45 at closes), SD min; "no diploma" ambiguous (doubt).');

// ───────────────────────── correction
cat = 'correction';
M('id', ['Front Office & Housekeeping Hotel Danau Toba', '[daftar 1]', '[setuju]', 'tinggi 17', 'lah salah itu maksudnya 170 cm bukan 17'],
  { all: [['170']], none: ['jawabanmu 17 '] }, 'Correction in words in a form.');
M('id', ['umurku 25, mau magang gudang samarinda', 'eh bukan, umurku 24'],
  { all: [['24']], none: ['25 tahun'] }, 'Age correction, re-check (max 24 ok).');
M('id', ['sa di merauke', 'eh salah, sa di sorong'],
  { all: [['Sorong']] }, 'Domicile correction.');
M('id', ['ganti nomor hp'],
  { all: [['nomor', 'HP', 'telepon', 'WhatsApp']] }, 'Field change in words.');
M('id', ['ubah profil'],
  { all: [['profil', 'ubah', 'ganti']] }, 'The bot\'s own words must work.');
M('id', ['aku lulusan smp, di banjarmasin, umur 20', 'tadi salah ketik, aku lulusan sma'],
  { all: [['SMA']], none: ['lulusan SMP'] }, 'Education correction.');
M('id', ['umur 36 bisa ikut las medan?', 'eh maksudnya 26'],
  { all: [['26']], none: ['maksimal 35 tahun, jawabanmu'] }, 'Age correction after refusal → re-check, now eligible.');
M('en', ['I\'m 29, from Manado', 'sorry typo, I\'m 24'],
  { all: [['24']], none: ['29'] }, 'English age correction.');
M('en', ['change my email address'],
  { all: [['email']] }, 'English field change.');
M('en', ['Excavator operator training at BPVP Balikpapan', '[daftar 1]', '[setuju]', 'my birthday is 3 March 2008', 'wait no, 3 March 2003'],
  { all: [['2003', '23']], none: ['under 20', 'minimum age of 20, you'] }, 'Birth date correction mid form.');
M('id', ['ulun umur 18, handak pelatihan listrik banjarmasin', 'ampun, salah. umur ulun 38'],
  { all: [['35']], none: ['Sama-sama'] }, 'Banjar; correction makes him ineligible (max 35): must re-check and explain.');
M('id', ['saya perempuan dari makassar mau rias pengantin', 'eh maaf ini saya tulis buat adik saya, dia yg perempuan, saya laki2'],
  { all: [['adik']] }, 'Writer is not the applicant; should adapt to the sister.');
M('en', ['I said I live in Medan but actually I moved to Pekanbaru last month'],
  { all: [['Pekanbaru', 'Riau']] }, 'Domicile change in English.');
M('id', ['ganti alamat domisili jadi kota bitung'],
  { all: [['Bitung']] }, 'Named field change.');
M('id', ['Instalasi Listrik Rumah Tangga BLK Banjarmasin', '[daftar 1]', '[setuju]', 'buta warna iya', 'eh salah pencet, aku nggak buta warna'],
  { none: ['mensyaratkan tidak buta warna'] }, 'Yes/no correction in the form.');
M('en', ['I\'m 170cm', 'no wait that was my brother, I\'m 152'],
  { all: [['152']] }, 'English height correction.');

// ───────────────────────── skip
cat = 'skip';
M('id', ['Magang Admin Gudang Logistik Samarinda', '[daftar 1]', '[setuju]', 'email gk punya'],
  { none: ['spasi', 'tidak valid', 'format email'] }, 'Skip optional email.');
M('id', ['Membatik dan Menjahit Kain Sasirangan Banjarbaru', '[daftar 1]', '[setuju]', 'lewati aja pertanyaan ini'],
  { none: ['tidak dimengerti', 'tidak paham'] }, 'Skip in words (if the question is required, expect explanation, not "not understood").');
M('id', ['Caregiver Lansia dan Anak Manado', '[daftar 1]', '[setuju]', 'nyanda ada email'],
  { none: ['spasi', 'tidak valid'] }, 'Manado "nyanda" = no.');
M('id', ['Operator Komputer dan Jaringan Jayapura untuk Pemuda Papua', '[daftar 1]', '[setuju]', 'sa tra punya email'],
  { none: ['spasi', 'tidak valid'] }, 'Papuan "tra".');
M('en', ['Beginner web developer course (online)', '[daftar 1]', '[setuju]', 'skip'],
  { none: ['not understood', 'didn\'t understand'] }, 'English skip.');
M('en', ['English for tourism in Manado', '[daftar 1]', '[setuju]', 'I don\'t have an email'],
  { none: ['spaces', 'invalid email'] }, 'English skip email.');
M('id', ['Tata Boga Masakan Minang Bukittinggi', '[daftar 1]', '[setuju]', 'ga ada'],
  { none: ['tidak dimengerti', 'spasi'] }, 'Skip "ga ada" (may be email or other optional).');
M('id', ['Tukang Bangunan dan Plester Tomohon', '[daftar 1]', '[setuju]', 'nanti aja deh yg itu'],
  { none: ['tidak dimengerti'] }, 'Postpone a question.');
M('id', ['Bahasa Jepang Dasar N5-N4 Padang', '[daftar 1]', '[setuju]', 'gak punya email kak, pake wa aja'],
  { none: ['spasi', 'tidak valid'] }, 'Skip email with reason.');
M('en', ['Dressmaking for women in Sorong', '[daftar 1]', '[setuju]', 'pass'],
  { none: ['invalid'] }, 'English "pass".');
M('id', ['Mekanik Mobil Bensin BPVP Gowa', '[daftar 1]', '[setuju]', 'skip'],
  { none: ['tidak dimengerti'] }, '"skip" in an Indonesian form.');
M('en', ['Office administration at BLK Palangka Raya', '[daftar 1]', '[setuju]', 'rather not say'],
  { none: ['invalid'] }, 'English decline optional.');
M('id', ['Pengolahan Hasil Laut dan Abon Ikan Parepare', '[daftar 1]', '[setuju]', 'tidak ada ji'],
  { none: ['tidak dimengerti', 'spasi'] }, 'Bugis "ji".');
M('id', ['Budidaya Cabai dan Bawang Merah Bone', '[daftar 1]', '[setuju]', 'lewat'],
  { none: ['tidak dimengerti'] }, '"lewat" skip.');
M('en', ['Split air-conditioner technician at BLK Pontianak', '[daftar 1]', '[setuju]', 'none'],
  { none: ['invalid'] }, 'English "none".');
M('id', ['Servis Sepeda Motor Injeksi BLK Padang', '[daftar 1]', '[setuju]', 'indak ado'],
  { none: ['tidak dimengerti', 'spasi'] }, 'Minang "indak ado" = tidak ada.');

// ───────────────────────── tone
cat = 'tone';
M('id', ['😭😭😭🙏'], { none: ['Sama-sama'], all: [['maaf', 'sedih', 'cerita', 'bantu', 'apa yang terjadi', 'ada apa']] }, 'Tears: never "Sama-sama".');
M('id', ['bot goblok, dari tadi ga nyambung'], { none: ['Halo juga'], all: [['maaf', 'bantu', 'coba']] }, 'Insult: calm + help.');
M('id', ['udah 3 minggu daftar ga ada kabar!!! kalian niat gak sih'],
  { human: true, all: [['maaf', 'mohon maaf']], none: ['Halo'] }, 'Angry after waiting: apology, person.');
M('id', ['makasih banyak kak, sangat membantu 🙏'], { all: [['sama-sama', 'senang', 'kembali']] }, 'Thanks.');
M('id', ['wkwkwkwk'], { none: ['tidak dimengerti', 'Sama-sama'] }, 'Laughter.');
M('id', ['horas bang'], { all: [['horas', 'halo', 'hai']] }, 'Batak greeting.');
M('id', ['sa su capek, ditolak terus, sa rasa sa tra berguna'],
  { human: true, none: ['Sama-sama'], all: [['maaf', 'paham', 'mengerti', 'sedih', 'berat']] }, 'Distress: empathy + person.');
M('en', ['this bot is useless'], { none: ['Hello'], all: [['sorry', 'help']] }, 'English insult.');
M('en', ['thank you so much!'], { all: [['welcome', 'glad', 'pleasure']] }, 'English thanks.');
M('en', ['I have been waiting 2 weeks for an answer about my application. this is ridiculous'],
  { human: true, all: [['sorry', 'apolog']] }, 'English anger after waiting.');
M('en', ['i feel hopeless, nobody wants to hire me'],
  { human: true, none: ['You\'re welcome'] }, 'English distress.');
M('id', ['assalamualaikum'], { all: [['waalaikumsalam', 'wa\'alaikumsalam', 'wa alaikum']] }, 'Islamic greeting answered in kind.');
M('id', ['tabe\' daeng, mau tanya'], { all: [['silakan', 'tanya', 'bantu']] }, 'Makassar polite opener.');
M('id', ['ngana pe bot ini lambat skali, kita so tunggu dari tadi'], { all: [['maaf']] }, 'Manado impatience.');
M('id', ['anjir kok aku ditolak mulu sih'], { all: [['maaf', 'paham', 'alasan', 'syarat']], none: ['Halo juga'] }, 'Frustration.');
M('en', ['hi 👋'], { all: [['hi', 'hello']] }, 'English greeting.');

// ───────────────────────── language
cat = 'language';
M('en', ['Hello, I study at an international school in Balikpapan and only speak English. Are there programmes for me?'],
  { all: [['programme', 'program', 'course', 'training']] }, 'English-only speaker.');
M('en', ['what is the age limit for the Japan elderly care programme?'],
  { all: [['19'], ['30']] }, 'English follow-up on age.');
M('en', ['any online courses?'],
  { programmes: ['web-dev-daring'] }, 'English; online programme.');
M('id', ['ada pelatihan online gak?'], { programmes: ['web-dev-daring'], none: ['Here are', 'programmes'] }, 'Indonesian in → Indonesian out whatever the phone language.');
M('en', ['do you speak English?'], { all: [['yes', 'English', 'of course', 'sure']] }, 'Language switch question.');
M('id', ['pakai bahasa indonesia aja ya'], { all: [['baik', 'oke', 'siap', 'tentu', 'bahasa Indonesia']], none: ['Sure', 'Of course'] }, 'Switch to Indonesian.');
M('en', ['can you reply in English please', 'is there a stipend in the Banjarmasin electrical course?'],
  { all: [['700,000', '700.000', '700000', '700k', 'Rp 700']] }, 'Switch to English then follow-up.');
M('id', ['uda, ado pelatihan masak di bukittinggi?'], { programmes: ['kuliner-minang-bukittinggi'], none: ['Here are'] }, 'Minang voice → Indonesian reply.');
M('id', ['amang, aha do pelatihan na adong di Medan?'], { all: [['Medan']] }, 'Batak-mixed → Indonesian reply, Medan programmes.');
M('id', ['pian ada pelatihan nang gratis kah di banjarmasin?'], { programmes: ['listrik-banjarmasin'] }, 'Banjar "pian"; Indonesian reply.');
M('id', ['ko tau ka pelatihan di jayapura?'], { programmes: ['tik-jayapura-papua'] }, 'Papuan "ko" = you.');
M('en', ['Is the Korean factory programme for people from anywhere?'], { all: [['EPS', 'Korea']] }, 'English question.');
M('en', ['what does "uang saku" mean on the card?'], { all: [['allowance', 'stipend', 'pocket money']] }, 'English user asking about an Indonesian term.');
M('id', ['bisa jelasin pake bahasa yg gampang ga, aku ga ngerti istilah "sertifikasi kompetensi"'],
  { all: [['sertifikat', 'bukti', 'keahlian', 'kemampuan']] }, 'Plain language.');
M('en', ['Are there any English-taught courses in Manado?'], { programmes: ['inggris-pariwisata-manado'] }, 'English; Manado English course.');
M('id', ['kita mo tanya, ada kursus bahasa inggris di manado?'], { programmes: ['inggris-pariwisata-manado'], none: ['Here are'] }, 'Manado "mo".');

// ───────────────────────── alternatives
cat = 'alternatives';
M('id', ['saya perempuan dari agam, umur 52, mau ikut bordir kerancang'],
  { all: [['50']], programmes: ['umkm-digital-daring'], notProgrammes: ['menjahit-sorong-mama'] }, 'Over age; online option 17-55 is the near alternative; Sorong is Papua-only.');
M('id', ['umur 31, di medan, mau ikut perhotelan danau toba'],
  { all: [['27']], notProgrammes: ['hotel-malaysia', 'tik-jayapura-papua'] }, 'Over age (max 27); Malaysia max 28 also not.');
M('id', ['sa di sorong, laki2, 23 tahun, mau kursus menjahit'],
  { all: [['perempuan']], notProgrammes: ['bordir-kerancang-agam', 'tata-rias-makassar-perempuan'] }, 'Women-only; no women-only alternatives for a man.');
M('id', ['aku di pontianak, buta warna parsial, mau belajar AC'],
  { all: [['buta warna']], notProgrammes: ['listrik-banjarmasin', 'otomotif-mobil-gowa'] }, 'Colour blindness refusal; alternatives must not need colour vision either.');
M('id', ['ulun di banjarmasin, umur 40, handak pelatihan listrik'],
  { all: [['35']], programmes: ['sasirangan-banjarbaru', 'umkm-digital-daring'] }, 'Banjar; over 35; the two eligible nearby ones: Sasirangan Banjarbaru (max 45, Kalsel) and the online UMKM class (max 55).');
M('en', ['I\'m 25 and from Bitung, can I do the dive resort apprenticeship?'],
  { all: [['eligible', 'yes', 'swim', 'can apply', 'qualify', 'meet']] }, '25 ≤ max 26 at closes (could be 26 by then, still fine); swim question remains.');
M('en', ['I\'m 33 and live in Samarinda. I wanted the warehouse apprenticeship.'],
  { all: [['24']], notProgrammes: ['kelapa-sawit-pekanbaru'] }, 'Over age; sawit max 25 not an alternative.');
M('en', ['I have a tattoo, can I still go to Japan?'],
  { all: [['tattoo']], notProgrammes: ['kaigo-jepang', 'makanan-halal-jepang'] }, 'Tattoo refusal; Japan programmes require none.');
M('id', ['kita pe tinggi cuma 150, mo magang hotel malaysia'],
  { all: [['155']] }, 'Manado; height refusal; explain.');
M('id', ['sa dari merauke, umur 45, mau mesin traktor'],
  { all: [['40']], notProgrammes: ['kelapa-sawit-pekanbaru'] }, 'Over 40; alternatives near or online.');
M('id', ['aku lulusan SD, umur 20, di samarinda, mau magang gudang'],
  { all: [['SMA', 'SMK']], notProgrammes: ['operator-excavator-balikpapan'] }, 'Education refusal; excavator also needs SMA.');
M('en', ['I live in Makassar, I\'m a man, 25. I wanted the bridal make-up course'],
  { all: [['women', 'female']], notProgrammes: ['bordir-kerancang-agam', 'menjahit-sorong-mama'] }, 'Women-only refusal in English.');
M('id', ['saya dari palu, umur 22, mau pelatihan desain grafis di makassar'],
  { all: [['Sulawesi Selatan', 'Sulawesi Barat', 'domisili', 'Makassar']], programmes: ['web-dev-daring'] }, 'Domicile refusal (73,76 only); online alternative.');
M('id', ['umur 26 di pekanbaru mau magang sawit'],
  { all: [['25']] }, '26 > 25.');
M('en', ['I\'m 40, from Batam. anything for me after the forklift one said no?'],
  { notProgrammes: ['forklift-batam', 'kelapa-sawit-pekanbaru', 'web-dev-daring'] }, '40 > 35 forklift; web-dev max 29; not suggested.');
M('id', ['ditolak di kaigo karena belum N4. ada yg bisa belajar bahasa jepang dulu ga? aku di padang'],
  { programmes: ['bahasa-jepang-padang'] }, 'Bridge alternative near the person.');

// ───────────────────────── form
cat = 'form';
M('id', ['Instalasi Listrik Rumah Tangga BLK Banjarmasin', '[daftar 1]'],
  { all: [['data', 'setuju', 'izin', 'persetujuan']] }, 'Applying stores data → consent now, short.');
M('id', ['Persiapan Kerja Manufaktur Korea (EPS)', '[daftar 1]', '[setuju]', 'aku belum lulus eps topik'],
  { all: [['EPS-TOPIK', 'EPS TOPIK']] }, 'Required yes/no fails; explain.');
M('id', ['Pelatihan Juru Las SMAW 3G BPVP Medan', '[daftar 1]', '[setuju]', 'dokumen apa aja yg perlu disiapin?'],
  { all: [['KTP'], ['ijazah']] }, 'Question mid-form answered from record; form resumes.');
M('id', ['Operator Excavator BPVP Balikpapan', '[daftar 1]', '[setuju]', 'sim sy sudah mati'],
  { all: [['SIM']] }, 'Expired licence: required SIM → explain.');
M('id', ['Magang Perawat Lansia (Kaigo) di Jepang', '[daftar 1]', '[setuju]', 'tinggi aku 1,55 m'],
  { none: ['jawabanmu 1 ', 'minimal 150 cm; jawabanmu'] }, '1,55 m = 155 cm ≥150.');
M('id', ['Magang Perhotelan di Kuala Lumpur, Malaysia', '[daftar 1]', '[setuju]', 'tinggi seratus enam puluh'],
  { none: ['minimal 155 cm; jawabanmu'] }, 'Height in words = 160.');
M('id', ['Magang Pengolahan Makanan di Jepang', '[daftar 1]', '[setuju]', '[kirim foto]'],
  { all: [['foto', 'gambar', 'dokumen', 'diterima']] }, 'Photo mid-form: acknowledged sensibly.');
M('id', ['Magang Pemandu Selam dan Resort Bitung-Lembeh', '[daftar 1]', '[setuju]', 'kita nyanda bisa berenang'],
  { all: [['berenang']] }, 'Manado "nyanda" = no to a required swim question → explain.');
M('en', ['Elderly-care (kaigo) apprenticeship in Japan', '[daftar 1]', '[setuju]', 'my japanese level is N5'],
  { all: [['N4']] }, 'English; JLPT N5 < N4 → explain.');
M('en', ['Hotel apprenticeship in Kuala Lumpur, Malaysia', '[daftar 1]', '[setuju]', 'I\'m 5 feet 7'],
  { none: ['minimum height 155 cm; your answer 5'] }, '5\'7" ≈ 170 cm; must not read as 5.');
M('en', ['Inclusive graphic design for Deaf and disabled learners in Makassar', '[daftar 1]'],
  { all: [['data', 'agree', 'consent']] }, 'English apply → consent.');
M('id', ['Tata Rias Pengantin Bugis-Makassar khusus Perempuan', '[daftar 1]', '[setuju]', 'gak jadi deh, batal aja'],
  { all: [['batal', 'dibatalkan', 'tidak jadi', 'berhenti']] }, 'Cancel in words.');
M('id', ['Uji Kompetensi Barista LSP Makassar', '[daftar 1]', '[setuju]', 'pengalaman barista 6 bulan'],
  { all: [['1 tahun', 'satu tahun']] }, '0.5 year < 1 → explain (number parse of "6 bulan").');
M('en', ['Industrial electrician apprenticeship in Mimika', '[daftar 1]', '[setuju]', 'height 1.72m'],
  { none: ['your answer 1 ', 'minimum height 160 cm; your answer'] }, '1.72 m = 172 cm.');
M('en', ['SSW welding work in Japan (Tokutei Ginou)', '[daftar 1]', '[setuju]', 'about 2 and a half years of welding'],
  { none: ['At least 1 year(s) of experience in welding.'] }, '2.5 years ≥1.');
M('id', ['Tenaga Las SSW ke Jepang (Tokutei Ginou)', '[daftar 1]', '[setuju]', 'berhenti dulu, nanti lanjut lagi ya'],
  { all: [['lanjut', 'simpan', 'disimpan', 'nanti', 'kembali']] }, 'Pause a form.');

// ───────────────────────── other
cat = 'other';
M('id', ['[menu]'], { all: [['cari', 'program', 'pelatihan', 'profil']] }, 'Menu works.');
M('id', ['bisa bicara sama orang aja ga? bukan bot'], { human: true }, 'Ask for a person.');
M('en', ['can I talk to a real person'], { human: true }, 'English handoff.');
M('id', ['[kirim foto]'], { none: ['Sama-sama'], all: [['foto', 'gambar', 'dokumen']] }, 'Photo out of context.');
M('id', ['sy tuli. tdk bisa telpon. bisa chat aja?'],
  { all: [['chat', 'pesan', 'tulis', 'teks']], none: ['telepon kami', 'hubungi nomor'] }, 'Deaf applicant: text channel, no phone call.');
M('id', ['kak bisa bantu bikin cv ga'], { all: [['CV']] }, 'Out of scope-ish; honest + maybe person.');
M('id', ['berapa gaji jadi TKI di malaysia sekarang?'],
  { human: true }, 'Unknown question: say so honestly, offer a person (collected).');
M('en', ['who runs this service?'], { all: [['Jembatan']] }, 'About the bot.');
M('id', ['halo ini bot apa ya? dapet nomor dari grup wa'], { all: [['pelatihan', 'magang', 'sertifikasi']] }, 'Intro.');
M('id', ['ada lowongan PNS gak?'], { all: [['pelatihan', 'magang', 'tidak', 'bukan']] }, 'Out of scope, redirect.');
M('en', ['my visa application for Japan was rejected, what can I do?'], { human: true }, 'Unknown specific question → person.');
M('id', ['anak saya disabilitas netra, bisa ikut pelatihan apa ya? kami di makassar'],
  { all: [['disabilitas', 'ramah', 'aksesibel']] }, 'Parent for blind child; disability-friendly ones (desain grafis may not fit blind user — doubt).');
M('id', ['kalo mau ketemu langsung kantornya dimana untuk pelatihan otomotif gowa?'],
  { all: [['Malino', 'Gowa']] }, 'Venue from record.');
M('en', ['when does registration close for the Manado English course?'],
  { all: [['24 January', 'January 24', '24 Jan', 'Jan 24', '2027-01-24', '24/01']] }, 'Date from record in English.');
M('id', ['pendaftaran kopi arabika humbang tutup kapan?'],
  { all: [['15 Februari', '15 Feb', '2027-02-15', '15/02']] }, 'Date from record.');
M('en', ['is there a women\'s quota in the Korea programme?'],
  { all: [['10']] }, 'Women seats (10).');

out.forEach((m, i) => { m.id = 'l9-' + String(i + 1).padStart(3, '0'); });
fs.writeFileSync(__dirname + '/moments.json', JSON.stringify(out, null, 2) + '\n');
const by = {}; for (const m of out) { by[m.category] = by[m.category] || { id: 0, en: 0 }; by[m.category][m.lang]++; }
console.log(out.length, by);
