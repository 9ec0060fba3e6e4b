// Generates catalogue.json for batch l9 (written apart from the code).
const fs = require('fs');
const B = 'l9';
const out = [];
function P(o) {
  const p = {
    slug: `${B}-${o.s}`,
    kind: o.kind || 'pelatihan',
    title: { id: o.t[0], en: o.t[1] },
    summary: { id: o.sum[0], en: o.sum[1] },
    field: o.field,
    tags: o.tags || [],
    provider: { name: o.prov[0], type: o.prov[1], contact: o.prov[2] || 'wa.me/6281200000000' },
    location: Object.assign({ province: o.loc[0], regency: o.loc[1], venue: o.loc[2] || null, mode: o.mode || 'luring' }),
  };
  if (o.country) p.destination_country = o.country;
  p.dates = {
    registration_opens: o.opens || '2026-12-01',
    registration_closes: o.closes,
    starts: o.starts, ends: o.ends,
  };
  if (o.note) p.dates.schedule_note = { id: o.note[0], en: o.note[1] };
  p.seats = o.seats;
  p.costs = Object.assign({ fee_idr: 0, stipend_idr: 0 }, o.costs || {});
  if (p.costs.stipend_idr > 0 && !p.costs.stipend_period) p.costs.stipend_period = 'bulan';
  p.benefits = o.ben || ['sertifikat_kompetensi'];
  p.inclusion = o.inc ? { disability_friendly: true, accommodations: { id: o.inc[0], en: o.inc[1] } } : { disability_friendly: false };
  p.eligibility = o.el || {};
  p.application = { mode: o.ext ? 'external' : 'in_chat', url: o.ext || null, documents: o.docs || ['ktp', 'ijazah', 'pas_foto'], organisation: 'heldout-org' };
  p.sources = [o.src || 'https://example.org/heldout/l9'];
  p.verified_at = '2026-11-25';
  p.status = 'open';
  if (p.location.mode === 'daring') { p.location.venue = null; }
  out.push(p);
}
const Q = {
  buta: { id: 'buta_warna', ask: { id: 'Apakah kamu buta warna (total atau parsial)?', en: 'Are you colour blind (total or partial)?' }, type: 'yes_no', require: false,
    explain: { id: 'Program ini mensyaratkan tidak buta warna.', en: 'This programme requires no colour blindness.' } },
  tato: { id: 'tato', ask: { id: 'Apakah kamu memiliki tato atau tindik (selain anting untuk perempuan)?', en: 'Do you have a tattoo or piercing (other than earrings for women)?' }, type: 'yes_no', require: false,
    explain: { id: 'Program ini mensyaratkan tidak bertato dan tidak bertindik.', en: 'This programme requires no tattoos or piercings.' } },
  tinggi: (min) => ({ id: 'tinggi_cm', ask: { id: 'Berapa tinggi badanmu (cm)?', en: 'How tall are you (cm)?' }, type: 'number', require: { min },
    explain: { id: `Tinggi badan minimal ${min} cm.`, en: `Minimum height ${min} cm.` } }),
  pengalaman: (min, what) => ({ id: 'pengalaman_tahun', ask: { id: `Berapa tahun pengalaman kerjamu di bidang ${what[0]}?`, en: `How many years of work experience do you have in ${what[1]}?` }, type: 'number', require: { min },
    explain: { id: `Minimal ${min} tahun pengalaman di bidang ${what[0]}.`, en: `At least ${min} year(s) of experience in ${what[1]}.` } }),
  jlpt: { id: 'jlpt', ask: { id: 'Level bahasa Jepangmu?', en: 'Your Japanese level?' }, type: 'choice', options: ['belum', 'N5', 'N4', 'N3'], require: { in: ['N4', 'N3'] },
    explain: { id: 'Minimal JLPT N4 (atau JFT-Basic A2).', en: 'At least JLPT N4 (or JFT-Basic A2).' } },
  sim: { id: 'sim', ask: { id: 'Apakah kamu punya SIM (A, B1, atau C) yang masih berlaku?', en: 'Do you hold a valid driving licence (SIM A, B1 or C)?' }, type: 'yes_no', require: true,
    explain: { id: 'Peserta wajib memiliki SIM yang masih berlaku.', en: 'Participants must hold a valid driving licence (SIM).' } },
  laptop: { id: 'laptop', ask: { id: 'Apakah kamu punya laptop atau komputer untuk belajar?', en: 'Do you have a laptop or computer to study with?' }, type: 'yes_no', require: true,
    explain: { id: 'Kelas daring ini membutuhkan laptop/komputer sendiri.', en: 'This online class needs your own laptop or computer.' } },
  renang: { id: 'bisa_berenang', ask: { id: 'Apakah kamu bisa berenang?', en: 'Can you swim?' }, type: 'yes_no', require: true,
    explain: { id: 'Peserta wajib bisa berenang (kerja di atas kapal/pantai).', en: 'Participants must be able to swim.' } },
  topik: { id: 'eps_topik', ask: { id: 'Apakah kamu sudah lulus EPS-TOPIK?', en: 'Have you passed the EPS-TOPIK test?' }, type: 'yes_no', require: true,
    explain: { id: 'Wajib lulus EPS-TOPIK sebelum mendaftar.', en: 'You must have passed EPS-TOPIK before applying.' } },
};
const PAPUA = ['91', '92', '93', '94', '95', '96'];

P({ s: 'las-smaw-medan', t: ['Pelatihan Juru Las SMAW 3G BPVP Medan', 'SMAW 3G welder training at BPVP Medan'],
  sum: ['Pelatihan las listrik posisi 3G selama 2 bulan, gratis, dengan uang saku dan asrama.', 'Two-month 3G stick-welding course, free, with an allowance and dormitory.'],
  field: 'las', tags: ['las', 'smaw'], prov: ['BPVP Medan', 'BPVP'], loc: ['12', '12.71', 'Jl. Gatot Subroto, Medan'],
  closes: '2027-01-20', starts: '2027-02-03', ends: '2027-04-03', seats: { total: 32 },
  costs: { stipend_idr: 900000 }, ben: ['sertifikat_kompetensi', 'uang_saku', 'asrama', 'makan'],
  el: { age: { min: 18, max: 35, at: 'registration_closes' }, education: { min: 'SMP' }, domicile: ['12'], questions: [Q.buta] } });
P({ s: 'otomotif-motor-padang', t: ['Servis Sepeda Motor Injeksi BLK Padang', 'Fuel-injection motorcycle servicing at BLK Padang'],
  sum: ['Pelatihan mekanik sepeda motor injeksi, gratis untuk warga Sumatera Barat.', 'Fuel-injection motorcycle mechanic course, free for West Sumatra residents.'],
  field: 'otomotif', tags: ['motor', 'bengkel'], prov: ['UPTD BLK Padang', 'BLK'], loc: ['13', '13.71', 'Jl. Raya Padang-Indarung, Padang'],
  closes: '2027-01-15', starts: '2027-02-01', ends: '2027-03-26', seats: { total: 16, women: 4 },
  costs: { stipend_idr: 600000 }, ben: ['sertifikat_kompetensi', 'uang_saku', 'makan'],
  el: { age: { min: 17, max: 30, at: 'registration_closes' }, education: { min: 'SMP' }, domicile: ['13'], status: ['tidak_bekerja', 'lulusan_baru'], preferred: ['status'] } });
P({ s: 'kuliner-minang-bukittinggi', t: ['Tata Boga Masakan Minang Bukittinggi', 'Minang cuisine cooking course in Bukittinggi'],
  sum: ['Memasak rendang, gulai dan kue tradisional Minang untuk usaha kuliner; kelas sore tersedia.', 'Cooking rendang, gulai and Minang cakes for a food business; evening classes available.'],
  field: 'tata_boga', tags: ['kuliner', 'rendang', 'minang'], prov: ['LPK Rang Minang Saiyo', 'LPK'], loc: ['13', '13.75', 'Jl. Sudirman, Bukittinggi'],
  closes: '2027-02-10', starts: '2027-02-22', ends: '2027-04-02', note: ['Kelas sore tersedia untuk peserta yang bekerja atau mengasuh anak', 'Evening classes for people who work or care for children'],
  seats: { total: 20, women: 12 }, costs: { stipend_idr: 0 }, ben: ['sertifikat_kompetensi', 'makan'],
  el: { age: { min: 17, max: 45, at: 'registration_closes' }, education: { min: 'SD' } } });
P({ s: 'bordir-kerancang-agam', t: ['Bordir Kerancang khusus Perempuan Agam', 'Kerancang embroidery for women in Agam'],
  sum: ['Pelatihan bordir kerancang dan menjahit untuk perempuan, gratis, dengan bantuan alat.', 'Kerancang embroidery and sewing course for women, free, with a starter kit.'],
  field: 'menjahit', tags: ['bordir', 'menjahit', 'perempuan'], prov: ['BLK Komunitas Agam', 'BLK'], loc: ['13', '13.06', 'Lubuk Basung, Agam'],
  closes: '2027-01-30', starts: '2027-02-15', ends: '2027-03-31', seats: { total: 20, women: 20 }, ben: ['sertifikat_kompetensi', 'makan', 'transport'],
  note: ['Boleh membawa anak balita; ada ruang tunggu', 'Toddlers welcome; there is a waiting room'],
  el: { age: { min: 18, max: 50, at: 'registration_closes' }, gender: 'perempuan', domicile: ['13'] } });
P({ s: 'web-dev-daring', t: ['Web Developer Pemula Daring', 'Beginner web developer course (online)'],
  sum: ['Kelas daring HTML, CSS dan JavaScript selama 10 minggu, gratis, terbuka untuk seluruh Indonesia.', 'Ten-week online HTML, CSS and JavaScript class, free, open nationwide.'],
  field: 'tik', tags: ['coding', 'web', 'daring'], prov: ['Yayasan Kode Nusantara', 'organisasi'], loc: ['12', '12.71', null], mode: 'daring',
  closes: '2027-02-28', starts: '2027-03-08', ends: '2027-05-14', seats: { total: 200, women: 80 }, ben: ['sertifikat_kompetensi'],
  inc: ['Materi video bersubtitel dan ramah pembaca layar', 'Captioned videos, screen-reader friendly material'],
  el: { age: { min: 17, max: 29, at: 'registration_closes' }, education: { min: 'SMA' }, questions: [Q.laptop] } });
P({ s: 'perhotelan-danau-toba', t: ['Front Office & Housekeeping Hotel Danau Toba', 'Hotel front office & housekeeping at Lake Toba'],
  sum: ['Pelatihan perhotelan 2 bulan lalu magang 1 bulan di hotel sekitar Danau Toba; asrama disediakan.', 'Two months of hospitality training then a one-month placement at a Lake Toba hotel; dormitory provided.'],
  field: 'perhotelan', tags: ['hotel', 'pariwisata'], prov: ['BPVP Toba', 'BPVP'], loc: ['12', '12.12', 'Balige, Toba'],
  closes: '2027-01-25', starts: '2027-02-08', ends: '2027-05-08', seats: { total: 24, women: 12 },
  costs: { stipend_idr: 750000 }, ben: ['sertifikat_kompetensi', 'uang_saku', 'asrama', 'makan', 'bpjs_ketenagakerjaan'],
  el: { age: { min: 18, max: 27, at: 'registration_closes' }, education: { min: 'SMA' }, questions: [Q.tinggi(160), Q.tato] } });
P({ s: 'kopi-arabika-humbang', t: ['Budidaya dan Pascapanen Kopi Arabika Humbang', 'Arabica coffee growing and processing in Humbang'],
  sum: ['Pelatihan budidaya, roasting dasar dan pemasaran kopi untuk petani muda.', 'Coffee growing, basic roasting and marketing for young farmers.'],
  field: 'pertanian', tags: ['kopi', 'petani'], prov: ['BLK Humbang Hasundutan', 'BLK'], loc: ['12', '12.16', 'Doloksanggul'],
  closes: '2027-02-15', starts: '2027-03-01', ends: '2027-04-09', seats: { total: 25, women: 10 }, costs: { stipend_idr: 500000 },
  ben: ['sertifikat_kompetensi', 'uang_saku', 'transport'], el: { age: { min: 17, max: 40, at: 'registration_closes' }, domicile: ['12'] } });
P({ s: 'listrik-banjarmasin', t: ['Instalasi Listrik Rumah Tangga BLK Banjarmasin', 'Domestic electrical installation at BLK Banjarmasin'],
  sum: ['Pelatihan instalasi listrik rumah dan gedung kecil, gratis, dengan uang saku.', 'Household and small-building wiring course, free, with an allowance.'],
  field: 'listrik', tags: ['listrik', 'instalasi'], prov: ['UPTD BLK Banjarmasin', 'BLK'], loc: ['63', '63.71', 'Jl. A. Yani Km 6, Banjarmasin'],
  closes: '2027-01-18', starts: '2027-02-01', ends: '2027-03-19', seats: { total: 16 }, costs: { stipend_idr: 700000 },
  ben: ['sertifikat_kompetensi', 'uang_saku', 'makan'],
  el: { age: { min: 18, max: 35, at: 'registration_closes' }, education: { min: 'SMP' }, domicile: ['63'], questions: [Q.buta] } });
P({ s: 'sasirangan-banjarbaru', t: ['Membatik dan Menjahit Kain Sasirangan Banjarbaru', 'Sasirangan cloth dyeing and sewing in Banjarbaru'],
  sum: ['Pelatihan pewarnaan sasirangan, menjahit dan jualan daring; kuota perempuan dan ramah disabilitas.', 'Sasirangan dyeing, sewing and online selling; women quota and disability friendly.'],
  field: 'menjahit', tags: ['sasirangan', 'umkm'], prov: ['BPVP Banjarbaru', 'BPVP'], loc: ['63', '63.72', 'Jl. Trikora, Banjarbaru'],
  closes: '2027-02-05', starts: '2027-02-17', ends: '2027-04-07', seats: { total: 20, women: 14 }, costs: { stipend_idr: 500000 },
  ben: ['sertifikat_kompetensi', 'uang_saku', 'makan'], inc: ['Kelas lantai dasar, juru bahasa isyarat atas permintaan', 'Ground-floor classroom, sign-language interpreter on request'],
  el: { age: { min: 17, max: 45, at: 'registration_closes' }, domicile: ['63'] } });
P({ s: 'operator-excavator-balikpapan', t: ['Operator Excavator BPVP Balikpapan', 'Excavator operator training at BPVP Balikpapan'],
  sum: ['Pelatihan operator alat berat excavator dengan simulator dan unit asli; asrama dan uang saku.', 'Excavator operator training with simulator and real machines; dormitory and allowance.'],
  field: 'konstruksi', tags: ['alat-berat', 'excavator'], prov: ['BPVP Balikpapan', 'BPVP'], loc: ['64', '64.71', 'Jl. Soekarno Hatta Km 5, Balikpapan'],
  closes: '2027-01-22', starts: '2027-02-08', ends: '2027-03-31', seats: { total: 16, women: 4 }, costs: { stipend_idr: 1000000 },
  ben: ['sertifikat_kompetensi', 'uang_saku', 'asrama', 'makan', 'bpjs_ketenagakerjaan'],
  el: { age: { min: 20, max: 35, at: 'registration_closes' }, education: { min: 'SMA' }, questions: [Q.buta, Q.sim] } });
P({ s: 'magang-gudang-samarinda', kind: 'magang', t: ['Magang Admin Gudang Logistik Samarinda', 'Warehouse admin apprenticeship in Samarinda'],
  sum: ['Magang 6 bulan di perusahaan logistik untuk lulusan baru SMA/SMK, uang saku Rp 2.500.000 per bulan.', 'Six-month apprenticeship at a logistics firm for recent school leavers, allowance Rp 2,500,000 a month.'],
  field: 'logistik', tags: ['gudang', 'admin'], prov: ['PT Borneo Logistik Mahakam', 'perusahaan'], loc: ['64', '64.72', 'Kawasan Pergudangan Palaran, Samarinda'],
  closes: '2027-01-31', starts: '2027-02-15', ends: '2027-08-14', seats: { total: 10, women: 5 }, costs: { stipend_idr: 2500000 },
  ben: ['uang_saku', 'bpjs_ketenagakerjaan', 'transport'],
  el: { age: { min: 18, max: 24, at: 'registration_closes' }, education: { min: 'SMA' }, status: ['lulusan_baru', 'tidak_bekerja'], graduated_within_years: 2, domicile: ['64'] },
  docs: ['ktp', 'ijazah', 'cv', 'pas_foto'] });
P({ s: 'ac-refrigerasi-pontianak', t: ['Teknisi AC Split BLK Pontianak', 'Split air-conditioner technician at BLK Pontianak'],
  sum: ['Pasang, servis dan isi freon AC split; gratis dan bersertifikat.', 'Installing, servicing and recharging split ACs; free and certified.'],
  field: 'refrigerasi', tags: ['ac', 'teknisi'], prov: ['UPTD BLK Pontianak', 'BLK'], loc: ['61', '61.71', 'Jl. Sutan Syahrir, Pontianak'],
  closes: '2027-01-28', starts: '2027-02-10', ends: '2027-03-24', seats: { total: 16 }, costs: { stipend_idr: 600000 },
  ben: ['sertifikat_kompetensi', 'uang_saku'], el: { age: { min: 18, max: 40, at: 'registration_closes' }, education: { min: 'SMP' }, questions: [Q.buta] } });
P({ s: 'kaigo-jepang', kind: 'magang_luar_negeri', country: 'JP', t: ['Magang Perawat Lansia (Kaigo) di Jepang', 'Elderly-care (kaigo) apprenticeship in Japan'],
  sum: ['Pelatihan bahasa 6 bulan di Padang lalu magang 3 tahun di panti lansia Jepang; tanpa biaya penempatan.', 'Six months of language training in Padang, then a three-year placement in a Japanese care home; no placement fee.'],
  field: 'perawatan', tags: ['jepang', 'kaigo', 'lansia'], prov: ['LPK Sakura Minang', 'LPK'], loc: ['13', '13.71', 'Jl. Khatib Sulaiman, Padang'],
  closes: '2027-02-26', starts: '2027-04-05', ends: '2030-10-01', seats: { total: 30, women: 20 }, costs: { fee_idr: 0, stipend_idr: 0 },
  ben: ['asrama', 'bpjs_ketenagakerjaan', 'sertifikat_kompetensi'],
  el: { age: { min: 19, max: 30, at: 'registration_closes' }, education: { min: 'SMA' }, questions: [Q.tinggi(150), Q.tato, Q.jlpt], preferred: [] },
  docs: ['ktp', 'ijazah', 'pas_foto', 'surat_sehat', 'paspor', 'sertifikat_bahasa'] });
P({ s: 'pengelasan-ssw-jepang', kind: 'magang_luar_negeri', country: 'JP', t: ['Tenaga Las SSW ke Jepang (Tokutei Ginou)', 'SSW welding work in Japan (Tokutei Ginou)'],
  sum: ['Jalur SSW bidang pengelasan untuk lulusan SMK yang sudah punya pengalaman las.', 'SSW welding route for vocational graduates with welding experience.'],
  field: 'las', tags: ['jepang', 'ssw', 'las'], prov: ['LPK Horas Nippon', 'LPK'], loc: ['12', '12.71', 'Jl. Sisingamangaraja, Medan'],
  closes: '2027-03-15', starts: '2027-04-12', ends: '2027-10-12', seats: { total: 20 }, costs: { fee_idr: 0 },
  ben: ['asrama', 'sertifikat_kompetensi'],
  el: { age: { min: 20, max: 32, at: 'registration_closes' }, education: { min: 'SMA' }, questions: [Q.pengalaman(1, ['las', 'welding']), Q.tato, Q.buta] },
  docs: ['ktp', 'ijazah', 'cv', 'paspor', 'surat_sehat'] });
P({ s: 'hotel-malaysia', kind: 'magang_luar_negeri', country: 'MY', t: ['Magang Perhotelan di Kuala Lumpur, Malaysia', 'Hotel apprenticeship in Kuala Lumpur, Malaysia'],
  sum: ['Magang 12 bulan di hotel Kuala Lumpur melalui jalur resmi, dengan uang saku RM 1.200 per bulan dan asrama.', 'Twelve-month hotel apprenticeship in Kuala Lumpur through the official route, RM 1,200 monthly allowance and dormitory.'],
  field: 'perhotelan', tags: ['malaysia', 'hotel'], prov: ['BPVP Makassar', 'BPVP'], loc: ['73', '73.71', 'Jl. Andi Pangerang Pettarani, Makassar'],
  closes: '2027-02-12', starts: '2027-03-15', ends: '2028-03-14', seats: { total: 15, women: 7 }, costs: { fee_idr: 0, stipend_idr: 4000000 },
  ben: ['uang_saku', 'asrama', 'makan', 'bpjs_ketenagakerjaan'],
  el: { age: { min: 19, max: 28, at: 'registration_closes' }, education: { min: 'SMA' }, questions: [Q.tinggi(155), Q.tato] },
  docs: ['ktp', 'ijazah', 'cv', 'paspor', 'surat_sehat', 'pas_foto'] });
P({ s: 'manufaktur-korea-eps', kind: 'magang_luar_negeri', country: 'KR', t: ['Persiapan Kerja Manufaktur Korea (EPS)', 'Manufacturing work in Korea via EPS'],
  sum: ['Pembekalan dan penempatan kerja pabrik di Korea Selatan lewat program G to G EPS bagi yang sudah lulus EPS-TOPIK.', 'Pre-departure and factory placement in South Korea via the government EPS scheme, for those who passed EPS-TOPIK.'],
  field: 'manufaktur', tags: ['korea', 'eps', 'pabrik'], prov: ['BP3MI Sumatera Utara', 'organisasi'], loc: ['12', '12.71', 'Jl. Asrama, Medan'],
  closes: '2027-03-05', starts: '2027-04-01', ends: '2030-04-01', seats: { total: 50, women: 10 },
  ben: ['bpjs_ketenagakerjaan', 'asrama'],
  el: { age: { min: 18, max: 39, at: 'registration_closes' }, education: { min: 'SMP' }, questions: [Q.topik, Q.buta, Q.tato] },
  docs: ['ktp', 'ijazah', 'paspor', 'surat_sehat', 'sertifikat_bahasa'] });
P({ s: 'makanan-halal-jepang', kind: 'magang_luar_negeri', country: 'JP', t: ['Magang Pengolahan Makanan di Jepang', 'Food-processing apprenticeship in Japan'],
  sum: ['Magang 3 tahun di pabrik pengolahan makanan Jepang; perusahaan penerima menyediakan ruang salat.', 'Three-year placement in a Japanese food factory; the host company provides a prayer room.'],
  field: 'tata_boga', tags: ['jepang', 'makanan', 'halal'], prov: ['LPK Daeng Nippon', 'LPK'], loc: ['73', '73.06', 'Sungguminasa, Gowa'],
  closes: '2027-02-20', starts: '2027-03-22', ends: '2030-09-30', seats: { total: 24, women: 12 },
  ben: ['asrama', 'bpjs_ketenagakerjaan'],
  el: { age: { min: 18, max: 28, at: 'registration_closes' }, education: { min: 'SMA' }, questions: [Q.tato, Q.jlpt] },
  docs: ['ktp', 'ijazah', 'pas_foto', 'paspor', 'surat_sehat'] });
P({ s: 'tata-rias-makassar-perempuan', t: ['Tata Rias Pengantin Bugis-Makassar khusus Perempuan', 'Bugis-Makassar bridal make-up course for women'],
  sum: ['Pelatihan rias pengantin adat Bugis-Makassar dan rias modern untuk perempuan; kelas pagi dan sore.', 'Traditional Bugis-Makassar and modern bridal make-up for women; morning and evening classes.'],
  field: 'tata_rias', tags: ['rias', 'pengantin'], prov: ['LPK Anging Mammiri', 'LPK'], loc: ['73', '73.71', 'Jl. Veteran Selatan, Makassar'],
  closes: '2027-01-29', starts: '2027-02-10', ends: '2027-03-31', seats: { total: 18, women: 18 }, costs: { stipend_idr: 0 },
  note: ['Kelas sore untuk ibu yang mengasuh anak', 'Evening class for mothers with small children'],
  ben: ['sertifikat_kompetensi', 'makan'], el: { age: { min: 17, max: 40, at: 'registration_closes' }, gender: 'perempuan', domicile: ['73'] } });
P({ s: 'desain-grafis-tuli-makassar', t: ['Desain Grafis Inklusif untuk Teman Tuli dan Disabilitas Makassar', 'Inclusive graphic design for Deaf and disabled learners in Makassar'],
  sum: ['Pelatihan desain grafis dengan juru bahasa isyarat (BISINDO) di setiap kelas; uang saku dan transport.', 'Graphic design course with a BISINDO sign-language interpreter in every class; allowance and transport.'],
  field: 'tik', tags: ['desain', 'disabilitas', 'tuli'], prov: ['BPVP Makassar', 'BPVP'], loc: ['73', '73.71', 'Jl. Andi Pangerang Pettarani, Makassar'],
  closes: '2027-02-03', starts: '2027-02-17', ends: '2027-04-16', seats: { total: 16, women: 8 }, costs: { stipend_idr: 800000 },
  ben: ['sertifikat_kompetensi', 'uang_saku', 'transport', 'makan'],
  inc: ['Juru bahasa isyarat BISINDO di setiap kelas, materi tertulis, akses kursi roda', 'BISINDO sign-language interpreter in every class, written material, wheelchair access'],
  el: { age: { min: 17, max: 35, at: 'registration_closes' }, education: { min: 'SMP' }, domicile: ['73', '76'] } });
P({ s: 'hortikultura-bone', t: ['Budidaya Cabai dan Bawang Merah Bone', 'Chilli and shallot farming in Bone'],
  sum: ['Pelatihan hortikultura modern dengan irigasi tetes untuk petani muda Bone dan sekitarnya.', 'Modern horticulture with drip irrigation for young farmers in Bone and nearby.'],
  field: 'pertanian', tags: ['cabai', 'bawang'], prov: ['BLK Komunitas Watampone', 'BLK'], loc: ['73', '73.08', 'Watampone, Bone'],
  closes: '2027-02-08', starts: '2027-02-22', ends: '2027-04-05', seats: { total: 20, women: 8 }, costs: { stipend_idr: 400000 },
  ben: ['sertifikat_kompetensi', 'uang_saku', 'transport'], el: { age: { min: 17, max: 40, at: 'registration_closes' }, domicile: ['73'] } });
P({ s: 'olahan-ikan-parepare', t: ['Pengolahan Hasil Laut dan Abon Ikan Parepare', 'Seafood processing and fish floss in Parepare'],
  sum: ['Membuat abon, kerupuk dan ikan asap higienis untuk usaha rumahan; kuota perempuan.', 'Making hygienic fish floss, crackers and smoked fish for a home business; women quota.'],
  field: 'tata_boga', tags: ['ikan', 'umkm'], prov: ['BLK Parepare', 'BLK'], loc: ['73', '73.72', 'Jl. Jend. Sudirman, Parepare'],
  closes: '2027-01-26', starts: '2027-02-09', ends: '2027-03-09', seats: { total: 20, women: 15 }, ben: ['sertifikat_kompetensi', 'makan'],
  el: { age: { min: 17, max: 50, at: 'registration_closes' } } });
P({ s: 'otomotif-mobil-gowa', t: ['Mekanik Mobil Bensin BPVP Gowa', 'Petrol car mechanic course at BPVP Gowa'],
  sum: ['Pelatihan tune-up, kelistrikan dan rem mobil selama 3 bulan; asrama dan uang saku.', 'Three-month tune-up, car electrics and brakes course; dormitory and allowance.'],
  field: 'otomotif', tags: ['mobil', 'bengkel'], prov: ['BPVP Gowa', 'BPVP'], loc: ['73', '73.06', 'Jl. Poros Malino, Gowa'],
  closes: '2027-01-20', starts: '2027-02-03', ends: '2027-05-03', seats: { total: 24, women: 4 }, costs: { stipend_idr: 900000 },
  ben: ['sertifikat_kompetensi', 'uang_saku', 'asrama', 'makan', 'bpjs_ketenagakerjaan'],
  el: { age: { min: 18, max: 30, at: 'registration_closes' }, education: { min: 'SMP' }, questions: [Q.buta] } });
P({ s: 'inggris-pariwisata-manado', t: ['Bahasa Inggris Pariwisata Manado', 'English for tourism in Manado'],
  sum: ['Kelas bahasa Inggris untuk pemandu wisata dan pekerja resort; campuran tatap muka dan daring.', 'English for tour guides and resort staff; blended in-person and online.'],
  field: 'bahasa', tags: ['inggris', 'pariwisata'], prov: ['LPK Nyiur Melambai', 'LPK'], loc: ['71', '71.71', 'Jl. Piere Tendean, Manado'], mode: 'campuran',
  closes: '2027-01-24', starts: '2027-02-06', ends: '2027-04-24', seats: { total: 30, women: 15 }, ben: ['sertifikat_kompetensi'],
  el: { age: { min: 17, max: 35, at: 'registration_closes' }, education: { min: 'SMA' } } });
P({ s: 'selam-bunaken-bitung', kind: 'magang', t: ['Magang Pemandu Selam dan Resort Bitung-Lembeh', 'Dive guide and resort apprenticeship in Bitung-Lembeh'],
  sum: ['Magang 4 bulan di resort selam Selat Lembeh; uang saku, makan dan mes.', 'Four-month apprenticeship at a Lembeh Strait dive resort; allowance, meals and staff housing.'],
  field: 'perhotelan', tags: ['selam', 'resort', 'pariwisata'], prov: ['PT Lembeh Bahari Resort', 'perusahaan'], loc: ['71', '71.72', 'Selat Lembeh, Bitung'],
  closes: '2027-01-31', starts: '2027-02-15', ends: '2027-06-15', seats: { total: 8, women: 3 }, costs: { stipend_idr: 1500000 },
  ben: ['uang_saku', 'asrama', 'makan', 'bpjs_ketenagakerjaan'],
  el: { age: { min: 18, max: 26, at: 'registration_closes' }, education: { min: 'SMA' }, domicile: ['71'], questions: [Q.renang] }, docs: ['ktp', 'ijazah', 'cv', 'surat_sehat'] });
P({ s: 'batu-bata-tomohon', t: ['Tukang Bangunan dan Plester Tomohon', 'Masonry and plastering course in Tomohon'],
  sum: ['Pelatihan tukang batu, plester dan keramik bersertifikat konstruksi.', 'Certified masonry, plastering and tiling course.'],
  field: 'konstruksi', tags: ['tukang', 'bangunan'], prov: ['BLK Tomohon', 'BLK'], loc: ['71', '71.73', 'Kakaskasen, Tomohon'],
  closes: '2027-01-19', starts: '2027-02-01', ends: '2027-03-12', seats: { total: 20 }, costs: { stipend_idr: 600000 },
  ben: ['sertifikat_kompetensi', 'uang_saku', 'makan'], el: { age: { min: 18, max: 45, at: 'registration_closes' } } });
P({ s: 'caregiver-manado', t: ['Caregiver Lansia dan Anak Manado', 'Elderly and child caregiver course in Manado'],
  sum: ['Pelatihan perawatan lansia dan anak untuk bekerja di dalam negeri atau persiapan luar negeri.', 'Elderly and child care training for work at home or as preparation for abroad.'],
  field: 'perawatan', tags: ['caregiver', 'lansia'], prov: ['LPK Kasih Tondano', 'LPK'], loc: ['71', '71.71', 'Jl. Sam Ratulangi, Manado'],
  closes: '2027-02-14', starts: '2027-03-01', ends: '2027-04-30', seats: { total: 24, women: 18 }, costs: { fee_idr: 0, stipend_idr: 500000 },
  ben: ['sertifikat_kompetensi', 'uang_saku'], el: { age: { min: 18, max: 40, at: 'registration_closes' }, education: { min: 'SMP' } } });
P({ s: 'tik-jayapura-papua', t: ['Operator Komputer dan Jaringan Jayapura untuk Pemuda Papua', 'Computer and network operator course in Jayapura for Papuan youth'],
  sum: ['Pelatihan komputer perkantoran dan jaringan dasar untuk pemuda dari enam provinsi Papua; asrama gratis.', 'Office computing and basic networking for young people from the six Papuan provinces; free dormitory.'],
  field: 'tik', tags: ['komputer', 'jaringan', 'papua'], prov: ['BPVP Jayapura', 'BPVP'], loc: ['91', '91.71', 'Entrop, Jayapura'],
  closes: '2027-01-27', starts: '2027-02-10', ends: '2027-04-30', seats: { total: 30, women: 15 }, costs: { stipend_idr: 1000000 },
  ben: ['sertifikat_kompetensi', 'uang_saku', 'asrama', 'makan', 'transport'],
  el: { age: { min: 17, max: 30, at: 'registration_closes' }, education: { min: 'SMP' }, domicile: PAPUA } });
P({ s: 'pertanian-merauke', t: ['Mekanisasi Pertanian Padi Merauke', 'Rice farm mechanisation in Merauke'],
  sum: ['Mengoperasikan dan merawat traktor serta mesin panen padi.', 'Operating and maintaining tractors and rice harvesters.'],
  field: 'pertanian', tags: ['traktor', 'padi'], prov: ['BLK Merauke', 'BLK'], loc: ['93', '93.01', 'Jl. Raya Mandala, Merauke'],
  closes: '2027-02-02', starts: '2027-02-16', ends: '2027-03-30', seats: { total: 20 }, costs: { stipend_idr: 800000 },
  ben: ['sertifikat_kompetensi', 'uang_saku', 'makan'], el: { age: { min: 18, max: 40, at: 'registration_closes' }, domicile: PAPUA } });
P({ s: 'menjahit-sorong-mama', t: ['Menjahit Busana untuk Perempuan Sorong', 'Dressmaking for women in Sorong'],
  sum: ['Kelas menjahit busana dan noken modern untuk perempuan, boleh bawa anak; dapat mesin jahit bagi lulusan terbaik.', 'Dressmaking and modern noken class for women, children welcome; sewing machines for top graduates.'],
  field: 'menjahit', tags: ['menjahit', 'perempuan', 'noken'], prov: ['BLK Sorong', 'BLK'], loc: ['96', '96.71', 'Jl. Basuki Rahmat, Sorong'],
  closes: '2027-01-23', starts: '2027-02-06', ends: '2027-03-27', seats: { total: 20, women: 20 }, costs: { stipend_idr: 500000 },
  note: ['Ada ruang bermain anak', 'A children\'s play room is available'],
  ben: ['sertifikat_kompetensi', 'uang_saku', 'makan'], el: { age: { min: 17, max: 50, at: 'registration_closes' }, gender: 'perempuan', domicile: PAPUA } });
P({ s: 'listrik-industri-mimika', kind: 'magang', t: ['Magang Teknisi Listrik Industri Mimika', 'Industrial electrician apprenticeship in Mimika'],
  sum: ['Magang 12 bulan di area industri Mimika untuk lulusan SMK listrik; uang saku Rp 3.500.000 per bulan, mes dan BPJS.', 'Twelve-month apprenticeship in Mimika\'s industrial area for electrical SMK graduates; Rp 3,500,000 a month, housing and BPJS.'],
  field: 'listrik', tags: ['listrik', 'industri', 'tambang'], prov: ['PT Amungme Teknik Energi', 'perusahaan'], loc: ['94', '94.04', 'Timika, Mimika'],
  closes: '2027-02-10', starts: '2027-03-01', ends: '2028-02-28', seats: { total: 12, women: 3 }, costs: { stipend_idr: 3500000 },
  ben: ['uang_saku', 'asrama', 'makan', 'bpjs_ketenagakerjaan'],
  el: { age: { min: 18, max: 25, at: 'registration_closes' }, education: { min: 'SMA' }, domicile: PAPUA, status: ['lulusan_baru', 'tidak_bekerja'], questions: [Q.buta, Q.tinggi(160)] },
  docs: ['ktp', 'ijazah', 'cv', 'surat_sehat'] });
P({ s: 'sertifikasi-barista-makassar', kind: 'sertifikasi', t: ['Uji Kompetensi Barista LSP Makassar', 'Barista competency test at LSP Makassar'],
  sum: ['Uji sertifikasi barista BNSP; biaya uji Rp 350.000, bagi yang sudah bisa membuat espresso.', 'BNSP barista certification test; test fee Rp 350,000, for people who can already make espresso.'],
  field: 'tata_boga', tags: ['barista', 'kopi', 'bnsp'], prov: ['LSP Pariwisata Celebes', 'LSP'], loc: ['73', '73.71', 'Jl. Hertasning, Makassar'],
  closes: '2027-01-16', starts: '2027-01-23', ends: '2027-01-24', seats: { total: 20 }, costs: { fee_idr: 350000 },
  ben: ['sertifikat_kompetensi'], el: { age: { min: 18, at: 'registration_closes' }, questions: [Q.pengalaman(1, ['barista', 'barista work'])] } });
P({ s: 'sertifikasi-las-medan', kind: 'sertifikasi', t: ['Sertifikasi Juru Las 3G BNSP Medan', 'BNSP 3G welder certification in Medan'],
  sum: ['Uji kompetensi juru las 3G; biaya uji Rp 750.000.', '3G welder competency test; test fee Rp 750,000.'],
  field: 'las', tags: ['las', 'bnsp'], prov: ['LSP Logam Sumut', 'LSP'], loc: ['12', '12.07', 'Lubuk Pakam, Deli Serdang'],
  closes: '2027-02-06', starts: '2027-02-13', ends: '2027-02-14', seats: { total: 15 }, costs: { fee_idr: 750000 },
  ben: ['sertifikat_kompetensi'], el: { age: { min: 18, at: 'registration_closes' }, questions: [Q.pengalaman(1, ['las', 'welding'])] } });
P({ s: 'umkm-digital-daring', t: ['Jualan Online untuk UMKM Daring', 'Online selling for small businesses (online class)'],
  sum: ['Kelas daring foto produk, marketplace dan pembukuan sederhana; cocok untuk ibu rumah tangga; gratis.', 'Online class on product photos, marketplaces and simple bookkeeping; suits stay-at-home parents; free.'],
  field: 'kewirausahaan', tags: ['umkm', 'daring', 'jualan'], prov: ['Yayasan Usaha Muda Borneo', 'organisasi'], loc: ['63', '63.71', null], mode: 'daring',
  closes: '2027-03-10', starts: '2027-03-15', ends: '2027-04-26', seats: { total: 300, women: 150 },
  note: ['Kelas malam pukul 19.30 dan rekaman tersedia', 'Evening class at 19:30 and recordings available'],
  inc: ['Teks tertulis untuk semua video, bisa diikuti dari HP', 'Written text for every video, works on a phone'],
  ben: ['sertifikat_kompetensi'], el: { age: { min: 17, max: 55, at: 'registration_closes' } } });
P({ s: 'admin-perkantoran-palangkaraya', t: ['Administrasi Perkantoran BLK Palangka Raya', 'Office administration at BLK Palangka Raya'],
  sum: ['Microsoft Office, surat-menyurat dan arsip untuk kerja kantoran.', 'Microsoft Office, correspondence and filing for office work.'],
  field: 'administrasi', tags: ['kantor', 'excel'], prov: ['UPTD BLK Palangka Raya', 'BLK'], loc: ['62', '62.71', 'Jl. Tjilik Riwut Km 4, Palangka Raya'],
  closes: '2027-01-21', starts: '2027-02-04', ends: '2027-03-18', seats: { total: 16, women: 8 }, costs: { stipend_idr: 500000 },
  ben: ['sertifikat_kompetensi', 'uang_saku'], el: { age: { min: 17, max: 30, at: 'registration_closes' }, education: { min: 'SMA' }, domicile: ['62'] } });
P({ s: 'forklift-batam', t: ['Operator Forklift dan Pergudangan Batam', 'Forklift operator and warehousing in Batam'],
  sum: ['Pelatihan operator forklift bersertifikat (SIO) dan manajemen gudang.', 'Certified forklift operator (SIO) and warehouse management course.'],
  field: 'logistik', tags: ['forklift', 'gudang'], prov: ['BPVP Batam', 'BPVP'], loc: ['21', '21.71', 'Batam Centre'],
  closes: '2027-01-17', starts: '2027-02-01', ends: '2027-03-05', seats: { total: 20 }, costs: { stipend_idr: 800000 },
  ben: ['sertifikat_kompetensi', 'uang_saku', 'asrama'], el: { age: { min: 18, max: 35, at: 'registration_closes' }, education: { min: 'SMP' }, questions: [Q.buta] } });
P({ s: 'bahasa-jepang-padang', t: ['Bahasa Jepang Dasar N5-N4 Padang', 'Basic Japanese N5-N4 course in Padang'],
  sum: ['Kelas bahasa Jepang 3 bulan menuju JLPT N4, gratis, sore hari.', 'Three-month Japanese class towards JLPT N4, free, afternoons.'],
  field: 'bahasa', tags: ['jepang', 'jlpt'], prov: ['BPVP Padang', 'BPVP'], loc: ['13', '13.71', 'Jl. Raya Padang-Indarung, Padang'],
  closes: '2027-01-29', starts: '2027-02-08', ends: '2027-05-07', seats: { total: 30, women: 15 }, ben: ['sertifikat_kompetensi'],
  el: { age: { min: 17, max: 30, at: 'registration_closes' }, education: { min: 'SMA' } } });
P({ s: 'kelapa-sawit-pekanbaru', kind: 'magang', t: ['Magang Teknisi Pabrik Kelapa Sawit Riau', 'Palm-oil mill technician apprenticeship in Riau'],
  sum: ['Magang 6 bulan di pabrik kelapa sawit di Riau; uang saku Rp 2.000.000, mes dan BPJS.', 'Six-month apprenticeship at a palm-oil mill in Riau; Rp 2,000,000 allowance, housing and BPJS.'],
  field: 'manufaktur', tags: ['sawit', 'pabrik'], prov: ['PT Sawit Lancang Kuning', 'perusahaan'], loc: ['14', '14.71', 'Pekanbaru'],
  closes: '2027-02-18', starts: '2027-03-08', ends: '2027-09-07', seats: { total: 15 }, costs: { stipend_idr: 2000000 },
  ben: ['uang_saku', 'asrama', 'bpjs_ketenagakerjaan'],
  el: { age: { min: 18, max: 25, at: 'registration_closes' }, education: { min: 'SMA' }, graduated_within_years: 2, questions: [Q.buta] }, docs: ['ktp', 'ijazah', 'cv', 'surat_sehat'] });
P({ s: 'tata-rias-medan-daring', t: ['Make-up Artist Pemula Kelas Campuran Medan', 'Beginner make-up artist course in Medan (blended)'],
  sum: ['Kelas rias wajah pemula, teori daring dan praktik dua kali seminggu di Medan.', 'Beginner make-up course, theory online and practice twice a week in Medan.'],
  field: 'tata_rias', tags: ['makeup', 'mua'], prov: ['LPK Butet Cantik', 'LPK'], loc: ['12', '12.71', 'Jl. Setia Budi, Medan'], mode: 'campuran',
  closes: '2027-01-30', starts: '2027-02-13', ends: '2027-04-10', seats: { total: 20, women: 16 }, costs: { fee_idr: 0 },
  ben: ['sertifikat_kompetensi'], el: { age: { min: 16, max: 35, at: 'registration_closes' } } });
P({ s: 'nelayan-kapal-kendari', t: ['Keselamatan Kerja dan Mesin Kapal Kendari', 'Sea safety and boat engines in Kendari'],
  sum: ['Pelatihan dasar keselamatan laut (BST) dan perawatan mesin kapal kecil.', 'Basic sea safety training (BST) and small boat engine maintenance.'],
  field: 'otomotif', tags: ['kapal', 'mesin', 'laut'], prov: ['BLK Kendari', 'BLK'], loc: ['74', '74.71', 'Jl. Made Sabara, Kendari'],
  closes: '2027-01-25', starts: '2027-02-08', ends: '2027-03-19', seats: { total: 20 }, costs: { stipend_idr: 700000 },
  ben: ['sertifikat_kompetensi', 'uang_saku', 'makan'], el: { age: { min: 18, max: 40, at: 'registration_closes' }, questions: [Q.renang] } });

fs.writeFileSync(__dirname + '/catalogue.json', JSON.stringify(out, null, 2) + '\n');
console.log(out.length, 'programmes');
