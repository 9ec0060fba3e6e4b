import { readLanguage } from '../src/nlu/language';

for (const t of process.argv.slice(2)) console.log(t, JSON.stringify(readLanguage(t)));
