// Builds catalogue.json and queries.json from catalogue-src.js and queries-src.js (b9). node build.js
const fs = require('fs');
const SRC = require('./catalogue-src.js');
const AREA = JSON.parse(fs.readFileSync(__dirname + '/area-codes.json', 'utf8'));
const tc = (s) => s.toLowerCase().replace(/\b\w/g, c => c.toUpperCase()).replace('Kabupaten ', 'Kab. ');
const areaName = (c) => c.length === 2 ? 'Provinsi ' + tc(AREA.provinces[c]) : tc(AREA.regencies[c][1]);
const KINDNAME = { pelatihan: 'Pelatihan', magang: 'Magang', magang_luar_negeri: 'Magang luar negeri', sertifikasi: 'Sertifikasi' };
const CAT = SRC.map(([s, kind, field, reg, mode, tid, ten, pname, ptype, venue, closes, x], i) => {
  const prov = reg.slice(0, 2);
  const cl = new Date(closes + 'T00:00:00Z');
  const st = new Date(cl.getTime() + 14 * 864e5), en = new Date(st.getTime() + (kind === 'magang_luar_negeri' ? 180 : 60) * 864e5);
  const d = (t) => t.toISOString().slice(0, 10);
  const opens = ['2026-11-02', '2026-11-10', '2026-11-16', '2026-11-23', '2026-12-01'][i % 5];
  const el = {};
  if (x.age) el.age = { min: x.age[0], max: x.age[1], at: 'registration_closes' };
  if (x.edu) el.education = { min: x.edu };
  if (x.gender) el.gender = x.gender;
  if (x.dom) el.domicile = x.dom;
  if (x.q) el.questions = x.q.map(([id, ask, type, req, ex]) => {
    const o = { id, ask: { id: ask }, type, require: req };
    if (ex) o.explain = { id: ex };
    return o;
  });
  const sumId = `${tid.split(' — ')[0]} di ${venue}${mode === 'daring' ? ' (daring penuh)' : mode === 'campuran' ? ' (campuran luring-daring)' : ''}. Gratis${x.stip ? `, uang saku Rp${x.stip.toLocaleString('id-ID')}/bulan` : ''}.${x.gender ? ' Khusus perempuan.' : ''}${x.dom ? ' Khusus warga ber-KTP/berdomisili ' + x.dom.map(areaName).join(', ') + '.' : ''}${x.age ? ` Usia ${x.age[0]}–${x.age[1]} tahun.` : ''}${x.edu ? ` Minimal lulusan ${x.edu}.` : ''}${x.note ? ' ' + x.note : ''}`;
  const sumEn = `${ten} at ${venue}${mode === 'daring' ? ' (fully online)' : mode === 'campuran' ? ' (blended)' : ''}. Free${x.stip ? `, monthly allowance IDR ${x.stip}` : ''}.${x.gender ? ' Women only.' : ''}${x.dom ? ' Residents of ' + x.dom.map(areaName).join(', ') + ' only.' : ''}${x.age ? ` Age ${x.age[0]}–${x.age[1]}.` : ''}`;
  const rec = {
    slug: 'b9-' + s, kind,
    title: { id: tid, en: ten },
    summary: { id: sumId, en: sumEn },
    field, tags: x.tags || [],
    provider: { name: pname, type: ptype, contact: 'wa.me/62812' + String(3000000 + i * 7919).padStart(7, '0') },
    location: { province: prov, regency: reg, venue, mode },
    dates: { registration_opens: opens, registration_closes: closes, starts: d(st), ends: d(en) },
    seats: { total: kind === 'sertifikasi' ? 30 : 20 + (i % 4) * 5 },
    costs: { fee_idr: 0, stipend_idr: x.stip || 0, stipend_period: 'bulan' },
    benefits: kind === 'sertifikasi' ? ['sertifikat_kompetensi'] : ['sertifikat_kompetensi', 'makan'].concat(x.stip ? ['uang_saku', 'bpjs_ketenagakerjaan'] : []),
    inclusion: x.dis ? { disability_friendly: true, accommodations: { id: x.dis } } : { disability_friendly: false },
    eligibility: el,
    application: { mode: 'in_chat', url: null, documents: ['ktp', 'ijazah', 'pas_foto'].concat(x.country ? ['paspor', 'surat_sehat'] : []), organisation: 'heldout-org' },
    sources: ['https://example.org/heldout/b9/' + s],
    verified_at: '2026-11-25',
    status: 'open',
  };
  if (x.country) rec.destination_country = x.country;
  if (x.gender === 'perempuan') rec.seats.women = rec.seats.total;
  if (x.women) rec.seats.women = x.women;
  if (mode !== 'luring') rec.dates.schedule_note = { id: mode === 'daring' ? 'Kelas daring malam hari, bisa diikuti sambil bekerja' : 'Tatap muka tiap Sabtu, sisanya daring' };
  return rec;
});
// some women quota on mixed programmes
for (const s of ['b9-sby-barista', 'b9-bdg-uiux', 'b9-mtr-desain', 'b9-kpg-coding', 'b9-pku-fullstack']) CAT.find(p => p.slug === s).seats.women = 10;
const BY = Object.fromEntries(CAT.map(p => [p.slug, p]));
const EDU = ['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'S1', 'S2', 'S3'];
const eduRank = (e) => EDU.indexOf({ SMK: 'SMA', MA: 'SMA', D4: 'S1' }[e] || e);
const DOMESTIC = ['pelatihan', 'magang', 'sertifikasi'];

function eligible(p, w, text) {
  if (!w) return true;
  const e = p.eligibility;
  if (w.g === 'L' && e.gender === 'perempuan') return false;
  if (w.age != null && e.age) {
    const a0 = w.age, a1 = w.age + 1; // age at closes is a0 or a1
    if (a1 < e.age.min || a0 > e.age.max) return false;
    if (!(a0 >= e.age.min && a1 <= e.age.max)) throw new Error(`edge age ${w.age} for ${p.slug} in: ${text}`);
  }
  if (w.edu && e.education && eduRank(w.edu) < eduRank(e.education.min)) return false;
  if (w.dom && e.domicile && !(e.preferred || []).includes('domicile')) {
    const ok = e.domicile.some(c => w.dom === c || w.dom.startsWith(c + '.') || w.dom === c.slice(0, 2) && false);
    if (!ok) return false;
  }
  if (w.fail && (e.questions || []).some(q => w.fail.includes(q.id))) return false;
  return true;
}
const all = () => CAT;
function sel(f) {
  return CAT.filter(p => {
    if (f.kind && ![].concat(f.kind).includes(p.kind)) return false;
    if (f.field && ![].concat(f.field).includes(p.field)) return false;
    if (f.reg && ![].concat(f.reg).includes(p.location.regency)) return false;
    if (f.prov && ![].concat(f.prov).includes(p.location.province)) return false;
    if (f.country && ![].concat(f.country).includes(p.destination_country)) return false;
    if (f.online === true && p.location.mode !== 'daring') return false;
    if (f.online === false && p.location.mode === 'daring') return false;
    if (f.tag && !p.tags.includes(f.tag)) return false;
    if (f.dis && !p.inclusion.disability_friendly) return false;
    return true;
  }).map(p => p.slug);
}
const uniq = (a) => [...new Set(a)];
const LANG = { JP: ['b9-jp-bahasa-daring'], KR: ['b9-kr-bahasa-daring'], DE: ['b9-de-bahasa-daring'] };
// place + field
function F(field, reg, o = {}) {
  reg = [].concat(reg);
  const kind = o.kind || DOMESTIC;
  const rel = sel({ field, reg, kind, online: false });
  const provs = uniq(reg.map(r => r.slice(0, 2)));
  const acc = sel({ field, prov: provs, online: false }).concat(sel({ field, online: true })).concat(sel({ field, reg }));
  return { rel, acc, ...o };
}
// place only
function PL(reg, o = {}) {
  reg = [].concat(reg);
  const rel = sel({ reg, online: false, kind: o.kind });
  const acc = sel({ online: true }).concat(o.kind ? sel({ reg }) : []);
  return { rel, acc, ...o };
}
// province/region + field
function PR(field, prov, o = {}) {
  const rel = sel({ field, prov, online: false, kind: o.kind || DOMESTIC });
  const acc = sel({ field, online: true }).concat(sel({ field, prov }));
  return { rel, acc, ...o };
}
// overseas
function C(country, field, o = {}) {
  const rel = sel({ kind: 'magang_luar_negeri', country, field });
  const acc = [].concat(...[].concat(country).map(c => LANG[c] || []));
  return { rel, acc, ...o };
}
// online
function D(field, o = {}) {
  const rel = sel({ field, online: true, kind: o.kind, tag: o.tag });
  const acc = [];
  return { rel, acc, ...o };
}
function M(...specs) { const r = { rel: [], acc: [] }; for (const s of specs) { r.rel.push(...s.rel); r.acc.push(...s.acc); if (s.who) r.who = s.who; if (s.broad) r.broad = true; if (s.ex) r.ex = (r.ex || []).concat(s.ex); } return r; }
const N = (acc = [], o = {}) => ({ rel: [], acc: [].concat(acc), ...o });
const Q = [];
function q(text, spec, note = '') {
  let { rel, acc, who, ex, accx, relx } = spec;
  rel = rel.concat(relx || []); acc = acc.concat(accx || []);
  // domicile-restricted: unknown domicile -> only acceptable unless the place matches (handled by selection)
  if (!who || !who.dom) {
    if (spec.broad) { const dr = rel.filter(s => BY[s].eligibility.domicile); rel = rel.filter(s => !dr.includes(s)); acc = acc.concat(dr); }
  }
  const ok = (s) => { if (!BY[s]) throw new Error('unknown slug ' + s + ' in ' + text); return eligible(BY[s], who, text) && !(ex || []).includes(s); };
  rel = uniq(rel).filter(ok);
  acc = uniq(acc).filter(ok).filter(s => !rel.includes(s));
  Q.push({ id: 'b9-' + String(Q.length + 1).padStart(3, '0'), text, relevant: rel, acceptable: acc, note });
}
global.H = { F, PL, PR, C, D, M, N, q, sel, CAT };
global.CAT_women = () => CAT.filter(p => p.eligibility.gender === 'perempuan').map(p => p.slug);
require('./queries-src.js');
fs.writeFileSync('catalogue.json', JSON.stringify(CAT, null, 1));
fs.writeFileSync('queries.json', JSON.stringify(Q, null, 1));
console.log('programmes', CAT.length, 'queries', Q.length, 'nothing-fits', Q.filter(x => !x.relevant.length).length);
