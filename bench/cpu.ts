// CPU used by the benchmarks' server processes and their Postgres backends: unlike latency, it barely
// depends on what else the machine is doing, so before/after comparisons hold on a shared machine.
import { readFileSync } from 'node:fs';
import postgres from 'postgres';

/** User + system CPU time of processes, in ms (Linux /proc; 0 elsewhere or for processes gone). */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** The Postgres backends serving the benchmark's database (the servers' connection pools). */
export async function backendPids(url: string): Promise<number[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const rows = await sql<{ pid: number }[]>`
    select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  await sql.end();
  return rows.map((r) => r.pid);
}
