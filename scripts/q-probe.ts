import { understand } from '../src/nlu';
import { queryFromUnderstanding } from '../src/features/discover/query';
for (const t of process.argv.slice(2)) console.log(t, JSON.stringify(queryFromUnderstanding(understand(t))));
