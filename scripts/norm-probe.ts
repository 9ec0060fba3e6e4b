import { normalizeMessage } from '../src/nlu/normalize';
for (const t of process.argv.slice(2)) console.log(JSON.stringify(normalizeMessage(t).tokens));
