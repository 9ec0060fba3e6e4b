#!/usr/bin/env node
// Validates held-out discovery batch b10 (no dependencies). Exits 1 on any error.
const fs = require('fs');
const path = require('path');
const D = __dirname, B = 'b10';
const errors = [];
const err = (m) => errors.push(m);
const cat = JSON.parse(fs.readFileSync(path.join(D, 'catalogue.json'), 'utf8'));
const qs = JSON.parse(fs.readFileSync(path.join(D, 'queries.json'), 'utf8'));
const csv = (f) => fs.readFileSync(path.join(D, 'area', f), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const PROV = new Set(csv('provinces.csv').map((r) => r[0]));
const REG = new Map(csv('regencies.csv').map((r) => [r[0], r[1]]));

const KINDS = ['pelatihan', 'magang', 'magang_luar_negeri', 'sertifikasi'];
const FIELDS = ['tik', 'las', 'otomotif', 'listrik', 'menjahit', 'tata_boga', 'tata_rias', 'perhotelan', 'pertanian', 'manufaktur', 'bahasa', 'kewirausahaan', 'perawatan', 'konstruksi', 'refrigerasi', 'logistik', 'administrasi'];
const PTYPES = ['BLK', 'BPVP', 'LPK', 'LSP', 'perusahaan', 'organisasi'];
const MODES = ['luring', 'daring', 'campuran'];
const BENEFITS = ['sertifikat_kompetensi', 'bpjs_ketenagakerjaan', 'uang_saku', 'asrama', 'makan', 'transport'];
const DOCS = ['ktp', 'ijazah', 'cv', 'pas_foto', 'surat_sehat', 'paspor', 'sertifikat_bahasa'];
const EDU = ['SD', 'SMP', 'SMA', 'SMK', 'MA', 'D1', 'D2', 'D3', 'S1', 'D4', 'S2', 'S3'];
const STATUS = ['tidak_bekerja', 'bekerja', 'pelajar', 'mahasiswa', 'lulusan_baru'];
const QTYPES = ['yes_no', 'number', 'choice'];
const TOP = ['slug', 'kind', 'title', 'summary', 'field', 'tags', 'provider', 'location', 'destination_country', 'dates', 'seats', 'costs', 'benefits', 'inclusion', 'eligibility', 'application', 'sources', 'verified_at', 'status'];
const ELKEYS = ['age', 'education', 'gender', 'domicile', 'status', 'graduated_within_years', 'preferred', 'questions'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const txt = (o, k, w) => { if (!o || typeof o.id !== 'string' || !o.id.trim() || typeof o.en !== 'string' || !o.en.trim()) err(`${w}: ${k} needs non-empty id and en`); };

// ---------- catalogue
if (!Array.isArray(cat)) err('catalogue is not an array');
if (cat.length < 110 || cat.length > 130) err(`catalogue has ${cat.length} records (110–130 wanted)`);
const slugs = new Set();
for (const [i, r] of cat.entries()) {
  const w = `catalogue[${i}] ${r.slug}`;
  for (const k of Object.keys(r)) if (!TOP.includes(k)) err(`${w}: unknown key ${k}`);
  if (!/^b10-[a-z0-9-]+$/.test(r.slug || '')) err(`${w}: bad slug`);
  if (slugs.has(r.slug)) err(`${w}: duplicate slug`); slugs.add(r.slug);
  if (!KINDS.includes(r.kind)) err(`${w}: kind ${r.kind}`);
  if (!FIELDS.includes(r.field)) err(`${w}: field ${r.field}`);
  txt(r.title, 'title', w); txt(r.summary, 'summary', w);
  if (!Array.isArray(r.tags) || r.tags.some((t) => !/^[a-z0-9-]+$/.test(t))) err(`${w}: tags`);
  if (!r.provider || !r.provider.name || !PTYPES.includes(r.provider.type)) err(`${w}: provider`);
  const L = r.location || {};
  if (!PROV.has(L.province)) err(`${w}: province ${L.province}`);
  if (L.regency && (REG.get(L.regency) !== L.province)) err(`${w}: regency ${L.regency} not in province ${L.province}`);
  if (!MODES.includes(L.mode)) err(`${w}: mode ${L.mode}`);
  if (r.kind === 'magang_luar_negeri') { if (!/^[A-Z]{2}$/.test(r.destination_country || '')) err(`${w}: destination_country`); }
  else if ('destination_country' in r) err(`${w}: destination_country on a domestic programme`);
  const d = r.dates || {};
  for (const k of ['registration_opens', 'registration_closes', 'starts', 'ends']) if (!DATE.test(d[k] || '')) err(`${w}: dates.${k}`);
  if (!(d.registration_opens <= '2026-12-07')) err(`${w}: registration_opens ${d.registration_opens} after 2026-12-07`);
  if (!(d.registration_closes >= '2027-01-10' && d.registration_closes <= '2027-03-31')) err(`${w}: registration_closes ${d.registration_closes}`);
  if (!(d.starts >= d.registration_closes && d.ends >= d.starts)) err(`${w}: date order`);
  if (d.schedule_note) txt(d.schedule_note, 'schedule_note', w);
  if (!r.seats || !Number.isInteger(r.seats.total) || r.seats.total <= 0) err(`${w}: seats.total`);
  if (r.seats && r.seats.women !== undefined && !(r.seats.women >= 0 && r.seats.women <= r.seats.total)) err(`${w}: seats.women`);
  const c = r.costs || {};
  if (!Number.isInteger(c.fee_idr) || c.fee_idr < 0) err(`${w}: fee_idr`);
  if (c.stipend_idr !== undefined && (!Number.isInteger(c.stipend_idr) || c.stipend_period !== 'bulan')) err(`${w}: stipend`);
  if (!Array.isArray(r.benefits) || r.benefits.some((b) => !BENEFITS.includes(b))) err(`${w}: benefits ${r.benefits}`);
  if (!r.inclusion || typeof r.inclusion.disability_friendly !== 'boolean') err(`${w}: inclusion`);
  if (r.inclusion && r.inclusion.disability_friendly) txt(r.inclusion.accommodations, 'accommodations', w);
  const e = r.eligibility || {};
  for (const k of Object.keys(e)) if (!ELKEYS.includes(k)) err(`${w}: eligibility.${k}`);
  if (e.age && !(e.age.min < e.age.max && ['registration_closes', 'today'].includes(e.age.at))) err(`${w}: age`);
  if (e.education && !EDU.includes(e.education.min)) err(`${w}: education`);
  if (e.gender !== undefined && e.gender !== 'perempuan') err(`${w}: gender`);
  if (e.gender === 'perempuan' && r.seats.women !== undefined && r.seats.women !== r.seats.total) err(`${w}: women-only but women seats != total`);
  if (e.domicile && e.domicile.some((x) => !(PROV.has(x) || REG.has(x)))) err(`${w}: domicile ${e.domicile}`);
  if (e.status && e.status.some((x) => !STATUS.includes(x))) err(`${w}: status`);
  if (e.preferred && e.preferred.some((x) => !(x in e))) err(`${w}: preferred names a missing rule`);
  for (const qq of e.questions || []) {
    if (!qq.id || !QTYPES.includes(qq.type)) err(`${w}: question ${qq.id}`);
    txt(qq.ask, `question ${qq.id} ask`, w); if (qq.explain) txt(qq.explain, `question ${qq.id} explain`, w);
    if (qq.type === 'choice' && (!Array.isArray(qq.options) || !qq.require.in.every((o) => qq.options.includes(o)))) err(`${w}: choice options`);
  }
  const a = r.application || {};
  if (!['in_chat', 'external'].includes(a.mode)) err(`${w}: application.mode`);
  if (a.mode === 'external' && !a.url) err(`${w}: external without url`);
  if (a.organisation !== 'heldout-org') err(`${w}: application.organisation`);
  if (!Array.isArray(a.documents) || a.documents.some((x) => !DOCS.includes(x))) err(`${w}: documents`);
  if (!Array.isArray(r.sources) || !r.sources.length) err(`${w}: sources`);
  if (!DATE.test(r.verified_at || '') || r.verified_at > '2026-12-07') err(`${w}: verified_at`);
  if (r.status !== 'open') err(`${w}: status`);
}

// ---------- queries
if (qs.length < 300 || qs.length > 350) err(`queries: ${qs.length} (300–350 wanted)`);
const ids = new Set(), texts = new Set(), relCount = new Map();
let nothing = 0, relSum = 0, accSum = 0;
for (const [i, q] of qs.entries()) {
  const w = `queries[${i}] ${q.id}`;
  if (!/^b10-\d{3}$/.test(q.id || '') || ids.has(q.id)) err(`${w}: bad or duplicate id`); ids.add(q.id);
  if (typeof q.text !== 'string' || !q.text.trim()) err(`${w}: empty text`);
  if (texts.has(q.text)) err(`${w}: duplicate text`); texts.add(q.text);
  if (typeof q.note !== 'string' || !q.note) err(`${w}: note`);
  if (!Array.isArray(q.relevant) || !Array.isArray(q.acceptable)) { err(`${w}: relevant/acceptable not arrays`); continue; }
  for (const s of q.relevant.concat(q.acceptable)) if (!slugs.has(s)) err(`${w}: unknown slug ${s}`);
  if (new Set(q.relevant).size !== q.relevant.length || new Set(q.acceptable).size !== q.acceptable.length) err(`${w}: duplicate slug in a list`);
  const inter = q.relevant.filter((s) => q.acceptable.includes(s));
  if (inter.length) err(`${w}: relevant ∩ acceptable = ${inter}`);
  if (!q.relevant.length) nothing++;
  relSum += q.relevant.length; accSum += q.acceptable.length;
  for (const s of q.relevant) relCount.set(s, (relCount.get(s) || 0) + 1);
}
for (const s of slugs) if (!relCount.has(s)) err(`programme ${s} is never relevant`);
const share = nothing / qs.length;
if (share < 0.10 || share > 0.20) err(`nothing-fits share ${(share * 100).toFixed(1)} % (about 15 % wanted)`);

// ---------- statistics
const count = (f) => cat.reduce((m, r) => { const k = f(r); m[k] = (m[k] || 0) + 1; return m; }, {});
const fmt = (m) => Object.entries(m).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
console.log(`catalogue: ${cat.length} programmes`);
console.log(`  kinds: ${fmt(count((r) => r.kind))}`);
console.log(`  fields: ${fmt(count((r) => r.field))}`);
console.log(`  provinces: ${fmt(count((r) => r.location.province))}`);
console.log(`  modes: ${fmt(count((r) => r.location.mode))}`);
console.log(`  overseas countries: ${fmt(count((r) => r.destination_country || '-'))}`);
console.log(`  women-only ${cat.filter((r) => r.eligibility.gender).length}, women seats ${cat.filter((r) => r.seats.women !== undefined).length}, disability-friendly ${cat.filter((r) => r.inclusion.disability_friendly).length}, domicile-restricted ${cat.filter((r) => r.eligibility.domicile).length}, with questions ${cat.filter((r) => (r.eligibility.questions || []).length).length}, age rule ${cat.filter((r) => r.eligibility.age).length}, education rule ${cat.filter((r) => r.eligibility.education).length}`);
console.log(`queries: ${qs.length}; nothing-fits ${nothing} (${(share * 100).toFixed(1)} %); mean relevant ${(relSum / qs.length).toFixed(2)}, mean acceptable ${(accSum / qs.length).toFixed(2)}`);
const en = qs.filter((q) => /^(hi|hello|is |are |any |do |what |can |i |looking|warehouse|agriculture|entrepreneurship|ausbildung|online english)/i.test(q.text)).length;
console.log(`  English-looking messages (heuristic): ${en} (${(en / qs.length * 100).toFixed(1)} %)`);
const rc = [...relCount.values()];
console.log(`  every programme relevant at least once: ${slugs.size === relCount.size}; min ${Math.min(...rc)}, max ${Math.max(...rc)} times`);
if (errors.length) { console.log(`\n${errors.length} ERROR(S):`); for (const e of errors.slice(0, 100)) console.log('  ' + e); process.exit(1); }
console.log('\nOK: no errors');
