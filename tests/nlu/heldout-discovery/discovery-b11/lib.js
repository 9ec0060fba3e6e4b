// Label helpers implementing the Labelling conventions (see README).
const C = require('./catalogue.json');
const M = require('./.meta.json');
const by = Object.fromEntries(C.map(r => [r.slug, r]));
const EDU = { SD: 0, SMP: 1, SMA: 2, SMK: 2, MA: 2, D1: 3, D2: 4, D3: 5, S1: 6, D4: 6, S2: 7, S3: 8 };
const QKEY = { tato: 'tato', tinggi_cm: 'tinggi', berenang: 'berenang', bisa_las: 'las_exp', punya_sim: 'sim', buta_warna: 'buta_warna', pengalaman_ac: 'pengalaman_ac', pengalaman_barista: 'pengalaman_barista', takut_tinggi: 'takut_tinggi' };
const reg = r => r.location.regency, prov = r => r.location.province;
const OV = r => r.kind === 'magang_luar_negeri';
const DAR = r => r.location.mode === 'daring';
const closed = s => M[s].st === 'closed';
// predicates
const T = (...tags) => r => tags.some(t => r.tags.includes(t));
const F = (...fields) => r => fields.includes(r.field);
const ANY = () => true;
const or = (...ps) => r => ps.some(p => p(r));
const and = (...ps) => r => ps.every(p => p(r));
const not = p => r => !p(r);
const pr = f => f == null ? ANY : typeof f === 'function' ? f : F(f);
// eligibility: w = {sex:'L'|'P', age, edu, home:'33.02'|'33', no:[question keys the writer fails]}
function eligible(r, w) {
  if (!w) return true;
  const e = r.eligibility;
  if (w.sex === 'L' && e.gender === 'perempuan') return false;
  if (w.age != null && (w.age < e.age.min || w.age > e.age.max)) return false;
  if (w.edu && EDU[w.edu] < EDU[e.education.min]) return false;
  if (w.home && e.domicile && !e.domicile.some(d => w.home === d || w.home.startsWith(d + '.') || d.startsWith(w.home + '.') && false)) return false;
  if (w.no && (e.questions || []).some(q => w.no.includes(QKEY[q.id]))) return false;
  if (w.extra && !w.extra(r)) return false;
  return true;
}
function mk(rel, acc, w) {
  const R = new Set(), A = new Set();
  for (const s of rel) { if (!by[s]) throw new Error('no slug ' + s); if (!eligible(by[s], w)) continue; (closed(s) ? A : R).add(s); }
  for (const s of acc) { if (!by[s]) throw new Error('no slug ' + s); if (!eligible(by[s], w) || R.has(s)) continue; A.add(s); }
  return { relevant: [...R], acceptable: [...A] };
}
const S = p => C.filter(p).map(r => r.slug);
const inR = regs => r => regs.includes(reg(r));
const inP = provs => r => provs.includes(prov(r));
const provsOf = regs => [...new Set(regs.map(x => x.split('.')[0]))];
const kindP = k => k ? (r => (Array.isArray(k) ? k : [k]).includes(r.kind)) : not(OV);
// field (or predicate) at regencies. o: {kind, w, acc (predicate for acceptable field), near:[regs], ov:bool}
function fp(f, regs, o = {}) {
  const p = pr(f), ap = o.acc ? pr(o.acc) : p;
  const rel = S(and(p, inR(regs), o.ov ? ANY : kindP(o.kind)));
  const acc = S(and(ap, or(inR(regs), inP(provsOf(regs)), inR(o.near || []), DAR)));
  if (o.kind === 'magang') acc.push(...S(and(ap, OV)));
  return mk(rel, acc.concat(o.plus || []), o.w);
}
// place only
function pl(regs, o = {}) {
  const rel = S(and(inR(regs), not(DAR), o.kind ? kindP(o.kind) : ANY, pr(o.f)));
  const acc = S(or(and(DAR, pr(o.accF)), inR(regs)));
  return mk(rel, acc.concat(o.plus || []), o.w);
}
// province / region
function pv(provs, o = {}) {
  const p = pr(o.f), ap = o.acc ? pr(o.acc) : p;
  const rel = S(and(p, inP(provs), o.ov ? ANY : kindP(o.kind)));
  const acc = S(and(ap, or(inP(provs), DAR)));
  if (o.kind === 'magang') acc.push(...S(and(ap, OV)));
  return mk(rel, acc.concat(o.plus || []), o.w);
}
const LANG = { JP: ['kelas-daring-bahasa-jepang-n4', 'bahasa-jepang-n4-mataram'], KR: ['kelas-daring-eps-topik-korea', 'kelas-eps-topik-korea-cilacap'], DE: ['kelas-daring-bahasa-jerman-a1-a2'], TW: ['bahasa-mandarin-pariwisata-singkawang'], SA: [], AE: [], MY: [] };
// overseas to countries
function ov(ccs, o = {}) {
  const p = pr(o.f);
  const toC = and(OV, r => ccs.includes(r.destination_country));
  const rel = S(and(toC, p));
  const acc = S(toC).concat(...ccs.map(c => LANG[c] || []));
  return mk(rel, acc.concat(o.plus || []), o.w);
}
// any overseas
function ova(o = {}) {
  const rel = S(and(OV, pr(o.f)));
  const acc = S(OV).concat(...Object.values(LANG));
  return mk(rel, acc.concat(o.plus || []), o.w);
}
// field anywhere (domestic unless o.ov / o.kind)
function fo(f, o = {}) {
  const p = pr(f), ap = o.acc ? pr(o.acc) : p;
  // broad query: domicile-restricted programmes are only acceptable
  const rel = S(and(p, o.ov ? ANY : kindP(o.kind), r => !r.eligibility.domicile));
  const acc = S(ap).concat(S(p));
  return mk(rel, acc.concat(o.plus || []), o.w);
}
const X = (rel, acc = [], w) => mk(rel, acc, w);
const U = (...specs) => { const R = new Set(), A = new Set(); specs.forEach(s => { s.relevant.forEach(x => R.add(x)); s.acceptable.forEach(x => A.add(x)); }); return { relevant: [...R], acceptable: [...A].filter(x => !R.has(x)) }; };
const NONE = (acc = [], w) => mk([], acc, w);
const addAcc = (spec, acc) => ({ relevant: spec.relevant, acceptable: [...new Set(spec.acceptable.concat(acc.filter(a => !spec.relevant.includes(a))))] });
module.exports = { C, by, T, F, ANY, or, and, not, OV, DAR, S, inR, inP, fp, pl, pv, ov, ova, fo, X, U, NONE, addAcc, mk };
