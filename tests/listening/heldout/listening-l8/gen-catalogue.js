// Generates catalogue.json for held-out batch l8 (written apart from the code).
const fs = require('fs');
const P = [];
const src = ['https://heldout.example/l8/sumber-program'];
function add(o) {
  const base = {
    slug: o.slug, kind: o.kind || 'pelatihan',
    title: o.title, summary: o.summary, field: o.field, tags: o.tags || [],
    provider: o.provider,
    location: o.location,
    dates: Object.assign({ registration_opens: '2026-12-07' }, o.dates),
    seats: o.seats || { total: 30 },
    costs: o.costs || { fee_idr: 0, stipend_idr: 0, stipend_period: 'bulan' },
    benefits: o.benefits || ['sertifikat_kompetensi'],
    eligibility: o.eligibility,
    application: Object.assign({ mode: 'in_chat', url: null, documents: ['ktp', 'ijazah', 'pas_foto'], organisation: 'heldout-org' }, o.application || {}),
    sources: src, verified_at: '2026-12-01', status: 'open'
  };
  if (o.destination_country) base.destination_country = o.destination_country;
  if (o.inclusion) base.inclusion = o.inclusion;
  P.push(base);
}
const q = {
  tato: { id: 'tato', ask: { id: 'Apakah kamu memiliki tato?', en: 'Do you have any tattoos?' }, type: 'yes_no', require: false,
    explain: { id: 'Program ini mensyaratkan tidak bertato.', en: 'This programme requires no tattoos.' } },
  buta: { id: 'buta_warna', ask: { id: 'Apakah kamu buta warna (total atau parsial)?', en: 'Are you colour-blind (total or partial)?' }, type: 'yes_no', require: false,
    explain: { id: 'Program ini mensyaratkan tidak buta warna.', en: 'This programme requires no colour blindness.' } },
  tinggi: (min) => ({ id: 'tinggi_cm', ask: { id: 'Berapa tinggi badanmu (cm)?', en: 'How tall are you (cm)?' }, type: 'number', require: { min },
    explain: { id: `Tinggi badan minimal ${min} cm.`, en: `Minimum height ${min} cm.` } }),
};
const loc = (province, regency, venue, mode = 'luring') => ({ province, regency, venue, mode });
const d = (closes, starts, ends, note) => { const o = { registration_closes: closes, starts, ends }; if (note) o.schedule_note = note; return o; };

// ---------------- BALI ----------------
add({ slug: 'l8-hotel-housekeeping-badung', kind: 'magang', field: 'perhotelan', tags: ['hotel', 'housekeeping', 'pariwisata'],
  title: { id: 'Magang Housekeeping Hotel di Badung', en: 'Hotel housekeeping apprenticeship in Badung' },
  summary: { id: 'Magang 6 bulan di hotel berbintang di Kuta dan Nusa Dua, dengan asrama dan uang saku.', en: 'Six-month apprenticeship in star hotels in Kuta and Nusa Dua, with a dormitory and a monthly allowance.' },
  provider: { name: 'BPVP Bali (heldout)', type: 'BPVP', contact: 'wa.me/6281100000801' },
  location: loc('51', '51.03', 'Jl. Raya Kuta, Badung'), dates: d('2027-01-31', '2027-02-15', '2027-08-15'),
  seats: { total: 40, women: 15 }, costs: { fee_idr: 0, stipend_idr: 1200000, stipend_period: 'bulan' },
  benefits: ['sertifikat_kompetensi', 'uang_saku', 'asrama', 'makan', 'bpjs_ketenagakerjaan'],
  eligibility: { age: { min: 18, max: 25, at: 'registration_closes' }, education: { min: 'SMA' }, domicile: ['51', '52'],
    questions: [q.tato, q.tinggi(158)] } });
add({ slug: 'l8-barista-denpasar', field: 'tata_boga', tags: ['barista', 'kopi'],
  title: { id: 'Pelatihan Barista Denpasar', en: 'Barista training in Denpasar' },
  summary: { id: 'Pelatihan barista 1 bulan, ruang kelas lantai dasar, ramah disabilitas.', en: 'One-month barista course in a ground-floor classroom, disability-friendly.' },
  provider: { name: 'UPTD BLK Denpasar (heldout)', type: 'BLK', contact: 'wa.me/6281100000802' },
  location: loc('51', '51.71', 'Jl. Gatot Subroto, Denpasar'), dates: d('2027-02-15', '2027-03-01', '2027-03-31'),
  seats: { total: 20 }, costs: { fee_idr: 0, stipend_idr: 300000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'transport'],
  inclusion: { disability_friendly: true, accommodations: { id: 'Ruang kelas lantai dasar, materi bisa dikirim dalam format teks.', en: 'Ground-floor classroom; materials available as text.' } },
  eligibility: { age: { min: 17, max: 26, at: 'registration_closes' }, education: { min: 'SMP' }, domicile: ['51'] } });
add({ slug: 'l8-spa-terapis-gianyar', field: 'tata_rias', tags: ['spa', 'wellness', 'perempuan'],
  title: { id: 'Pelatihan Terapis Spa untuk Perempuan, Gianyar', en: 'Spa therapist training for women, Gianyar' },
  summary: { id: 'Pelatihan terapis spa khusus perempuan di Ubud, dengan sertifikasi BNSP.', en: 'Women-only spa therapist training in Ubud with BNSP certification.' },
  provider: { name: 'LPK Tirta Sari Ubud (heldout)', type: 'LPK', contact: 'wa.me/6281100000803' },
  location: loc('51', '51.04', 'Ubud, Gianyar'), dates: d('2027-02-28', '2027-03-15', '2027-06-15'),
  seats: { total: 25, women: 25 }, costs: { fee_idr: 0, stipend_idr: 500000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'makan'],
  eligibility: { age: { min: 18, max: 30, at: 'registration_closes' }, education: { min: 'SMP' }, gender: 'perempuan', domicile: ['51'] } });
add({ slug: 'l8-pramusaji-kapal-pesiar-buleleng', field: 'perhotelan', tags: ['kapal-pesiar', 'cruise', 'pramusaji'],
  title: { id: 'Pelatihan Pramusaji Kapal Pesiar Buleleng', en: 'Cruise ship waiter training, Buleleng' },
  summary: { id: 'Persiapan kerja di kapal pesiar: pelayanan restoran dan bahasa Inggris, 3 bulan berasrama.', en: 'Preparation for cruise-ship work: restaurant service and English, three months with a dormitory.' },
  provider: { name: 'BLK Buleleng (heldout)', type: 'BLK', contact: 'wa.me/6281100000804' },
  location: loc('51', '51.08', 'Singaraja, Buleleng'), dates: d('2027-01-20', '2027-02-01', '2027-05-01'),
  seats: { total: 30 }, costs: { fee_idr: 0, stipend_idr: 600000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'asrama', 'makan'],
  eligibility: { age: { min: 19, max: 28, at: 'registration_closes' }, education: { min: 'SMA' },
    questions: [q.tinggi(160), q.tato, { id: 'bahasa_inggris', ask: { id: 'Bagaimana kemampuan bahasa Inggrismu?', en: 'How is your English?' }, type: 'choice', options: ['dasar', 'menengah', 'lancar'], require: { in: ['menengah', 'lancar'] },
      explain: { id: 'Minimal bahasa Inggris tingkat menengah.', en: 'At least intermediate English.' } }] } });

// ---------------- NTB ----------------
add({ slug: 'l8-tenun-songket-lombok-tengah', field: 'menjahit', tags: ['tenun', 'songket', 'sasak', 'perempuan'],
  title: { id: 'Pelatihan Tenun Songket Perempuan Lombok Tengah', en: 'Songket weaving training for women, Central Lombok' },
  summary: { id: 'Pelatihan tenun songket Sasak dan pemasaran daring, khusus perempuan.', en: 'Sasak songket weaving and online selling, for women only.' },
  provider: { name: 'BLK Lombok Tengah (heldout)', type: 'BLK', contact: 'wa.me/6281100000805' },
  location: loc('52', '52.02', 'Desa Sukarara, Lombok Tengah'), dates: d('2027-02-10', '2027-03-01', '2027-04-30'),
  seats: { total: 20, women: 20 }, costs: { fee_idr: 0, stipend_idr: 400000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'makan'],
  eligibility: { age: { min: 17, max: 25, at: 'registration_closes' }, education: { min: 'SMP' }, gender: 'perempuan', domicile: ['52'] } });
add({ slug: 'l8-pemandu-wisata-lombok-utara', field: 'bahasa', tags: ['pemandu-wisata', 'bahasa-inggris', 'gili'],
  title: { id: 'Pelatihan Pemandu Wisata Berbahasa Inggris, Lombok Utara', en: 'English-speaking tour guide training, North Lombok' },
  summary: { id: 'Pelatihan pemandu wisata untuk Gili dan Rinjani, termasuk bahasa Inggris.', en: 'Tour-guide training for the Gili islands and Rinjani, including English.' },
  provider: { name: 'LPK Rinjani Bersama (heldout)', type: 'LPK', contact: 'wa.me/6281100000806' },
  location: loc('52', '52.08', 'Tanjung, Lombok Utara'), dates: d('2027-01-25', '2027-02-08', '2027-04-08'),
  seats: { total: 25, women: 10 }, costs: { fee_idr: 0, stipend_idr: 500000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'transport'],
  eligibility: { age: { min: 18, max: 30, at: 'registration_closes' }, education: { min: 'SMA' }, domicile: ['52'] } });
add({ slug: 'l8-las-mataram', field: 'las', tags: ['las', 'smaw'],
  title: { id: 'Pelatihan Las SMAW Mataram', en: 'SMAW welding training, Mataram' },
  summary: { id: 'Pelatihan las listrik SMAW 2 bulan dengan uji kompetensi.', en: 'Two-month SMAW welding course with a competency test.' },
  provider: { name: 'BLK Mataram (heldout)', type: 'BLK', contact: 'wa.me/6281100000807' },
  location: loc('52', '52.71', 'Jl. Majapahit, Mataram'), dates: d('2027-01-31', '2027-02-15', '2027-04-15'),
  seats: { total: 16 }, costs: { fee_idr: 0, stipend_idr: 500000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'bpjs_ketenagakerjaan'],
  eligibility: { age: { min: 18, max: 26, at: 'registration_closes' }, education: { min: 'SMP' }, domicile: ['52'], questions: [q.buta] } });
add({ slug: 'l8-pertanian-sumbawa', field: 'pertanian', tags: ['jagung', 'hortikultura'],
  title: { id: 'Pelatihan Pertanian Jagung dan Hortikultura Sumbawa', en: 'Maize and horticulture farming training, Sumbawa' },
  summary: { id: 'Pelatihan budidaya jagung dan sayur dengan praktik di lahan, berasrama.', en: 'Maize and vegetable farming with field practice and a dormitory.' },
  provider: { name: 'BPVP Sumbawa (heldout)', type: 'BPVP', contact: 'wa.me/6281100000808' },
  location: loc('52', '52.04', 'Sumbawa Besar'), dates: d('2027-03-15', '2027-04-01', '2027-05-31'),
  seats: { total: 30 }, costs: { fee_idr: 0, stipend_idr: 600000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'asrama', 'makan'],
  eligibility: { age: { min: 17, max: 35, at: 'registration_closes' }, education: { min: 'SD' }, domicile: ['52'] } });

// ---------------- MALUKU ----------------
add({ slug: 'l8-perikanan-ambon', field: 'pertanian', tags: ['perikanan', 'pengolahan-ikan'],
  title: { id: 'Pelatihan Pengolahan Hasil Perikanan Ambon', en: 'Fish processing training, Ambon' },
  summary: { id: 'Pelatihan pengolahan ikan (asap, abon, beku) dan keamanan pangan.', en: 'Fish processing (smoked, shredded, frozen) and food safety.' },
  provider: { name: 'BLK Ambon (heldout)', type: 'BLK', contact: 'wa.me/6281100000809' },
  location: loc('81', '81.71', 'Passo, Kota Ambon'), dates: d('2027-02-20', '2027-03-08', '2027-04-30'),
  seats: { total: 25, women: 12 }, costs: { fee_idr: 0, stipend_idr: 450000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'makan'],
  eligibility: { age: { min: 17, max: 35, at: 'registration_closes' }, education: { min: 'SD' }, domicile: ['81'] } });
add({ slug: 'l8-listrik-ambon', field: 'listrik', tags: ['instalasi-listrik'],
  title: { id: 'Pelatihan Teknisi Instalasi Listrik Ambon', en: 'Electrical installation technician training, Ambon' },
  summary: { id: 'Pelatihan instalasi listrik rumah dan gedung dengan sertifikasi.', en: 'Residential and building wiring with certification.' },
  provider: { name: 'BLK Ambon (heldout)', type: 'BLK', contact: 'wa.me/6281100000809' },
  location: loc('81', '81.71', 'Passo, Kota Ambon'), dates: d('2027-01-31', '2027-02-15', '2027-05-15'),
  seats: { total: 20 }, costs: { fee_idr: 0, stipend_idr: 500000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'bpjs_ketenagakerjaan'],
  eligibility: { age: { min: 18, max: 27, at: 'registration_closes' }, education: { min: 'SMA' }, domicile: ['81'], questions: [q.buta] } });
add({ slug: 'l8-mesin-kapal-tual', field: 'otomotif', tags: ['mesin-kapal', 'perahu-motor', 'nelayan'],
  title: { id: 'Pelatihan Mesin Perahu Motor Tual', en: 'Outboard and boat engine training, Tual' },
  summary: { id: 'Perawatan dan perbaikan mesin perahu motor untuk pemuda pesisir.', en: 'Maintenance and repair of boat engines for coastal youth.' },
  provider: { name: 'UPTD Pelatihan Kerja Tual (heldout)', type: 'BLK', contact: 'wa.me/6281100000810' },
  location: loc('81', '81.72', 'Kota Tual'), dates: d('2027-02-28', '2027-03-15', '2027-05-15'),
  seats: { total: 15 }, costs: { fee_idr: 0, stipend_idr: 500000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'asrama'],
  eligibility: { age: { min: 17, max: 35, at: 'registration_closes' }, education: { min: 'SD' }, domicile: ['81'] } });

// ---------------- ONLINE (nationwide) ----------------
add({ slug: 'l8-digital-marketing-netra-daring', field: 'tik', tags: ['digital-marketing', 'disabilitas', 'tunanetra', 'daring'],
  title: { id: 'Pelatihan Digital Marketing Daring Ramah Tunanetra', en: 'Online digital marketing course, accessible to blind learners' },
  summary: { id: 'Kelas daring digital marketing yang bisa diikuti dengan pembaca layar (screen reader).', en: 'Online digital marketing classes usable with a screen reader.' },
  provider: { name: 'Yayasan Akses Digital (heldout)', type: 'organisasi', contact: 'wa.me/6281100000811' },
  location: { mode: 'daring' }, dates: d('2027-02-15', '2027-03-01', '2027-04-30'),
  seats: { total: 50, women: 20 }, costs: { fee_idr: 0, stipend_idr: 0, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi'],
  inclusion: { disability_friendly: true, accommodations: { id: 'Materi teks kompatibel screen reader, tanpa CAPTCHA, pendamping via WhatsApp.', en: 'Screen-reader-friendly text materials, no CAPTCHA, WhatsApp mentor.' } },
  eligibility: { age: { min: 17, max: 30, at: 'registration_closes' }, education: { min: 'SMP' } } });
add({ slug: 'l8-web-dasar-daring', field: 'tik', tags: ['coding', 'web', 'daring', 'programming'],
  title: { id: 'Pelatihan Coding Web Dasar Daring', en: 'Online beginner web coding course' },
  summary: { id: 'Belajar HTML, CSS dan JavaScript dasar secara daring, kelas malam.', en: 'Learn basic HTML, CSS and JavaScript online, evening classes.' },
  provider: { name: 'BPVP Bandung (heldout)', type: 'BPVP', contact: 'wa.me/6281100000812' },
  location: { mode: 'daring' }, dates: d('2027-01-31', '2027-02-15', '2027-04-15', { id: 'Kelas malam pukul 19.00–21.00 WIB.', en: 'Evening classes 7–9 pm WIB.' }),
  seats: { total: 100, women: 40 }, costs: { fee_idr: 0, stipend_idr: 0, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi'],
  eligibility: { age: { min: 17, max: 29, at: 'registration_closes' }, education: { min: 'SMA' } } });

// ---------------- WEST JAVA ----------------
add({ slug: 'l8-otomotif-bekasi', kind: 'magang', field: 'otomotif', tags: ['otomotif', 'bengkel', 'smk'],
  title: { id: 'Magang Teknisi Otomotif Bekasi', en: 'Automotive technician apprenticeship, Bekasi' },
  summary: { id: 'Magang 6 bulan di bengkel resmi dan pabrik perakitan di Cikarang.', en: 'Six-month apprenticeship in authorised workshops and an assembly plant in Cikarang.' },
  provider: { name: 'PT Heldout Motor Indonesia', type: 'perusahaan', contact: 'wa.me/6281100000813' },
  location: loc('32', '32.16', 'Kawasan Industri Jababeka, Cikarang'), dates: d('2027-01-31', '2027-02-15', '2027-08-15'),
  seats: { total: 30, women: 5 }, costs: { fee_idr: 0, stipend_idr: 2500000, stipend_period: 'bulan' }, benefits: ['uang_saku', 'bpjs_ketenagakerjaan', 'makan', 'sertifikat_kompetensi'],
  eligibility: { age: { min: 18, max: 24, at: 'registration_closes' }, education: { min: 'SMA' }, domicile: ['32.16', '32.75'], status: ['tidak_bekerja', 'lulusan_baru'], preferred: ['status'],
    questions: [q.buta] } });
add({ slug: 'l8-manufaktur-karawang', kind: 'magang', field: 'manufaktur', tags: ['operator-produksi', 'pabrik'],
  title: { id: 'Magang Operator Produksi Karawang', en: 'Production operator apprenticeship, Karawang' },
  summary: { id: 'Magang 1 tahun sebagai operator produksi di pabrik elektronik Karawang.', en: 'One-year apprenticeship as a production operator in an electronics factory in Karawang.' },
  provider: { name: 'PT Heldout Elektronik Karawang', type: 'perusahaan', contact: 'wa.me/6281100000814' },
  location: loc('32', '32.15', 'KIIC, Karawang'), dates: d('2027-02-15', '2027-03-01', '2028-03-01'),
  seats: { total: 60, women: 30 }, costs: { fee_idr: 0, stipend_idr: 2200000, stipend_period: 'bulan' }, benefits: ['uang_saku', 'bpjs_ketenagakerjaan', 'transport', 'makan'],
  eligibility: { age: { min: 18, max: 25, at: 'registration_closes' }, education: { min: 'SMA' }, domicile: ['31', '32', '36'], questions: [q.buta] } });
add({ slug: 'l8-forklift-bekasi', kind: 'sertifikasi', field: 'logistik', tags: ['forklift', 'gudang', 'sio'],
  title: { id: 'Sertifikasi Operator Forklift Bekasi', en: 'Forklift operator certification, Bekasi' },
  summary: { id: 'Pelatihan singkat dan uji sertifikasi operator forklift (SIO).', en: 'Short course and forklift operator licence test (SIO).' },
  provider: { name: 'LSP Logistik Heldout', type: 'LSP', contact: 'wa.me/6281100000815' },
  location: loc('32', '32.75', 'Bekasi Barat, Kota Bekasi'), dates: d('2027-01-15', '2027-01-25', '2027-02-10'),
  seats: { total: 20 }, costs: { fee_idr: 0, stipend_idr: 0, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'transport'],
  eligibility: { age: { min: 19, max: 35, at: 'registration_closes' }, education: { min: 'SMP' }, domicile: ['32.16', '32.75', '31'] } });
add({ slug: 'l8-menjahit-bandung', field: 'menjahit', tags: ['menjahit', 'perempuan', 'ibu-muda'],
  title: { id: 'Pelatihan Menjahit untuk Perempuan Bandung', en: 'Sewing training for women, Bandung' },
  summary: { id: 'Pelatihan menjahit busana khusus perempuan, ada kelas siang untuk ibu muda.', en: 'Women-only garment sewing course, with midday classes for young mothers.' },
  provider: { name: 'BPVP Bandung (heldout)', type: 'BPVP', contact: 'wa.me/6281100000812' },
  location: loc('32', '32.73', 'Jl. Jenderal Gatot Subroto, Kota Bandung'), dates: d('2027-02-05', '2027-02-20', '2027-04-20', { id: 'Kelas pukul 10.00–14.00 untuk peserta yang mengasuh anak.', en: 'Classes 10 am–2 pm for participants caring for children.' }),
  seats: { total: 24, women: 24 }, costs: { fee_idr: 0, stipend_idr: 500000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'transport'],
  eligibility: { age: { min: 17, max: 30, at: 'registration_closes' }, education: { min: 'SMP' }, gender: 'perempuan', domicile: ['32.73', '32.04', '32.77', '32.17'] } });
add({ slug: 'l8-jaringan-cimahi', field: 'tik', tags: ['jaringan', 'komputer'],
  title: { id: 'Pelatihan Teknisi Jaringan Komputer Cimahi', en: 'Computer network technician training, Cimahi' },
  summary: { id: 'Pelatihan jaringan komputer dan fiber optik 2 bulan.', en: 'Two-month computer network and fibre-optic course.' },
  provider: { name: 'BLK Cimahi (heldout)', type: 'BLK', contact: 'wa.me/6281100000816' },
  location: loc('32', '32.77', 'Cimahi Tengah'), dates: d('2027-02-10', '2027-02-24', '2027-04-24'),
  seats: { total: 20, women: 8 }, costs: { fee_idr: 0, stipend_idr: 400000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku'],
  eligibility: { age: { min: 17, max: 27, at: 'registration_closes' }, education: { min: 'SMA' }, domicile: ['32'], questions: [q.buta] } });
add({ slug: 'l8-kopi-garut', field: 'pertanian', tags: ['kopi', 'hortikultura'],
  title: { id: 'Pelatihan Budidaya Kopi dan Hortikultura Garut', en: 'Coffee and horticulture farming training, Garut' },
  summary: { id: 'Pelatihan budidaya kopi arabika dan sayuran dataran tinggi, berasrama.', en: 'Arabica coffee and highland vegetable farming, with a dormitory.' },
  provider: { name: 'BLK Garut (heldout)', type: 'BLK', contact: 'wa.me/6281100000817' },
  location: loc('32', '32.05', 'Cikajang, Garut'), dates: d('2027-02-28', '2027-03-15', '2027-05-15'),
  seats: { total: 30, women: 10 }, costs: { fee_idr: 0, stipend_idr: 500000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'asrama', 'makan'],
  eligibility: { age: { min: 17, max: 35, at: 'registration_closes' }, education: { min: 'SD' }, domicile: ['32'] } });
add({ slug: 'l8-roti-bogor', field: 'tata_boga', tags: ['roti', 'kue', 'bakery'],
  title: { id: 'Pelatihan Tata Boga Roti dan Kue Bogor', en: 'Bread and pastry training, Bogor' },
  summary: { id: 'Pelatihan membuat roti dan kue untuk usaha rumahan.', en: 'Bread and pastry making for a home business.' },
  provider: { name: 'UPTD BLK Kota Bogor (heldout)', type: 'BLK', contact: 'wa.me/6281100000818' },
  location: loc('32', '32.71', 'Tanah Sareal, Kota Bogor'), dates: d('2027-01-31', '2027-02-10', '2027-03-10'),
  seats: { total: 20, women: 10 }, costs: { fee_idr: 0, stipend_idr: 300000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku'],
  eligibility: { age: { min: 17, max: 35, at: 'registration_closes' }, education: { min: 'SMP' }, domicile: ['32.71', '32.01', '32.76'] } });

// ---------------- BANTEN ----------------
add({ slug: 'l8-las-cilegon', kind: 'sertifikasi', field: 'las', tags: ['las', 'industri-baja', 'bnsp'],
  title: { id: 'Pelatihan dan Sertifikasi Las Cilegon', en: 'Welding training and certification, Cilegon' },
  summary: { id: 'Pelatihan las industri baja 3 bulan dengan sertifikasi BNSP dan uang saku.', en: 'Three-month steel-industry welding course with BNSP certification and allowance.' },
  provider: { name: 'BPVP Serang di Cilegon (heldout)', type: 'BPVP', contact: 'wa.me/6281100000819' },
  location: loc('36', '36.72', 'Jl. Raya Anyer, Cilegon'), dates: d('2027-01-31', '2027-02-15', '2027-05-15'),
  seats: { total: 32 }, costs: { fee_idr: 0, stipend_idr: 1500000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'bpjs_ketenagakerjaan', 'makan'],
  eligibility: { age: { min: 18, max: 28, at: 'registration_closes' }, education: { min: 'SMA' }, domicile: ['36'], questions: [q.buta] } });
add({ slug: 'l8-teknisi-ac-tangerang', field: 'refrigerasi', tags: ['ac', 'kelas-sore'],
  title: { id: 'Pelatihan Teknisi AC Kelas Sore Tangerang', en: 'Evening air-conditioning technician course, Tangerang' },
  summary: { id: 'Pelatihan servis AC kelas sore untuk yang bekerja atau mengasuh anak.', en: 'Evening AC servicing course for people who work or care for children.' },
  provider: { name: 'BLK Kota Tangerang (heldout)', type: 'BLK', contact: 'wa.me/6281100000820' },
  location: loc('36', '36.71', 'Cibodas, Kota Tangerang'), dates: d('2027-02-15', '2027-03-01', '2027-05-01', { id: 'Kelas sore 16.00–20.00, cocok untuk yang bekerja atau punya anak kecil.', en: 'Evening classes 4–8 pm, for people who work or have young children.' }),
  seats: { total: 20 }, costs: { fee_idr: 0, stipend_idr: 400000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'transport'],
  eligibility: { age: { min: 18, max: 35, at: 'registration_closes' }, education: { min: 'SMP' }, domicile: ['36'], status: ['tidak_bekerja', 'bekerja'] } });
add({ slug: 'l8-admin-serang', field: 'administrasi', tags: ['perkantoran', 'disabilitas'],
  title: { id: 'Pelatihan Administrasi Perkantoran Serang', en: 'Office administration training, Serang' },
  summary: { id: 'Pelatihan administrasi perkantoran dan Microsoft Office, ramah disabilitas.', en: 'Office administration and Microsoft Office, disability-friendly.' },
  provider: { name: 'BPVP Serang (heldout)', type: 'BPVP', contact: 'wa.me/6281100000821' },
  location: loc('36', '36.73', 'Jl. Raya Pandeglang, Kota Serang'), dates: d('2027-02-20', '2027-03-06', '2027-05-06'),
  seats: { total: 24, women: 12 }, costs: { fee_idr: 0, stipend_idr: 400000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku'],
  inclusion: { disability_friendly: true, accommodations: { id: 'Gedung dengan ramp dan toilet kursi roda, komputer dengan pembaca layar NVDA.', en: 'Building with ramps and wheelchair toilets; computers with the NVDA screen reader.' } },
  eligibility: { age: { min: 17, max: 30, at: 'registration_closes' }, education: { min: 'SMA' }, domicile: ['36'] } });
add({ slug: 'l8-pertanian-santri-lebak', field: 'pertanian', tags: ['santri', 'pesantren', 'pertanian-terpadu'],
  title: { id: 'Pelatihan Pertanian Terpadu untuk Santri dan Pemuda Lebak', en: 'Integrated farming training for santri and youth, Lebak' },
  summary: { id: 'Pelatihan pertanian dan peternakan terpadu, jadwal menyesuaikan kegiatan pesantren.', en: 'Integrated farming and livestock course, scheduled around pesantren activities.' },
  provider: { name: 'BLK Komunitas Pesantren Lebak (heldout)', type: 'BLK', contact: 'wa.me/6281100000822' },
  location: loc('36', '36.02', 'Rangkasbitung, Lebak', 'campuran'), dates: d('2027-03-01', '2027-03-15', '2027-05-15', { id: 'Kelas pagi, libur saat jadwal ngaji dan hari Jumat.', en: 'Morning classes; no classes during Quran study times or on Fridays.' }),
  seats: { total: 30, women: 10 }, costs: { fee_idr: 0, stipend_idr: 300000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'makan'],
  eligibility: { age: { min: 17, max: 45, at: 'registration_closes' }, education: { min: 'SD' }, domicile: ['36'] } });
add({ slug: 'l8-tukang-bangunan-pandeglang', field: 'konstruksi', tags: ['tukang', 'bangunan'],
  title: { id: 'Pelatihan Tukang Bangunan Pandeglang', en: 'Construction worker training, Pandeglang' },
  summary: { id: 'Pelatihan pasangan bata, plester dan keramik dengan sertifikasi konstruksi.', en: 'Bricklaying, plastering and tiling with construction certification.' },
  provider: { name: 'BLK Pandeglang (heldout)', type: 'BLK', contact: 'wa.me/6281100000823' },
  location: loc('36', '36.01', 'Pandeglang'), dates: d('2027-02-28', '2027-03-10', '2027-04-30'),
  seats: { total: 25 }, costs: { fee_idr: 0, stipend_idr: 500000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'bpjs_ketenagakerjaan'],
  eligibility: { age: { min: 18, max: 40, at: 'registration_closes' }, education: { min: 'SD' }, domicile: ['36'] } });

// ---------------- JAKARTA ----------------
add({ slug: 'l8-desain-grafis-jaksel', field: 'tik', tags: ['desain-grafis'],
  title: { id: 'Pelatihan Desain Grafis Jakarta Selatan', en: 'Graphic design training, South Jakarta' },
  summary: { id: 'Pelatihan desain grafis campuran: daring dan tatap muka di Pasar Minggu.', en: 'Blended graphic design course: online and in person in Pasar Minggu.' },
  provider: { name: 'PPKD Jakarta Selatan (heldout)', type: 'BLK', contact: 'wa.me/6281100000824' },
  location: loc('31', '31.74', 'Pasar Minggu, Jakarta Selatan', 'campuran'), dates: d('2027-01-31', '2027-02-15', '2027-04-15'),
  seats: { total: 30, women: 15 }, costs: { fee_idr: 0, stipend_idr: 0, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'makan'],
  eligibility: { age: { min: 17, max: 29, at: 'registration_closes' }, education: { min: 'SMA' }, domicile: ['31'] } });
add({ slug: 'l8-rias-pengantin-jaktim', field: 'tata_rias', tags: ['rias', 'pengantin', 'perempuan'],
  title: { id: 'Pelatihan Tata Rias Pengantin untuk Perempuan Jakarta Timur', en: 'Bridal make-up training for women, East Jakarta' },
  summary: { id: 'Pelatihan tata rias pengantin Betawi dan modern, khusus perempuan.', en: 'Betawi and modern bridal make-up, women only.' },
  provider: { name: 'PPKD Jakarta Timur (heldout)', type: 'BLK', contact: 'wa.me/6281100000825' },
  location: loc('31', '31.75', 'Pulo Gadung, Jakarta Timur'), dates: d('2027-02-10', '2027-02-24', '2027-04-24'),
  seats: { total: 20, women: 20 }, costs: { fee_idr: 0, stipend_idr: 0, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'makan'],
  eligibility: { age: { min: 17, max: 30, at: 'registration_closes' }, education: { min: 'SMP' }, gender: 'perempuan', domicile: ['31'] } });
add({ slug: 'l8-kuliner-betawi-jakut', field: 'kewirausahaan', tags: ['kuliner', 'betawi', 'usaha'],
  title: { id: 'Pelatihan Usaha Kuliner Betawi Jakarta Utara', en: 'Betawi food business training, North Jakarta' },
  summary: { id: 'Pelatihan masak kuliner Betawi dan memulai usaha makanan.', en: 'Cooking Betawi food and starting a food business.' },
  provider: { name: 'PPKD Jakarta Utara (heldout)', type: 'BLK', contact: 'wa.me/6281100000826' },
  location: loc('31', '31.72', 'Koja, Jakarta Utara'), dates: d('2027-02-15', '2027-03-01', '2027-04-01'),
  seats: { total: 25, women: 10 }, costs: { fee_idr: 0, stipend_idr: 300000, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'uang_saku', 'makan'],
  eligibility: { age: { min: 17, max: 29, at: 'registration_closes' }, education: { min: 'SMP' }, domicile: ['31'] } });
add({ slug: 'l8-bahasa-korea-jakbar', field: 'bahasa', tags: ['bahasa-korea', 'eps-topik', 'korea'],
  title: { id: 'Kursus Bahasa Korea Persiapan EPS-TOPIK Jakarta Barat', en: 'Korean language course for EPS-TOPIK, West Jakarta' },
  summary: { id: 'Kursus bahasa Korea 3 bulan untuk persiapan ujian EPS-TOPIK.', en: 'Three-month Korean course preparing for the EPS-TOPIK test.' },
  provider: { name: 'BPVP Jakarta Barat (heldout)', type: 'BPVP', contact: 'wa.me/6281100000827' },
  location: loc('31', '31.73', 'Kembangan, Jakarta Barat', 'campuran'), dates: d('2027-01-31', '2027-02-15', '2027-05-15'),
  seats: { total: 40, women: 15 }, costs: { fee_idr: 0, stipend_idr: 0, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi'],
  eligibility: { age: { min: 18, max: 39, at: 'registration_closes' }, education: { min: 'SMP' } } });

// ---------------- OVERSEAS ----------------
add({ slug: 'l8-kaigo-jepang', kind: 'magang_luar_negeri', field: 'perawatan', tags: ['kaigo', 'bahasa-jepang', 'jepang'], destination_country: 'JP',
  title: { id: 'Magang Perawat Lansia (Kaigo) di Jepang', en: 'Elderly-care (kaigo) apprenticeship in Japan' },
  summary: { id: 'Pelatihan bahasa Jepang 4 bulan berasrama di Bekasi, lalu magang 3 tahun di panti lansia di Jepang.', en: 'Four months of residential Japanese training in Bekasi, then a three-year apprenticeship in a Japanese care home.' },
  provider: { name: 'BPVP Bekasi (heldout)', type: 'BPVP', contact: 'wa.me/6281100000828' },
  location: loc('32', '32.16', 'Cibitung, Bekasi'), dates: d('2027-03-15', '2027-04-01', '2030-08-01'),
  seats: { total: 40, women: 25 }, costs: { fee_idr: 0, stipend_idr: 750000, stipend_period: 'bulan' }, benefits: ['asrama', 'makan', 'uang_saku', 'bpjs_ketenagakerjaan'],
  eligibility: { age: { min: 18, max: 27, at: 'registration_closes' }, education: { min: 'SMA' },
    questions: [q.tinggi(150), q.tato, { id: 'jlpt', ask: { id: 'Level bahasa Jepangmu?', en: 'Your Japanese level?' }, type: 'choice', options: ['belum', 'N5', 'N4', 'N3'] }] },
  application: { documents: ['ktp', 'ijazah', 'pas_foto', 'surat_sehat', 'paspor', 'skck'] } });
add({ slug: 'l8-komponen-mobil-jepang', kind: 'magang_luar_negeri', field: 'manufaktur', tags: ['jepang', 'otomotif', 'pabrik'], destination_country: 'JP',
  title: { id: 'Magang Pabrik Komponen Mobil di Jepang', en: 'Car-parts factory apprenticeship in Japan' },
  summary: { id: 'Pelatihan bahasa Jepang berasrama di Serang, lalu magang 3 tahun di pabrik komponen mobil di Aichi.', en: 'Residential Japanese training in Serang, then three years in a car-parts factory in Aichi.' },
  provider: { name: 'LPK Heldout Nihon Banten', type: 'LPK', contact: 'wa.me/6281100000829' },
  location: loc('36', '36.73', 'Kota Serang'), dates: d('2027-02-28', '2027-03-15', '2030-07-01'),
  seats: { total: 30, women: 5 }, costs: { fee_idr: 0, stipend_idr: 0, stipend_period: 'bulan' }, benefits: ['asrama', 'makan', 'bpjs_ketenagakerjaan'],
  eligibility: { age: { min: 18, max: 26, at: 'registration_closes' }, education: { min: 'SMA' }, questions: [q.tinggi(160), q.buta, q.tato] },
  application: { documents: ['ktp', 'kk', 'ijazah', 'pas_foto', 'surat_sehat', 'paspor', 'skck'] } });
add({ slug: 'l8-eps-korea-manufaktur', kind: 'magang_luar_negeri', field: 'manufaktur', tags: ['korea', 'eps-topik', 'g-to-g'], destination_country: 'KR',
  title: { id: 'Persiapan Kerja Manufaktur Korea lewat EPS-TOPIK', en: 'Preparation for manufacturing work in Korea via EPS-TOPIK' },
  summary: { id: 'Persiapan jalur resmi G to G (EPS) ke Korea: bahasa Korea, simulasi ujian, dan tes keterampilan.', en: 'Preparation for the official G-to-G (EPS) route to Korea: Korean language, test practice and skills test.' },
  provider: { name: 'BPVP Jakarta Barat (heldout)', type: 'BPVP', contact: 'wa.me/6281100000827' },
  location: loc('31', '31.73', 'Kembangan, Jakarta Barat'), dates: d('2027-02-28', '2027-03-15', '2027-06-15'),
  seats: { total: 50, women: 10 }, costs: { fee_idr: 0, stipend_idr: 0, stipend_period: 'bulan' }, benefits: ['sertifikat_kompetensi', 'makan'],
  eligibility: { age: { min: 18, max: 39, at: 'registration_closes' }, education: { min: 'SMP' }, questions: [q.buta, q.tato] },
  application: { documents: ['ktp', 'ijazah', 'pas_foto', 'paspor', 'surat_sehat'] } });
add({ slug: 'l8-caregiver-taiwan', kind: 'magang_luar_negeri', field: 'perawatan', tags: ['taiwan', 'caregiver', 'perempuan'], destination_country: 'TW',
  title: { id: 'Magang Caregiver Perempuan di Taiwan', en: 'Caregiver apprenticeship for women in Taiwan' },
  summary: { id: 'Pelatihan perawatan dan bahasa Mandarin berasrama di Mataram, lalu magang di panti di Taiwan.', en: 'Residential care and Mandarin training in Mataram, then an apprenticeship in a Taiwanese care home.' },
  provider: { name: 'LPK Heldout Formosa NTB', type: 'LPK', contact: 'wa.me/6281100000830' },
  location: loc('52', '52.71', 'Mataram'), dates: d('2027-03-01', '2027-03-20', '2029-03-20'),
  seats: { total: 30, women: 30 }, costs: { fee_idr: 0, stipend_idr: 600000, stipend_period: 'bulan' }, benefits: ['asrama', 'makan', 'uang_saku', 'bpjs_ketenagakerjaan'],
  eligibility: { age: { min: 20, max: 30, at: 'registration_closes' }, education: { min: 'SMP' }, gender: 'perempuan', questions: [q.tinggi(150), q.tato] },
  application: { documents: ['ktp', 'kk', 'ijazah', 'pas_foto', 'surat_sehat', 'paspor'] } });

fs.writeFileSync(__dirname + '/catalogue.json', JSON.stringify(P, null, 2) + '\n');
console.log('programmes:', P.length);
