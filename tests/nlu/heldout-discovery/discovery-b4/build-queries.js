// Expands queries-src.js (labels written with keys and macros) into queries.json.
// Macros: key | F:field | K:P/M/L/S | C:XX | PR:prov | RG:regency | DARING | CAMP | LN | W | D | FREE | STI | ALL
//         REG:timteng|eropa|asiatimur|asean | ISL:jawa|sumatra|kalimantan|sulawesi|nusra|maluku|papua
//         a&b = intersection, -token = remove. Facts (gender, age, edu, dom, st, q answers) remove
//         programmes the writer clearly cannot join from BOTH lists (logged in stripped.log).
const fs = require('fs');
const cat = require('./catalogue-src.js');
const src = require('./queries-src.js');
const KIND = { P: 'P', M: 'M', L: 'L', S: 'S' };
const EDU = ['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'S1', 'S2', 'S3'];
const ISL = { jawa: ['31', '32', '33', '34', '35', '36'], sumatra: ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21'],
  kalimantan: ['61', '62', '63', '64', '65'], sulawesi: ['71', '72', '73', '74', '75', '76'], nusra: ['51', '52', '53'],
  maluku: ['81', '82'], papua: ['91', '92', '93', '94', '95', '96'] };
const REG = { timteng: ['SA', 'AE', 'QA'], eropa: ['DE', 'PL'], asiatimur: ['JP', 'KR', 'TW', 'HK'], asean: ['MY', 'SG', 'BN'] };
const byKey = new Map(cat.map(p => [p.s, p]));
const prov = p => p.r.split('.')[0];
function atom(t) {
  if (byKey.has(t)) return [t];
  const [m, v] = t.includes(':') ? [t.slice(0, t.indexOf(':')), t.slice(t.indexOf(':') + 1)] : [t, null];
  const f = {
    F: p => p.f === v, K: p => p.k === v, C: p => p.c === v, PR: p => prov(p) === v, RG: p => p.r === v,
    DARING: p => p.m === 'daring', CAMP: p => p.m === 'campuran', LN: p => !!p.c, W: p => p.g === 'P',
    D: p => !!p.dis, FREE: p => !p.fee, STI: p => !!p.sti, ALL: () => true, DOM: p => !!p.dom && !(p.pref || []).includes('domicile'), ASR: p => (p.ben || []).includes('asrama'),
    REG: p => (REG[v] || die('bad region ' + v)).includes(p.c), ISL: p => (ISL[v] || die('bad island ' + v)).includes(prov(p)),
  }[m];
  if (!f) die('unknown token ' + t);
  return cat.filter(f).map(p => p.s);
}
function die(m) { throw new Error(m); }
function expand(spec) {
  const add = new Set(), rem = new Set();
  for (const tok of (spec || '').split(/\s+/).filter(Boolean)) {
    const neg = tok.startsWith('-'); const body = neg ? tok.slice(1) : tok;
    let set = null;
    for (const part of body.split('&')) { const a = new Set(atom(part)); set = set ? new Set([...set].filter(x => a.has(x))) : a; }
    for (const x of set) (neg ? rem : add).add(x);
  }
  return [...add].filter(x => !rem.has(x));
}
function ineligible(p, f) {
  const why = [];
  if (!f) return why;
  const pref = p.pref || [];
  if (f.g === 'L' && p.g === 'P') why.push('women-only');
  if (f.age != null && p.age) {
    if (f.age + 1 < p.age[0] || f.age > p.age[1]) why.push(`age ${f.age} outside ${p.age}`);
    else if (f.age + 1 === p.age[0] || f.age === p.age[1]) edge.push(`${f._id}: age ${f.age} at edge of ${p.s} ${p.age}`);
  }
  if (f.edu && p.edu && EDU.indexOf(f.edu) < EDU.indexOf(p.edu)) why.push(`edu ${f.edu} < ${p.edu}`);
  if (f.dom && p.dom && !pref.includes('domicile')) {
    const fp = f.dom.split('.')[0];
    const ok = p.dom.some(d => d === f.dom || d === fp || (!f.dom.includes('.') && d.startsWith(f.dom + '.')));
    if (!ok) why.push(`domicile ${f.dom} not in ${p.dom}`);
  }
  if (f.st && p.st && !pref.includes('status') && !f.st.some(s => p.st.includes(s))) why.push(`status ${f.st} not in ${p.st}`);
  if (f.q && p.q) for (const q of p.q) if (q.id in f.q) {
    const a = f.q[q.id];
    if (q.require === true && a === false) why.push(`question ${q.id}`);
    if (q.require === false && a === true) why.push(`question ${q.id}`);
    if (q.require && typeof q.require === 'object' && q.require.min != null && a < q.require.min) why.push(`question ${q.id}`);
  }
  return why;
}
const edge = [];
const log = [];
const out = src.map((q, i) => {
  const [text, rel, acc, note, facts] = q;
  const id = 'b4-' + String(i + 1).padStart(3, '0');
  const f = facts ? Object.assign({ _id: id }, facts) : null;
  let R = expand(rel), A = expand(acc).filter(x => !R.includes(x));
  const strip = list => list.filter(s => { const w = ineligible(byKey.get(s), f); if (w.length) log.push(`${id} ${s}: ${w.join('; ')}`); return !w.length; });
  R = strip(R); A = strip(A);
  return { id, text, relevant: R.map(s => 'b4-' + s), acceptable: A.map(s => 'b4-' + s), note: note || '' };
});
fs.writeFileSync(__dirname + '/queries.json', JSON.stringify(out, null, 2) + '\n');
fs.writeFileSync(__dirname + '/stripped.log', log.join('\n') + '\n');
if (edge.length) { console.log('AGE EDGE WARNINGS:\n' + edge.join('\n')); }
console.log('queries.json:', out.length, 'queries;', log.length, 'stripped entries');
