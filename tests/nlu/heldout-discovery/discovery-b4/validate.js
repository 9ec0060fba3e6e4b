#!/usr/bin/env node
// Validates catalogue.json + queries.json of batch b4 (no dependencies). Exit 1 on any error.
const fs = require('fs');
const path = require('path');
const dir = __dirname;
const errors = [], warnings = [];
const err = m => errors.push(m), warn = m => warnings.push(m);
function load(f) { try { return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); } catch (e) { err(`${f}: ${e.message}`); return null; } }
function csv(f) { return fs.readFileSync(path.join(dir, f), 'utf8').trim().split('\n').slice(1).map(l => l.split(',')); }
const provinces = new Map(csv('idn-provinces.csv').map(([c, n]) => [c, n]));
const regencies = new Map(csv('idn-regencies.csv').map(([c, p, n]) => [c, { p, n }]));
const cat = load('catalogue.json');
const qs = load('queries.json');
const EXPECTED_QUERIES = 330;
const TODAY = '2026-12-07';
const KINDS = ['pelatihan', 'magang', 'magang_luar_negeri', 'sertifikasi'];
const PTYPES = ['BLK', 'BPVP', 'LPK', 'LSP', 'perusahaan', 'organisasi'];
const MODES = ['luring', 'daring', 'campuran'];
const BENEFITS = ['sertifikat_kompetensi', 'bpjs_ketenagakerjaan', 'uang_saku', 'asrama', 'makan', 'transport'];
const DOCS = ['ktp', 'ijazah', 'cv', 'pas_foto', 'surat_sehat', 'paspor', 'sertifikat_bahasa'];
const EDU = ['SD', 'SMP', 'SMA', 'SMK', 'MA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'];
const STATUS = ['tidak_bekerja', 'bekerja', 'pelajar', 'mahasiswa', 'lulusan_baru'];
const RULES = ['age', 'education', 'gender', 'domicile', 'status', 'graduated_within_years'];
const isDate = s => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s));
const isInt = n => Number.isInteger(n) && n >= 0;
const codeOk = c => provinces.has(c) || regencies.has(c);
const slugs = new Set();
if (Array.isArray(cat)) {
  if (cat.length < 100 || cat.length > 120) err(`catalogue: ${cat.length} programmes (want 100–120)`);
  cat.forEach((p, i) => {
    const at = `catalogue[${i}] ${p && p.slug}`;
    if (!p || typeof p !== 'object') return err(`${at}: not an object`);
    if (typeof p.slug !== 'string' || !/^b4-[a-z0-9-]+$/.test(p.slug)) err(`${at}: bad slug`);
    if (slugs.has(p.slug)) err(`${at}: duplicate slug`); slugs.add(p.slug);
    if (!KINDS.includes(p.kind)) err(`${at}: bad kind`);
    if (!p.title || !p.title.id) err(`${at}: title.id missing`);
    if (!p.summary || !p.summary.id) err(`${at}: summary.id missing`);
    if (typeof p.field !== 'string' || !/^[a-z_]+$/.test(p.field)) err(`${at}: bad field`);
    if (!Array.isArray(p.tags)) err(`${at}: tags not array`);
    if (!p.provider || !p.provider.name || !PTYPES.includes(p.provider.type)) err(`${at}: bad provider`);
    const l = p.location || {};
    if (!provinces.has(l.province)) err(`${at}: unknown province ${l.province}`);
    if (!regencies.has(l.regency)) err(`${at}: unknown regency ${l.regency}`);
    else if (regencies.get(l.regency).p !== l.province) err(`${at}: regency ${l.regency} not in province ${l.province}`);
    if (!MODES.includes(l.mode)) err(`${at}: bad mode`);
    if (!l.venue) err(`${at}: venue missing`);
    if (p.kind === 'magang_luar_negeri') { if (!/^[A-Z]{2}$/.test(p.destination_country || '')) err(`${at}: destination_country missing`); }
    else if (p.destination_country) err(`${at}: destination_country on domestic programme`);
    const d = p.dates || {};
    for (const k of ['registration_opens', 'registration_closes', 'starts', 'ends']) if (!isDate(d[k])) err(`${at}: dates.${k} invalid`);
    if (d.registration_opens > TODAY) err(`${at}: registration not open yet`);
    if (!(d.registration_closes > TODAY) || !d.registration_closes.startsWith('2027')) err(`${at}: registration_closes must be in 2027`);
    if (!(d.starts >= d.registration_closes) || !(d.ends > d.starts)) err(`${at}: date order`);
    const s = p.seats || {};
    if (!isInt(s.total) || !isInt(s.women) || s.women > s.total) err(`${at}: bad seats`);
    const c = p.costs || {};
    if (!isInt(c.fee_idr) || !isInt(c.stipend_idr)) err(`${at}: bad costs`);
    if (c.stipend_idr > 0 && !['bulan', 'hari', 'minggu', 'program'].includes(c.stipend_period)) err(`${at}: stipend_period`);
    if (!Array.isArray(p.benefits) || p.benefits.some(b => !BENEFITS.includes(b))) err(`${at}: bad benefits`);
    if (c.stipend_idr > 0 && !p.benefits.includes('uang_saku')) warn(`${at}: stipend without uang_saku benefit`);
    const inc = p.inclusion || {};
    if (typeof inc.disability_friendly !== 'boolean') err(`${at}: inclusion.disability_friendly`);
    if (inc.disability_friendly && !(inc.accommodations && inc.accommodations.id)) err(`${at}: accommodations missing`);
    const e = p.eligibility || {};
    if (e.age) { if (!isInt(e.age.min) || !isInt(e.age.max) || e.age.min > e.age.max || e.age.at !== 'registration_closes') err(`${at}: bad age`); }
    if (e.education && !EDU.includes(e.education.min)) err(`${at}: bad education`);
    if (e.gender !== undefined && e.gender !== 'perempuan') err(`${at}: bad gender`);
    if (e.domicile && (!Array.isArray(e.domicile) || e.domicile.some(x => !codeOk(x)))) err(`${at}: bad domicile`);
    if (e.status && (!Array.isArray(e.status) || e.status.some(x => !STATUS.includes(x)))) err(`${at}: bad status`);
    if (e.graduated_within_years !== undefined && !isInt(e.graduated_within_years)) err(`${at}: graduated_within_years`);
    if (e.preferred && e.preferred.some(r => !RULES.includes(r) || e[r] === undefined)) err(`${at}: preferred names a missing rule`);
    for (const q of e.questions || []) {
      if (!q.id || !q.ask || !q.ask.id || !['yes_no', 'number', 'choice'].includes(q.type)) err(`${at}: bad question ${q.id}`);
      if (q.type === 'choice' && !Array.isArray(q.options)) err(`${at}: choice without options`);
      if (q.type === 'yes_no' && typeof q.require !== 'boolean') err(`${at}: yes_no require must be boolean`);
      if (q.type === 'number' && !(q.require && typeof q.require === 'object')) err(`${at}: number require`);
    }
    const a = p.application || {};
    if (!['in_chat', 'external'].includes(a.mode)) err(`${at}: application.mode`);
    if (a.mode === 'external' && !/^https?:\/\//.test(a.url || '')) err(`${at}: external url`);
    if (!Array.isArray(a.documents) || a.documents.some(x => !DOCS.includes(x))) err(`${at}: bad documents`);
    if (a.organisation !== 'heldout-org') err(`${at}: organisation must be heldout-org`);
    if (!Array.isArray(p.sources) || !p.sources.length) err(`${at}: sources`);
    if (!isDate(p.verified_at) || p.verified_at > TODAY) err(`${at}: verified_at`);
    if (p.status !== 'open') err(`${at}: status must be open`);
  });
} else if (cat) err('catalogue.json: not an array');
const bySlug = new Map((cat || []).map(p => [p.slug, p]));
const relCount = new Map();
if (Array.isArray(qs)) {
  if (qs.length !== EXPECTED_QUERIES) err(`queries: ${qs.length} (want ${EXPECTED_QUERIES})`);
  const ids = new Set(), texts = new Set();
  qs.forEach((q, i) => {
    const at = `queries[${i}] ${q && q.id}`;
    if (!q || typeof q.id !== 'string' || !/^b4-\d{3}$/.test(q.id)) return err(`${at}: bad id`);
    if (ids.has(q.id)) err(`${at}: duplicate id`); ids.add(q.id);
    if (typeof q.text !== 'string' || !q.text.trim()) err(`${at}: empty text`);
    if (texts.has(q.text)) err(`${at}: duplicate text`); texts.add(q.text);
    if (!Array.isArray(q.relevant) || !Array.isArray(q.acceptable)) return err(`${at}: relevant/acceptable must be arrays`);
    if (typeof q.note !== 'string') err(`${at}: note must be a string`);
    for (const s of q.relevant.concat(q.acceptable)) if (!slugs.has(s)) err(`${at}: unknown slug ${s}`);
    if (new Set(q.relevant).size !== q.relevant.length || new Set(q.acceptable).size !== q.acceptable.length) err(`${at}: duplicate slug in a list`);
    for (const s of q.relevant) { if (q.acceptable.includes(s)) err(`${at}: ${s} both relevant and acceptable`); relCount.set(s, (relCount.get(s) || 0) + 1); }
  });
} else if (qs) err('queries.json: not an array');
// ---- counts ----
if (Array.isArray(cat) && Array.isArray(qs)) {
  const table = (title, keyOf, label = k => k) => {
    const m = new Map();
    for (const p of cat) { const k = keyOf(p); if (k == null) continue; const r = m.get(k) || [0, 0]; r[0]++; r[1] += 0; m.set(k, r); }
    for (const q of qs) { const seen = new Set(q.relevant.map(s => keyOf(bySlug.get(s))).filter(k => k != null)); for (const k of seen) m.get(k)[1]++; }
    console.log(`\n${title} | programmes | queries where relevant`);
    for (const k of [...m.keys()].sort()) console.log(`  ${label(k)} | ${m.get(k)[0]} | ${m.get(k)[1]}`);
  };
  const empty = qs.filter(q => !q.relevant.length).length;
  const java = cat.filter(p => ['31', '32', '33', '34', '35', '36'].includes(p.location.province)).length;
  console.log(`catalogue.json: ${cat.length} programmes, ${new Set(cat.map(p => p.location.province)).size} provinces (Java ${java}, outside Java ${cat.length - java}), ${new Set(cat.map(p => p.field)).size} fields, ${new Set(cat.map(p => p.destination_country).filter(Boolean)).size} destination countries`);
  console.log(`women-only: ${cat.filter(p => p.eligibility.gender === 'perempuan').length}, disability-friendly: ${cat.filter(p => p.inclusion.disability_friendly).length}, free: ${cat.filter(p => !p.costs.fee_idr).length}, with stipend: ${cat.filter(p => p.costs.stipend_idr > 0).length}, domicile-restricted: ${cat.filter(p => p.eligibility.domicile).length}, external application: ${cat.filter(p => p.application.mode === 'external').length}`);
  console.log(`queries.json: ${qs.length} queries; nothing-fits (relevant = []): ${empty} (${(100 * empty / qs.length).toFixed(1)}%)`);
  const sz = { '0': 0, '1': 0, '2-5': 0, '6+': 0 };
  for (const q of qs) { const n = q.relevant.length; sz[n === 0 ? '0' : n === 1 ? '1' : n <= 5 ? '2-5' : '6+']++; }
  console.log(`relevant-list sizes: ${Object.entries(sz).map(([k, v]) => `${k} → ${v}`).join(', ')}; with non-empty acceptable: ${qs.filter(q => q.acceptable.length).length}`);
  const never = cat.filter(p => !relCount.has(p.slug)).map(p => p.slug);
  console.log(`programmes never relevant in any query: ${never.length ? never.join(', ') : 'none'}`);
  if (never.length) warn(`${never.length} programmes never relevant`);
  table('kind', p => p.kind);
  table('mode', p => p.location.mode);
  table('field', p => p.field);
  table('province', p => p.location.province, k => `${k} ${provinces.get(k)}`);
  table('destination', p => p.destination_country || null);
}
for (const w of warnings) console.log('WARNING: ' + w);
for (const e of errors) console.log('ERROR: ' + e);
console.log(`\nerrors: ${errors.length}, warnings: ${warnings.length}`);
process.exit(errors.length ? 1 : 0);
