// Part 3 of the moments (alternatives, form, other). Written apart from the code.
const M = [];
const m = (lang, category, turns, expect, note) => M.push({ lang, category, turns, expect: Object.assign({ lang }, expect), note });
const EN_LEAK = ['syarat', 'kamu ', 'tidak ', 'pelatihan'];
const JP_FACTORY = 'magang pabrik komponen mobil di jepang';
const KAIGO = 'magang perawat lansia kaigo jepang';
const WOMEN_SEATS_ID = ['kursi khusus perempuan untukmu'];
const WOMEN_SEATS_EN = ["women's seats for you", 'seats reserved for you'];
const BAD_NUM_ID = ['tidak valid', 'masukkan angka', 'berupa angka', 'tidak dimengerti', 'format'];
const BAD_NUM_EN = ['invalid', 'not valid', 'enter a number', 'please type a number', 'format'];
const BAD_YN_ID = ['ya atau tidak', 'jawab ya', 'tidak dimengerti'];

// ---------- alternatives ----------
m('id', 'alternatives', ['abdi umur 28, ti garut. hoyong magang teknisi otomotif bekasi, tiasa?'],
  { all: [['24', 'batas', 'maksimal', 'belum memenuhi', 'tidak memenuhi', 'melebihi'], ['garut']], programmes: ['l8-kopi-garut'], none: WOMEN_SEATS_ID }, 'Sundanese 28 from Garut: refusal then near Garut');
m('id', 'alternatives', ['tiang umur 27, perempuan, di lombok tengah. mau ikut tenun songket bisa?'],
  { all: [['25', 'batas', 'maksimal', 'belum memenuhi', 'tidak memenuhi', 'melebihi'], ['lombok', 'ntb', 'nusa tenggara barat', 'mataram', 'sumbawa']], none: WOMEN_SEATS_ID }, 'issue: no women-seat line after refusal; alternatives in NTB');
m('id', 'alternatives', ['tinggi tiang 150, bisa ikut magang housekeeping hotel badung ga?'],
  { all: [['158'], ['bali', 'badung', 'denpasar', 'gianyar', 'buleleng']] }, 'Balinese: height refusal then Bali');
m('id', 'alternatives', ['beta umur 30, di ambon, mau ikut teknisi instalasi listrik'],
  { all: [['27', 'batas', 'maksimal', 'belum memenuhi', 'tidak memenuhi'], ['ambon', 'maluku', 'tual']], programmes: ['l8-perikanan-ambon'] }, 'Ambonese 30: alternatives in Maluku');
m('id', 'alternatives', ['aku 22 th di karawang, lulusan smk. tapi aku punya tato di lengan, bisa ga magang pabrik komponen mobil di jepang?'],
  { all: [['tato'], ['karawang', 'jawa barat']], programmes: ['l8-manufaktur-karawang'] }, 'tattoo refusal then Karawang');
m('id', 'alternatives', ['aku buta warna parsial, 20 thn di bekasi. bisa magang teknisi otomotif?'],
  { all: [['buta warna'], ['bekasi']], programmes: ['l8-forklift-bekasi'] }, 'colour-blind refusal then Bekasi');
m('id', 'alternatives', ['aku cuma lulusan sd, umur 20, di kota serang. ada pelatihan buat aku?'],
  { all: [['banten', 'lebak', 'pandeglang', 'serang']], notProgrammes: ['l8-admin-serang'] }, 'SD only: options in Banten, not the SMA one');
m('id', 'alternatives', ['aku cowok di gianyar, 21 th. pelatihan terapis spa bisa ga?'],
  { all: [['perempuan', 'wanita'], ['gianyar', 'bali', 'denpasar', 'badung']], notProgrammes: ['l8-spa-terapis-gianyar'], none: WOMEN_SEATS_ID }, 'man asks women-only');
m('id', 'alternatives', ['gue 27, lulusan sma, di jaktim. tata rias pengantin bisa gak? gue cowok sih'],
  { all: [['perempuan', 'wanita'], ['jakarta']], none: WOMEN_SEATS_ID }, 'Betawi man, women-only, Jakarta options');
m('id', 'alternatives', ['aku di pandeglang, umur 35, lulusan smp. ada yg bisa?'],
  { all: [['pandeglang', 'banten']], programmes: ['l8-tukang-bangunan-pandeglang'] }, 'age 35 Pandeglang');
m('id', 'alternatives', ['aku tinggal di bima, ga bisa ke mataram tiap hari. ada yg ada asrama atau online?'],
  { all: [['asrama', 'daring', 'online'], ['bima', 'sumbawa', 'ntb', 'nusa tenggara barat']] }, 'Bima: far from Mataram');
m('en', 'alternatives', ["I'm 29 and from Mataram, can I join the SMAW welding course?"],
  { all: [['26', 'age limit', 'maximum', 'not eligible', 'too old', 'over'], ['mataram', 'lombok', 'ntb', 'west nusa tenggara', 'sumbawa']], none: EN_LEAK }, 'EN: age refusal, NTB alternatives');
m('en', 'alternatives', ["I'm a guy from Gianyar, can I join the spa therapist training?"],
  { all: [['women', 'female'], ['gianyar', 'bali', 'denpasar', 'badung']], none: WOMEN_SEATS_EN.concat(EN_LEAK) }, 'EN: women-only refusal');
m('en', 'alternatives', ['I live in Tual, the Ambon electrical course is too far. anything closer?'],
  { all: [['tual']], programmes: ['l8-mesin-kapal-tual'] }, 'EN: closer option');
m('en', 'alternatives', ["I'm 40, from Lebak. too old for everything?"],
  { all: [['lebak', 'banten']], programmes: ['l8-pertanian-santri-lebak'] }, 'EN: age 40 Lebak');
m('en', 'alternatives', ['I only finished junior high and I live in Tangerang. what can I join?'],
  { all: [['tangerang', 'banten']], programmes: ['l8-teknisi-ac-tangerang'] }, 'EN: SMP in Tangerang');

// ---------- form ----------
m('id', 'form', [JP_FACTORY, '[daftar 1]', '[setuju]', 'tinggi 170an'],
  { none: ['jawabanmu 17 ', 'jawabanmu 17,', 'jawabanmu 17.', '17 cm'].concat(BAD_NUM_ID) }, 'issue verbatim: 170an');
m('id', 'form', [KAIGO, '[daftar 1]', '[setuju]', 'tingginya seratus enam puluh'],
  { none: BAD_NUM_ID }, 'number in words');
m('id', 'form', [JP_FACTORY, '[daftar 1]', '[setuju]', 'tinggi aku seratus lima puluh dua'],
  { none: BAD_NUM_ID }, 'number in words (152, under 160)');
m('id', 'form', [JP_FACTORY, '[daftar 1]', '[setuju]', 'tinggiku 1,70 m'],
  { none: ['jawabanmu 1 ', 'jawabanmu 1,', 'jawabanmu 2 ', '1 cm', '2 cm'].concat(BAD_NUM_ID) }, 'metres with comma');
m('id', 'form', ['magang teknisi otomotif bekasi', '[daftar 1]', '[setuju]', 'lahir 3 januari 2004'],
  { none: BAD_NUM_ID }, 'date with month in words');
m('id', 'form', [KAIGO, '[daftar 1]', '[setuju]', 'lahirnya tanggal dua belas maret dua ribu lima'],
  { none: BAD_NUM_ID.concat(['contoh:']) }, 'date fully in words');
m('id', 'form', [KAIGO, '[daftar 1]', '[setuju]', 'umurku 24 thn'],
  { none: ['tidak valid', 'tidak dimengerti', 'jawabanmu 2 '] }, '24 thn');
m('id', 'form', [JP_FACTORY, '[daftar 1]', '[setuju]', 'tato ga ada kak'],
  { none: BAD_YN_ID }, 'yes/no in words');
m('id', 'form', [JP_FACTORY, '[daftar 1]', '[setuju]', 'buta warna? alhamdulillah engga'],
  { none: BAD_YN_ID }, 'yes/no in words');
m('id', 'form', ['magang caregiver perempuan di taiwan', '[daftar 1]', '[setuju]', 'seng ada tato'],
  { none: BAD_YN_ID }, 'Ambonese no');
m('id', 'form', [KAIGO, '[daftar 1]', '[setuju]', 'nomer hp 0812 3456 7890'],
  { none: ['tidak valid', 'spasi', 'tidak dimengerti'] }, 'phone with spaces');
m('id', 'form', ['pelatihan dan sertifikasi las cilegon', '[daftar 1]', '[setuju]', 'no wa +62 812-3456-7890'],
  { none: ['tidak valid', 'tidak dimengerti'] }, 'phone with +62 and dashes');
m('en', 'form', ['car parts factory apprenticeship in japan', '[daftar 1]', '[setuju]', "I'm about 170ish cm"],
  { none: ['your answer 17 ', '17 cm'].concat(BAD_NUM_EN) }, '170ish EN');
m('en', 'form', ['elderly-care kaigo apprenticeship in japan', '[daftar 1]', '[setuju]', 'born on the fifth of May 2004'],
  { none: BAD_NUM_EN }, 'date in words EN');
m('en', 'form', ['elderly-care kaigo apprenticeship in japan', '[daftar 1]', '[setuju]', 'height: one hundred sixty five'],
  { none: BAD_NUM_EN }, 'number in words EN');
m('en', 'form', ['caregiver apprenticeship for women in taiwan', '[daftar 1]', '[setuju]', 'nope, no tattoos'],
  { none: ['yes or no', "didn't understand"] }, 'yes/no EN');

// ---------- other ----------
m('id', 'other', ['saya tunanetra pakai screen reader. ada pelatihan yang ramah disabilitas netra?'],
  { all: [['netra', 'disabilitas', 'aksesib', 'screen reader', 'pembaca layar']], programmes: ['l8-digital-marketing-netra-daring'] }, 'blind applicant');
m('id', 'other', ['tombolnya ga kebaca di screen reader saya, bisa saya ketik aja ga jawabannya?'],
  { all: [['ketik', 'tulis', 'teks', 'bisa']] }, 'blind applicant: typing instead of buttons');
m('en', 'other', ["I'm blind and use a screen reader. Can I apply by typing instead of tapping buttons?"],
  { all: [['type', 'typing', 'text', 'write']], none: EN_LEAK }, 'blind applicant EN');
m('id', 'other', ['[menu]'],
  { all: [['cari', 'program', 'profil', 'daftar']] }, 'menu button');
m('id', 'other', ['[kirim foto]'],
  { all: [['foto', 'gambar', 'dokumen', 'berkas']] }, 'photo out of context');
m('id', 'other', ['hapus data aku dong'],
  { all: [['hapus', 'dihapus']] }, 'delete data');
m('id', 'other', ['aku mau ngomong sama orang aja, bukan bot'],
  { all: [['petugas', 'staf', 'tim', 'admin', 'orang']], human: true }, 'ask for human');
m('en', 'other', ['can I talk to a real person?'],
  { all: [['staff', 'team', 'person', 'human', 'someone']], human: true, none: EN_LEAK }, 'ask for human EN');
m('id', 'other', ['kak gaji di jepang dipotong pajak berapa persen?'],
  { all: [['petugas', 'staf', 'tim', 'belum tahu', 'tidak tahu', 'belum punya', 'belum bisa', 'tanyakan', 'teruskan']], human: true }, 'unanswered question, honest + person');
m('en', 'other', ['how is the weather in Tokyo in April?'],
  { all: [["not sure", "don't know", "can't", 'cannot', 'help with', 'training', 'program']] }, 'off-topic EN');
m('id', 'other', ['aku ayah muda, istri kerja. kelasnya boleh bawa anak ga?'],
  { all: [['anak'], ['petugas', 'staf', 'tim', 'penyelenggara', 'tanyakan', 'sore', 'jadwal']], human: true }, 'young father: child in class');
m('id', 'other', ['saya masih mondok, jadwal pelatihan bentrok sama ngaji ga? ada kelas online?'],
  { all: [['daring', 'online', 'jadwal', 'ngaji', 'pesantren']] }, 'santri schedule');
m('id', 'other', ['di maluku ada yang online ka seng?'],
  { all: [['daring', 'online']] }, 'Ambonese: online');
m('en', 'other', ["what's the status of my application?"],
  { all: [['no application', "haven't applied", 'not applied', 'no applications', "don't have", 'not found', 'none yet', 'yet']], none: EN_LEAK }, 'status with no application EN');
m('id', 'other', ['aku pake kursi roda, pelatihan administrasi perkantoran di serang aksesibel ga?'],
  { all: [['kursi roda', 'ramp', 'aksesib', 'ramah', 'disabilitas']], programmes: ['l8-admin-serang'] }, 'wheelchair user');
m('id', 'other', ['lupa aku udah daftar apa aja ya'],
  { all: [['belum ada', 'belum mendaftar', 'belum pernah', 'tidak ada', 'belum punya']] }, 'no applications yet');

module.exports = M;
