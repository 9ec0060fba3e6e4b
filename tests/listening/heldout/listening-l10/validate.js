// Validates catalogue.json and moments.json of held-out batch l10. No dependencies.
'use strict';
const fs = require('fs');
const path = require('path');

const dir = __dirname;
const catalogue = JSON.parse(fs.readFileSync(path.join(dir, 'catalogue.json'), 'utf8'));
const { batch, moments } = JSON.parse(fs.readFileSync(path.join(dir, 'moments.json'), 'utf8'));
const errors = [];
const warn = [];
const err = (where, msg) => errors.push(`${where}: ${msg}`);

const TODAY = '2026-12-07';
const CATEGORIES = ['question', 'worry', 'consent', 'facts', 'correction', 'skip', 'tone', 'language', 'alternatives', 'apply', 'human'];
const KINDS = ['pelatihan', 'magang', 'magang_luar_negeri', 'sertifikasi'];
const PROVIDER_TYPES = ['BLK', 'BPVP', 'LPK', 'LSP', 'perusahaan', 'organisasi'];
const MODES = ['luring', 'daring', 'campuran'];
const EDU = ['SD', 'SMP', 'SMA', 'SMK', 'MA', 'D1', 'D2', 'D3', 'S1', 'D4', 'S2', 'S3'];
const STATUS = ['tidak_bekerja', 'bekerja', 'pelajar', 'mahasiswa', 'lulusan_baru'];
// Codes checked against idn-area-data@3 (package/data/provinces.csv, regencies.csv).
const PROVINCES = ['31', '32', '33', '35', '36', '52', '53', '81'];
const REGENCIES = ['31.71', '31.72', '31.73', '31.74', '31.75', '32.01', '32.04', '32.05', '32.06', '32.16', '32.17', '32.71',
  '32.73', '32.75', '32.76', '32.77', '32.78', '33.01', '33.02', '33.11', '33.13', '33.72', '35.06', '35.26', '35.27', '35.28',
  '35.29', '35.71', '35.78', '36.03', '36.71', '52.01', '52.02', '52.03', '52.71', '53.01', '53.07', '53.08', '53.10', '53.15',
  '53.19', '53.71', '81.01', '81.71'];
const isDate = (s) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s));

// ---------------- catalogue ----------------
if (!Array.isArray(catalogue)) err('catalogue', 'not an array');
if (catalogue.length < 35 || catalogue.length > 45) err('catalogue', `${catalogue.length} programmes (want 35–45)`);
const slugs = new Map();
for (const [i, p] of catalogue.entries()) {
  const w = `catalogue[${i}] ${p.slug}`;
  if (!/^[a-z0-9-]+$/.test(p.slug || '')) err(w, 'bad slug');
  if (slugs.has(p.slug)) err(w, 'duplicate slug');
  slugs.set(p.slug, p);
  if (!KINDS.includes(p.kind)) err(w, `kind ${p.kind}`);
  if (!p.title || !p.title.id || !p.title.en) err(w, 'title id/en missing');
  if (!p.summary || !p.summary.id) err(w, 'summary.id missing');
  if (!p.field) err(w, 'field missing');
  if (!p.provider || !PROVIDER_TYPES.includes(p.provider.type) || !p.provider.name) err(w, 'provider');
  const L = p.location || {};
  if (!PROVINCES.includes(L.province)) err(w, `province ${L.province}`);
  if (!REGENCIES.includes(L.regency) || !L.regency.startsWith(L.province + '.')) err(w, `regency ${L.regency}`);
  if (!MODES.includes(L.mode)) err(w, `mode ${L.mode}`);
  if (p.kind === 'magang_luar_negeri' && !/^[A-Z]{2}$/.test(p.destination_country || '')) err(w, 'destination_country');
  if (p.kind !== 'magang_luar_negeri' && p.destination_country) err(w, 'destination_country on domestic programme');
  const d = p.dates || {};
  for (const k of ['registration_opens', 'registration_closes', 'starts', 'ends']) if (!isDate(d[k])) err(w, `dates.${k}`);
  if (!(d.registration_opens <= d.registration_closes && d.registration_closes <= d.starts && d.starts <= d.ends)) err(w, 'date order');
  if (p.status === 'open' && !(d.registration_opens <= TODAY && TODAY <= d.registration_closes)) err(w, 'status open but registration not open today');
  if (!['draft', 'open', 'closed'].includes(p.status)) err(w, `status ${p.status}`);
  if (!p.seats || !(p.seats.total > 0) || (p.seats.women || 0) > p.seats.total) err(w, 'seats');
  if (!p.costs || typeof p.costs.fee_idr !== 'number') err(w, 'costs');
  if (p.costs && p.costs.stipend_idr > 0 && !p.costs.stipend_period) err(w, 'stipend_period');
  const e = p.eligibility || {};
  if (e.age && !(e.age.min <= e.age.max)) err(w, 'age');
  if (e.education && !EDU.includes(e.education.min)) err(w, 'education');
  if (e.gender && e.gender !== 'perempuan') err(w, 'gender');
  if (e.gender === 'perempuan' && p.seats.women !== p.seats.total) warn.push(`${w}: women-only but women seats != total`);
  for (const c of e.domicile || []) if (!PROVINCES.includes(c) && !REGENCIES.includes(c)) err(w, `domicile ${c}`);
  for (const s of e.status || []) if (!STATUS.includes(s)) err(w, `status ${s}`);
  for (const q of e.questions || []) {
    if (!q.id || !q.ask || !q.ask.id || !['yes_no', 'number', 'choice'].includes(q.type)) err(w, `question ${q.id}`);
    if (q.type === 'choice' && !(Array.isArray(q.options) && q.options.length)) err(w, `question ${q.id} options`);
  }
  const a = p.application || {};
  if (!['in_chat', 'external'].includes(a.mode)) err(w, 'application.mode');
  if (a.mode === 'external' && !a.url) err(w, 'external without url');
  if (!Array.isArray(a.documents) || !a.documents.length) err(w, 'documents');
  if (!Array.isArray(p.sources) || !p.sources.length) err(w, 'sources');
  if (!isDate(p.verified_at)) err(w, 'verified_at');
}

// ---------------- moments ----------------
if (batch !== 'l10') err('moments', `batch ${batch}`);
if (moments.length < 170 || moments.length > 190) err('moments', `${moments.length} moments (want 170–190)`);
const ids = new Set();
const SPECIAL = /^\[(setuju|tolak|menu|kirim foto|daftar [1-9][0-9]*)\]$/;
const strList = (a) => Array.isArray(a) && a.every((s) => typeof s === 'string' && s.trim().length > 0);
for (const [i, x] of moments.entries()) {
  const w = x.id || `moments[${i}]`;
  const want = `l10-${String(i + 1).padStart(3, '0')}`;
  if (x.id !== want) err(w, `id should be ${want}`);
  if (ids.has(x.id)) err(w, 'duplicate id');
  ids.add(x.id);
  if (!['id', 'en'].includes(x.lang)) err(w, `lang ${x.lang}`);
  if (!CATEGORIES.includes(x.category)) err(w, `category ${x.category}`);
  if (!strList(x.turns) || !x.turns.length) err(w, 'turns');
  for (const t of x.turns || []) {
    if (t.trim().startsWith('[') && !SPECIAL.test(t)) err(w, `malformed special turn ${t}`);
    if (/^\[daftar /.test(t)) {
      const before = x.turns.slice(0, x.turns.indexOf(t));
      if (!before.some((b) => !SPECIAL.test(b))) err(w, '[daftar N] without a preceding search message');
    }
  }
  if (SPECIAL.test(x.turns[0] || '')) warn.push(`${w}: first turn is a button press`);
  const e = x.expect || {};
  const known = ['all', 'none', 'lang', 'human', 'programmes', 'notProgrammes'];
  for (const k of Object.keys(e)) if (!known.includes(k)) err(w, `unknown expect key ${k}`);
  const n = (e.all ? e.all.length : 0) + (e.none ? e.none.length : 0) + (e.human ? 1 : 0)
    + (e.programmes ? e.programmes.length : 0) + (e.notProgrammes ? e.notProgrammes.length : 0) + (e.lang ? 1 : 0);
  if (!n) err(w, 'no expectation');
  if (e.all && !(Array.isArray(e.all) && e.all.every((g) => strList(g) && g.length))) err(w, 'expect.all must be groups of strings');
  if (e.none && !strList(e.none)) err(w, 'expect.none');
  if (e.lang && !['id', 'en'].includes(e.lang)) err(w, 'expect.lang');
  if (e.lang && e.lang !== x.lang) warn.push(`${w}: expect.lang ${e.lang} differs from lang ${x.lang}`);
  if ('human' in e && e.human !== true) err(w, 'expect.human must be true when present');
  for (const s of e.programmes || []) {
    if (!slugs.has(s)) err(w, `unknown programme ${s}`);
    else if (slugs.get(s).status !== 'open') err(w, `demanded programme ${s} is not open`);
  }
  for (const s of e.notProgrammes || []) if (!slugs.has(s)) err(w, `unknown notProgramme ${s}`);
  for (const s of e.programmes || []) if ((e.notProgrammes || []).includes(s)) err(w, `${s} both demanded and forbidden`);
  // an "all" alternative that also appears in "none" would be contradictory
  for (const g of e.all || []) for (const a of g) for (const b of e.none || []) if (a.toLowerCase() === b.toLowerCase()) err(w, `"${a}" in all and none`);
  if (!x.note) err(w, 'note missing');
}

// ---------------- summary ----------------
const byCat = {}, byLang = {};
for (const x of moments) { byCat[x.category] = (byCat[x.category] || 0) + 1; byLang[x.lang] = (byLang[x.lang] || 0) + 1; }
const enShare = (byLang.en || 0) / moments.length;
if (enShare < 0.28 || enShare > 0.4) err('moments', `English share ${(enShare * 100).toFixed(0)}% (want about one third)`);
for (const c of CATEGORIES) if (!byCat[c]) err('moments', `no moments in category ${c}`);
const used = new Set(moments.flatMap((x) => [...(x.expect.programmes || []), ...(x.expect.notProgrammes || [])]));

console.log(`catalogue: ${catalogue.length} programmes (${used.size} referenced by moments)`);
console.log(`moments: ${moments.length}`, JSON.stringify(byCat), JSON.stringify(byLang), `English ${(enShare * 100).toFixed(1)}%`);
for (const w of warn) console.log('warning:', w);
for (const e of errors) console.log('ERROR:', e);
console.log(`${errors.length} errors, ${warn.length} warnings`);
process.exit(errors.length ? 1 : 0);
