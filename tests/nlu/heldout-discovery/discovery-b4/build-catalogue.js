// Builds catalogue.json (import format) from catalogue-src.js.
const fs = require('fs');
const src = require('./catalogue-src.js');
const KIND = { P: 'pelatihan', M: 'magang', L: 'magang_luar_negeri', S: 'sertifikasi' };
const DEFAULT_DOCS = { P: ['ktp', 'ijazah', 'pas_foto'], M: ['ktp', 'ijazah', 'cv', 'pas_foto'], L: ['ktp', 'ijazah', 'cv', 'pas_foto', 'surat_sehat', 'paspor'], S: ['ktp', 'ijazah', 'pas_foto', 'cv'] };
const DUR = { P: 75, M: 182, L: 120, S: 14 };
function addDays(d, n) { const x = new Date(d + 'T00:00:00Z'); x.setUTCDate(x.getUTCDate() + n); return x.toISOString().slice(0, 10); }
const seen = new Set();
const out = src.map((p, i) => {
  if (seen.has(p.s)) throw new Error('duplicate ' + p.s); seen.add(p.s);
  const opens = addDays('2026-11-10', (i * 7) % 27);            // 2026-11-10 .. 2026-12-06
  const closes = addDays('2027-01-08', (i * 11) % 50);          // 2027-01-08 .. 2027-02-26
  const starts = addDays(closes, 10 + (i % 3) * 7);
  const ends = addDays(starts, DUR[p.k]);
  const elig = {};
  if (p.age) elig.age = { min: p.age[0], max: p.age[1], at: 'registration_closes' };
  if (p.edu) elig.education = { min: p.edu };
  if (p.g === 'P') elig.gender = 'perempuan';
  if (p.dom) elig.domicile = p.dom;
  if (p.st) elig.status = p.st;
  if (p.gw) elig.graduated_within_years = p.gw;
  if (p.pref) elig.preferred = p.pref;
  if (p.q) elig.questions = p.q.map(q => {
    const o = { id: q.id, ask: { id: q.ask }, type: q.type, require: q.require };
    if (q.options) o.options = q.options;
    if (q.explain) o.explain = { id: q.explain };
    return o;
  });
  const rec = {
    slug: 'b4-' + p.s,
    kind: KIND[p.k],
    title: { id: p.t },
    summary: { id: p.sum },
    field: p.f,
    tags: p.tags || [],
    provider: { name: p.pv, type: p.pt === 'P3MI' ? 'perusahaan' : p.pt, contact: 'wa.me/6281' + String(200000000 + i * 7919).slice(0, 9) },
    location: { province: p.r.split('.')[0], regency: p.r, venue: p.v, mode: p.m || 'luring' },
  };
  if (p.c) rec.destination_country = p.c;
  rec.dates = { registration_opens: opens, registration_closes: closes, starts, ends };
  if (p.sched) rec.dates.schedule_note = { id: p.sched };
  rec.seats = { total: p.seats[0], women: p.seats[1] };
  rec.costs = { fee_idr: p.fee || 0, stipend_idr: p.sti || 0 };
  if (p.sti) rec.costs.stipend_period = p.per;
  rec.benefits = p.ben || [];
  rec.inclusion = p.dis ? { disability_friendly: true, accommodations: { id: p.dis } } : { disability_friendly: false };
  rec.eligibility = elig;
  rec.application = p.ext
    ? { mode: 'external', url: p.ext, documents: DEFAULT_DOCS[p.k], organisation: 'heldout-org' }
    : { mode: 'in_chat', url: null, documents: DEFAULT_DOCS[p.k].concat(p.k === 'L' && p.f === 'perawatan' ? ['sertifikat_bahasa'] : []), organisation: 'heldout-org' };
  rec.sources = ['https://contoh.heldout.example/' + p.s];
  rec.verified_at = '2026-11-' + String(20 + (i % 8)).padStart(2, '0');
  rec.status = 'open';
  return rec;
});
fs.writeFileSync(__dirname + '/catalogue.json', JSON.stringify(out, null, 2) + '\n');
// cheat sheet
const lines = src.map(p => [p.s.padEnd(30), p.k, (p.f || '').padEnd(12), (p.c || '--'), (p.m || 'luring').padEnd(8), p.g === 'P' ? 'W' : '-', p.dis ? 'D' : '-', `${p.age[0]}-${p.age[1]}`.padEnd(5), (p.edu || '').padEnd(3), p.r, p.dom ? 'dom:' + p.dom.join(',') + (p.pref ? '(pref)' : '') : '', p.st ? 'st:' + p.st.join(',') : '', p.fee ? 'fee' + p.fee : 'free', p.sti ? 'sti' + p.sti : ''].join(' '));
fs.writeFileSync(__dirname + '/index.txt', lines.join('\n') + '\n');
console.log('catalogue.json:', out.length, 'programmes');
