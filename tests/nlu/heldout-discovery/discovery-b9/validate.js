// node validate.js — checks catalogue.json and queries.json of batch b9 (no dependencies). Exit 1 on error.
const fs = require('fs');
const path = require('path');
const dir = __dirname;
const cat = JSON.parse(fs.readFileSync(path.join(dir, 'catalogue.json'), 'utf8'));
const qs = JSON.parse(fs.readFileSync(path.join(dir, 'queries.json'), 'utf8'));
// area codes: the idn-area-data CSVs when unpacked in /tmp/package, else the extract shipped here
let PROV, REG;
const csvDir = '/tmp/package/data';
if (fs.existsSync(path.join(csvDir, 'regencies.csv'))) {
  const rd = (f) => fs.readFileSync(path.join(csvDir, f), 'utf8').trim().split('\n').slice(1).map(l => l.split(','));
  PROV = Object.fromEntries(rd('provinces.csv').map(r => [r[0], r[1]]));
  REG = Object.fromEntries(rd('regencies.csv').map(r => [r[0], [r[1], r[2]]]));
} else {
  const a = JSON.parse(fs.readFileSync(path.join(dir, 'area-codes.json'), 'utf8'));
  PROV = a.provinces; REG = a.regencies;
}
const errs = [];
const err = (m) => errs.push(m);
const KINDS = ['pelatihan', 'magang', 'magang_luar_negeri', 'sertifikasi'];
const FIELDS = ['tik', 'las', 'otomotif', 'listrik', 'menjahit', 'tata_boga', 'tata_rias', 'perhotelan', 'pertanian', 'manufaktur', 'bahasa', 'kewirausahaan', 'perawatan', 'konstruksi', 'refrigerasi', 'logistik', 'administrasi'];
const PTYPES = ['BLK', 'BPVP', 'LPK', 'LSP', 'perusahaan', 'organisasi'];
const EDU = ['SD', 'SMP', 'SMA', 'SMK', 'MA', 'D1', 'D2', 'D3', 'S1', 'D4', 'S2', 'S3'];
const TODAY = '2026-12-07';
const slugs = new Set();
const provs = new Set(), countries = new Set(), kinds = {}, fields = {}, modes = {};
const codeOk = (c) => (c.length === 2 ? !!PROV[c] : !!REG[c]);
for (const [i, p] of cat.entries()) {
  const at = `catalogue[${i}] ${p.slug}`;
  if (!/^b9-[a-z0-9-]+$/.test(p.slug || '')) err(`${at}: bad slug`);
  if (slugs.has(p.slug)) err(`${at}: duplicate slug`);
  slugs.add(p.slug);
  if (!KINDS.includes(p.kind)) err(`${at}: kind`);
  if (!FIELDS.includes(p.field)) err(`${at}: field ${p.field}`);
  for (const k of ['title', 'summary']) if (!p[k] || !p[k].id || !p[k].en) err(`${at}: ${k} id/en`);
  if (!PTYPES.includes(p.provider?.type)) err(`${at}: provider type`);
  const L = p.location || {};
  if (!PROV[L.province]) err(`${at}: province ${L.province}`);
  if (!REG[L.regency] || REG[L.regency][0] !== L.province) err(`${at}: regency ${L.regency}`);
  if (!['luring', 'daring', 'campuran'].includes(L.mode)) err(`${at}: mode`);
  const d = p.dates || {};
  if (!(d.registration_opens <= TODAY && d.registration_closes >= '2027-01-01' && d.registration_closes <= '2027-03-31')) err(`${at}: dates`);
  if (!(d.starts > d.registration_closes && d.ends > d.starts)) err(`${at}: start/end`);
  if (p.status !== 'open') err(`${at}: status`);
  if (p.application?.organisation !== 'heldout-org') err(`${at}: organisation`);
  if (p.kind === 'magang_luar_negeri') { if (!/^[A-Z]{2}$/.test(p.destination_country || '')) err(`${at}: destination_country`); else countries.add(p.destination_country); }
  else if (p.destination_country) err(`${at}: destination_country on domestic programme`);
  const e = p.eligibility || {};
  if (e.age && !(e.age.min < e.age.max && e.age.at === 'registration_closes')) err(`${at}: age`);
  if (e.education && !EDU.includes(e.education.min)) err(`${at}: education`);
  if (e.gender && e.gender !== 'perempuan') err(`${at}: gender`);
  for (const c of e.domicile || []) if (!codeOk(c)) err(`${at}: domicile code ${c}`);
  if (p.seats?.women > p.seats?.total) err(`${at}: seats`);
  provs.add(L.province); kinds[p.kind] = (kinds[p.kind] || 0) + 1; fields[p.field] = (fields[p.field] || 0) + 1; modes[L.mode] = (modes[L.mode] || 0) + 1;
}
if (cat.length < 100 || cat.length > 130) err(`catalogue size ${cat.length} not in 100–130`);
if (provs.size < 25) err(`only ${provs.size} provinces`);
if (countries.size < 8) err(`only ${countries.size} countries`);
const ids = new Set();
let none = 0;
for (const [i, q] of qs.entries()) {
  const at = `queries[${i}] ${q.id}`;
  if (!/^b9-\d{3}$/.test(q.id) || ids.has(q.id)) err(`${at}: id`);
  ids.add(q.id);
  if (!q.text || typeof q.text !== 'string') err(`${at}: text`);
  if (!Array.isArray(q.relevant) || !Array.isArray(q.acceptable)) { err(`${at}: lists`); continue; }
  for (const s of [...q.relevant, ...q.acceptable]) if (!slugs.has(s)) err(`${at}: unknown slug ${s}`);
  for (const s of q.relevant) if (q.acceptable.includes(s)) err(`${at}: ${s} in both lists`);
  if (new Set(q.relevant).size !== q.relevant.length) err(`${at}: duplicate in relevant`);
  if (!q.relevant.length) none++;
}
if (qs.length < 300) err(`only ${qs.length} queries`);
const share = none / qs.length;
if (share < 0.1 || share > 0.2) err(`nothing-fits share ${share.toFixed(3)} outside 0.10–0.20`);
const byKind = {}; for (const q of qs) for (const s of q.relevant) { const k = cat.find(p => p.slug === s).kind; byKind[k] = (byKind[k] || 0) + 1; }
console.log(`programmes: ${cat.length}; provinces: ${provs.size}; countries: ${[...countries].sort().join(',')} (${countries.size})`);
console.log('kinds:', JSON.stringify(kinds));
console.log('fields:', JSON.stringify(fields));
console.log('modes:', JSON.stringify(modes));
console.log(`queries: ${qs.length}; nothing-fits: ${none} (${(share * 100).toFixed(1)} %); relevant slots by kind: ${JSON.stringify(byKind)}`);
const unused = [...slugs].filter(s => !qs.some(q => q.relevant.includes(s)));
console.log(`programmes never relevant: ${unused.length}${unused.length ? ' (' + unused.join(', ') + ')' : ''}`);
if (errs.length) { console.log(`ERRORS (${errs.length}):\n` + errs.join('\n')); process.exit(1); }
console.log('OK');
