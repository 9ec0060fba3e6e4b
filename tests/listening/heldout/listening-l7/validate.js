#!/usr/bin/env node
// Validates catalogue.json and moments.json of held-out batch l7. No dependencies. Exit 1 on any error.
// Optional: IDN_REGENCIES=/path/to/regencies.csv (idn-area-data) to check that every regency code exists.
'use strict';
const fs = require('fs'), path = require('path');
const dir = __dirname, BATCH = 'l7';
const errors = [];
const err = (where, msg) => errors.push(`${where}: ${msg}`);
const load = f => { try { return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); } catch (e) { err(f, 'cannot parse: ' + e.message); return null; } };
const isObj = x => x && typeof x === 'object' && !Array.isArray(x);
const isStr = x => typeof x === 'string' && x.trim().length > 0;
const isDate = x => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x) && !isNaN(Date.parse(x));

const cat = load('catalogue.json'), moms = load('moments.json');
const KINDS = ['pelatihan', 'magang', 'magang_luar_negeri', 'sertifikasi'];
const EDU = ['SD', 'SMP', 'SMA', 'SMK', 'MA', 'D1', 'D2', 'D3', 'S1', 'D4', 'S2', 'S3'];
const PROV_TYPES = ['BLK', 'BPVP', 'LPK', 'LSP', 'perusahaan', 'organisasi'];
const MODES = ['luring', 'daring', 'campuran'];
const STATUS = ['tidak_bekerja', 'bekerja', 'pelajar', 'mahasiswa', 'lulusan_baru'];
const BENEFITS = ['sertifikat_kompetensi', 'bpjs_ketenagakerjaan', 'uang_saku', 'asrama', 'makan', 'transport'];
let regencies = null;
if (process.env.IDN_REGENCIES) {
  regencies = new Set(fs.readFileSync(process.env.IDN_REGENCIES, 'utf8').split(/\r?\n/).slice(1).map(l => l.split(',')[0]).filter(Boolean));
}
const slugs = new Set();
if (cat) {
  if (!Array.isArray(cat)) err('catalogue', 'not an array');
  else {
    if (cat.length < 25 || cat.length > 40) err('catalogue', `has ${cat.length} programmes, want 25–40`);
    cat.forEach((p, i) => {
      const w = `catalogue[${i}]${p && p.slug ? ' ' + p.slug : ''}`;
      if (!isObj(p)) return err(w, 'not an object');
      if (!/^[a-z0-9-]+$/.test(p.slug || '') || !p.slug.startsWith(BATCH + '-')) err(w, 'slug must be [a-z0-9-] and start with l7-');
      if (slugs.has(p.slug)) err(w, 'duplicate slug'); slugs.add(p.slug);
      if (!KINDS.includes(p.kind)) err(w, 'bad kind');
      for (const k of ['title', 'summary']) if (!isObj(p[k]) || !isStr(p[k].id) || !isStr(p[k].en)) err(w, `${k} needs id and en`);
      if (!isStr(p.field)) err(w, 'field missing');
      if (!Array.isArray(p.tags)) err(w, 'tags not an array');
      if (!isObj(p.provider) || !isStr(p.provider.name) || !PROV_TYPES.includes(p.provider.type)) err(w, 'bad provider');
      const L = p.location;
      if (!isObj(L) || !/^\d{2}$/.test(L.province) || !/^\d{2}\.\d{2}$/.test(L.regency) || !L.regency.startsWith(L.province + '.') || !MODES.includes(L.mode)) err(w, 'bad location');
      else if (regencies && !regencies.has(L.regency)) err(w, `regency ${L.regency} not in idn-area-data`);
      const overseas = p.kind === 'magang_luar_negeri';
      if (overseas && !/^[A-Z]{2}$/.test(p.destination_country || '')) err(w, 'overseas programme needs destination_country');
      if (!overseas && p.destination_country) err(w, 'destination_country only for overseas');
      const D = p.dates || {};
      for (const k of ['registration_opens', 'registration_closes', 'starts', 'ends']) if (!isDate(D[k])) err(w, `dates.${k} invalid`);
      if (D.registration_opens !== '2026-12-07') err(w, 'registration_opens must be 2026-12-07');
      if (!/^2027-0[1-3]-/.test(D.registration_closes || '')) err(w, 'registration_closes must be Jan–Mar 2027');
      if (D.starts < D.registration_closes || D.ends < D.starts) err(w, 'dates out of order');
      if (D.schedule_note && (!isStr(D.schedule_note.id) || !isStr(D.schedule_note.en))) err(w, 'schedule_note needs id and en');
      const S = p.seats || {};
      if (!Number.isInteger(S.total) || S.total <= 0) err(w, 'seats.total');
      if (S.women != null && (!Number.isInteger(S.women) || S.women > S.total)) err(w, 'seats.women');
      const C = p.costs || {};
      if (C.fee_idr !== 0) err(w, 'fee_idr must be 0 (free programmes)');
      if (!Number.isInteger(C.stipend_idr) || C.stipend_idr < 0) err(w, 'stipend_idr');
      if (!Array.isArray(p.benefits) || p.benefits.some(b => !BENEFITS.includes(b))) err(w, 'bad benefits');
      else if (p.benefits.includes('uang_saku') !== (C.stipend_idr > 0)) err(w, 'uang_saku benefit and stipend_idr disagree');
      if (C.stipend_idr > 0 && !C.stipend_period) err(w, 'stipend_period missing');
      if (!isObj(p.inclusion) || typeof p.inclusion.disability_friendly !== 'boolean') err(w, 'inclusion');
      else if (p.inclusion.disability_friendly && (!p.inclusion.accommodations || !isStr(p.inclusion.accommodations.id))) err(w, 'accommodations text missing');
      const E = p.eligibility || {};
      if (!E.age || !Number.isInteger(E.age.min) || !Number.isInteger(E.age.max) || E.age.min > E.age.max) err(w, 'eligibility.age');
      if (!E.education || !EDU.includes(E.education.min)) err(w, 'eligibility.education');
      if (E.gender != null && E.gender !== 'perempuan') err(w, 'gender only "perempuan"');
      if (E.gender === 'perempuan' && S.women !== S.total) err(w, 'women-only programme should reserve all seats for women');
      if (E.domicile && (!Array.isArray(E.domicile) || E.domicile.some(c => !/^\d{2}(\.\d{2})?$/.test(c)))) err(w, 'domicile codes');
      if (E.status && E.status.some(s => !STATUS.includes(s))) err(w, 'status');
      if (E.preferred && E.preferred.some(r => !(r in E))) err(w, 'preferred names a rule that is not set');
      if (!Array.isArray(E.questions)) err(w, 'questions not an array');
      else E.questions.forEach((q, j) => {
        if (!isStr(q.id) || !q.ask || !isStr(q.ask.id) || !isStr(q.ask.en) || !['yes_no', 'number', 'choice'].includes(q.type)) err(w, `question ${j} shape`);
        if (q.type === 'choice' && !(Array.isArray(q.options) && q.options.length)) err(w, `question ${j} options`);
      });
      const A = p.application || {};
      if (A.organisation !== 'heldout-org') err(w, 'organisation must be heldout-org');
      if (!['in_chat', 'external'].includes(A.mode) || !Array.isArray(A.documents)) err(w, 'application');
      if (p.status !== 'open') err(w, 'status must be open');
      if (!isDate(p.verified_at) || !Array.isArray(p.sources) || !p.sources.length) err(w, 'verified_at/sources');
    });
  }
}
const CATS = ['question', 'worry', 'consent', 'facts', 'correction', 'skip', 'tone', 'language', 'alternatives', 'form', 'other'];
const counts = {}, langs = {};
if (moms) {
  if (!Array.isArray(moms)) err('moments', 'not an array');
  else {
    if (moms.length < 160) err('moments', `only ${moms.length}, want >= 160`);
    const ids = new Set();
    moms.forEach((m, i) => {
      const w = `moments[${i}]${m && m.id ? ' ' + m.id : ''}`;
      if (!isObj(m)) return err(w, 'not an object');
      if (!new RegExp(`^${BATCH}-\\d{3}$`).test(m.id || '')) err(w, 'id must be l7-NNN');
      if (ids.has(m.id)) err(w, 'duplicate id'); ids.add(m.id);
      if (!['id', 'en'].includes(m.lang)) err(w, 'lang');
      if (!CATS.includes(m.category)) err(w, 'category');
      counts[m.category] = (counts[m.category] || 0) + 1; langs[m.lang] = (langs[m.lang] || 0) + 1;
      if (!Array.isArray(m.turns) || !m.turns.length || m.turns.some(t => !isStr(t))) err(w, 'turns');
      else m.turns.forEach((t, j) => {
        if (/^\[.*\]$/.test(t) && !/^\[(setuju|tolak|menu|kirim foto|daftar [1-9]\d*)\]$/.test(t)) err(w, `unknown special turn ${t}`);
        if (/^\[daftar /.test(t) && (j === 0 || /^\[.*\]$/.test(m.turns[j - 1]))) err(w, '[daftar N] must follow a typed search');
      });
      const x = m.expect;
      if (!isObj(x)) return err(w, 'expect missing');
      if (!Array.isArray(x.all) || x.all.some(g => !Array.isArray(g) || !g.length || g.some(a => !isStr(a) || a !== a.toLowerCase()))) err(w, 'expect.all must be groups of lower-case strings');
      if (!Array.isArray(x.none) || x.none.some(a => !isStr(a) || a !== a.toLowerCase())) err(w, 'expect.none must be lower-case strings');
      if (!['id', 'en'].includes(x.lang)) err(w, 'expect.lang');
      if ('human' in x && x.human !== true) err(w, 'expect.human must be true when present');
      for (const k of ['programmes', 'notProgrammes']) if (k in x) {
        if (!Array.isArray(x[k]) || !x[k].length) err(w, `${k} must be a non-empty array`);
        else x[k].forEach(s => { if (!slugs.has(s)) err(w, `${k}: unknown slug ${s}`); });
      }
      if (x.programmes && x.notProgrammes && x.programmes.some(s => x.notProgrammes.includes(s))) err(w, 'slug both expected and forbidden');
      if (x.all && x.none && x.all.some(g => g.length === 1 && x.none.includes(g[0]))) err(w, 'contradiction between all and none');
      if (typeof m.note !== 'string') err(w, 'note must be a string');
    });
  }
}
const total = moms && moms.length || 0;
console.log(`catalogue: ${cat ? cat.length : 0} programmes`);
console.log(`moments: ${total} (id ${langs.id || 0}, en ${langs.en || 0} = ${total ? Math.round(100 * (langs.en || 0) / total) : 0}% English)`);
console.log('per category: ' + CATS.map(c => `${c} ${counts[c] || 0}`).join(', '));
if (errors.length) { console.log(`${errors.length} error(s):`); errors.forEach(e => console.log('  ' + e)); process.exit(1); }
console.log('OK');
