// Builds catalogue.json from programmes.js and queries.json from queries.txt (macros expanded).
const fs = require('fs');
const L = require('./programmes.js');
const closes = ['2027-01-15','2027-01-31','2027-02-14','2027-02-28','2027-03-15','2027-03-31'];
const opens = ['2026-11-02','2026-11-10','2026-11-16','2026-11-23','2026-12-01','2026-12-04'];
const kindId = { pelatihan: 'Pelatihan gratis', magang: 'Program magang', magang_luar_negeri: 'Program magang luar negeri', sertifikasi: 'Uji sertifikasi kompetensi' };
const kindEn = { pelatihan: 'Free training', magang: 'Apprenticeship', magang_luar_negeri: 'Overseas apprenticeship', sertifikasi: 'Competency certification' };
const cat = L.map((p, i) => {
  const o = p.o, prov = p.reg.split('.')[0];
  const c = closes[i % closes.length];
  const start = { '2027-01-15': '2027-02-01', '2027-01-31': '2027-02-15', '2027-02-14': '2027-03-01', '2027-02-28': '2027-03-15', '2027-03-15': '2027-04-05', '2027-03-31': '2027-04-19' }[c];
  const end = new Date(Date.parse(start) + (p.kind === 'sertifikasi' ? 2 : p.kind === 'pelatihan' ? 45 : 120) * 864e5).toISOString().slice(0, 10);
  const elig = { age: { min: o.age[0], max: o.age[1], at: 'registration_closes' }, education: { min: o.edu } };
  if (o.gender) elig.gender = o.gender;
  if (o.dom) elig.domicile = o.dom;
  if (o.status) elig.status = o.status;
  if (o.grad) elig.graduated_within_years = o.grad;
  if (o.pref) elig.preferred = o.pref;
  if (o.q) elig.questions = o.q.map(([id, ask, type, req, options]) => { const q = { id, ask: { id: ask }, type, require: req, explain: { id: 'Syarat program: ' + ask.replace(/\?$/, '') + '.' } }; if (options) q.options = options; return q; });
  const benefits = o.benefits || ['sertifikat_pelatihan'];
  const where = p.mode === 'daring' ? 'secara daring' : (o.venue ? o.venue : '');
  const rec = {
    slug: p.slug, kind: p.kind,
    title: { id: p.tid, en: p.ten },
    summary: {
      id: `${kindId[p.kind]} oleh ${p.pname}${where ? ' (' + where + ')' : ''}. ${o.gender === 'perempuan' ? 'Khusus peserta perempuan. ' : ''}${o.stipend ? 'Ada uang saku. ' : ''}${benefits.includes('asrama') ? 'Disediakan asrama. ' : ''}`.trim(),
      en: `${kindEn[p.kind]} by ${p.pname}${p.mode === 'daring' ? ' (online)' : ''}. ${o.gender === 'perempuan' ? 'Women only. ' : ''}${o.stipend ? 'Stipend provided. ' : ''}${benefits.includes('asrama') ? 'Dormitory provided.' : ''}`.trim(),
    },
    field: p.field, tags: o.tags || [],
    provider: { name: p.pname, type: p.ptype, contact: 'wa.me/628' + String(1100000000 + i * 7919).slice(0, 10) },
    location: { province: prov, regency: p.reg, venue: p.mode === 'daring' ? null : (o.venue || null), mode: p.mode },
    dates: { registration_opens: opens[i % opens.length], registration_closes: c, starts: start, ends: end },
    seats: { total: o.seats ? o.seats[0] : (p.kind === 'sertifikasi' ? 30 : 20 + (i % 5) * 4) },
    costs: { fee_idr: o.fee || 0, stipend_idr: o.stipend || 0 },
    benefits,
    inclusion: { disability_friendly: !!o.dis },
    eligibility: elig,
    application: { mode: i % 9 === 4 ? 'external' : 'in_chat', url: i % 9 === 4 ? `https://daftar.example.org/${p.slug}` : null, documents: ['ktp', 'ijazah', 'pas_foto', ...(o.docs || [])].filter((v, k, a) => a.indexOf(v) === k), organisation: 'heldout-org' },
    sources: [`https://example.org/pengumuman/${p.slug}`],
    verified_at: '2026-11-28', status: 'open',
  };
  if (o.seats && o.seats[1]) rec.seats.women = o.seats[1];
  if (o.stipend) rec.costs.stipend_period = o.stipendPeriod || 'bulan';
  if (o.dis) rec.inclusion.accommodations = { id: o.dis };
  if (o.country) rec.destination_country = o.country;
  if (o.schedule) rec.dates.schedule_note = { id: o.schedule };
  return rec;
});
fs.writeFileSync('catalogue.json', JSON.stringify(cat, null, 2) + '\n');
// ---- queries ----
const bySlug = Object.fromEntries(cat.map(r => [r.slug, r]));
function expand(tok) {
  tok = tok.trim(); if (!tok) return [];
  if (!tok.startsWith('@')) return [tok.startsWith('b8-') ? tok : 'b8-' + tok];
  // @<filters> joined by '/': p33 r33.74 f:las k:pelatihan c:JP on (daring) off (not daring)
  const fs_ = tok.slice(1).split('/');
  return cat.filter(r => fs_.every(f => {
    if (f === 'on') return r.location.mode === 'daring';
    if (f === 'off') return r.location.mode !== 'daring';
    if (f === 'all') return true;
    if (f.startsWith('p')) return f.slice(1).split(',').includes(r.location.province);
    if (f.startsWith('r')) return f.slice(1).split(',').includes(r.location.regency);
    if (f.startsWith('f:')) return f.slice(2).split(',').includes(r.field);
    if (f.startsWith('k:')) return f.slice(2).split(',').includes(r.kind);
    if (f.startsWith('c:')) return f.slice(2).split(',').includes(r.destination_country);
    if (f === 'ln') return !!r.destination_country;
    if (f === 'dn') return !r.destination_country;
    throw new Error('bad filter ' + f);
  })).map(r => r.slug);
}
function list(s) {
  const inc = [], exc = [];
  for (const t of s.split(/\s+/)) { if (!t) continue; if (t.startsWith('-')) exc.push(...expand(t.slice(1))); else inc.push(...expand(t)); }
  return [...new Set(inc)].filter(x => !exc.includes(x));
}
const lines = fs.readFileSync('queries.txt', 'utf8').split('\n').filter(l => l.trim() && !l.startsWith('#'));
const qs = lines.map((l, i) => {
  const [text, rel, acc, note] = l.split(/\s*\|\|\s*/);
  if (note === undefined) throw new Error('bad line ' + (i + 1) + ': ' + l);
  const relevant = list(rel);
  let acceptable = list(acc).filter(x => !relevant.includes(x));
  // Domicile rule for online programmes pulled in by a macro: keep a domicile-restricted online programme only
  // when the place implied by the query (provinces of its located, non-online programmes) matches its domicile.
  const placed = [...relevant, ...acceptable].map(x => bySlug[x]).filter(r => r && r.location.mode !== 'daring');
  const provsQ = new Set(placed.map(r => r.location.province)), regsQ = new Set(placed.map(r => r.location.regency));
  const explicit = new Set(acc.split(/\s+/).filter(t => t && !t.startsWith('@') && !t.startsWith('-')).map(t => t.startsWith('b8-') ? t : 'b8-' + t));
  acceptable = acceptable.filter(x => { const r = bySlug[x]; if (explicit.has(x) || r.location.mode !== 'daring' || !r.eligibility.domicile) return true;
    return r.eligibility.domicile.some(c => provsQ.has(c) || regsQ.has(c)); });
  return { id: 'b8-' + String(i + 1).padStart(3, '0'), text: text.trim(), relevant, acceptable, note: (note || '').trim() || (relevant.length ? 'direct match of the asked field/kind and place' : 'nothing fits') };
});
fs.writeFileSync('queries.json', JSON.stringify(qs, null, 2) + '\n');
console.log('catalogue', cat.length, 'queries', qs.length);
