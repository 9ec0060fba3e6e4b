// Builds catalogue.json and queries.json for held-out batch b10 (written apart from the code).
const fs = require('fs');
const path = require('path');
const B = 'b10';
const { list } = require('./programmes.js');

// ---------- catalogue
const EDU = ['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'S1', 'S2', 'S3'];
function addDays(d, n) { const x = new Date(d + 'T00:00:00Z'); x.setUTCDate(x.getUTCDate() + n); return x.toISOString().slice(0, 10); }
const catalogue = list.map((p, i) => {
  const o = p.o;
  const opens = addDays('2026-11-05', (i * 7) % 32);            // 2026-11-05 .. 2026-12-06
  const closes = addDays('2027-01-12', (i * 11) % 75);          // 2027-01-12 .. 2027-03-27
  const starts = addDays(closes, 14 + (i % 3) * 7);
  const months = p.kind === 'magang_luar_negeri' ? 36 : p.kind === 'magang' ? 6 : p.kind === 'sertifikasi' ? 0 : 2;
  const ends = p.kind === 'sertifikasi' ? addDays(starts, 2) : addDays(starts, months * 30);
  const r = {
    slug: `${B}-${p.s}`,
    kind: p.kind,
    title: { id: p.t[0], en: p.t[1] },
    summary: { id: p.sm[0], en: p.sm[1] },
    field: p.field,
    tags: o.tags || [p.field.replace(/_/g, '-')],
    provider: { name: o.pname, type: o.ptype, contact: `wa.me/6281${String(200000000 + i * 7919).slice(0, 9)}` },
    location: { province: p.reg.slice(0, 2), regency: p.reg, venue: o.venue || o.pname, mode: p.mode },
  };
  if (p.kind === 'magang_luar_negeri') r.destination_country = o.country;
  r.dates = { registration_opens: opens, registration_closes: closes, starts, ends };
  if (o.schedule) r.dates.schedule_note = { id: o.schedule[0], en: o.schedule[1] };
  r.seats = { total: o.total || 25 + (i % 4) * 5 };
  if (o.women) r.seats.women = o.women;
  r.costs = { fee_idr: o.fee || 0 };
  if (o.stipend) { r.costs.stipend_idr = o.stipend; r.costs.stipend_period = 'bulan'; }
  r.benefits = o.benefits || [];
  r.inclusion = { disability_friendly: !!o.dis };
  if (o.dis) r.inclusion.accommodations = o.dis;
  const el = {};
  if (o.age) el.age = { min: o.age[0], max: o.age[1], at: 'registration_closes' };
  if (o.edu) el.education = { min: o.edu };
  if (o.gender) el.gender = o.gender;
  if (o.dom) el.domicile = o.dom;
  if (o.status) { el.status = o.status; el.preferred = ['status']; }
  if (o.grad) el.graduated_within_years = o.grad;
  if (o.q) el.questions = o.q;
  r.eligibility = el;
  const docs = ['ktp', 'ijazah', 'pas_foto'];
  if (p.kind === 'magang' || p.kind === 'magang_luar_negeri') docs.push('cv', 'surat_sehat');
  if (p.kind === 'magang_luar_negeri') docs.push('paspor');
  r.application = { mode: i % 5 === 4 ? 'external' : 'in_chat', url: i % 5 === 4 ? `https://example.org/${B}/${p.s}` : null, documents: docs, organisation: 'heldout-org' };
  r.sources = [`https://example.org/${B}/${p.s}`];
  r.verified_at = '2026-11-30';
  r.status = 'open';
  r._ = p; // stripped before writing
  return r;
});

// ---------- label helpers
const C = catalogue;
const S = (x) => `${B}-${x}`;
const un = (s) => s.replace(`${B}-`, '');
const fieldOf = (r) => r.field;
const isOnline = (r) => r.location.mode === 'daring';
function inPlace(r, places) { return places.some((pl) => pl.length === 2 ? r.location.province === pl : r.location.regency === pl); }
function ageOK(r, age) { const a = r.eligibility.age; return !age || !a || (age >= a.min && age <= a.max); }
function eduOK(r, edu) { const e = r.eligibility.education; return !edu || !e || EDU.indexOf(edu) >= EDU.indexOf(e.min); }
function domOK(r, dom) { const d = r.eligibility.domicile; return !dom || !d || d.some((c) => dom.startsWith(c) || c.startsWith(dom)); }
// facts: {g:'l'|'p', age, edu, dom:'12.71', noOverseas, exclude:[suffix], dis:true}
function elig(r, f = {}) {
  if (f.g === 'l' && r.eligibility.gender === 'perempuan') return false;
  if (!ageOK(r, f.age) || !eduOK(r, f.edu) || !domOK(r, f.dom)) return false;
  if (f.exclude && f.exclude.includes(un(r.slug))) return false;
  if (f.dis && !r.inclusion.disability_friendly) return false;
  return true;
}
const fm = (r, fields) => !fields || [].concat(fields).includes(r.field);
const km = (r, kinds) => !kinds || [].concat(kinds).includes(r.kind);
// find: returns suffixes
function find(pred) { return C.filter(pred).map((r) => un(r.slug)); }
// standard place(+field)(+kind) label per b1 conventions
// fields: null|string|array; places: codes; o: {kind, near:[codes], f:facts, noOnline, accKinds}
function std(fields, places, o = {}) {
  const f = o.f || {};
  const base = (r) => elig(r, f) && fm(r, fields);
  const wo = o.withOverseas !== undefined ? o.withOverseas : !fields;
  const rel = C.filter((r) => base(r) && !isOnline(r) && inPlace(r, places) && km(r, o.kind) && (r.kind !== 'magang_luar_negeri' || wo));
  const relS = new Set(rel.map((r) => r.slug));
  const provs = [...new Set(places.map((p) => p.slice(0, 2)))];
  const near = (o.near || []).concat(o.noProv ? [] : provs);
  const acc = C.filter((r) => {
    if (relS.has(r.slug) || !base(r)) return false;
    if (isOnline(r)) return !o.noOnline && (!!fields || r.kind !== 'magang_luar_negeri');
    if (r.kind === 'magang_luar_negeri') return inPlace(r, places) && !o.noOverseasAcc;
    if (inPlace(r, places)) return true; // other kinds at the place
    return !!fields && inPlace(r, near);
  });
  return { rel: rel.map((r) => un(r.slug)), acc: acc.map((r) => un(r.slug)) };
}
// overseas: country list, optional field
function ovs(countries, fields, o = {}) {
  const f = o.f || {};
  const rel = find((r) => r.kind === 'magang_luar_negeri' && countries.includes(r.destination_country) && fm(r, fields) && elig(r, f));
  const langs = { JP: 'daring-bahasa-jepang', KR: 'daring-bahasa-korea', DE: 'daring-bahasa-jerman', TW: 'daring-bahasa-mandarin', AU: 'daring-inggris-hospitality', AE: 'daring-inggris-hospitality' };
  const acc = [...new Set(countries.map((c) => langs[c]).filter(Boolean))].filter((s) => elig(C.find((r) => r.slug === S(s)), f));
  return { rel, acc };
}

const queries = [];
function q(text, lab, note, tweak = {}) {
  let rel = [...(lab.rel || [])], acc = [...(lab.acc || [])];
  if (tweak.addRel) rel.push(...tweak.addRel);
  if (tweak.addAcc) acc.push(...tweak.addAcc);
  if (tweak.drop) { rel = rel.filter((x) => !tweak.drop.includes(x)); acc = acc.filter((x) => !tweak.drop.includes(x)); }
  if (tweak.demote) { acc.push(...rel.filter((x) => tweak.demote.includes(x))); rel = rel.filter((x) => !tweak.demote.includes(x)); }
  if (tweak.promote) { rel.push(...acc.filter((x) => tweak.promote.includes(x))); acc = acc.filter((x) => !tweak.promote.includes(x)); }
  const trainWords = /(pelatihan|kursus|belajar|kelas|\bles\b|course|training|bootcamp)/i;
  const otherWords = /(magang|sertifikasi|sertifikat|uji kompetensi|internship|apprentice|kerja ke|kerja di|certif)/i;
  if (!tweak.keepKinds && trainWords.test(text) && !otherWords.test(text)) {
    const abroad = /(jepang|japan|korea|jerman|german|taiwan|luar negeri|abroad|overseas|dubai|australia|malaysia|eropa|asia)/i.test(text);
    const notTrain = rel.filter((x) => { const k = C.find((r) => r.slug === S(x)).kind; return k !== 'pelatihan' && !(abroad && k === 'magang_luar_negeri'); });
    acc.push(...notTrain); rel = rel.filter((x) => !notTrain.includes(x));
  }
  rel = [...new Set(rel)]; acc = [...new Set(acc)].filter((x) => !rel.includes(x));
  for (const x of rel.concat(acc)) if (!C.find((r) => r.slug === S(x))) throw new Error(`unknown slug ${x} in: ${text}`);
  queries.push({ id: `${B}-${String(queries.length + 1).padStart(3, '0')}`, text, relevant: rel.map(S), acceptable: acc.map(S), note });
}
const L = (rel = [], acc = []) => ({ rel, acc });
const merge = (...ls) => ({ rel: ls.flatMap((l) => l.rel), acc: ls.flatMap((l) => l.acc) });
const ONLINE = (fields) => find((r) => isOnline(r) && fm(r, fields));

module.exports = { q, std, ovs, find, L, merge, ONLINE, C, un, isOnline, inPlace, elig, fm };

if (require.main === module) {
  require('./queries-src.js');
  const out = C.map((r) => { const x = { ...r }; delete x._; return x; });
  fs.writeFileSync(path.join(__dirname, 'catalogue.json'), JSON.stringify(out, null, 2) + '\n');
  fs.writeFileSync(path.join(__dirname, 'queries.json'), JSON.stringify(queries, null, 2) + '\n');
  console.log(`catalogue ${out.length}, queries ${queries.length}`);
}
