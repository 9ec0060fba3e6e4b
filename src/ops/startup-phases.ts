import type { Logger } from '../logger';

/**
 * Start-up phases with their times, logged at debug (`LOG_LEVEL=debug npm start`, or `npm run chat`
 * with the log file): where the seconds before the first prompt or /healthz go (issue #15). The
 * first phase is the time since the process began (loading the code). `cpuMs` is this process's CPU
 * time in the phase (user + system): on a machine shared with other work the wall time (`ms`) grows
 * with the load, the CPU time much less, so it is the figure to compare between runs.
 */
export function startupPhases(logger: Logger): (phase: string) => void {
  let last = 0;
  let lastCpu = 0;
  return (phase) => {
    const now = performance.now();
    const used = process.cpuUsage();
    const cpu = (used.user + used.system) / 1000;
    logger.debug(
      { phase, ms: Math.round(now - last), cpuMs: Math.round(cpu - lastCpu), sinceStart: Math.round(now) },
      'start-up phase',
    );
    last = now;
    lastCpu = cpu;
  };
}
