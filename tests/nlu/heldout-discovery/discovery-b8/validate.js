// node validate.js [path/to/idn-area-data/data] — checks catalogue.json + queries.json of batch b8; exits 1 on error.
const fs = require('fs'), path = require('path');
const dataDir = process.argv[2] || process.env.IDN_AREA_DATA || '/tmp/idnb8/package/data';
const errors = [], warns = [];
const readCsv = f => fs.readFileSync(path.join(dataDir, f), 'utf8').trim().split('\n').slice(1).map(l => l.split(','));
const provs = new Map(readCsv('provinces.csv').map(r => [r[0], r[1]]));
const regs = new Map(readCsv('regencies.csv').map(r => [r[0], { prov: r[1], name: r.slice(2).join(',') }]));
const dists = readCsv('districts.csv').map(r => ({ code: r[0], reg: r[1], name: r.slice(2).join(',').replace(/"/g, '') }));
const cat = JSON.parse(fs.readFileSync(path.join(__dirname, 'catalogue.json'), 'utf8'));
const qs = JSON.parse(fs.readFileSync(path.join(__dirname, 'queries.json'), 'utf8'));
const KINDS = ['pelatihan', 'magang', 'magang_luar_negeri', 'sertifikasi'], MODES = ['luring', 'daring', 'campuran'];
const PTYPES = ['BLK', 'BPVP', 'LPK', 'LSP', 'perusahaan', 'organisasi'];
const EDU = ['SD', 'SMP', 'SMA', 'SMK', 'MA', 'D1', 'D2', 'D3', 'S1', 'D4', 'S2', 'S3'];
const slugs = new Set();
if (cat.length < 100 || cat.length > 130) errors.push(`catalogue has ${cat.length} programmes (need 100–130)`);
for (const r of cat) {
  const e = m => errors.push(`${r.slug}: ${m}`);
  if (!/^b8-[a-z0-9-]+$/.test(r.slug)) e('bad slug'); if (slugs.has(r.slug)) e('duplicate slug'); slugs.add(r.slug);
  if (!KINDS.includes(r.kind)) e('bad kind');
  for (const k of ['title', 'summary']) if (!r[k] || !r[k].id || !r[k].en) e(`${k} needs id and en`);
  if (!provs.has(r.location.province)) e('unknown province ' + r.location.province);
  const rg = regs.get(r.location.regency);
  if (!rg) e('unknown regency ' + r.location.regency); else if (rg.prov !== r.location.province) e('regency not in province');
  if (!MODES.includes(r.location.mode)) e('bad mode');
  const v = r.location.venue; const m = v && v.match(/^Kec\. (.+)$/);
  if (m && !dists.some(d => d.reg === r.location.regency && d.name.toLowerCase() === m[1].toLowerCase())) e(`kecamatan "${m[1]}" not in ${r.location.regency}`);
  if (!PTYPES.includes(r.provider.type)) e('bad provider type');
  if (r.application.organisation !== 'heldout-org') e('organisation must be heldout-org');
  const d = r.dates; if (!(d.registration_opens <= '2026-12-07' && d.registration_closes >= '2027-01-01' && d.registration_closes <= '2027-03-31')) e('not open on 2026-12-07 / closes outside Jan–Mar 2027');
  if (!(d.registration_closes < d.starts && d.starts < d.ends)) e('date order');
  if (r.kind === 'magang_luar_negeri' ? !/^[A-Z]{2}$/.test(r.destination_country || '') : r.destination_country) e('destination_country mismatch');
  const el = r.eligibility || {};
  if (el.education && !EDU.includes(el.education.min)) e('bad education');
  if (el.age && !(el.age.min < el.age.max)) e('bad age');
  for (const c of el.domicile || []) if (!provs.has(c) && !regs.has(c)) e('unknown domicile code ' + c);
  if (el.gender && el.gender !== 'perempuan') e('bad gender');
  if (r.status !== 'open') e('status not open');
}
const ids = new Set(); const relCount = Object.fromEntries(cat.map(r => [r.slug, 0]));
for (const q of qs) {
  const e = m => errors.push(`${q.id}: ${m}`);
  if (!/^b8-\d{3}$/.test(q.id) || ids.has(q.id)) e('bad/duplicate id'); ids.add(q.id);
  if (!q.text || !Array.isArray(q.relevant) || !Array.isArray(q.acceptable)) e('shape');
  for (const s of [...q.relevant, ...q.acceptable]) if (!slugs.has(s)) e('unknown slug ' + s);
  for (const s of q.relevant) { if (q.acceptable.includes(s)) e('slug in both lists ' + s); relCount[s] = (relCount[s] || 0) + 1; }
  if (!q.note) warns.push(q.id + ': no note');
}
if (qs.length < 300) errors.push(`only ${qs.length} queries (need ≥ 300)`);
const texts = qs.map(q => q.text.toLowerCase()); texts.forEach((t, i) => { if (texts.indexOf(t) !== i) errors.push(`${qs[i].id}: duplicate text`); });
const provSet = new Set(cat.map(r => r.location.province)); if (provSet.size < 25) errors.push(`only ${provSet.size} provinces`);
const countries = new Set(cat.filter(r => r.destination_country).map(r => r.destination_country)); if (countries.size < 8) errors.push(`only ${countries.size} countries`);
const never = cat.filter(r => !relCount[r.slug]).map(r => r.slug); if (never.length) warns.push('never relevant: ' + never.join(', '));
const nf = qs.filter(q => !q.relevant.length).length;
const sizes = { 0: 0, 1: 0, '2–5': 0, '6+': 0 }; for (const q of qs) { const n = q.relevant.length; sizes[n === 0 ? 0 : n === 1 ? 1 : n <= 5 ? '2–5' : '6+']++; }
const count = (f) => { const o = {}; for (const r of cat) { const k = f(r); o[k] = (o[k] || 0) + 1; } return Object.entries(o).sort().map(([k, v]) => `${k} ${v}`).join(', '); };
console.log(`catalogue.json: ${cat.length} programmes, ${provSet.size} provinces, ${new Set(cat.map(r => r.field)).size} fields, ${countries.size} destination countries (${[...countries].sort().join(' ')})`);
console.log(`kinds: ${count(r => r.kind)}`);
console.log(`modes: ${count(r => r.location.mode)}`);
console.log(`fields: ${count(r => r.field)}`);
console.log(`provinces: ${count(r => r.location.province)}`);
console.log(`women-only: ${cat.filter(r => r.eligibility.gender).length}, disability-friendly: ${cat.filter(r => r.inclusion.disability_friendly).length}, domicile-restricted: ${cat.filter(r => r.eligibility.domicile).length}, with questions: ${cat.filter(r => (r.eligibility.questions || []).length).length}, with stipend: ${cat.filter(r => r.costs.stipend_idr).length}, with dorm: ${cat.filter(r => r.benefits.includes('asrama')).length}, external application: ${cat.filter(r => r.application.mode === 'external').length}`);
console.log(`queries.json: ${qs.length} queries; nothing-fits (relevant = []): ${nf} (${(100 * nf / qs.length).toFixed(1)}%)`);
console.log(`relevant-list sizes: ${Object.entries(sizes).map(([k, v]) => `${k} → ${v}`).join(', ')}; with non-empty acceptable: ${qs.filter(q => q.acceptable.length).length}`);
for (const w of warns) console.log('warning: ' + w);
for (const e of errors) console.log('error: ' + e);
console.log(`errors: ${errors.length}, warnings: ${warns.length}`);
process.exit(errors.length ? 1 : 0);
