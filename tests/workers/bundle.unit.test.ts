import { describe, expect, it } from 'vitest';
import { buildWorkerBundle } from '../../bench/worker-bundle';

describe('the Worker bundle', () => {
  it('is at most 1 MiB gzipped and holds no Node-only module (PGlite, Baileys, migrations, node-server)', async () => {
    const report = await buildWorkerBundle();
    console.info(`[workers] bundle: ${report.totalKiB} KiB, gzip ${report.gzipKiB} KiB`);
    expect(report.nodeOnly).toEqual([]);
    expect(report.gzipKiB).toBeLessThanOrEqual(1024);
    // What the runtime provides: node:* built-ins (nodejs_compat), sockets, and the bundled region files.
    for (const name of report.external)
      expect(name).toMatch(/^(node:[a-z_/]+|cloudflare:sockets|\.\/[0-9a-f]+-(provinces|regencies)\.csv)$/);
    // The region data is there (as text modules), and the demo catalogue is not (PGlite-only seeding).
    expect(report.external.filter((n) => n.endsWith('.csv'))).toHaveLength(2);
    expect(report.inputs.filter((path) => path.includes('demo-catalogue'))).toEqual([]);
  }, 60_000);
});
