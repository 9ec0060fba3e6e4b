// Builds catalogue.json from programmes.js and queries.json from queries-src.js
const fs = require('fs');
const P = require('./programmes.js');
const QLIB = {
  tato: { id: 'tato', ask: { id: 'Apakah kamu memiliki tato?' }, type: 'yes_no', require: false, explain: { id: 'Program ini mensyaratkan tidak bertato.' } },
  tinggi: { id: 'tinggi_cm', ask: { id: 'Berapa tinggi badanmu (cm)?' }, type: 'number', require: { min: 158 }, explain: { id: 'Tinggi minimal 158 cm.' } },
  berenang: { id: 'berenang', ask: { id: 'Apakah kamu bisa berenang?' }, type: 'yes_no', require: true, explain: { id: 'Peserta wajib bisa berenang karena bekerja di laut.' } },
  las_exp: { id: 'bisa_las', ask: { id: 'Apakah kamu sudah bisa mengelas (pernah praktik atau kerja las)?' }, type: 'yes_no', require: true, explain: { id: 'Program ini untuk yang sudah bisa las dasar.' } },
  sim: { id: 'punya_sim', ask: { id: 'Apakah kamu punya SIM (A atau B)?' }, type: 'yes_no', require: true, explain: { id: 'Operator alat berat wajib memiliki SIM.' } },
  buta_warna: { id: 'buta_warna', ask: { id: 'Apakah kamu buta warna?' }, type: 'yes_no', require: false, explain: { id: 'Pekerjaan ini membutuhkan penglihatan warna normal (kabel/indikator).' } },
  jlpt_any: { id: 'jlpt', ask: { id: 'Level bahasa Jepangmu sekarang?' }, type: 'choice', options: ['belum', 'N5', 'N4', 'N3'] },
  jerman_level: { id: 'level_jerman', ask: { id: 'Level bahasa Jermanmu sekarang?' }, type: 'choice', options: ['belum', 'A1', 'A2', 'B1'] },
  pengalaman_ac: { id: 'pengalaman_ac', ask: { id: 'Apakah kamu sudah pernah bekerja memasang/servis AC?' }, type: 'yes_no', require: true, explain: { id: 'Uji kompetensi ini untuk teknisi yang sudah berpengalaman.' } },
  pengalaman_barista: { id: 'pengalaman_barista', ask: { id: 'Apakah kamu sudah pernah bekerja sebagai barista?' }, type: 'yes_no', require: true, explain: { id: 'Uji kompetensi ini untuk barista yang sudah bekerja.' } },
  takut_tinggi: { id: 'takut_tinggi', ask: { id: 'Apakah kamu takut ketinggian?' }, type: 'yes_no', require: false, explain: { id: 'Pekerjaan ini di ketinggian.' } },
};
let n = 0;
const cat = P.map(([slug, kind, field, tid, ten, pname, ptype, reg, sum, o]) => {
  n++;
  const prov = reg.split('.')[0];
  const st = o.st || 'open';
  const dates = st === 'closed'
    ? { registration_opens: '2026-09-01', registration_closes: '2026-11-20', starts: '2026-12-01', ends: '2027-02-28' }
    : st === 'upcoming'
      ? { registration_opens: '2027-01-05', registration_closes: '2027-02-20', starts: '2027-03-08', ends: '2027-06-30' }
      : { registration_opens: n % 2 ? '2026-11-16' : '2026-12-01', registration_closes: n % 3 ? '2027-01-15' : '2027-01-31', starts: '2027-02-08', ends: kind === 'magang_luar_negeri' ? '2027-06-30' : '2027-04-30' };
  if (o.sched) dates.schedule_note = { id: o.sched };
  const total = o.seats || (kind === 'magang_luar_negeri' ? 30 : kind === 'sertifikasi' ? 25 : kind === 'magang' ? 20 : 24);
  const seats = { total };
  if (o.wq) seats.women = Math.min(o.wq, total);
  if (o.wo) seats.women = total;
  const elig = { age: { min: o.age[0], max: o.age[1], at: 'registration_closes' }, education: { min: o.edu } };
  if (o.wo) elig.gender = 'perempuan';
  if (o.dom) elig.domicile = o.dom;
  if (kind === 'magang') elig.status = ['tidak_bekerja', 'lulusan_baru'], elig.preferred = ['status'];
  if (o.q) elig.questions = o.q.map(k => QLIB[k]);
  const rec = {
    slug, kind,
    title: { id: tid, en: ten },
    summary: { id: sum },
    field, tags: o.tags || [],
    provider: { name: pname, type: ptype, contact: 'wa.me/6281' + String(200000000 + n * 7919).slice(0, 9) },
    location: { province: prov, regency: reg, venue: o.mode === 'daring' ? 'Daring (Zoom/aplikasi)' : 'Kantor ' + pname, mode: o.mode || 'luring' },
  };
  if (o.cc) rec.destination_country = o.cc;
  Object.assign(rec, {
    dates, seats,
    costs: { fee_idr: o.fee || 0, stipend_idr: o.stip || 0, stipend_period: o.stip ? 'bulan' : null },
    benefits: o.ben || [],
    inclusion: o.dis ? { disability_friendly: true, accommodations: { id: o.dis } } : { disability_friendly: false },
    eligibility: elig,
    application: { mode: n % 5 === 0 ? 'external' : 'in_chat', url: n % 5 === 0 ? 'https://daftar.example.id/' + slug : null,
      documents: kind === 'magang_luar_negeri' ? ['ktp', 'ijazah', 'pas_foto', 'surat_sehat', 'paspor'] : ['ktp', 'ijazah', 'pas_foto'], organisation: 'jembatan-mitra' },
    sources: ['https://info.example.id/' + slug],
    verified_at: '2026-11-' + String(18 + (n % 10)).padStart(2, '0'),
    status: st === 'closed' ? 'closed' : 'open',
  });
  if (rec.costs.stipend_period === null) delete rec.costs.stipend_period;
  rec._st = st; // removed below, used by queries
  return rec;
});
const meta = Object.fromEntries(cat.map(r => [r.slug, { st: r._st }]));
cat.forEach(r => delete r._st);
fs.writeFileSync(__dirname + '/catalogue.json', JSON.stringify(cat, null, 2) + '\n');
fs.writeFileSync(__dirname + '/.meta.json', JSON.stringify(meta));
const Q = require('./queries-src.js');
fs.writeFileSync(__dirname + '/queries.json', JSON.stringify({ batch: 'b11', queries: Q }, null, 2) + '\n');
console.log('programmes', cat.length, 'queries', Q.length);
