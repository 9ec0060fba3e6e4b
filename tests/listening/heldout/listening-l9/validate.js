#!/usr/bin/env node
// Validates catalogue.json and moments.json of held-out listening batch l9. No dependencies.
// Region codes are embedded (checked against idn-area-data@3.1.2); set IDN_AREA_DIR=/path/to/package/data
// to re-check every code against the CSV files as well.
'use strict';
const fs = require('fs');
const path = require('path');
const BATCH = 'l9';
const DIR = __dirname;
const errors = [];
const err = (w, m) => errors.push(`${w}: ${m}`);

const CODES = {"12":"SUMATERA UTARA","13":"SUMATERA BARAT","14":"RIAU","21":"KEPULAUAN RIAU","61":"KALIMANTAN BARAT","62":"KALIMANTAN TENGAH","63":"KALIMANTAN SELATAN","64":"KALIMANTAN TIMUR","71":"SULAWESI UTARA","73":"SULAWESI SELATAN","74":"SULAWESI TENGGARA","76":"SULAWESI BARAT","91":"PAPUA","92":"PAPUA BARAT","93":"PAPUA SELATAN","94":"PAPUA TENGAH","95":"PAPUA PEGUNUNGAN","96":"PAPUA BARAT DAYA","12.07":"KABUPATEN DELI SERDANG","12.12":"KABUPATEN TOBA","12.16":"KABUPATEN HUMBANG HASUNDUTAN","12.71":"KOTA MEDAN","13.06":"KABUPATEN AGAM","13.71":"KOTA PADANG","13.75":"KOTA BUKITTINGGI","14.71":"KOTA PEKANBARU","21.71":"KOTA BATAM","61.71":"KOTA PONTIANAK","62.71":"KOTA PALANGKARAYA","63.71":"KOTA BANJARMASIN","63.72":"KOTA BANJARBARU","64.71":"KOTA BALIKPAPAN","64.72":"KOTA SAMARINDA","71.71":"KOTA MANADO","71.72":"KOTA BITUNG","71.73":"KOTA TOMOHON","73.06":"KABUPATEN GOWA","73.08":"KABUPATEN BONE","73.71":"KOTA MAKASSAR","73.72":"KOTA PAREPARE","74.71":"KOTA KENDARI","91.71":"KOTA JAYAPURA","93.01":"KABUPATEN MERAUKE","94.04":"KABUPATEN MIMIKA","96.71":"KOTA SORONG"};
if (process.env.IDN_AREA_DIR) {
  const rd = (f) => fs.readFileSync(path.join(process.env.IDN_AREA_DIR, f), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
  const all = new Set([...rd('provinces.csv'), ...rd('regencies.csv')]);
  for (const k of Object.keys(CODES)) if (!all.has(k)) err('codes', `${k} not in idn-area-data`);
}

const KINDS = ['pelatihan', 'magang', 'magang_luar_negeri', 'sertifikasi'];
const FIELDS = ['tik', 'las', 'otomotif', 'listrik', 'menjahit', 'tata_boga', 'tata_rias', 'perhotelan', 'pertanian', 'manufaktur', 'bahasa', 'kewirausahaan', 'perawatan', 'konstruksi', 'refrigerasi', 'logistik', 'administrasi'];
const PTYPES = ['BLK', 'BPVP', 'LPK', 'LSP', 'perusahaan', 'organisasi'];
const MODES = ['luring', 'daring', 'campuran'];
const BENEFITS = ['sertifikat_kompetensi', 'bpjs_ketenagakerjaan', 'uang_saku', 'asrama', 'makan', 'transport'];
const EDU = ['SD', 'SMP', 'SMA', 'SMK', 'MA', 'D1', 'D2', 'D3', 'S1', 'D4', 'S2', 'S3'];
const STATUS = ['tidak_bekerja', 'bekerja', 'pelajar', 'mahasiswa', 'lulusan_baru'];
const DOCS = ['ktp', 'ijazah', 'cv', 'pas_foto', 'surat_sehat', 'paspor', 'sertifikat_bahasa'];
const QTYPES = ['yes_no', 'number', 'choice'];
const CATS = ['question', 'worry', 'consent', 'facts', 'correction', 'skip', 'tone', 'language', 'alternatives', 'form', 'other'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const bi = (w, o, needEn) => {
  if (!o || typeof o.id !== 'string' || !o.id.trim()) err(w, 'missing id text');
  if (needEn && (!o || typeof o.en !== 'string' || !o.en.trim())) err(w, 'missing en text');
};

// ── catalogue
const cat = JSON.parse(fs.readFileSync(path.join(DIR, 'catalogue.json'), 'utf8'));
if (!Array.isArray(cat)) err('catalogue', 'not an array');
const slugs = new Set();
const titles = {};
cat.forEach((p, i) => {
  const w = `catalogue[${i}] ${p.slug}`;
  if (!/^[a-z0-9-]+$/.test(p.slug || '') || !p.slug.startsWith(BATCH + '-')) err(w, 'bad slug');
  if (slugs.has(p.slug)) err(w, 'duplicate slug'); slugs.add(p.slug);
  if (!KINDS.includes(p.kind)) err(w, `kind ${p.kind}`);
  bi(w + ' title', p.title, true); bi(w + ' summary', p.summary, true);
  titles[p.slug] = p.title;
  if (!FIELDS.includes(p.field)) err(w, `field ${p.field}`);
  if (!Array.isArray(p.tags)) err(w, 'tags');
  if (!p.provider || !p.provider.name || !PTYPES.includes(p.provider.type)) err(w, 'provider');
  const L = p.location || {};
  if (!CODES[L.province] || L.province.includes('.')) err(w, `province ${L.province}`);
  if (!CODES[L.regency] || !L.regency.startsWith(L.province + '.')) err(w, `regency ${L.regency}`);
  if (!MODES.includes(L.mode)) err(w, `mode ${L.mode}`);
  if (p.kind === 'magang_luar_negeri') { if (!/^[A-Z]{2}$/.test(p.destination_country || '')) err(w, 'destination_country'); }
  else if (p.destination_country) err(w, 'destination_country on a domestic programme');
  const d = p.dates || {};
  for (const k of ['registration_opens', 'registration_closes', 'starts', 'ends']) if (!DATE.test(d[k] || '')) err(w, `dates.${k}`);
  if (d.registration_opens > '2026-12-07') err(w, 'registration not open on 2026-12-07');
  if (!(d.registration_closes >= '2027-01-01' && d.registration_closes <= '2027-03-31')) err(w, 'registration_closes not Jan–Mar 2027');
  if (!(d.registration_closes <= d.starts && d.starts <= d.ends)) err(w, 'date order');
  if (d.schedule_note) bi(w + ' schedule_note', d.schedule_note);
  if (!p.seats || !(p.seats.total > 0) || (p.seats.women != null && p.seats.women > p.seats.total)) err(w, 'seats');
  const c = p.costs || {};
  if (!(c.fee_idr >= 0) || !(c.stipend_idr >= 0)) err(w, 'costs');
  if (c.stipend_idr > 0 && !c.stipend_period) err(w, 'stipend_period');
  (p.benefits || []).forEach((b) => { if (!BENEFITS.includes(b)) err(w, `benefit ${b}`); });
  if (!p.inclusion || typeof p.inclusion.disability_friendly !== 'boolean') err(w, 'inclusion');
  if (p.inclusion && p.inclusion.disability_friendly) bi(w + ' accommodations', p.inclusion.accommodations);
  const e = p.eligibility || {};
  if (e.age) { if (e.age.at !== 'registration_closes') err(w, 'age.at'); if (e.age.max != null && e.age.max < e.age.min) err(w, 'age range'); }
  if (e.education && !EDU.includes(e.education.min)) err(w, 'education');
  if (e.gender && e.gender !== 'perempuan') err(w, 'gender');
  if (e.gender === 'perempuan' && (!p.seats.women || p.seats.women !== p.seats.total)) err(w, 'women-only but seats.women != total');
  (e.domicile || []).forEach((x) => { if (!CODES[x]) err(w, `domicile ${x}`); });
  (e.status || []).forEach((x) => { if (!STATUS.includes(x)) err(w, `status ${x}`); });
  (e.preferred || []).forEach((x) => { if (!(x in e)) err(w, `preferred ${x} not a rule`); });
  const qids = new Set();
  (e.questions || []).forEach((q) => {
    if (!q.id || qids.has(q.id)) err(w, `question id ${q.id}`); qids.add(q.id);
    if (!QTYPES.includes(q.type)) err(w, `question type ${q.type}`);
    bi(`${w} q ${q.id}`, q.ask, true);
    if (q.type === 'choice' && !(Array.isArray(q.options) && q.require && q.require.in.every((o) => q.options.includes(o)))) err(w, `choice ${q.id}`);
    if (q.type === 'yes_no' && typeof q.require !== 'boolean') err(w, `yes_no require ${q.id}`);
    if (q.type === 'number' && !(q.require && (q.require.min != null || q.require.max != null))) err(w, `number require ${q.id}`);
    if (q.explain) bi(`${w} explain ${q.id}`, q.explain);
  });
  const a = p.application || {};
  if (!['in_chat', 'external'].includes(a.mode) || (a.mode === 'external' && !a.url)) err(w, 'application.mode');
  (a.documents || []).forEach((x) => { if (!DOCS.includes(x)) err(w, `document ${x}`); });
  if (a.organisation !== 'heldout-org') err(w, 'organisation');
  if (!Array.isArray(p.sources) || !p.sources.length) err(w, 'sources');
  if (!DATE.test(p.verified_at || '')) err(w, 'verified_at');
  if (p.status !== 'open') err(w, 'status');
});
if (cat.length < 30 || cat.length > 40) err('catalogue', `count ${cat.length} not in 30–40`);

// ── moments
const mom = JSON.parse(fs.readFileSync(path.join(DIR, 'moments.json'), 'utf8'));
const ids = new Set();
const byCat = {}; const byLang = { id: 0, en: 0 }; const used = new Set();
let turns = 0; let human = 0; let withProg = 0;
const allTitles = Object.values(titles).flatMap((t) => [t.id.toLowerCase(), t.en.toLowerCase()]);
mom.forEach((m, i) => {
  const w = `moments[${i}] ${m.id}`;
  if (!new RegExp(`^${BATCH}-\\d{3}$`).test(m.id || '') || ids.has(m.id)) err(w, 'bad or duplicate id'); ids.add(m.id);
  if (!['id', 'en'].includes(m.lang)) err(w, 'lang');
  if (!CATS.includes(m.category)) err(w, `category ${m.category}`);
  if (!Array.isArray(m.turns) || !m.turns.length || m.turns.some((t) => typeof t !== 'string' || !t.trim())) err(w, 'turns');
  (m.turns || []).forEach((t, j) => {
    if (/^\[/.test(t)) {
      const mm = /^\[(setuju|tolak|menu|kirim foto|daftar (\d+))\]$/.exec(t);
      if (!mm) err(w, `unknown special turn ${t}`);
      else if (mm[2]) {
        const prev = (m.turns[j - 1] || '').toLowerCase();
        if (!allTitles.some((tt) => tt === prev || (tt.includes(prev) && prev.length >= 0.8 * tt.length))) err(w, `[daftar] not preceded by a near-full title: "${m.turns[j - 1]}"`);
      }
    }
  });
  const e = m.expect || {};
  const known = ['all', 'none', 'lang', 'human', 'programmes', 'notProgrammes'];
  Object.keys(e).forEach((k) => { if (!known.includes(k)) err(w, `expect.${k} unknown`); });
  if (e.lang !== m.lang) err(w, 'expect.lang differs from lang');
  if (e.all && !(Array.isArray(e.all) && e.all.every((g) => Array.isArray(g) && g.length && g.every((s) => typeof s === 'string' && s.length)))) err(w, 'expect.all');
  if (e.none && !(Array.isArray(e.none) && e.none.every((s) => typeof s === 'string' && s.length))) err(w, 'expect.none');
  if (e.human !== undefined && e.human !== true) err(w, 'expect.human');
  for (const k of ['programmes', 'notProgrammes']) (e[k] || []).forEach((s) => { if (!slugs.has(s)) err(w, `${k} unknown slug ${s}`); used.add(s); });
  if ((e.programmes || []).some((s) => (e.notProgrammes || []).includes(s))) err(w, 'slug both required and forbidden');
  const checks = (e.all || []).length + (e.none || []).length + (e.human ? 1 : 0) + (e.programmes || []).length + (e.notProgrammes || []).length;
  if (!checks) err(w, 'no check besides lang');
  if (m.lang === 'en' && !(e.none || []).length) err(w, 'English moment without leak words');
  if (typeof m.note !== 'string' || !m.note) err(w, 'note');
  byCat[m.category] = byCat[m.category] || { id: 0, en: 0 }; byCat[m.category][m.lang]++;
  byLang[m.lang]++; turns += m.turns.length; if (e.human) human++; if ((e.programmes || []).length) withProg++;
});
if (mom.length < 170 || mom.length > 200) err('moments', `count ${mom.length} not in 170–200`);
for (const c of CATS) { const n = byCat[c] ? byCat[c].id + byCat[c].en : 0; if (n < 13 || n > 19) err('moments', `category ${c} has ${n}`); }
const enShare = byLang.en / mom.length;
if (enShare < 0.25 || enShare > 0.42) err('moments', `English share ${(enShare * 100).toFixed(1)}%`);

// ── statistics
const kinds = {}; cat.forEach((p) => { kinds[p.kind] = (kinds[p.kind] || 0) + 1; });
const provs = {}; cat.forEach((p) => { const n = CODES[p.location.province]; provs[n] = (provs[n] || 0) + 1; });
console.log(`batch ${BATCH}`);
console.log(`catalogue: ${cat.length} programmes`, JSON.stringify(kinds));
console.log('  by province:', JSON.stringify(provs));
console.log(`  women-only ${cat.filter((p) => p.eligibility.gender).length}, disability-friendly ${cat.filter((p) => p.inclusion.disability_friendly).length}, domicile rules ${cat.filter((p) => (p.eligibility.domicile || []).length).length}, online/blended ${cat.filter((p) => p.location.mode !== 'luring').length}, overseas ${cat.filter((p) => p.destination_country).length}, with questions ${cat.filter((p) => (p.eligibility.questions || []).length).length}, fee>0 ${cat.filter((p) => p.costs.fee_idr > 0).length}, stipend ${cat.filter((p) => p.costs.stipend_idr > 0).length}`);
console.log(`moments: ${mom.length} (id ${byLang.id}, en ${byLang.en} = ${(enShare * 100).toFixed(1)}%), turns ${turns} (avg ${(turns / mom.length).toFixed(2)}), human ${human}, with required programmes ${withProg}, slugs referenced ${used.size}/${slugs.size}`);
for (const c of CATS) console.log(`  ${c.padEnd(13)} ${String(byCat[c].id + byCat[c].en).padStart(3)}  (id ${byCat[c].id}, en ${byCat[c].en})`);
if (errors.length) { console.log(`\n${errors.length} error(s):`); errors.forEach((e) => console.log('  ' + e)); process.exit(1); }
console.log('\nOK: no errors');
