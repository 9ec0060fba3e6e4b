// Assembles moments.json from the three parts and numbers them l8-001…
const fs = require('fs');
const all = [].concat(require('./gen-moments-1.js'), require('./gen-moments-2.js'), require('./gen-moments-3.js'));
const out = all.map((x, i) => {
  const o = { id: 'l8-' + String(i + 1).padStart(3, '0'), lang: x.lang, category: x.category, turns: x.turns, expect: {}, note: x.note };
  const e = x.expect;
  for (const k of ['all', 'none', 'lang', 'human', 'programmes', 'notProgrammes']) if (e[k] !== undefined) o.expect[k] = e[k];
  if (!o.expect.all) o.expect.all = [];
  return o;
});
fs.writeFileSync(__dirname + '/moments.json', JSON.stringify(out, null, 2) + '\n');
console.log('moments:', out.length);
