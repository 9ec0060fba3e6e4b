// Builds moments.json for held-out batch l10.
// Theme: Java, Nusa Tenggara and Maluku (Sundanese, Betawi, Javanese, Madurese, Sasak, Kupang, Flores, Ambon Malay).
// Written apart from the code: expectations describe what any good assistant must do, not one design's wording.
'use strict';
const fs = require('fs');
const path = require('path');

const BATCH = 'l10';
const out = [];

// Common "must not ask again" substrings.
const AGEQ = ['berapa umur', 'umurmu berapa', 'umur kamu berapa', 'berapa usia', 'usiamu berapa', 'usia kamu berapa', 'tanggal lahir'];
const WHEREQ = ['tinggal di mana', 'di mana kamu tinggal', 'domisilimu di mana', 'kamu dari mana', 'tinggal dimana'];
const AGEQ_EN = ['how old are you', 'what is your age', 'your date of birth', 'what\'s your age'];
const WHEREQ_EN = ['where do you live', 'where are you based', 'which city do you live'];
const THANKS_ID = ['sama-sama', 'sama sama', 'terima kasih kembali', 'senang', 'sami-sami', 'dengan senang hati', 'kembali kasih'];
const SORRY_ID = ['maaf', 'mohon maaf'];
const LICENSE_ID = ['izin', 'terdaftar', 'resmi', 'legal', 'siapkerja', 'p2mi', 'bp2mi', 'kemnaker', 'disnaker'];
const LICENSE_EN = ['licen', 'registered', 'official', 'legal', 'permit', 'verify'];

function m(category, lang, turns, expect, note) {
  const e = Object.assign({}, expect);
  if (!('lang' in e)) e.lang = lang;
  if (e.lang === null) delete e.lang;
  out.push({ category, lang, turns, expect: e, note });
}

// ======================= question =======================
m('question', 'id', ['magang jepang lewat IM Japan itu gimana sih kak alurnya? bayar ga?'],
  { all: [['im japan', 'im-japan'], ['seleksi', 'tes', 'ujian', 'pelatihan'], ['biaya', 'gratis', 'bayar', 'dipungut']] },
  'Explains the IM Japan route (selection, training, placement) and whether it costs anything; a programme search for "alurnya bayar" would be wrong.');
m('question', 'id', ['EPS-TOPIK itu apa? aku dari cilacap pengen kerja di korea'],
  { all: [['eps'], ['korea'], ['bahasa korea', 'ujian', 'tes', 'topik']] },
  'Answers what EPS-TOPIK is (G-to-G Korea route with a Korean language test); the place is context, not a search term.');
m('question', 'id', ['kalau ikut pelatihan las di cilacap dapet uang saku ga? terus ada asramanya?'],
  { all: [['uang saku', '750', 'rp'], ['asrama', 'tempat tinggal', 'menginap']] },
  'Two questions about one programme (Juru Las 3G Cilacap): uang saku Rp750.000/bulan and no dorm listed. Both must be answered.');
m('question', 'id', ['dokumen apa aja yg harus disiapin buat magang ke luar negeri? skck perlu?'],
  { all: [['skck'], ['paspor'], ['ktp', 'ijazah', 'kartu keluarga']] },
  'Lists the usual overseas documents and answers the SKCK sub-question directly.');
m('question', 'id', ['abis daftar nanti ngapain lagi? ditelpon atau gimana'],
  { all: [['seleksi', 'verifikasi', 'diperiksa', 'ditinjau', 'dihubungi', 'kabar', 'diproses', 'review']] },
  'Says what happens after applying: the organisation reviews, selection, the person is contacted.');
m('question', 'en', ['What is the difference between SSW and the technical intern (TITP) route to Japan?'],
  { all: [['ssw', 'specified skilled', 'tokutei'], ['titp', 'technical intern', 'trainee']] },
  'English question about routes; a short comparison in English.');
m('question', 'en', ['is the welding course in Ambon free? and how long does it last'],
  { all: [['free', 'no fee', 'no cost', 'idr 0', 'rp 0', 'rp0'], ['week', 'month', 'january', 'march', '2027']], programmes: ['l10-ambon-las-kapal'] },
  'Two questions about the Ambon welding course: free, 8 weeks (18 Jan–12 Mar 2027). Answered in English.');
m('question', 'id', ['syarat tinggi badan buat kaigo jepang berapa ya'],
  { all: [['150']] },
  'The Kaigo Japan record requires 150 cm minimum.');
m('question', 'id', ['uang saku magang jepang berapa per bulan? katanya bisa sampe 15 juta'],
  { all: [['gaji', 'upah', 'yen', 'uang saku', 'penghasilan', 'rp', 'juta']] },
  'Addresses the salary claim honestly (wage paid by the Japanese employer, varies; not a promise); should not just list programmes.');
m('question', 'en', ['Do I need a passport before applying to the Germany nursing program?'],
  { all: [['passport']] },
  'Passport is on the document list for the Ausbildung; answers whether it is needed at application or later.');
m('question', 'en', ['does the medical check-up cost money or do I pay it myself? I\'m from Ende'],
  { all: [['medical', 'health', 'check-up', 'checkup'], ['cost', 'pay', 'free', 'covered', 'fee']] },
  'English question about the medical check cost; Ende is context, not a search term.');
m('question', 'id', ['pelatihan web daring itu bisa diikutin pake hp aja ga? aku ga punya laptop'],
  { all: [['laptop', 'komputer', 'perangkat', 'hp', 'ponsel']] },
  'Answers the device question for the online web course (or honestly offers a person), not a keyword search for "hp laptop".');
m('question', 'en', ['how long is the waiting time after passing EPS-TOPIK until departure?'],
  { all: [['eps', 'topik'], ['month', 'year', 'wait', 'roster', 'employer', 'depends']] },
  'English EPS question: after passing, candidates wait to be chosen by an employer; timing varies.');
m('question', 'id', ['sertifikat BNSP itu apa bedanya sama sertifikat pelatihan biasa?'],
  { all: [['bnsp', 'lsp'], ['kompetensi']] },
  'Explains competency certification (BNSP via LSP) versus a course certificate.');
m('question', 'id', ['ada asramanya ga yg kursus inggris di pare? aku dari ambon jauh bgt'],
  { all: [['asrama', 'penginapan', 'tempat tinggal']] },
  'The Pare English course record lists a dorm; answer yes, and Ambon is only context.');
m('question', 'en', ['What is IM Japan? Is it a government thing?'],
  { all: [['im japan', 'im-japan'], ['government', 'ministry', 'official', 'foundation', 'organi']] },
  'English: IM Japan is a Japanese foundation working with Indonesia\'s Ministry of Manpower.');
m('question', 'id', ['kak mau tanya dua hal pertama pelatihan jahit di kediri ada asramanya gak kedua uang sakunya berapa'],
  { all: [['asrama'], ['600', 'uang saku']] },
  'Voice-to-text run-on with two questions: dorm yes, Rp600.000/bulan stipend (Menjahit Pakaian Jadi Kabupaten Kediri).');
m('question', 'en', ['two questions: is the Pare English course free, and do they give a certificate?'],
  { all: [['free', 'no fee', 'scholarship', 'no cost', 'idr 0', 'rp 0'], ['certificate']] },
  'Both parts answered in English.');

// ======================= worry =======================
m('worry', 'id', ['ini aman ga kak? bukan penipuan kan? soalnya temen aku pernah ketipu lpk di bandung'],
  { all: [LICENSE_ID, ['cek', 'periksa', 'pastikan', 'lapor']] },
  'The fraud fear from the issue: how to check an LPK licence and what to do; not a search for "aman penipuan".');
m('worry', 'id', ['agen di kampung minta 25 juta buat berangkat ke jepang katanya biaya proses, wajar ga?'],
  { all: [['tidak wajar', 'tidak boleh', 'dilarang', 'jangan', 'hati-hati', 'waspada', 'tidak dibenarkan', 'curiga'], ['lapor', 'aduan', 'pengaduan', 'cek', 'periksa', 'izin', 'resmi']] },
  'Fees demanded by an agent: warn, explain which fees are not allowed, where to check and report.');
m('worry', 'id', ['aku pernah ketipu agen bodong 2020, uang 8 juta ilang. skrg takut daftar lagi 😔'],
  { all: [['paham', 'mengerti', 'wajar', 'maaf', 'sedih', 'berat', 'menyesal'], ['resmi', 'izin', 'terdaftar', 'gratis', 'tidak dipungut', 'tanpa biaya']] },
  'Someone burned before: empathy first, then how this is different (free, licensed providers) and how to check.');
m('worry', 'id', ['orang tua aku ga ngizinin ke luar negeri, tp aku pengen banget magang jepang. gimana ya'],
  { all: [['orang tua', 'ortu', 'keluarga'], ['dalam negeri', 'di indonesia', 'dekat', 'pelatihan', 'bicara', 'ngobrol', 'diskusi']] },
  'A girl whose parents forbid going abroad: acknowledge the parents, suggest talking with them with facts, mention domestic options.');
m('worry', 'id', ['aku muslimah berhijab, di jepang nanti boleh pakai jilbab ga? sholatnya gimana'],
  { all: [['hijab', 'jilbab', 'kerudung'], ['sholat', 'salat', 'shalat', 'ibadah', 'musala', 'masjid', 'mushola']] },
  'Religion worry abroad: both the hijab and the prayer questions answered.');
m('worry', 'id', ['kalau ikut magang harus pinjem uang dulu ga? aku ga mau punya utang'],
  { all: [['utang', 'hutang', 'pinjam', 'pinjaman'], ['gratis', 'tidak dipungut', 'biaya', 'rp 0', 'tanpa biaya']] },
  'Debt worry: free programmes exist, and debt schemes tied to placement are a red flag.');
m('worry', 'en', ['A recruiter on Facebook says I must pay 15 million rupiah for a Korea job through EPS. Is that legit?'],
  { all: [['scam', 'fraud', 'not legit', 'suspicious', 'careful', 'red flag', 'warning', 'not legitimate'], ['eps', 'government', 'official', 'bp2mi', 'p2mi']] },
  'EPS is government-to-government; large fees to a private recruiter are a warning sign. In English.');
m('worry', 'id', ['kak kalo di jepang dimarahin atasan terus atau disiksa, bisa lapor ke siapa'],
  { all: [['lapor', 'pengaduan', 'aduan', 'hotline', 'hubungi', 'kontak'], ['kbri', 'kedutaan', 'konsulat', 'perwakilan', 'otit', 'lpk', 'pengawas', 'kjri']] },
  'Safety abroad: where to report (embassy/KBRI, the supervising body, the sending LPK).');
m('worry', 'id', ['aku cewe 19 th dari lombok timur, ibu takut aku kenapa2 kalo tinggal di asrama. aman ga asramanya?'],
  { all: [['asrama'], ['aman', 'pengawas', 'pendamping', 'terpisah', 'perempuan', 'pengelola', 'tanya']] },
  'Parent worry about dorm safety; answer honestly (what is known, who to ask).');
m('worry', 'id', ['LPK nya minta ijazah asli aku ditahan sebagai jaminan, itu boleh ga?'],
  { all: [['tidak boleh', 'jangan', 'tidak wajar', 'dilarang', 'hati-hati', 'waspada', 'tidak dibenarkan'], ['ijazah']] },
  'Withholding original diplomas is a known abuse; advise against and where to report.');
m('worry', 'en', ['my parents are scared I\'ll be trafficked if I go abroad. how can I show them it\'s safe?'],
  { all: [LICENSE_EN, ['parent', 'family']] },
  'English parent worry: licensed routes, how to verify, involve the parents.');
m('worry', 'id', ['saya bapak dari anak saya yg 18 thn, dia mau ausbildung ke jerman, katanya harus bayar kursus bahasa 30jt. bener?'],
  { all: [['bahasa jerman', 'kursus', 'b1', 'bahasa'], ['biaya', 'bayar', 'gratis', 'resmi']] },
  'A father writing for his child; the Ausbildung record says the German course is free. Answers the fee question.');
m('worry', 'en', ['is the food halal in Korea? I\'m worried as a Muslim'],
  { all: [['halal'], ['muslim', 'mosque', 'prayer', 'food', 'pork']] },
  'English religion worry; honest practical answer.');
m('worry', 'en', ['the agent told me to transfer the "medical fee" to his personal bank account. is that safe?'],
  { all: [['don\'t', 'do not', 'careful', 'scam', 'suspicious', 'red flag', 'not safe', 'warning', 'fraud']] },
  'Payment into a private account is a classic scam sign; warn in English.');
m('worry', 'en', ['I\'m scared, my agent took my passport and won\'t give it back'],
  { all: [['passport']], human: true },
  'Distress about a withheld passport: this is serious, say it is not allowed and offer a person.');
m('worry', 'id', ['aku udah 26, kata orang udah telat buat magang. bener ga sih'],
  { all: [['26', 'umur', 'usia', 'batas']] },
  'Age worry: explains that limits differ per programme and that 26 still fits several.');

// ======================= consent =======================
m('consent', 'id', ['mau magang ke jepang syaratnya apa aja'],
  { all: [['umur', 'usia', 'tahun'], ['pendidikan', 'sma', 'smk', 'ijazah', 'lulusan']], none: ['persetujuan'] },
  'From the issue: the requirements are public rules, so they are answered without a consent notice.');
m('consent', 'id', ['mau magang ke jepang syaratnya apa aja', 'ga usah deh, kasih tau syaratnya aja dulu'],
  { all: [['umur', 'usia', 'tinggi', 'pendidikan', 'sma']] },
  'From the issue: after refusing (or skipping) any consent step, the question about requirements is still answered, not dropped to the menu.');
m('consent', 'id', ['umur 30 bisa ikut pelatihan las ga?'],
  { all: [['30'], ['las']] },
  'Answer from the programmes\' rules using the age in the message; no stored data needed.');
m('consent', 'en', ['I only finished junior high (SMP). what can I join?'],
  { all: [['smp', 'junior high']] },
  'Answers which programmes accept SMP from the rules, without asking consent first.');
m('consent', 'id', ['aku mau cek aku cocok ikut program apa', '[tolak]', 'yaudah gapapa, kalau gitu syarat umur buat kaigo jepang berapa?'],
  { all: [['19'], ['28']] },
  'After refusing consent the bot still answers a public question: Kaigo Japan age 19–28.');
m('consent', 'id', ['aku lulusan smk tkj umur 20 di kota bandung, ada pelatihan IT ga?', '[setuju]'],
  { programmes: ['l10-bdg-web-daring-2027'], none: AGEQ },
  'After consent the original question is resumed with the stated facts: the West Java online web course fits (20, SMK, Bandung).');
m('consent', 'id', ['aku cewek 22 dari kota tasikmalaya, lulusan sma, mau belajar bordir', '[tolak]'],
  { programmes: ['l10-tasik-bordir-2027'] },
  'Refusing consent must not lose the question: show the Tasikmalaya embroidery course for women without storing anything.');
m('consent', 'en', ['what are the requirements for the Japan caregiver program?'],
  { all: [['150'], ['19', '28', 'age']] },
  'English public question answered directly from the Kaigo record (150 cm, age 19–28, SMA).');
m('consent', 'en', ['I want to apply for the Germany nursing program', '[tolak]', 'ok but can you at least tell me the age limit?'],
  { all: [['18'], ['28']] },
  'After refusing consent, a public question is still answered, in English.');
m('consent', 'id', ['berapa lama pelatihan barista di jakarta timur?'],
  { all: [['minggu', 'hari', 'bulan', 'januari', 'februari']], none: ['persetujuan'] },
  'Duration (4 weeks, 11 Jan–5 Feb 2027) needs no personal data.');
m('consent', 'id', ['mau daftar pelatihan jahit di kabupaten kediri', '[setuju]'],
  { all: [['nama', 'lahir', 'umur', 'usia', 'pendidikan', 'domisili', 'tinggal', 'kabupaten', 'jenis kelamin', 'nomor']] },
  'After consent, the application continues (the next profile question), rather than returning to the menu.');
m('consent', 'id', ['data aku nanti disimpen buat apa aja?'],
  { all: [['data'], ['hapus', 'menghapus', 'tujuan', 'digunakan', 'dipakai', 'keperluan']] },
  'A privacy question answered plainly: what is kept, why, and how to delete.');
m('consent', 'en', ['do you store my phone number? I just want to browse courses in Kupang'],
  { all: [['kupang']], programmes: ['l10-kupang-tik-dasar'] },
  'Answers the storage question and lets the person browse Kupang courses without consent.');
m('consent', 'id', ['lulusan sd bisa ikut pelatihan?'],
  { all: [['sd'], ['bisa', 'ada', 'pelatihan']], none: ['persetujuan'] },
  'Several programmes accept SD (hidroponik, olahan ikan, kopi Manggarai, ABK); answered without consent.');
m('consent', 'en', ['I\'m 17, still in SMK. can I join anything now or do I have to wait?'],
  { all: [['17', 'student', 'still', 'wait', 'graduat', '18']] },
  'A teenager in SMK: answer from the rules (some accept 17, most need 18) without asking consent first.');
m('consent', 'id', ['boleh ga aku tanya2 dulu tanpa ngisi data? misalnya uang saku pelatihan AC di surabaya berapa'],
  { all: [['600', 'uang saku']], none: ['persetujuan'] },
  'Asks permission to ask without data, then a concrete question: Rp600.000/bulan.');

// ======================= facts =======================
m('facts', 'id', ['aku lulusan smk otomotif umur 23 dari kota kediri cocoknya apa ya'],
  { programmes: ['l10-kediri-listrik-instalasi'], none: AGEQ },
  'From the issue: age 23, SMK, Kota Kediri are used at once; age must not be asked again.');
m('facts', 'id', ['aku lulusan smk otomotif umur 23 cocoknya apa ya', '[setuju]'],
  { all: [['otomotif', 'mesin', 'kendaraan', 'motor', 'mobil', 'bengkel']], none: AGEQ },
  'From the issue: after consent, suggestions use otomotif and the age is not asked again.');
m('facts', 'id', ['aku cewek, 20 tahun, tinggal di garut, lulusan sma. ada pelatihan apa di sini?'],
  { programmes: ['l10-garut-kulit-sepatu'], none: AGEQ.concat(WHEREQ) },
  'Four facts in one message; Garut programmes shown, nothing asked again.');
m('facts', 'id', ['umur 24, lulusan s1 hukum, domisili jakarta selatan, pengen ikut kelas korea EPS'],
  { programmes: ['l10-jaksel-eps-topik'], none: AGEQ },
  'EPS-TOPIK class in South Jakarta fits (18–39, DKI).');
m('facts', 'en', ['I\'m 21, male, finished SMA in Mataram, looking for hotel training'],
  { programmes: ['l10-mataram-perhotelan-fb'], none: AGEQ_EN.concat(WHEREQ_EN) },
  'English facts used directly; the Mataram F&B course fits.');
m('facts', 'id', ['saya tinggal di kota ambon, 19 thn, lulus smk 2025, cari pelatihan las'],
  { programmes: ['l10-ambon-las-kapal'], none: AGEQ.concat(WHEREQ) },
  'Ambon welding fits; facts not re-asked.');
m('facts', 'id', ['aku 25 thn, lulusan sma', 'dari depok', 'ada pelatihan nyetir truk ga?'],
  { programmes: ['l10-depok-sopir-logistik'], none: AGEQ.concat(WHEREQ) },
  'Facts spread over three messages are all kept. The SIM B1 question may follow; age and place must not.');
m('facts', 'id', ['tinggi 165 ga bertato ga buta warna umur 22 lulusan sma dari kab bekasi, mau magang manufaktur jepang'],
  { programmes: ['l10-bekasi-im-japan-manufaktur'], none: ['berapa tinggi', 'tinggi badanmu', 'apakah kamu memiliki tato', 'apakah kamu buta warna'].concat(AGEQ) },
  'Every eligibility answer is already in the message: none of the programme questions may be asked again.');
m('facts', 'en', ['I\'m a wheelchair user, 24, SMA graduate, living in Central Jakarta. Any admin courses that are accessible?'],
  { programmes: ['l10-jakpus-admin-perkantoran'], all: [['wheelchair', 'ramp', 'lift', 'accessib', 'elevator']] },
  'Wheelchair user: the accessible admin course is listed and its accommodations mentioned, in English.');
m('facts', 'id', ['aku tunanetra pakai screen reader, 23 th, dari kota bandung, lulusan sma. ada pelatihan komputer yg bisa aku ikutin?'],
  { programmes: ['l10-bdg-web-daring-2027'], all: [['pembaca layar', 'screen reader', 'nvda', 'talkback', 'disabilitas', 'aksesib']], none: AGEQ },
  'Blind applicant: the course with screen-reader-compatible materials is listed and its accommodations named.');
m('facts', 'en', ['I\'m from Sumenep', 'I want to learn fish processing', 'I\'m 27'],
  { programmes: ['l10-sumenep-olahan-ikan'], none: WHEREQ_EN.concat(AGEQ_EN) },
  'Facts over three English messages; the Sumenep seafood course fits; the place is not asked again.');
m('facts', 'id', ['saya ayah tunggal 29 th dari solo, perlu pelatihan yg ada kelas sore karena harus jemput anak'],
  { programmes: ['l10-solo-batik-tulis'], all: [['sore', '15.30', '15:30']], none: AGEQ },
  'Single father: the evening batik class in Solo matches the schedule need.');
m('facts', 'en', ['I\'m an international student from Timor-Leste studying in Kupang. Can I join these trainings?'],
  { all: [['citizen', 'indonesian', 'ktp', 'nationality', 'wni', 'id card']] },
  'English-only foreign student: an honest answer about citizenship/ID requirements, in English.');
m('facts', 'id', ['aku di cilacap, umur 19, lulusan smk, bisa berenang, mau jadi pelaut', 'ada yg buat pemula?'],
  { programmes: ['l10-cilacap-bst-pelaut'], none: ['apakah kamu bisa berenang', 'bisa berenang?'].concat(AGEQ) },
  'BST for new seafarers fits; the swimming answer was given already.');
m('facts', 'id', ['anak saya perempuan 18 th lulusan smk tata busana, kami di kab lombok barat. ada pelatihan jahit?'],
  { programmes: ['l10-lombok-barat-menjahit'], none: AGEQ },
  'A parent writing for a daughter; the facts are the daughter\'s.');
m('facts', 'en', ['my daughter is 19, lives in Tasikmalaya city, finished SMK. She wants embroidery training. What\'s available?'],
  { programmes: ['l10-tasik-bordir-2027'], none: AGEQ_EN },
  'English parent; the women-only embroidery course fits the daughter.');
m('facts', 'id', ['oke jadi gini kak saya umur dua puluh dua tahun tinggal di kota surabaya lulusan smk teknik pendingin saya mau ikut pelatihan servis ac ada nggak'],
  { programmes: ['l10-surabaya-refrigerasi-ac'], none: AGEQ.concat(WHEREQ) },
  'Voice-to-text run-on with the age in words; the Surabaya AC course fits.');
m('facts', 'id', ['aku mantan buruh pabrik garmen di kab bekasi kena phk, umur 28, lulusan smp. ada pelatihan gratis buat aku ga?'],
  { programmes: ['l10-bekasi-operator-cnc'], none: AGEQ },
  'Laid-off factory worker: the CNC operator course in Kabupaten Bekasi fits (18–35, SMP, West Java).');

// ======================= correction =======================
m('correction', 'id', ['umur aku 17, lulusan smk, di kota bandung, mau pelatihan las', 'eh salah ketik, umurku 27'],
  { programmes: ['l10-bdg-las-smaw-2027'], all: [['27']], none: ['umur 17', 'usia 17', '17 tahun'] },
  'The corrected age (27) replaces 17 and the Bandung welding course becomes eligible.');
m('correction', 'id', ['tinggi aku 170an, mau magang manufaktur jepang yg di bekasi', 'lah salah itu maksudnya 170 cm bukan 17'],
  { all: [['170']], none: ['17 cm', 'jawabanmu 17 '] },
  'From the issue: "170an" is 170, and the correction in words is understood.');
m('correction', 'id', ['aku 21 tahun lulusan sma dari kota bandung', 'eh bukan, aku di kabupaten garut'],
  { all: [['garut']], programmes: ['l10-garut-kulit-sepatu'], notProgrammes: ['l10-bdg-las-smaw-2027'] },
  'Domicile corrected to Garut: Garut programmes, not the Bandung-only welding course.');
m('correction', 'id', ['lulusan smp', 'eh maaf salah, aku lulusan sma', 'ada magang jepang?'],
  { all: [['jepang']], none: ['jawabanmu smp', 'kamu lulusan smp', 'pendidikanmu smp'] },
  'Education corrected to SMA before the question; Japan programmes (SMA minimum) must not be refused for SMP.');
m('correction', 'en', ['I\'m 32 years old, SMK graduate, any welding course in Cilacap?', 'sorry typo, I\'m 23'],
  { programmes: ['l10-cilacap-las-3g'], none: ['32 years'] },
  'English age correction; the Cilacap welding course (18–30, open nationwide) fits a 23-year-old.');
m('correction', 'id', ['nomor hp aku salah mau ganti'],
  { all: [['nomor', 'hp', 'telepon', 'whatsapp'], ['baru', 'ganti', 'ubah', 'kirim', 'ketik', 'perbarui']] },
  'From the issue: changing the phone number is understood, not a search.');
m('correction', 'id', ['ubah profil'],
  { all: [['profil', 'data'], ['ubah', 'ganti', 'edit', 'perbarui', 'koreksi', 'mana']] },
  'From the issue: "ubah profil" must be understood (even for a new person with an empty profile).');
m('correction', 'id', ['aku cowo 20 th lulusan smp di kab lombok barat mau pelatihan jahit', 'eh maksudnya aku cewe, typo'],
  { programmes: ['l10-lombok-barat-menjahit'] },
  'Gender corrected; the women-only sewing course becomes eligible.');
m('correction', 'en', ['I\'m in Kediri, 19, finished SMK', 'wait no I moved, I live in Surabaya now. any AC repair course?'],
  { programmes: ['l10-surabaya-refrigerasi-ac'] },
  'Location corrected in English; the Surabaya AC course fits.');
m('correction', 'id', ['mau ikut kaigo jepang, tinggi aku 1,48 m', 'eh salah ketik maksudnya 1,58 m'],
  { all: [['158', '1,58', 'memenuhi', 'cukup']], none: ['148 cm', 'jawabanmu 148'] },
  'Height in metres with a comma, then corrected: 158 cm meets the 150 cm minimum.');
m('correction', 'id', ['umur aku 24 thn, lulusan sma, di solo', 'eh bukan, umurku 25', 'ada pelatihan perhotelan?'],
  { programmes: ['l10-solo-hotel-housekeeping'], none: ['24 tahun'] },
  'Age corrected before the question; the Solo room-attendant course (18–27) fits.');
m('correction', 'en', ['change my phone number please'],
  { all: [['phone', 'number']] },
  'English field edit understood, reply in English.');
m('correction', 'id', ['aku umur 42, lulusan sma, di kota kupang, mau kursus komputer', 'astaga kebalik, 24 maksudnya'],
  { programmes: ['l10-kupang-tik-dasar'], none: ['42 tahun'] },
  'Swapped digits corrected; the Kupang computer course (17–30) fits.');
m('correction', 'en', ['my height is one hundred sixty five centimetres', 'is that enough for the Japan manufacturing program?'],
  { all: [['165'], ['enough', 'meet', '160', 'eligible', 'qualif']] },
  'Number in English words (165) compared with the IM Japan 160 cm minimum.');
m('correction', 'en', ['I\'m 20 and live in Depok. Sorry, I mean I\'m 29, I always mistype', 'any caregiver training?'],
  { programmes: ['l10-depok-caregiver-dalam-negeri'], none: ['20 years'] },
  'Self-correction in the same message: 29, not 20; the Depok caregiver course (18–40) fits.');
m('correction', 'id', ['tb 175 bb 60, mau magang manufaktur jepang', 'eh tb nya 157 ding, 175 itu punya kakak aku'],
  { all: [['160'], ['157']], none: ['175 cm memenuhi'] },
  'Corrected height 157 is below the IM Japan 160 cm minimum; the verdict must follow the correction.');

// ======================= skip =======================
m('skip', 'id', ['aku gak punya email, bisa tetep daftar ga?'],
  { all: [['bisa', 'tidak wajib', 'opsional', 'boleh', 'tanpa email', 'tidak perlu', 'dilewati']], none: ['tidak boleh ada spasi'] },
  'From the issue: no email is fine; email is optional.');
m('skip', 'id', ['gk punya npwp, wajib ga?'],
  { all: [['tidak wajib', 'tidak perlu', 'opsional', 'tidak diperlukan', 'bisa', 'tidak harus', 'tidak ada']] },
  'NPWP is not among the documents of any programme.');
m('skip', 'en', ['I don\'t have an email address, can I still apply?'],
  { all: [['email'], ['optional', 'not required', 'skip', 'without', 'can still', 'don\'t need', 'not necessary', 'yes']] },
  'English version of the email skip.');
m('skip', 'id', ['ga punya ijazah soalnya ilang kebakaran, bisa daftar?'],
  { all: [['ijazah'], ['legalisir', 'surat keterangan', 'sekolah', 'duplikat', 'pengganti', 'petugas', 'dinas']] },
  'Lost diploma: explain the replacement letter from the school, offer a person.');
m('skip', 'en', ['I don\'t have an SKCK (police certificate) yet, can I submit it later?'],
  { all: [['skck', 'police'], ['later', 'after', 'yes', 'submit', 'follow']] },
  'SKCK can usually follow later; where to get it. In English.');
m('skip', 'id', ['ga punya pas foto formal, pake selfie boleh ga?'],
  { all: [['foto']] },
  'Answers the photo question (what is acceptable).');
m('skip', 'en', ['I don\'t have a CV, is that a problem?'],
  { all: [['cv', 'resume']] },
  'CV is only required for the Germany programme; answer honestly in English.');
m('skip', 'id', ['nomor hp cuma satu, ga ada nomor darurat keluarga, gapapa?'],
  { all: [['gapapa', 'tidak apa', 'boleh', 'bisa', 'opsional', 'tidak wajib', 'tidak masalah']] },
  'An optional contact can be skipped.');
m('skip', 'id', ['mau daftar', 'ga usah ditanya2 dulu, aku cuma pengen liat daftar pelatihan di ambon'],
  { programmes: ['l10-ambon-las-kapal'] },
  'Skipping the questions and just browsing Ambon programmes.');
m('skip', 'id', ['mau magang kaigo jepang, syaratnya apa', 'kalau tinggi badan ga diisi gapapa?'],
  { all: [['tinggi', '150'], ['wajib', 'syarat', 'perlu', 'diperlukan', 'harus', 'tidak bisa dilewati']] },
  'A required eligibility question cannot be skipped: say so kindly (150 cm minimum).');
m('skip', 'en', ['I don\'t want to give my full address, only my city. Is that enough?'],
  { all: [['city', 'regency', 'district', 'enough', 'fine', 'okay', 'ok', 'yes']] },
  'Only the regency/city is needed for matching; in English.');
m('skip', 'id', ['aku belum punya paspor, bisa daftar magang jepang dulu?'],
  { all: [['paspor'], ['nanti', 'menyusul', 'setelah', 'lulus seleksi', 'belum perlu', 'bisa', 'dibantu', 'belakangan']] },
  'Passport can follow after selection in most routes.');
m('skip', 'id', ['kalo ga punya sertifikat bahasa jepang masih bisa daftar ssw?'],
  { all: [['jlpt', 'jft', 'n4', 'sertifikat bahasa', 'bahasa jepang']] },
  'SSW requires N4/JFT-Basic; the record says so. Explain and suggest the preparation.');
m('skip', 'en', ['skip the questions, just show me programs abroad'],
  { all: [['japan', 'germany']] },
  'English browse of overseas programmes without a profile.');
m('skip', 'id', ['aku ga punya whatsapp, cuma telegram ini. nanti dihubunginnya gimana?'],
  { all: [['telegram', 'chat ini', 'di sini', 'percakapan ini', 'lewat sini', 'telepon', 'sms']] },
  'No WhatsApp is fine; contact through this chat or phone.');

// ======================= tone =======================
m('tone', 'id', ['😭😭😭🙏'],
  { none: ['sama-sama', 'sama sama'], all: [['kenapa', 'ada apa', 'cerita', 'sedih', 'bantu', 'apa yang']], human: true },
  'From the issue: tears are not thanks. Empathy and a person.');
m('tone', 'id', ['bot bego, dari tadi ga ngerti2'],
  { none: ['halo juga'], all: [SORRY_ID, ['bantu', 'coba', 'petugas', 'tulis', 'ceritakan', 'jelaskan', 'ketik']] },
  'From the issue: an insult gets a calm apology and help.');
m('tone', 'id', ['hatur nuhun pisan a, tos kabantos pisan'],
  { all: [THANKS_ID], none: ['maaf, aku tidak', 'tidak mengerti'] },
  'Sundanese thanks ("hatur nuhun") get a warm "sama-sama".');
m('tone', 'id', ['matur nuwun sanget mbak'],
  { all: [THANKS_ID] },
  'Javanese thanks.');
m('tone', 'id', ['sakalangkong kak'],
  { all: [THANKS_ID] },
  'Madurese thanks ("sakalangkong").');
m('tone', 'id', ['tampiasih bih'],
  { all: [THANKS_ID] },
  'Sasak thanks ("tampiasih").');
m('tone', 'id', ['danke banyak e usi'],
  { all: [THANKS_ID] },
  'Ambon Malay thanks ("danke"); "usi" is an address for a woman.');
m('tone', 'id', ['makasi banyak kaka, su bantu beta'],
  { all: [THANKS_ID] },
  'Kupang Malay thanks.');
m('tone', 'en', ['lol this bot is kinda cute 😂'],
  { none: ['sorry', 'did not understand', 'didn\'t understand'], all: [['glad', 'haha', 'thank', 'help', '😄', '😊', '😂', 'happy']] },
  'Laughter in English: light answer, offer help.');
m('tone', 'id', ['aku capek banget, udah 2 tahun nganggur sejak di-PHK pabrik, rasanya ga berguna'],
  { none: ['sama-sama'], all: [['paham', 'mengerti', 'berat', 'maaf', 'tidak sendiri', 'wajar', 'sedih', 'turut']], human: true },
  'Laid-off worker in distress: empathy, a person, then help.');
m('tone', 'en', ['you\'re useless. I asked three times already'],
  { none: ['hello!', 'hi there'], all: [['sorry', 'apolog']] },
  'English insult: calm apology and help, in English.');
m('tone', 'id', ['assalamualaikum kak'],
  { all: [['waalaikumsalam', 'wa\'alaikumsalam', 'walaikumsalam', 'wa alaikum', 'waalaikum']] },
  'Islamic greeting answered with its reply.');
m('tone', 'id', ['sampurasun'],
  { all: [['rampes', 'halo', 'hai', 'selamat']], none: ['tidak ditemukan'] },
  'Sundanese greeting; not a programme search.');
m('tone', 'id', ['kak aku takut bgt, ortu marah aku mau ke jepang, aku nangis terus 😢'],
  { none: ['sama-sama'], all: [['orang tua', 'ortu', 'keluarga']], human: true },
  'Distress about parents: empathy, a person, no programme list.');
m('tone', 'en', ['thank you so much!! you helped a lot 🙏'],
  { all: [['welcome', 'glad', 'pleasure', 'happy']], none: ['sorry'] },
  'English thanks.');
m('tone', 'id', ['ada pelatihan las di ambon?', 'mantap, makasih bro 🔥'],
  { all: [THANKS_ID] },
  'Thanks after an answer.');
m('tone', 'id', ['wkwkwk iya deh kak'],
  { none: ['tidak ditemukan', 'sama-sama'] },
  'Laughter/agreement: not a search, not thanks.');

// ======================= language =======================
m('language', 'en', ['is there a dorm for the hotel training in Solo?'],
  { all: [['dorm', 'accommodation', 'housing', 'boarding']], none: ['asrama'] },
  'English follow-up about a dorm (the Solo room-attendant record has one); no Indonesian words in the reply.');
m('language', 'en', ['what is the age limit for the Germany nursing apprenticeship?'],
  { all: [['18'], ['28']] },
  'English question on age answered from the record.');
m('language', 'en', ['hi, I\'m looking for free vocational training in Bandung'],
  { all: [['bandung']] },
  'English on an Indonesian phone: reply in English.');
m('language', 'id', ['bro gimana cara daftar yang welding di cilacap, I\'m 20'],
  { all: [['daftar', 'apply']], lang: null },
  'Mixed message; either language is fine, but the registration question is answered.');
m('language', 'en', ['Hi', 'what documents do I need for the Japan caregiver program?'],
  { all: [['passport', 'id card', 'diploma', 'certificate', 'ktp', 'health']] },
  'English follow-up about documents.');
m('language', 'id', ['hello', 'eh pake bahasa indonesia aja ya kak, ada pelatihan di garut?'],
  { all: [['garut']] },
  'The person switches to Indonesian: reply in Indonesian.');
m('language', 'en', ['halo', 'sorry I don\'t speak Indonesian well, I\'m an exchange student from Australia in Solo. can foreigners join these courses?'],
  { all: [['indonesian', 'citizen', 'ktp', 'wni', 'nationality', 'id card']] },
  'English-only international student: English reply, honest answer.');
m('language', 'en', ['does the SSW restaurant program give any stipend during training?'],
  { all: [['stipend', 'allowance', 'pocket money', 'idr', 'rp']] },
  'English question on a programme detail (no stipend in the record; dorm and meals provided).');
m('language', 'en', ['what happens after I apply? will someone call me?'],
  { all: [['review', 'contact', 'call', 'message', 'notif', 'selection', 'hear']] },
  'English follow-up about the process.');
m('language', 'en', ['How do I check if an LPK is licensed?'],
  { all: [LICENSE_EN] },
  'English licence check.');
m('language', 'en', ['is BPJS covered during training?'],
  { all: [['bpjs'], ['insurance', 'cover', 'accident', 'protection', 'social security']] },
  'English BPJS question.');
m('language', 'id', ['mas, aku arep melu pelatihan listrik nang kediri, iso ora?'],
  { all: [['listrik']] },
  'Javanese: reply in Indonesian (not English), understand "listrik" and "kediri".');
m('language', 'id', ['punten a, abdi hoyong ngiring pelatihan di garut, aya naon wae?'],
  { programmes: ['l10-garut-kulit-sepatu'] },
  'Sundanese: "I want to join a training in Garut, what is there?" Garut programmes listed, reply in Indonesian.');
m('language', 'id', ['beta mau ikut pelatihan las di ambon, bisa ka seng?'],
  { programmes: ['l10-ambon-las-kapal'] },
  'Ambon Malay: "beta" = I, "seng" = not. The Ambon welding course, in Indonesian.');
m('language', 'id', ['beta su tamat SMA, umur 19, mau kursus komputer di kupang, ada ko sonde?'],
  { programmes: ['l10-kupang-tik-dasar'], none: AGEQ },
  'Kupang Malay: "su" = already, "sonde" = not. Age stated.');
m('language', 'id', ['engkok terro ngiring pelatihan montor e bangkalan'],
  { all: [['bangkalan', 'madura', 'otomotif', 'mobil', 'kendaraan']] },
  'Madurese: "I want to join a motor/car training in Bangkalan".');
m('language', 'en', ['can you answer in English please? what trainings are in Lombok?'],
  { all: [['lombok', 'mataram']] },
  'Asks for English explicitly; reply in English.');
m('language', 'id', ['aye mau nanya nih, pelatihan barista di jaktim masih buka kagak?'],
  { programmes: ['l10-jaktim-barista'], all: [['buka', 'dibuka', 'pendaftaran', 'daftar']] },
  'Betawi ("aye", "kagak"): barista in East Jakarta is open until 27 Dec 2026.');
m('language', 'en', ['my cousin says the Kediri sewing course has a dormitory, is that true? how much is the allowance?'],
  { all: [['dorm', 'accommodation', 'boarding', 'housing'], ['600', 'allowance', 'stipend']], none: ['asrama', 'uang saku'] },
  'Two English questions about one programme; no Indonesian field labels in the English reply.');

// ======================= alternatives =======================
m('alternatives', 'id', ['aku laki2 umur 20 di kabupaten kupang mau ikut tenun ikat'],
  { all: [['perempuan', 'wanita']], notProgrammes: ['l10-lombok-barat-menjahit', 'l10-tasik-bordir-2027'] },
  'The Kupang weaving course is women-only; explain, and do not offer other women-only courses on other islands.');
m('alternatives', 'id', ['aku cewe 17 th masih kelas 12 smk di kota bandung, mau pelatihan las'],
  { all: [['18', 'umur', 'usia']], notProgrammes: ['l10-ambon-las-kapal'] },
  'An SMK student under 18: the age reason is explained; no welding course on another island.');
m('alternatives', 'en', ['I\'m 31 and live in Tasikmalaya city, is there a motorbike repair course?'],
  { all: [['27']], programmes: ['l10-tasik-umkm-digital'], notProgrammes: ['l10-ambon-las-kapal', 'l10-bangkalan-otomotif-mobil'] },
  'Over the motorcycle course limit (27): offer what fits in Kota Tasikmalaya (online selling, 18–45), not Madura.');
m('alternatives', 'en', ['I\'m 35 from Mataram, finished SMA, any hotel training?'],
  { all: [['27']], programmes: ['l10-mataram-ecommerce-umkm'], notProgrammes: ['l10-solo-hotel-housekeeping'] },
  'Over 27 for the Mataram F&B course; the Mataram online-selling course (18–45) fits. Not Solo (another island).');
m('alternatives', 'id', ['saya buta warna parsial, 22 th, lulusan smk, di kota kediri, bisa ikut pelatihan listrik?'],
  { all: [['buta warna']], programmes: ['l10-kediri-servis-laptop'], notProgrammes: ['l10-ende-plts'] },
  'Colour blindness fails the electrical course; the laptop repair course in Kota Kediri fits; the Ende solar course also fails and is far.');
m('alternatives', 'id', ['aku di ende, 20 th, lulusan sma, ga bisa berenang, mau ikut pelatihan kapal wisata labuan bajo'],
  { all: [['berenang']], notProgrammes: ['l10-malteng-abk-perikanan', 'l10-lombok-tengah-pemandu-bahari'] },
  'Swimming is required; do not offer other swimming-required courses elsewhere.');
m('alternatives', 'id', ['aku ada tato kecil di tangan, mau magang manufaktur jepang yg di bekasi, bisa?'],
  { all: [['tato'], ['lain', 'alternatif', 'pilihan', 'dalam negeri', 'program', 'pelatihan']] },
  'Tattoo rule explained, alternatives offered.');
m('alternatives', 'en', ['I\'m a girl from Sampang, 18, my parents won\'t let me go abroad. What can I do near home?'],
  { notProgrammes: ['l10-depok-kaigo-jepang', 'l10-jerman-ausbildung-perawat', 'l10-jepang-ssw-restoran', 'l10-lombok-timur-pertanian-jepang'], all: [['madura', 'pamekasan', 'bangkalan', 'sumenep', 'east java', 'near']] },
  'Girl whose parents forbid going abroad: nothing overseas; Madura options.');
m('alternatives', 'id', ['aku lulusan smp umur 19 di kota ambon, mau magang jepang'],
  { all: [['sma']], programmes: ['l10-ambon-las-kapal'], notProgrammes: ['l10-depok-kaigo-jepang'] },
  'Japan routes need SMA; the Ambon welding course (SMP) fits at home.');
m('alternatives', 'id', ['aku 29 th lulusan sma di kota depok mau kaigo jepang'],
  { all: [['28']], programmes: ['l10-depok-caregiver-dalam-negeri'] },
  'Over 28 for Kaigo Japan; the domestic caregiver course in Depok (18–40) is the natural alternative.');
m('alternatives', 'id', ['ga ada yg cocok ya? aku 30 th lulusan sd di kab manggarai'],
  { programmes: ['l10-manggarai-kopi'] },
  'Someone who assumes nothing fits: the Manggarai coffee course accepts SD and 17–45.');
m('alternatives', 'id', ['aku perempuan 33 th di kota surakarta, mau pelatihan hotel'],
  { all: [['27']], programmes: ['l10-solo-batik-tulis'], notProgrammes: ['l10-mataram-perhotelan-fb'] },
  'Over 27 for the Solo hotel course; the Solo batik class (18–40) fits; no Lombok hotel course.');
m('alternatives', 'id', ['ada pelatihan las di garut?'],
  { all: [['garut']], notProgrammes: ['l10-ambon-las-kapal'] },
  'No welding in Garut; do not jump to Ambon.');
m('alternatives', 'en', ['No programs in Banyumas? I\'m 24, SMA graduate, live in Purwokerto'],
  { programmes: ['l10-banyumas-hidroponik'] },
  'Purwokerto is in Kabupaten Banyumas; the hydroponics course fits.');
m('alternatives', 'id', ['aku cowo 22 th lulusan smk di kota tasikmalaya, mau bordir'],
  { all: [['perempuan', 'wanita']], programmes: ['l10-tasik-otomotif-injeksi', 'l10-tasik-umkm-digital'] },
  'Embroidery is women-only; two courses in the same city fit him.');
m('alternatives', 'id', ['aku di kota ambon, 20 th, lulusan sma, pengen magang ke luar negeri tapi ortu ga izinin'],
  { programmes: ['l10-ambon-digital-marketing'], notProgrammes: ['l10-depok-kaigo-jepang', 'l10-jerman-ausbildung-perawat'] },
  'Parents forbid abroad: programmes in Ambon instead of overseas ones.');
m('alternatives', 'en', ['I failed the height requirement for the Bekasi Japan program (I\'m 155). I\'m 22, SMK graduate, live in Bekasi regency. Anything similar nearby?'],
  { programmes: ['l10-bekasi-operator-cnc'], notProgrammes: ['l10-lombok-timur-pertanian-jepang'] },
  'Same field (manufacturing) in the same regency: the CNC course.');

// ======================= apply =======================
m('apply', 'id', ['pelatihan barista jakarta timur', '[daftar 1]', '[setuju]', 'eh bentar, dokumennya apa aja yg perlu disiapin?'],
  { all: [['ktp'], ['kk', 'kartu keluarga', 'pas foto', 'foto']] },
  'Mid-application question answered from the programme\'s document list (KTP, KK, pas foto) without losing the form.');
m('apply', 'id', ['pelatihan las kapal ambon', '[daftar 1]', '[setuju]', 'kalau daftar sekarang mulainya kapan?'],
  { all: [['2027', 'januari', 'jan']] },
  'Start date 18 January 2027 from the record.');
m('apply', 'id', ['mau kirim pas foto buat lamaran, lewat sini bisa?', '[kirim foto]'],
  { all: [['foto']] },
  'A photo sent outside a form is acknowledged and explained, not ignored.');
m('apply', 'id', ['pelatihan sopir truk depok', '[daftar 1]', '[setuju]', 'balik ke pertanyaan sebelumnya dong, tadi salah jawab'],
  { all: [['kembali', 'sebelumnya', 'ulang', 'ubah', 'ganti', 'koreksi', 'pertanyaan', 'jawab']] },
  'Going back in a form.');
m('apply', 'id', ['aku mau daftar yg kaigo jepang', '[setuju]', 'berhenti dulu ya, nanti aku lanjut lagi'],
  { all: [['lanjut', 'nanti', 'kapan saja', 'tersimpan', 'simpan', 'kembali']] },
  'Pausing an application: it can be continued later.');
m('apply', 'en', ['electrical installation course in Kediri', '[daftar 1]', '[setuju]', 'is there any registration fee?'],
  { all: [['free', 'no fee', 'no cost', 'idr 0', 'rp 0', 'rp0', 'fee']] },
  'English fee question mid-form: free.');
m('apply', 'en', ['welding course in Cilacap', '[daftar 1]', '[setuju]', 'wait, is there a dorm?'],
  { all: [['dorm', 'accommodation', 'housing', 'boarding']] },
  'English mid-form question; honest answer (no dorm listed).');
m('apply', 'en', ['hotel training in Mataram', '[daftar 1]', '[setuju]', 'can I send my documents later?'],
  { all: [['later', 'after', 'continue', 'anytime', 'deadline', 'yes', 'any time']] },
  'English mid-form question about documents.');
m('apply', 'id', ['mau daftar pelatihan web daring jawa barat', '[setuju]', 'batal deh, ga jadi daftar'],
  { all: [['batal', 'dibatalkan', 'dihentikan', 'tidak jadi', 'oke', 'baik']] },
  'Cancelling an application is confirmed.');
m('apply', 'id', ['status lamaran aku gimana ya? udah daftar minggu lalu'],
  { all: [['belum ada', 'tidak ada', 'tidak menemukan', 'belum menemukan', 'tidak ditemukan', 'belum terdaftar', 'nomor lain', 'akun lain', 'belum punya']] },
  'A new person has no application here: say so honestly (maybe another account) and offer help.');
m('apply', 'id', ['pelatihan servis laptop kediri', '[daftar 1]', '[setuju]', 'kalau aku pakai kursi roda, tempatnya bisa diakses ga?'],
  { all: [['kursi roda', 'ramp', 'lantai dasar', 'aksesib', 'disabilitas']] },
  'Wheelchair user asks mid-form; the record\'s accommodations answer it.');
m('apply', 'en', ['caregiver training in Depok', '[daftar 1]', '[setuju]', 'sorry, how do I go back and change my answer?'],
  { all: [['back', 'change', 'edit', 'correct', 'fix', 'previous']] },
  'English: how to go back in a form.');
m('apply', 'id', ['tenun ikat kupang', '[daftar 1]', '[setuju]', 'kak yg mau ikut sebenernya mama aku, aku cuma bantu ketik. gapapa?'],
  { all: [['mama', 'ibu', 'beliau']] },
  'Someone typing for a parent: accepted; the data must be the mother\'s.');
m('apply', 'id', ['pelatihan hidroponik banyumas', '[daftar 1]', '[setuju]', 'ijazah aku masih ditahan sekolah krn nunggak, gimana?'],
  { all: [['ijazah'], ['surat keterangan', 'skl', 'sekolah', 'petugas', 'keterangan lulus', 'sd']] },
  'Diploma held by the school: alternatives (surat keterangan), a person.');
m('apply', 'en', ['digital marketing Ambon', '[daftar 1]', '[setuju]', '[kirim foto]', 'is that photo okay? it\'s my ID card'],
  { all: [['photo', 'id card', 'received', 'card', 'ktp']] },
  'Photo of the ID during an English application.');
m('apply', 'id', ['pelatihan pertanian jepang lombok', '[daftar 1]', '[setuju]', 'aku belum punya JLPT N4 tapi lagi les, bisa daftar dulu ga?'],
  { all: [['n4', 'jlpt', 'jft', 'bahasa jepang']] },
  'Mid-form language-level question: N4 is required for SSW; explain honestly.');

// ======================= human =======================
m('human', 'id', ['bisa ngobrol sama orang beneran ga?'], { human: true }, 'Asking for a person, casual.');
m('human', 'en', ['can I talk to a real person please'], { human: true }, 'English request for a person.');
m('human', 'id', ['sambungin ke cs dong kak'], { human: true }, 'Slang for customer service.');
m('human', 'id', ['saya orang tua calon peserta, mau telepon petugasnya langsung bisa?'],
  { human: true, all: [['petugas', 'staf', 'telepon', 'nomor', 'hubungi']] }, 'A parent wants to phone staff.');
m('human', 'id', ['punten, tiasa nyarios sareng petugas?'], { human: true }, 'Sundanese: "may I speak with an officer?"');
m('human', 'id', ['nyuwun sewu, kula badhe matur kaliyan petugas'], { human: true }, 'Krama Javanese: "excuse me, I would like to speak with an officer".');
m('human', 'en', ['is there a counselor I can speak with? I\'m deaf so chat only please'],
  { human: true, all: [['chat', 'text', 'message', 'writing', 'written']] }, 'Deaf person: a person via chat, not a phone call.');
m('human', 'id', ['aku mau komplain, ada LPK yg nahan ijazah aku'], { human: true, all: [['ijazah']] }, 'A complaint goes to a person.');
m('human', 'en', ['my situation is complicated, I was laid off from a garment factory in Bekasi and have a bank loan. who can advise me?'],
  { human: true }, 'Laid-off worker with debt: a person.');
m('human', 'id', ['beta mau bicara deng orang saja'], { human: true }, 'Ambon Malay: "I just want to talk with a person".');
m('human', 'id', ['aye mau ngomong ama orangnya langsung dah'], { human: true }, 'Betawi: wants a person.');
m('human', 'id', ['halo kak saya mau tanya ini saya sudah daftar kemarin tapi belum ada kabar terus saya bingung harus gimana apa bisa saya bicara sama petugasnya langsung titik terima kasih'],
  { human: true, none: ['sama-sama'] }, 'Voice-to-text run-on ending in "titik terima kasih": the request is for a person, not thanks.');
m('human', 'en', ['who do I contact if the bot can\'t answer?'], { human: true }, 'English: who to contact.');
m('human', 'id', ['kak tolong hubungin aku ke staf, aku tunanetra jadi susah pake tombol'], { human: true }, 'Blind applicant asks for staff; a text reply (not only buttons).');
m('human', 'id', ['engkok terro acaca ban oreng, bukan robot'], { human: true }, 'Madurese: "I want to talk with a person, not a robot".');
m('human', 'en', ['I was scammed by a fake agent last year. Before I apply again I want to talk to a staff member, not a bot'],
  { human: true }, 'Burned before: a person, in English.');

// ---------------------------------------------------------------
const moments = out.map((x, i) => Object.assign({ id: `${BATCH}-${String(i + 1).padStart(3, '0')}` }, x));
fs.writeFileSync(path.join(__dirname, 'moments.json'), JSON.stringify({ batch: BATCH, moments }, null, 2) + '\n');
const byCat = {}, byLang = {};
for (const x of moments) { byCat[x.category] = (byCat[x.category] || 0) + 1; byLang[x.lang] = (byLang[x.lang] || 0) + 1; }
console.log(`moments.json: ${moments.length} moments`, byCat, byLang);
