// `npm run bench`: prints figures (not a test). Needs the machine's Postgres (BENCH_DATABASE_URL,
// default postgres://postgres@127.0.0.1:5432/test). BENCH_ONLY=webhook runs one section (outbound: the
// outbound webhooks of issue #19).
import { benchApplications } from './applications';
import { benchBroadcasts } from './broadcasts';
import { benchCatalogue } from './catalogue';
import { benchDashboard } from './dashboard';
import { benchEmbedded } from './embedded';
import { benchOutbound } from './outbound';
import { benchWebhook } from './webhook';
import { benchWorkerd } from './workerd';

const sections: Record<string, () => Promise<void>> = {
  webhook: benchWebhook,
  embedded: benchEmbedded,
  catalogue: benchCatalogue,
  applications: benchApplications,
  broadcasts: benchBroadcasts,
  dashboard: benchDashboard,
  outbound: benchOutbound,
  workerd: benchWorkerd,
};
const only = process.env.BENCH_ONLY?.split(',');

console.log(`Jembatan benchmarks — node ${process.version}, ${new Date().toISOString()}`);
for (const [name, run] of Object.entries(sections)) {
  if (only && !only.includes(name)) continue;
  await run();
}
process.exit(0);
