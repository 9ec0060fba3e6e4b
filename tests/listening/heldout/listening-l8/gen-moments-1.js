// Part 1 of the moments (question, worry, consent, facts). Written apart from the code.
const M = [];
const m = (lang, category, turns, expect, note) => M.push({ lang, category, turns, expect: Object.assign({ lang }, expect), note });
const CONSENT_ID = ['persetujuan'];
const CONSENT_EN = ['consent'];
const EN_LEAK = ['syarat', 'kamu ', 'tidak ', 'pelatihan'];
const LICENCE_ID = ['izin', 'resmi', 'terdaftar', 'lisensi', 'bp2mi', 'kemnaker', 'sip3mi', 'p3mi', 'cek', 'periksa'];
const LICENCE_EN = ['licen', 'registered', 'official', 'bp2mi', 'kemnaker', 'verify', 'check', 'permit'];

// ---------- question ----------
m('id', 'question', ['kak dokumen apa aja sih yg harus disiapin buat magang ke jepang?'],
  { all: [['ktp'], ['paspor', 'ijazah', 'kk', 'kartu keluarga', 'skck', 'surat sehat', 'medical']] }, 'documents for Japan magang');
m('id', 'question', ['bikin skck dimana ya? buat daftar magang luar negri'],
  { all: [['skck'], ['polisi', 'polres', 'polsek', 'polda', 'kepolisian', 'online', 'daring']] }, 'SKCK where');
m('id', 'question', ['pelatihan di blk itu bayar ga sih? aku ga punya duit sama sekali'],
  { all: [['gratis', 'tanpa biaya', 'tidak dipungut', 'tidak bayar', 'rp0', 'rp 0', 'tidak perlu membayar', 'tidak ada biaya']] }, 'costs: BLK is free');
m('id', 'question', ['magang teknisi otomotif bekasi uang sakunya brp kak'],
  { all: [['2.500.000', '2,5 juta', '2500000', '2.5 juta', '2,5jt', '2.5jt', '2 juta 500']] }, 'stipend from record');
m('id', 'question', ['yg ada asramanya di bali apa aja ya kak?'],
  { all: [['asrama']], programmes: ['l8-hotel-housekeeping-badung', 'l8-pramusaji-kapal-pesiar-buleleng'] }, 'asrama filter in Bali');
m('id', 'question', ['bpjs ketenagakerjaan itu apa sih? kalo magang dapet ga'],
  { all: [['bpjs'], ['kecelakaan', 'jaminan', 'perlindungan', 'asuransi', 'kematian']] }, 'BPJS explained');
m('id', 'question', ['magang tuh sebenernya apa sih, sama kerja beda ga?'],
  { all: [['magang'], ['belajar', 'pelatihan', 'latihan', 'bimbing', 'pengalaman', 'keterampilan']] }, 'what magang is');
m('id', 'question', ['kak aku suka drakor bgt 🥺 pengen kerja di korea. eps topik tuh apa sih?'],
  { all: [['eps'], ['ujian', 'tes', 'test', 'bahasa korea'], ['resmi', 'pemerintah', 'g to g', 'g2g', 'bp2mi']] }, 'K-drama fan, EPS-TOPIK');
m('id', 'question', ['IM Japan itu apa kak? beda ga sama lpk biasa?'],
  { all: [['im japan'], ['pemerintah', 'kemnaker', 'resmi', 'kementerian', 'g to g', 'g2g']] }, 'IM Japan route');
m('id', 'question', ['ssw sama titp bedanya apa ya? bingung aku'],
  { all: [['ssw', 'tokutei', 'berketerampilan', 'specified'], ['titp', 'magang', 'pemagangan']] }, 'SSW vs TITP');
m('id', 'question', ['abis daftar nanti gimana kak? bakal ditelpon ga?'],
  { all: [['dihubungi', 'hubungi', 'seleksi', 'ditinjau', 'diperiksa', 'review', 'verifikasi', 'kabar', 'status', 'notifikasi']] }, 'after applying');
m('id', 'question', ['punten, pelatihan roti di bogor teh aya uang sakuna teu?'],
  { all: [['300.000', '300 ribu', '300rb', '300000', 'rp300']], lang: 'id' }, 'Sundanese voice: stipend Bogor');
m('en', 'question', ['what documents do I need for the Japan internship?'],
  { all: [['ktp', 'id card', 'identity'], ['passport', 'diploma', 'certificate', 'police', 'health']], none: EN_LEAK }, 'documents EN');
m('en', 'question', ['is there a monthly allowance for the Karawang factory apprenticeship?'],
  { all: [['2,200,000', '2.200.000', '2.2 million', '2,2 juta', '2200000', 'idr 2.2']] }, 'stipend EN');
m('en', 'question', ['how does EPS-TOPIK work? my cousin went to Korea through it'],
  { all: [['eps'], ['korean', 'test', 'exam'], ['government', 'official', 'g to g', 'g2g', 'bp2mi']], none: EN_LEAK }, 'EPS-TOPIK EN');
m('en', 'question', ['what happens after I apply? how long until someone gets back to me'],
  { all: [['review', 'contact', 'hear', 'notif', 'status', 'select', 'reply', 'get back']], none: EN_LEAK }, 'after applying EN');
m('en', 'question', ['is the training free or do I have to pay something?'],
  { all: [['free', 'no fee', 'no cost', 'rp0', 'rp 0', "don't have to pay", 'do not have to pay', 'without charge']] }, 'cost EN');

// ---------- worry ----------
m('id', 'worry', ['ini aman ga kak? bukan penipuan kan? soalnya sepupu aku pernah ketipu lpk di cianjur'],
  { all: [LICENCE_ID], none: ['tidak ditemukan', 'tidak ada program yang cocok'] }, 'scam fear must not become a search');
m('id', 'worry', ['temen aku ketipu calo 15 juta katanya bisa berangkat ke jepang. skrg aku takut bgt daftar apa2'],
  { all: [LICENCE_ID, ['bayar', 'biaya', 'uang', 'calo', 'pungutan']], human: true }, 'scared after friend scammed by broker');
m('id', 'worry', ["ada yg minta aku transfer 3 juta buat 'biaya administrasi' magang korea, itu wajar ga?"],
  { all: [['jangan', 'tidak boleh', 'tidak wajar', 'waspada', 'hati-hati', 'penipuan', 'tidak dipungut']], human: true }, 'upfront fee request');
m('id', 'worry', ['emak gue kagak ngebolehin gue ke jepang bang, takut gue kenape2. gimana ya'],
  { all: [['orang tua', 'keluarga', 'ibu', 'emak'], ['aman', 'perlindungan', 'resmi', 'bicara', 'jelaskan', 'diskusi', 'ajak', 'ngobrol']] }, 'Betawi: parents worry');
m('id', 'worry', ['abdi sieun ah, bisi di jepang teu dibayar. kumaha atuh?'],
  { all: [['gaji', 'upah', 'dibayar', 'kontrak', 'hak'], ['resmi', 'perlindungan', 'bp2mi', 'lapor', 'aduan', 'kbri', 'pengaduan']] }, 'Sundanese: fear of unpaid wages');
m('id', 'worry', ['aku cewek, asrama magang hotel di badung campur cowok ga? takut aja sih'],
  { all: [['asrama'], ['perempuan', 'cewek', 'wanita', 'putri', 'terpisah', 'petugas', 'staf', 'penyelenggara', 'tanyakan']] }, 'safety of dorm for women');
m('id', 'worry', ['tiang takut ndeq bisa bahasa jepang, bisa tetap ikut ndeq?'],
  { all: [['bahasa jepang'], ['belajar', 'pelatihan', 'kursus', 'jlpt', 'n4', 'n5', 'diajarkan']] }, 'Sasak: no Japanese yet');
m('id', 'worry', ['kalo aku keluar di tengah pelatihan kena denda ga kak? takut ga kuat'],
  { all: [['denda', 'biaya', 'ganti rugi', 'kontrak', 'penyelenggara', 'ketentuan', 'gratis']] }, 'fear of penalty for quitting');
m('id', 'worry', ['lpk nya minta ijazah asli ditahan sampe aku pulang dari jepang, itu boleh ga sih?'],
  { all: [['asli', 'ijazah'], ['tidak boleh', 'jangan', 'tidak wajib', 'tidak wajar', 'waspada', 'fotokopi', 'salinan', 'laporkan']], human: true }, 'original diploma withheld');
m('id', 'worry', ['beta takut ditipu lai, dolo beta pung kaka su bayar ke calo tapi seng jadi berangkat'],
  { all: [LICENCE_ID], human: true }, 'Ambonese Malay: sibling scammed');
m('id', 'worry', ['nanti gaji di jepang dipotong banyak sama lpk ga? takut kerja capek2 duitnya abis'],
  { all: [['potong', 'potongan', 'biaya', 'gaji', 'kontrak'], LICENCE_ID.concat(['rincian', 'tertulis'])] }, 'salary deductions');
m('en', 'worry', ['is this legit? my friend paid an agent and never went to Japan'],
  { all: [LICENCE_EN], human: true, none: EN_LEAK }, 'scam fear EN');
m('en', 'worry', ['my parents think overseas apprenticeships are dangerous, how do I convince them?'],
  { all: [['parent', 'family'], ['safe', 'protect', 'official', 'licen', 'register', 'contract']], none: EN_LEAK }, 'parents EN');
m('en', 'worry', ['someone on instagram says they can get me into korea without the topik test for 20 million rupiah. real?'],
  { all: [['scam', 'fraud', "don't", 'do not', 'not legit', 'not allowed', 'careful', 'beware', 'suspicious', 'not possible'], ['topik', 'test', 'exam', 'eps', 'official']], human: true }, 'broker offer EN');
m('en', 'worry', ['what if the company in japan treats me badly? who do i contact'],
  { all: [['contact', 'report', 'complain', 'embassy', 'kbri', 'bp2mi', 'hotline']], none: EN_LEAK }, 'abuse abroad EN');
m('en', 'worry', ["i'm a girl and kinda scared to live in a dorm far from home. is it safe?"],
  { all: [['dorm', 'accommodation', 'housing'], ['safe', 'women', 'female', 'staff', 'organiser', 'organizer', 'ask', 'supervis']] }, 'dorm safety EN');

// ---------- consent ----------
m('id', 'consent', ['mau magang ke jepang syaratnya apa aja'],
  { all: [['umur', 'usia', 'tahun'], ['tinggi', 'ijazah', 'pendidikan', 'sma', 'tato', 'buta warna']], none: CONSENT_ID }, 'issue verbatim: requirements need no consent');
m('id', 'consent', ['mau magang ke jepang syaratnya apa aja', 'ga usah deh, kasih tau syaratnya aja dulu'],
  { all: [['umur', 'usia', 'tahun'], ['tinggi', 'ijazah', 'pendidikan', 'sma', 'tato', 'buta warna']], none: ['menu utama'] }, 'issue verbatim: refusing must not lose the question');
m('id', 'consent', ['umur 30 bisa ikut magang jepang ga?'],
  { all: [['27', '26', 'batas', 'maksimal', 'maks', 'belum bisa', 'tidak bisa', 'tidak memenuhi', 'melebihi']], none: CONSENT_ID.concat(['tanggal lahir']) }, 'age question answered from rules');
m('id', 'consent', ['lulusan smp bisa ikut pelatihan las di mataram?'],
  { all: [['bisa', 'boleh', 'memenuhi', 'smp']], programmes: ['l8-las-mataram'], none: CONSENT_ID }, 'education question answered from rules');
m('id', 'consent', ['magang perawat lansia kaigo jepang', '[daftar 1]', '[tolak]', 'syaratnya apa aja?'],
  { all: [['umur', 'usia', '27', '18'], ['tinggi', '150', 'tato', 'bahasa jepang', 'sma']] }, 'after [tolak], a question still answered');
m('id', 'consent', ['pelatihan menjahit untuk perempuan bandung', '[daftar 1]', '[tolak]'],
  { all: [['tidak disimpan', 'tidak menyimpan', 'tidak akan', 'tanpa', 'tetap bisa', 'masih bisa', 'kapan saja', 'kapan pun', 'kapanpun', 'nanti']], none: ['tanggal lahir', 'nama lengkap'] }, 'refusal respected');
m('id', 'consent', ['kenapa harus setuju dulu? data aku buat apa emang'],
  { all: [['data'], ['daftar', 'lamaran', 'pendaftaran', 'penyelenggara', 'simpan', 'disimpan', 'hapus']] }, 'why consent');
m('id', 'consent', ['syarat eps korea apa aja? jangan minta data dulu ya'],
  { all: [['umur', 'usia', '39', '18'], ['topik', 'bahasa korea', 'buta warna', 'tato', 'smp']], none: CONSENT_ID }, 'EPS requirements without data');
m('id', 'consent', ['bang syarat magang operator produksi karawang ape aje? gue kagak mau isi data dulu'],
  { all: [['umur', 'usia', '25', 'sma', 'smk', 'buta warna', 'pendidikan']], none: CONSENT_ID }, 'Betawi: requirements, no data');
m('id', 'consent', ['lulusan paket c bisa ga ikut magang jepang?'],
  { all: [['paket c', 'setara', 'sma'], ['bisa', 'boleh', 'diterima', 'memenuhi']], none: CONSENT_ID }, 'Paket C equivalence');
m('id', 'consent', ['magang perawat lansia kaigo jepang', '[daftar 1]', 'ga mau ah, tanya2 dulu aja. uang sakunya berapa?'],
  { all: [['750.000', '750 ribu', '750rb', '750000', 'rp750']], none: ['tanggal lahir', 'nama lengkap'] }, 'refusal in words + question');
m('en', 'consent', ['what are the requirements for the Japan caregiver program?'],
  { all: [['age', 'years old', '18', '27'], ['height', '150', 'tattoo', 'japanese', 'high school']], none: CONSENT_EN.concat(EN_LEAK) }, 'requirements EN');
m('en', 'consent', ['can a 30 year old join the Korea program?'],
  { all: [['39', 'eligible', 'within', 'age limit', 'up to', 'yes']], none: CONSENT_EN.concat(['date of birth']) }, 'age rule EN');
m('en', 'consent', ['car parts factory apprenticeship in japan', '[daftar 1]', '[tolak]', "ok but what's the minimum height?"],
  { all: [['160']] }, 'after refusal EN, question answered');
m('en', 'consent', ["i don't want to give my data yet, just tell me if the Badung hotel housekeeping program has a dorm"],
  { all: [['dorm', 'accommodation', 'housing', 'boarding']], none: CONSENT_EN }, 'dorm question without data EN');
m('en', 'consent', ['bridal make-up training for women east jakarta', '[daftar 1]', '[tolak]'],
  { all: [['not stored', "won't store", 'will not store', 'no data', 'still', 'anytime', 'any time', 'later', 'okay', 'no problem']], none: ['date of birth', 'full name'] }, 'refusal EN respected');

// ---------- facts ----------
m('id', 'facts', ['aku lulusan smk otomotif umur 23 cocoknya apa ya', '[setuju]'],
  { all: [['otomotif', 'mesin', 'bengkel']], none: ['tanggal lahir', 'berapa umur', 'umurmu berapa', 'usiamu'] }, 'issue verbatim: facts used, not re-asked');
m('id', 'facts', ['aku lulusan smk otomotif umur 23 di bekasi, ada magang ga'],
  { all: [['otomotif', 'bekasi']], programmes: ['l8-otomotif-bekasi'], none: ['berapa umur', 'umurmu berapa'] }, 'facts in one message');
m('id', 'facts', ['aku cewek, 19 thn, di lombok tengah. ada pelatihan apa?'],
  { all: [['lombok']], programmes: ['l8-tenun-songket-lombok-tengah'], none: ['kamu tinggal di mana', 'berapa umurmu', 'umurmu berapa', 'apa jenis kelaminmu', 'laki-laki atau perempuan'] }, 'Sasak girl facts');
m('id', 'facts', ['pelatihan tata rias pengantin untuk perempuan jakarta timur', '[daftar 1]', '[setuju]', 'aku udh 22 tahun lulusan sma, tinggal di jakarta timur'],
  { none: ['berapa umur', 'umurmu berapa', 'pendidikan terakhir', 'tinggal di mana', 'domisilimu'] }, 'facts mid-form not re-asked');
m('id', 'facts', ['saya santri, baru lulus MA tahun ini, umur 18, dari lebak. ada pelatihan pertanian?'],
  { all: [['lebak', 'pertanian']], programmes: ['l8-pertanian-santri-lebak'], none: ['berapa umur', 'umurmu berapa'] }, 'santri facts');
m('id', 'facts', ['tiang mahasiswi pariwisata di denpasar, umur 20. ada magang hotel?'],
  { all: [['hotel', 'perhotelan', 'housekeeping']], programmes: ['l8-hotel-housekeeping-badung'], none: ['berapa umur', 'umurmu berapa'] }, 'Balinese hospitality student');
m('id', 'facts', ['gue 25 taun, lulusan smk, tinggal di jakut. ade yg deket kagak?'],
  { all: [['jakarta utara', 'jakut', 'jakarta']], none: ['berapa umur', 'umurmu berapa', 'tinggal di mana'] }, 'Betawi facts');
m('id', 'facts', ['beta 21 taong, tamat sma, tinggal di ambon. ada pelatihan apa par beta?'],
  { all: [['ambon']], programmes: ['l8-listrik-ambon', 'l8-perikanan-ambon'], none: ['berapa umur', 'umurmu berapa', 'tinggal di mana'] }, 'Ambonese facts');
m('id', 'facts', ['aku bapak2 muda umur 26, anak satu, di tangerang. ada pelatihan yg sore?'],
  { all: [['sore', 'malam']], programmes: ['l8-teknisi-ac-tangerang'] }, 'young father: evening class');
m('id', 'facts', ['umur aku 17 masih sekolah kelas 12 di garut', 'ada yg bisa aku ikutin ga?'],
  { all: [['garut', 'jawa barat']], none: ['berapa umur', 'umurmu berapa', 'tinggal di mana'] }, 'facts carried to next turn');
m('id', 'facts', ['aku di sumbawa, 23 th', 'pelatihan pertanian ada?'],
  { programmes: ['l8-pertanian-sumbawa'], none: ['tinggal di mana', 'domisilimu di mana'] }, 'place carried');
m('en', 'facts', ["I'm 20, female, living in Bandung, finished high school. any sewing courses?"],
  { programmes: ['l8-menjahit-bandung'], none: ['how old', 'date of birth', 'where do you live'] }, 'facts EN');
m('en', 'facts', ["hi! I'm Putu, 22, from Gianyar, I did a D3 in hospitality. anything for me?"],
  { all: [['gianyar', 'bali', 'hotel', 'spa', 'hospitality', 'barista']], none: ['how old', 'date of birth', 'where do you live'] }, 'Balinese facts EN');
m('en', 'facts', ["I'm a 24 yo guy from Cilegon, vocational school, did welding", '[setuju]'],
  { programmes: ['l8-las-cilegon'], none: ['how old', 'date of birth', 'where do you live'] }, 'facts EN then consent');
m('en', 'facts', ["my name is Dimas, I'm 19 and I live in Depok", '[setuju]', 'what programs are there for me?'],
  { all: [['depok', 'west java', 'bogor', 'bekasi', 'jakarta']], none: ['how old', 'where do you live', 'date of birth', "what's your name", 'what is your name'] }, 'facts across turns EN');
m('en', 'facts', ["santri here lol, 18, from Serang. is there office admin training?"],
  { programmes: ['l8-admin-serang'], none: ['how old', 'where do you live'] }, 'santri EN');

module.exports = M;
