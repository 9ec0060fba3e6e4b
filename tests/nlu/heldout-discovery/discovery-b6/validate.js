// node validate.js — checks catalogue.json and queries.json of batch b6; prints counts; exit 1 on error.
// Needs the idn-area-data CSVs: set IDN_AREA_DATA=/path/to/package/data, or it looks in ./idn-area-data and /tmp/package/data.
const fs = require('fs');
const path = require('path');
const errors = []; const warns = [];
const err = (m) => errors.push(m); const warn = (m) => warns.push(m);
const dirs = [process.env.IDN_AREA_DATA, path.join(__dirname, 'idn-area-data'), '/tmp/package/data'].filter(Boolean);
const dataDir = dirs.find((d) => fs.existsSync(path.join(d, 'regencies.csv')));
if (!dataDir) { console.error('idn-area-data not found (cd /tmp && npm pack idn-area-data@3 && tar xzf idn-area-data-*.tgz)'); process.exit(1); }
const csv = (f) => fs.readFileSync(path.join(dataDir, f), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const provinces = new Map(csv('provinces.csv').map(([c, n]) => [c, n]));
const regencies = new Map(csv('regencies.csv').map(([c, p, n]) => [c, { p, n }]));

const cat = JSON.parse(fs.readFileSync(path.join(__dirname, 'catalogue.json'), 'utf8'));
const qs = JSON.parse(fs.readFileSync(path.join(__dirname, 'queries.json'), 'utf8'));
const KINDS = ['pelatihan', 'magang', 'magang_luar_negeri', 'sertifikasi'];
const PTYPES = ['BLK', 'BPVP', 'LPK', 'LSP', 'perusahaan', 'organisasi'];
const MODES = ['luring', 'daring', 'campuran'];
const BEN = ['sertifikat_kompetensi', 'bpjs_ketenagakerjaan', 'uang_saku', 'asrama', 'makan', 'transport'];
const DOCS = ['ktp', 'ijazah', 'cv', 'pas_foto', 'surat_sehat', 'paspor', 'sertifikat_bahasa'];
const EDU = ['SD', 'SMP', 'SMA', 'SMK', 'MA', 'D1', 'D2', 'D3', 'S1', 'D4', 'S2', 'S3'];
const STATUS = ['tidak_bekerja', 'bekerja', 'pelajar', 'mahasiswa', 'lulusan_baru'];
const FIELDS = ['tik', 'las', 'otomotif', 'listrik', 'menjahit', 'tata_boga', 'tata_rias', 'perhotelan', 'pertanian', 'manufaktur', 'bahasa', 'kewirausahaan', 'perawatan', 'konstruksi', 'refrigerasi', 'logistik', 'administrasi',
  'elektronika', 'kerajinan', 'pariwisata', 'pemasaran', 'perikanan', 'kesehatan'];
const isDate = (s) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s));
const TODAY = '2026-12-07';
const slugs = new Set();
if (!Array.isArray(cat)) err('catalogue.json is not an array');
if (cat.length < 100 || cat.length > 120) err(`catalogue has ${cat.length} programmes (want 100–120)`);
for (const [i, p] of cat.entries()) {
  const at = `catalogue[${i}] ${p.slug}`;
  if (typeof p.slug !== 'string' || !/^b6-[a-z0-9-]+$/.test(p.slug)) err(`${at}: bad slug`);
  if (slugs.has(p.slug)) err(`${at}: duplicate slug`); slugs.add(p.slug);
  if (!KINDS.includes(p.kind)) err(`${at}: kind`);
  if (!p.title || !p.title.id) err(`${at}: title.id`);
  if (!p.summary || !p.summary.id) err(`${at}: summary.id`);
  if (!FIELDS.includes(p.field)) warn(`${at}: field ${p.field} not in the known list`);
  if (!Array.isArray(p.tags)) err(`${at}: tags`);
  if (!p.provider || !p.provider.name || !PTYPES.includes(p.provider.type)) err(`${at}: provider`);
  const l = p.location || {};
  if (!provinces.has(l.province)) err(`${at}: province ${l.province}`);
  const rg = regencies.get(l.regency);
  if (!rg) err(`${at}: regency ${l.regency}`); else if (rg.p !== l.province) err(`${at}: regency ${l.regency} not in province ${l.province}`);
  if (!MODES.includes(l.mode)) err(`${at}: mode`);
  if (!l.venue) err(`${at}: venue`);
  if (p.kind === 'magang_luar_negeri') { if (!/^[A-Z]{2}$/.test(p.destination_country || '')) err(`${at}: destination_country`); }
  else if (p.destination_country) err(`${at}: destination_country on a domestic programme`);
  const d = p.dates || {};
  for (const k of ['registration_opens', 'registration_closes', 'starts', 'ends']) if (!isDate(d[k])) err(`${at}: dates.${k}`);
  if (!(d.registration_opens <= TODAY && TODAY < d.registration_closes)) err(`${at}: registration not open on ${TODAY}`);
  if (!(d.registration_closes >= '2027-01-01' && d.registration_closes <= '2027-03-31')) err(`${at}: closes outside Jan–Mar 2027`);
  if (!(d.registration_closes < d.starts && d.starts < d.ends)) err(`${at}: date order`);
  if (!p.seats || !(p.seats.total > 0) || (p.seats.women != null && p.seats.women > p.seats.total)) err(`${at}: seats`);
  if (!p.costs || typeof p.costs.fee_idr !== 'number') err(`${at}: costs.fee_idr`);
  if (p.costs && p.costs.stipend_idr != null && !p.costs.stipend_period) err(`${at}: stipend_period`);
  for (const b of p.benefits || []) if (!BEN.includes(b)) err(`${at}: benefit ${b}`);
  if (!p.inclusion || typeof p.inclusion.disability_friendly !== 'boolean') err(`${at}: inclusion`);
  if (p.inclusion && p.inclusion.disability_friendly && !(p.inclusion.accommodations && p.inclusion.accommodations.id)) err(`${at}: accommodations`);
  const e = p.eligibility || {};
  if (e.age && !(e.age.min <= e.age.max && e.age.at === 'registration_closes')) err(`${at}: age`);
  if (e.education && !EDU.includes(e.education.min)) err(`${at}: education`);
  if (e.gender && e.gender !== 'perempuan') err(`${at}: gender`);
  if (e.gender === 'perempuan' && p.seats && p.seats.women !== p.seats.total) warn(`${at}: women-only but women seats ≠ total`);
  for (const c of e.domicile || []) if (!(provinces.has(c) || regencies.has(c))) err(`${at}: domicile code ${c}`);
  for (const s of e.status || []) if (!STATUS.includes(s)) err(`${at}: status ${s}`);
  for (const q of e.questions || []) {
    if (!q.id || !q.ask || !q.ask.id || !['yes_no', 'number', 'choice'].includes(q.type)) err(`${at}: question ${q.id}`);
    if (q.type === 'choice' && !Array.isArray(q.options)) err(`${at}: question options ${q.id}`);
  }
  const a = p.application || {};
  if (!['in_chat', 'external'].includes(a.mode)) err(`${at}: application.mode`);
  if (a.mode === 'external' && !a.url) err(`${at}: external without url`);
  for (const doc of a.documents || []) if (!DOCS.includes(doc)) err(`${at}: document ${doc}`);
  if (a.organisation !== 'heldout-org') err(`${at}: organisation`);
  if (!isDate(p.verified_at)) err(`${at}: verified_at`);
  if (p.status !== 'open') err(`${at}: status`);
}
// queries
const ids = new Set();
if (!Array.isArray(qs) || qs.length < 240) err(`queries: need at least 240 (have ${qs.length})`);
const relCount = new Map([...slugs].map((s) => [s, 0]));
for (const [i, q] of qs.entries()) {
  const at = `queries[${i}] ${q.id}`;
  if (!/^b6-\d{3}$/.test(q.id || '')) err(`${at}: id`);
  if (ids.has(q.id)) err(`${at}: duplicate id`); ids.add(q.id);
  if (typeof q.text !== 'string' || !q.text.trim()) err(`${at}: text`);
  if (!Array.isArray(q.relevant) || !Array.isArray(q.acceptable)) { err(`${at}: lists`); continue; }
  for (const s of [...q.relevant, ...q.acceptable]) if (!slugs.has(s)) err(`${at}: unknown slug ${s}`);
  for (const s of q.relevant) if (q.acceptable.includes(s)) err(`${at}: ${s} both relevant and acceptable`);
  if (new Set(q.relevant).size !== q.relevant.length || new Set(q.acceptable).size !== q.acceptable.length) err(`${at}: duplicate slug in a list`);
  if (typeof q.note !== 'string') err(`${at}: note`);
  q.relevant.forEach((s) => relCount.set(s, (relCount.get(s) || 0) + 1));
}
const texts = new Map(); for (const q of qs) { const t = q.text.toLowerCase().trim(); if (texts.has(t)) warn(`duplicate text ${q.id} = ${texts.get(t)}`); texts.set(t, q.id); }
// counts
const bySlug = new Map(cat.map((p) => [p.slug, p]));
const tally = (keyOf) => { const m = new Map(); for (const p of cat) { const k = keyOf(p); if (k == null) continue; const e = m.get(k) || [0, 0]; e[0]++; m.set(k, e); }
  for (const q of qs) { const seen = new Set(q.relevant.map((s) => keyOf(bySlug.get(s))).filter((k) => k != null)); for (const k of seen) m.get(k)[1]++; } return [...m].sort((a, b) => String(a[0]).localeCompare(String(b[0]))); };
const table = (title, rows, name = (k) => k) => { console.log(`\n${title}\n  ${'value'.padEnd(34)} programmes  queries-where-relevant`); for (const [k, [n, r]] of rows) console.log(`  ${String(name(k)).padEnd(34)} ${String(n).padStart(10)}  ${String(r).padStart(22)}`); };
const nothing = qs.filter((q) => !q.relevant.length).length;
const sizes = { 0: 0, 1: 0, '2-5': 0, '6+': 0 }; for (const q of qs) { const n = q.relevant.length; sizes[n === 0 ? 0 : n === 1 ? 1 : n <= 5 ? '2-5' : '6+']++; }
const java = cat.filter((p) => ['31', '32', '33', '34', '35', '36'].includes(p.location.province)).length;
console.log(`catalogue.json: ${cat.length} programmes, ${new Set(cat.map((p) => p.location.province)).size} provinces (Java ${java}), ${new Set(cat.map((p) => p.field)).size} fields, ${new Set(cat.map((p) => p.destination_country).filter(Boolean)).size} destination countries`);
console.log(`  women-only ${cat.filter((p) => p.eligibility.gender === 'perempuan').length}, disability-friendly ${cat.filter((p) => p.inclusion.disability_friendly).length}, domicile-restricted ${cat.filter((p) => p.eligibility.domicile).length}, with questions ${cat.filter((p) => (p.eligibility.questions || []).length).length}, with stipend ${cat.filter((p) => p.costs.stipend_idr).length}, external application ${cat.filter((p) => p.application.mode === 'external').length}`);
console.log(`queries.json: ${qs.length} queries; nothing-fits ${nothing} (${(100 * nothing / qs.length).toFixed(1)} %); relevant-list sizes 0→${sizes[0]}, 1→${sizes[1]}, 2–5→${sizes['2-5']}, 6+→${sizes['6+']}; with acceptable ${qs.filter((q) => q.acceptable.length).length}`);
const never = [...relCount].filter(([, n]) => !n).map(([s]) => s);
console.log(`programmes never relevant: ${never.length ? never.join(', ') : 'none'}`);
table('kind', tally((p) => p.kind));
table('mode', tally((p) => p.location.mode));
table('field', tally((p) => p.field));
table('province', tally((p) => p.location.province), (k) => `${k} ${provinces.get(k)}`);
table('destination', tally((p) => p.destination_country || null));
warns.forEach((w) => console.log('WARN', w));
errors.forEach((e) => console.log('ERROR', e));
console.log(`\nerrors: ${errors.length}, warnings: ${warns.length}`);
process.exit(errors.length ? 1 : 0);
