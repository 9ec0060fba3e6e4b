#!/usr/bin/env node
// Validates catalogue.json and moments.json of held-out batch l8. No dependencies. Exits 1 on error.
const fs = require('fs');
const path = require('path');
const BATCH = 'l8';
const dir = __dirname;
const errors = [];
const err = (where, msg) => errors.push(`${where}: ${msg}`);
const load = (f) => { try { return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); } catch (e) { err(f, 'cannot parse: ' + e.message); return null; } };

// Region codes used, copied from idn-area-data@3.1.2 (provinces.csv / regencies.csv).
const REGIONS = {
  '31': 'DKI JAKARTA', '32': 'JAWA BARAT', '36': 'BANTEN', '51': 'BALI', '52': 'NUSA TENGGARA BARAT', '81': 'MALUKU',
  '31.72': 'JAKARTA UTARA', '31.73': 'JAKARTA BARAT', '31.74': 'JAKARTA SELATAN', '31.75': 'JAKARTA TIMUR',
  '32.01': 'KAB BOGOR', '32.04': 'KAB BANDUNG', '32.05': 'KAB GARUT', '32.15': 'KAB KARAWANG', '32.16': 'KAB BEKASI', '32.17': 'KAB BANDUNG BARAT',
  '32.71': 'KOTA BOGOR', '32.73': 'KOTA BANDUNG', '32.75': 'KOTA BEKASI', '32.76': 'KOTA DEPOK', '32.77': 'KOTA CIMAHI',
  '36.01': 'KAB PANDEGLANG', '36.02': 'KAB LEBAK', '36.71': 'KOTA TANGERANG', '36.72': 'KOTA CILEGON', '36.73': 'KOTA SERANG',
  '51.03': 'KAB BADUNG', '51.04': 'KAB GIANYAR', '51.08': 'KAB BULELENG', '51.71': 'KOTA DENPASAR',
  '52.02': 'KAB LOMBOK TENGAH', '52.04': 'KAB SUMBAWA', '52.08': 'KAB LOMBOK UTARA', '52.71': 'KOTA MATARAM',
  '81.71': 'KOTA AMBON', '81.72': 'KOTA TUAL',
};
const KINDS = ['pelatihan', 'magang', 'magang_luar_negeri', 'sertifikasi'];
const PTYPES = ['BLK', 'BPVP', 'LPK', 'LSP', 'perusahaan', 'organisasi'];
const MODES = ['luring', 'daring', 'campuran'];
const EDU = ['SD', 'SMP', 'SMA', 'SMK', 'MA', 'D1', 'D2', 'D3', 'S1', 'D4', 'S2', 'S3'];
const BENEFITS = ['sertifikat_kompetensi', 'bpjs_ketenagakerjaan', 'uang_saku', 'asrama', 'makan', 'transport'];
const STATUS = ['tidak_bekerja', 'bekerja', 'pelajar', 'mahasiswa', 'lulusan_baru'];
const CATS = ['question', 'worry', 'consent', 'facts', 'correction', 'skip', 'tone', 'language', 'alternatives', 'form', 'other'];
const isDate = (s) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s));
const bi = (o, where, needEn = true) => {
  if (!o || typeof o !== 'object') return err(where, 'missing {id,en}');
  if (typeof o.id !== 'string' || !o.id.trim()) err(where, 'missing id text');
  if (needEn && (typeof o.en !== 'string' || !o.en.trim())) err(where, 'missing en text');
};

// ---------------- catalogue ----------------
const cat = load('catalogue.json');
const slugs = new Set();
const stats = { programmes: 0, overseas: 0, womenOnly: 0, disability: 0, online: 0, withQuestions: 0, withStipend: 0, withDorm: 0, withBpjs: 0 };
if (cat) {
  if (!Array.isArray(cat)) err('catalogue.json', 'not an array');
  else {
    if (cat.length < 25 || cat.length > 40) err('catalogue.json', `needs 25–40 programmes, has ${cat.length}`);
    cat.forEach((p, i) => {
      const w = `catalogue[${i}]${p && p.slug ? ' ' + p.slug : ''}`;
      if (!p || typeof p !== 'object') return err(w, 'not an object');
      if (typeof p.slug !== 'string' || !new RegExp(`^${BATCH}-[a-z0-9-]+$`).test(p.slug)) err(w, 'slug must match ' + BATCH + '-[a-z0-9-]+');
      if (slugs.has(p.slug)) err(w, 'duplicate slug'); slugs.add(p.slug);
      if (!KINDS.includes(p.kind)) err(w, 'bad kind ' + p.kind);
      bi(p.title, w + '.title'); bi(p.summary, w + '.summary');
      if (typeof p.field !== 'string') err(w, 'field missing');
      if (!p.provider || !PTYPES.includes(p.provider.type) || !p.provider.name) err(w, 'bad provider');
      const L = p.location || {};
      if (!MODES.includes(L.mode)) err(w, 'bad location.mode');
      if (L.mode !== 'daring') {
        if (!REGIONS[L.province]) err(w, 'unknown province ' + L.province);
        if (!REGIONS[L.regency] || !String(L.regency).startsWith(L.province + '.')) err(w, 'unknown regency ' + L.regency);
      }
      if (p.kind === 'magang_luar_negeri') { if (!/^[A-Z]{2}$/.test(p.destination_country || '')) err(w, 'overseas needs destination_country'); stats.overseas++; }
      else if (p.destination_country) err(w, 'destination_country only for overseas');
      const D = p.dates || {};
      if (D.registration_opens !== '2026-12-07') err(w, 'registration_opens must be 2026-12-07');
      if (!isDate(D.registration_closes) || !/^2027-0[1-3]-/.test(D.registration_closes)) err(w, 'registration_closes must be Jan–Mar 2027');
      if (!isDate(D.starts) || !isDate(D.ends) || D.starts > D.ends || D.starts < D.registration_closes) err(w, 'bad starts/ends');
      if (D.schedule_note) bi(D.schedule_note, w + '.schedule_note');
      if (!p.seats || !(p.seats.total > 0) || (p.seats.women !== undefined && p.seats.women > p.seats.total)) err(w, 'bad seats');
      const C = p.costs || {};
      if (C.fee_idr !== 0) err(w, 'programmes must be free (fee_idr 0)');
      if (typeof C.stipend_idr !== 'number' || C.stipend_idr < 0) err(w, 'bad stipend');
      if (C.stipend_idr > 0) { stats.withStipend++; if (!p.benefits.includes('uang_saku')) err(w, 'stipend without uang_saku benefit'); }
      if (!Array.isArray(p.benefits) || p.benefits.some((b) => !BENEFITS.includes(b))) err(w, 'bad benefits');
      if (p.benefits.includes('asrama')) stats.withDorm++;
      if (p.benefits.includes('bpjs_ketenagakerjaan')) stats.withBpjs++;
      if (p.inclusion) { if (p.inclusion.disability_friendly) stats.disability++; if (p.inclusion.accommodations) bi(p.inclusion.accommodations, w + '.accommodations'); }
      if (L.mode === 'daring') stats.online++;
      const E = p.eligibility || {};
      if (!E.age || !(E.age.min <= E.age.max) || !['registration_closes', 'today'].includes(E.age.at)) err(w, 'bad eligibility.age');
      if (!E.education || !EDU.includes(E.education.min)) err(w, 'bad eligibility.education');
      if (E.gender !== undefined) { if (E.gender !== 'perempuan') err(w, 'gender only "perempuan"'); else { stats.womenOnly++; if (p.seats.women !== p.seats.total) err(w, 'women-only programme: women seats should equal total'); } }
      if (E.domicile && (!Array.isArray(E.domicile) || E.domicile.some((c) => !REGIONS[c]))) err(w, 'bad domicile codes');
      if (E.status && E.status.some((s) => !STATUS.includes(s))) err(w, 'bad status');
      if (E.preferred && E.preferred.some((k) => !(k in E))) err(w, 'preferred names a missing rule');
      if (E.questions) {
        stats.withQuestions++;
        const qids = new Set();
        E.questions.forEach((q, j) => {
          const qw = `${w}.questions[${j}]`;
          if (!/^[a-z0-9_]+$/.test(q.id || '') || qids.has(q.id)) err(qw, 'bad/duplicate id'); qids.add(q.id);
          bi(q.ask, qw + '.ask');
          if (!['yes_no', 'number', 'choice'].includes(q.type)) err(qw, 'bad type');
          if (q.type === 'choice' && (!Array.isArray(q.options) || q.options.length < 2)) err(qw, 'choice needs options');
          if (q.require !== undefined && q.explain) bi(q.explain, qw + '.explain');
        });
      }
      const A = p.application || {};
      if (!['in_chat', 'external'].includes(A.mode) || A.organisation !== 'heldout-org' || !Array.isArray(A.documents)) err(w, 'bad application (organisation must be heldout-org)');
      if (!Array.isArray(p.sources) || !p.sources.length || !isDate(p.verified_at) || p.status !== 'open') err(w, 'bad sources/verified_at/status');
      stats.programmes++;
    });
  }
}

// ---------------- moments ----------------
const mom = load('moments.json');
const counts = {}; const langs = { id: 0, en: 0 };
if (mom) {
  if (!Array.isArray(mom)) err('moments.json', 'not an array');
  else {
    if (mom.length < 160) err('moments.json', `needs ≥ 160 moments, has ${mom.length}`);
    const ids = new Set();
    const lcList = (arr, w) => { if (!Array.isArray(arr)) return err(w, 'not an array'); arr.forEach((s) => { if (typeof s !== 'string' || !s.length) err(w, 'empty stem'); else if (s !== s.toLowerCase()) err(w, `stem not lower-case: "${s}"`); }); };
    mom.forEach((x, i) => {
      const w = `moments[${i}]${x && x.id ? ' ' + x.id : ''}`;
      if (!new RegExp(`^${BATCH}-\\d{3}$`).test(x.id || '') || ids.has(x.id)) err(w, 'bad/duplicate id'); ids.add(x.id);
      if (!['id', 'en'].includes(x.lang)) err(w, 'bad lang'); else langs[x.lang]++;
      if (!CATS.includes(x.category)) err(w, 'bad category ' + x.category); else counts[x.category] = (counts[x.category] || 0) + 1;
      if (!Array.isArray(x.turns) || !x.turns.length || x.turns.some((t) => typeof t !== 'string' || !t.trim())) err(w, 'bad turns');
      else x.turns.forEach((t, j) => {
        if (/^\[.*\]$/.test(t)) {
          if (!/^\[(setuju|tolak|menu|kirim foto|daftar [1-9])\]$/.test(t)) err(w, 'unknown special turn ' + t);
          if (/^\[daftar/.test(t) && (j === 0 || /^\[/.test(x.turns[j - 1]))) err(w, '[daftar N] must follow a typed search');
        }
      });
      const e = x.expect;
      if (!e || typeof e !== 'object') return err(w, 'missing expect');
      const known = ['all', 'none', 'lang', 'human', 'programmes', 'notProgrammes'];
      Object.keys(e).forEach((k) => { if (!known.includes(k)) err(w, 'unknown expect key ' + k); });
      if (!Array.isArray(e.all)) err(w, 'expect.all must be an array');
      else e.all.forEach((g, j) => { if (!Array.isArray(g) || !g.length) err(w, `expect.all[${j}] must be a non-empty array`); else lcList(g, `${w} expect.all[${j}]`); });
      if (e.none !== undefined) lcList(e.none, w + ' expect.none');
      if (!['id', 'en'].includes(e.lang)) err(w, 'expect.lang must be id|en');
      if (e.human !== undefined && e.human !== true) err(w, 'expect.human must be true when present');
      for (const k of ['programmes', 'notProgrammes']) if (e[k] !== undefined) {
        if (!Array.isArray(e[k]) || !e[k].length) err(w, k + ' must be a non-empty array');
        else e[k].forEach((s) => { if (!slugs.has(s)) err(w, `${k}: unknown slug ${s}`); });
      }
      const hasCheck = (e.all && e.all.length) || (e.none && e.none.length) || e.programmes || e.notProgrammes || e.human;
      if (!hasCheck) err(w, 'expect checks nothing');
      if (e.all && e.none) e.all.forEach((g) => { if (g.every((a) => e.none.includes(a))) err(w, 'all group fully contradicted by none'); });
      if (typeof x.note !== 'string' || !x.note) err(w, 'missing note');
    });
  }
}

const total = langs.id + langs.en;
console.log(`catalogue: ${stats.programmes} programmes (overseas ${stats.overseas}, women-only ${stats.womenOnly}, disability-friendly ${stats.disability}, online ${stats.online}, with questions ${stats.withQuestions}, uang saku ${stats.withStipend}, asrama ${stats.withDorm}, BPJS ${stats.withBpjs})`);
console.log(`moments: ${total} (id ${langs.id}, en ${langs.en} = ${total ? Math.round((100 * langs.en) / total) : 0} %)`);
console.log('per category: ' + CATS.map((c) => `${c} ${counts[c] || 0}`).join(', '));
if (errors.length) { console.error(`${errors.length} error(s):\n` + errors.map((e) => '  - ' + e).join('\n')); process.exit(1); }
console.log('OK');
