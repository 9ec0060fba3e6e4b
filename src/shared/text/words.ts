/**
 * Ordinary words. Typo correction never touches them ("magang" must not become Malang, "sekarang"
 * Semarang, "tuhan" Tuban), and the ones in STOPWORDS never become search keywords.
 *
 * The near-collisions with place names were found by checking every place-name token against an
 * Indonesian frequency list (OpenSubtitles via OPUS, as packaged by zxcvbn-ts, ODC-BY); the list
 * itself is not shipped.
 */

/** Words that carry no meaning for a programme search. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `ada adakah adalah adanya adapun agak agar aja ajah akan aku akulah amat anda antara apa apaan apakah
  apalagi asal atas atau ataupun ayo ayok bagaimana bagaimanakah bagi bahwa baik banget banyak bapak
  baru bawah beberapa begini begitu belum benar berapa bersama betul bisa bisakah biasa biasanya bila
  boleh bolehkah buat bukan cari carikan cara cuma cuman dah dalam dan dapat dapet dari daripada
  deh demi dengan di dia diri disini disana dimana dong dulu emang entah gimana guna hal halo hanya harus
  hehe hai hi ia ialah ibu ikut ingin ini inikah itu itulah iya jadi jika jikalau juga kah kak kakak kalau
  kali kalian kami kamu kan kapan karena ke kenapa kepada kira kita kok kuy lagi lah lain lainnya lalu
  loh lho mana mana aja mau maupun memang mencari mengapa menjadi mereka minta misal mohon mungkin nah
  nanti nih nya oh oke ok pada padahal para per perlu pernah pula pun punya saat saja sajalah sama
  sambil sampai sana sangat saya se sebagai sebelum sedang sedikit segala sehingga sejak sekali sekarang
  selain semua sendiri seperti sesuatu setelah siapa sih sini soal sudah supaya tadi tahu tapi tau
  telah tentang terus tetapi tidak tolong untuk wah yang ya yah yuk info informasi tanya nanya pengen
  pingin mohon bantu kasih dapat bisa ingin cek lihat liat tampilkan kasih tahu beri ajak butuh perlu
  program kegiatan kesempatan lowongan apa saja apa aja mana saja daftar terima kasih makasih
  the a an is are am be to of for in on at and or any there this that it what which where how can could
  do does i me my you your we please pls plz thanks thank hello hi hey want need looking find about one new
  programs program open some get more with people person
  lewat melalui via jalur lulusan lulus tamat tamatan teman pengguna bidang peserta jurusan depan belakang suka
  anak negeri kuliah kelas perempuan laki-laki wanita orang kota daerah wilayah tempat yg khusus kemarin pt cv ramah
  pakai pake memakai menggunakan
  mahasiswa mahasiswi pelajar siswa pekerjaan dekat`
    .split(/\s+/)
    .filter(Boolean),
);

const ORDINARY = `
abang acara ada adik agama ahli air ajar akhir akun alam alamat alasan alat aman ambil anak anggota angka
antar apel api arah arti asli atur awal ayah badan bagai bagian bagus bahan bahasa baju balik bangun
bantu bantuan banyak barang baru basah batas batal bawa bayar beda bekas bekerja belajar beli belum benar
benda berangkat berapa berarti berat beres beri berita berubah besar besok betul biar biasa biaya bicara
bidang bikin bilang bingung bisnis bocor bola boleh bonus buat budaya buka bukti bulan bulanan bunga buruh
cabang cakap calon cantik capek cara cepat cerita cetak cinta cocok contoh cuaca cuci cukup cuti daerah
daftar dalam dapat darah dasar data datang dekat depan desa dewasa diam dikit dinas diri dokter dokumen
duduk dulu dunia dusun ekonomi emas enak enam gagal gaji ganti gedung gelar gampang gelap gratis guru
gunung habis hadir hak hal halaman hamil hampir hancur harap harga hari harus hasil hati hebat hidup hilang
hitung hubungi hujan hukum hutan ibu ijazah ikan ikut ilmu indah informasi ingat ingin instansi isi istri
izin jadwal jalan jalur jam jangan jarak jasa jauh jawab jelas jenis jual juga juara juta kabar kabari
kaki kali kalian kamar kampung kampus kantor kapan karya kasih kata kawan kaya kebun kecil keluarga
keluar kemarin kembali kenal kepala kerja kerjaan kesehatan ketua khusus kirim kita kosong kota kuat
kuliah kurang lahir lain lalu lama lambat lampu lanjut lapar laporan lebih lengkap lewat libur lihat
lokasi lomba lowongan lulus lulusan lupa maaf main makan makanan malam mampu mandiri masalah masih masuk
mati mau mahal masak masuk materi mudah muda mulai murah nama nanti negara negeri nikah nilai nomor
nyata orang padat paham pagi pakai paket pantai pasti pekerja pekerjaan pelajar penting perlu pergi
perusahaan pesan pilih pindah pintar pulang punya pusat putus rajin ramah rambut rasa ratus remaja rendah
resmi ribu ringan rumah rusak sabar sakit salah sama sampai sana satu sayang sebentar sedang sehat
sekolah selesai semangat sempat senang sepi sering serius siang siap siapa sibuk sedikit soal sore
suami suka sulit surat susah syarat tahun takut tamat tambah tanggal tanpa tanya tempat tengah tepat
terima tetap tiap tiba tidur tiga tinggal tinggi tolong tua tuhan tujuan tukang tulis tunggu turun uang
ujian umum umur usaha usia utama waktu warga wanita yakin
pelatihan latihan magang pemagangan sertifikasi sertifikat kursus kelas training program beasiswa
lamaran pendaftaran daftar mendaftar melamar seleksi pengumuman syarat persyaratan jurusan kejuruan
keahlian kompetensi keterampilan pengalaman peserta penempatan berangkat luar dalam negeri
jepang korea taiwan jerman australia malaysia singapura arab saudi qatar inggris belanda turki
perempuan laki cewek cowok pria
asrama makan transport sertifikat bpjs seragam penginapan mess konsumsi
gabut mager baper santuy kepo gaje alay galau bucin receh gemoy ngab anjay mantul cuy sob bestie bosen bosan
utara selatan barat timur tengah tenggara raya jaya daya besar kepulauan pulau sungai gunung teluk laut tanah
`;

/** Ordinary words that sit one typo from a place name (found against the frequency list). */
const NEAR_PLACE_NAMES = `
benar sekarang sedang seorang lihat selama senang tuhan tidur sayang sulit kabar kamar barang sering
pesan darah dasar kapan kenal bukti bantu berat kurang kawan merah utama bunga benda udara bangga daftar
pacar penasaran pelan langkah pandai pedang rekan pantai mulut lawan telur kendali sudut pelajaran batas
tanggung binatang nakal sumber pasar samping tukang tarik tahanan damai bekas badai barry bakat perawatan
peran peralatan pasang pulih bandara pasir bayangan bangsa langka matang lebar lahan kelinci renang
bangsawan meraih demam jaket sekadar bagai kurus lajang tebal beras magang sarang tepuk sejam tambang
penawaran lebah ladang tegas bocor kuasa pirang pisang memuji lalat kaleng pamer asuhan island bantal
menanti jagung kuantar lemak detak banding sosok sinting berbau pucat selam pelayanan meriam bangku semut
roman megan sumur batal tumor tawanan landas balap banjir sembarang suram letak instan layang sutra
lembaga bunda pemasaran banteng rawat kanak bayang pangkat selang bambu gulung biara tabrakan lebat
bakalan lobak bingo bagikan pemerasan kepuasan bangkai rohan karan pakar damar pesat kupon lambung lenny
penuhi arahan serum kunang tegar dubai kapas telak beton serat dadar pincang kental surut kidal tanam
kenyal seruan kendall puncaknya kanal barak buron ledak kenari merias irisan pasaran batangan tampang
singkatan menggapai empati simba tarikan balau pisah lahap pelacakan kubus burton mandir bincang marcos
tatanan salut tilang pelayaran kepunahan senam tudung mondar kendala pantang maling jabat irina rawan
bundar kendarai bagel beradu larang maura buket ulung marks pundak pasangkan siksa jalar tabah pulas
mauku negan belatung ngantuk berak lebam lapas puyuh tuang rowan bayam sokka palang isian barel laras
bagan ronan pekat pusar serbu maris sajang serak menggarap mariah teguk katara lapang tegap siram
kepulangan pakan pekarangan bilangan besan pengantaran pemagang bongkahan kuping teruk sumbu mandor
kepalsuan jambu kanna button median sedan berau bersama kendaraan selamat semangat pesanan berantai tegak
lambang kukus banggakan pemekaran batak simpang malaya tumenggung kendati persawahan kemiri melati melaka medang
sinai pahang irwan medal bengali sanggar pencak banjarsari sambal basel samaria parang paper sindang mayang
pelafalan talmud sawang betung bangko irfan malawi landai bakung bantalan pedalaman
`;

/** Ordinary words one typo from a domain word ("pesawat" / "perawat", "bahaya" / "bahasa"), same method. */
const NEAR_DOMAIN_WORDS = `
berada betapa pesawat daging bahaya bahas halus diana jamin justin hadirin perawan manny berapi korek kapak booth
kasim kasir moore berupa grafik dering boone bahama korra munna batuan berasa pemasangan periklanan aarti mooney
administratif korem kanaan komuter kannada syariat wedding linkin bahawa syaraf pertanyaan pernikahan permainan
perhatian kerajaan kompetisi pemakaman perbuatan mengantar perjanjian pemandangan keyakinan perayaan pengawasan
bagaikan pertanda perdagangan pelabuhan pembayaran pelarian perlawanan pemanasan kewajiban pegangan kompeten
informan peradaban pembuangan pembakaran keracunan pemahaman pengeluaran perapian sebelahnya pengejaran kelainan
pergantian kebajikan pengenalan kepanikan mendasar pemadaman sebetulnya penggelapan perabotan peragaan pemesanan
pemisahan peregangan pengumpulan pertikaian pemakaian kontraksi pemasukan pemutaran perbankan informal pengelana
penayangan pengukuran pengolahan pelantikan penguburan peralihan penekanan pertamina pelarangan pengesahan
perakitan penalaran pemugaran perkalian perekaman pewayangan peranakan peradangan pertapaan korban pelatih austria
dimasa
`;

/** Common English words, for mixed messages ("training welding in surabaya"). */
const ENGLISH = `
about after again also apply application available back because before best better both bring call
can cancel change check class come company contact course data day delete details done each east
english every experience find first free from full get give good great have help here home hour
house job jobs just keep know language last learn like list live location look make many menu money
more most much name near need new next night north number offer office only open other over paid part
people place please price program provide question ready really register same school second see send
should show skill skills some south start status still stop study such take tell than thanks that
their them then there these they thing think this time today training true try under until update
very wait want week well west what when where which while who why will with without work would year
yes you young your
`;

const COMMON: ReadonlySet<string> = new Set(
  [...STOPWORDS, ...`${ORDINARY} ${NEAR_PLACE_NAMES} ${NEAR_DOMAIN_WORDS} ${ENGLISH}`.split(/\s+/)].filter(
    Boolean,
  ),
);

export function isCommonWord(token: string): boolean {
  return COMMON.has(token);
}

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}
