#!/usr/bin/env node
// Shape check for held-out listening batch l5. Usage: node validate.js  (exit 1 on any error)
'use strict';
const fs = require('fs');
const path = require('path');
const dir = __dirname;
const BATCH = 'l5';
const errors = [];
const err = (where, msg) => errors.push(`${where}: ${msg}`);
const load = (f) => { try { return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); } catch (e) { err(f, 'cannot parse: ' + e.message); return null; } };

const catalogue = load('catalogue.json');
const moments = load('moments.json');

// ---- catalogue ----
const KINDS = ['pelatihan', 'magang', 'magang_luar_negeri', 'sertifikasi'];
const PTYPES = ['BLK', 'BPVP', 'LPK', 'LSP', 'perusahaan', 'organisasi'];
const MODES = ['luring', 'daring', 'campuran'];
const EDU = ['SD', 'SMP', 'SMA', 'SMK', 'MA', 'D1', 'D2', 'D3', 'S1', 'D4', 'S2', 'S3'];
const BENEFITS = ['sertifikat_kompetensi', 'bpjs_ketenagakerjaan', 'uang_saku', 'asrama', 'makan', 'transport'];
const DOCS = ['ktp', 'ijazah', 'cv', 'pas_foto', 'surat_sehat', 'paspor', 'sertifikat_bahasa'];
const isDate = (s) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s));
const slugs = new Set();
if (!Array.isArray(catalogue)) err('catalogue.json', 'must be an array');
else {
  if (catalogue.length < 25 || catalogue.length > 40) err('catalogue.json', `needs 25–40 programmes, has ${catalogue.length}`);
  catalogue.forEach((p, i) => {
    const w = `catalogue[${i}] ${p && p.slug}`;
    if (!p || typeof p.slug !== 'string' || !/^[a-z0-9-]+$/.test(p.slug)) return err(w, 'bad slug');
    if (!p.slug.startsWith(BATCH + '-')) err(w, 'slug must start with ' + BATCH + '-');
    if (slugs.has(p.slug)) err(w, 'duplicate slug');
    slugs.add(p.slug);
    if (!KINDS.includes(p.kind)) err(w, 'bad kind');
    if (!p.title || !p.title.id || !p.title.en) err(w, 'title.id and title.en required');
    if (!p.summary || !p.summary.id) err(w, 'summary.id required');
    if (typeof p.field !== 'string') err(w, 'field required');
    if (!p.provider || !p.provider.name || !PTYPES.includes(p.provider.type)) err(w, 'bad provider');
    const loc = p.location || {};
    if (!/^\d{2}$/.test(loc.province || '') || !/^\d{2}\.\d{2}$/.test(loc.regency || '') || !loc.regency.startsWith(loc.province + '.')) err(w, 'bad location codes');
    if (!MODES.includes(loc.mode)) err(w, 'bad location.mode');
    if (p.kind === 'magang_luar_negeri' && !/^[A-Z]{2}$/.test(p.destination_country || '')) err(w, 'overseas needs destination_country');
    const d = p.dates || {};
    for (const k of ['registration_opens', 'registration_closes', 'starts', 'ends']) if (!isDate(d[k])) err(w, 'bad dates.' + k);
    if (!(d.registration_opens <= '2026-12-07' && d.registration_closes > '2026-12-07' && d.registration_closes.startsWith('2027'))) err(w, 'registration must be open on 2026-12-07 and close in 2027');
    if (d.starts > d.ends) err(w, 'starts after ends');
    if (!p.seats || !(p.seats.total > 0) || (p.seats.women || 0) > p.seats.total) err(w, 'bad seats');
    if (!p.costs || typeof p.costs.fee_idr !== 'number') err(w, 'costs.fee_idr required');
    for (const b of p.benefits || []) if (!BENEFITS.includes(b)) err(w, 'unknown benefit ' + b);
    const e = p.eligibility || {};
    if (e.age && !(e.age.min <= e.age.max)) err(w, 'bad age');
    if (e.education && !EDU.includes(e.education.min)) err(w, 'bad education');
    if (e.gender && e.gender !== 'perempuan') err(w, 'gender must be perempuan');
    for (const c of e.domicile || []) if (!/^\d{2}(\.\d{2})?$/.test(c)) err(w, 'bad domicile ' + c);
    for (const q of e.questions || []) if (!q.id || !q.ask || !q.ask.id || !['yes_no', 'number', 'choice', 'text'].includes(q.type)) err(w, 'bad question ' + (q && q.id));
    const a = p.application || {};
    if (a.mode !== 'in_chat' || a.organisation !== 'heldout-org') err(w, 'application must be in_chat for heldout-org');
    for (const doc of a.documents || []) if (!DOCS.includes(doc)) err(w, 'unknown document ' + doc);
    if (!Array.isArray(p.sources) || !p.sources.length || !isDate(p.verified_at) || p.status !== 'open') err(w, 'sources/verified_at/status');
  });
  const has = (f) => catalogue.some(f);
  if (!has((p) => p.kind === 'magang_luar_negeri')) err('catalogue', 'no overseas programme');
  if (!has((p) => p.eligibility.gender === 'perempuan')) err('catalogue', 'no women-only programme');
  if (!has((p) => p.inclusion && p.inclusion.disability_friendly)) err('catalogue', 'no disability-friendly programme');
  if (!has((p) => p.location.mode === 'daring')) err('catalogue', 'no online programme');
  if (!has((p) => (p.eligibility.questions || []).some((q) => q.id === 'tinggi_cm'))) err('catalogue', 'no height rule');
  if (!has((p) => p.eligibility.domicile)) err('catalogue', 'no domicile rule');
}

// ---- moments ----
const CATS = ['question', 'worry', 'consent', 'facts', 'correction', 'skip', 'tone', 'language', 'alternatives', 'form', 'other'];
const SPECIAL = /^\[(setuju|tolak|menu|kirim foto|daftar \d+)\]$/;
const byCat = {}, byLang = {};
const ids = new Set();
if (!Array.isArray(moments)) err('moments.json', 'must be an array');
else {
  if (moments.length < 150) err('moments.json', `needs at least 150 moments, has ${moments.length}`);
  moments.forEach((m, i) => {
    const w = `moments[${i}] ${m && m.id}`;
    if (!m || typeof m.id !== 'string' || !m.id.startsWith(BATCH + '-')) return err(w, 'bad id');
    if (ids.has(m.id)) err(w, 'duplicate id');
    ids.add(m.id);
    if (!['id', 'en'].includes(m.lang)) err(w, 'bad lang');
    if (!CATS.includes(m.category)) err(w, 'bad category');
    if (!Array.isArray(m.turns) || !m.turns.length) err(w, 'turns required');
    for (const t of m.turns || []) {
      if (typeof t !== 'string' || !t.trim()) err(w, 'empty turn');
      else if (t.startsWith('[') && !SPECIAL.test(t)) err(w, 'unknown special turn ' + t);
    }
    if ((m.turns || []).some((t) => /^\[daftar \d+\]$/.test(t)) && /^\[/.test(m.turns[0])) err(w, 'a [daftar N] needs a listing first');
    const e = m.expect;
    if (!e || typeof e !== 'object') return err(w, 'expect required');
    if (!Array.isArray(e.all) || e.all.some((g) => !Array.isArray(g) || !g.length || g.some((s) => typeof s !== 'string' || !s || s !== s.toLowerCase()))) err(w, 'expect.all must be non-empty lower-case groups');
    if (!Array.isArray(e.none) || e.none.some((s) => typeof s !== 'string' || !s || s !== s.toLowerCase())) err(w, 'expect.none must be lower-case strings');
    if (e.lang !== m.lang) err(w, 'expect.lang must equal lang');
    if ('human' in e && e.human !== true) err(w, 'human must be true when present');
    if (!(e.all || []).length && !(e.programmes || []).length && !e.human) err(w, 'nothing positive to check');
    for (const k of ['programmes', 'notProgrammes']) for (const s of e[k] || []) if (!slugs.has(s)) err(w, `${k}: unknown slug ${s}`);
    for (const s of e.programmes || []) if ((e.notProgrammes || []).includes(s)) err(w, 'slug both required and forbidden: ' + s);
    for (const g of e.all || []) for (const s of g) if ((e.none || []).includes(s)) err(w, 'stem both required and forbidden: ' + s);
    if (typeof m.note !== 'string' || !m.note) err(w, 'note required');
    byCat[m.category] = (byCat[m.category] || 0) + 1;
    byLang[m.lang] = (byLang[m.lang] || 0) + 1;
  });
  for (const c of CATS) if ((byCat[c] || 0) < 12) err('moments', `category ${c} has ${byCat[c] || 0} (< 12)`);
  const enShare = (byLang.en || 0) / moments.length;
  if (enShare < 0.25 || enShare > 0.4) err('moments', `English share ${(enShare * 100).toFixed(0)}% is not ~30%`);
}

console.log(`catalogue: ${Array.isArray(catalogue) ? catalogue.length : 0} programmes`);
console.log(`moments: ${Array.isArray(moments) ? moments.length : 0}`);
console.log('by category:', JSON.stringify(byCat));
console.log('by language:', JSON.stringify(byLang));
if (errors.length) { console.error(`\n${errors.length} error(s):\n` + errors.join('\n')); process.exit(1); }
console.log('OK');
