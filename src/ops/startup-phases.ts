import type { Logger } from '../logger';

/**
 * Start-up phases with their times, logged at debug (`LOG_LEVEL=debug npm start`, or `npm run chat`
 * with the log file): where the seconds before the first prompt or /healthz go (issue #15). The
 * first phase is the time since the process began (loading the code).
 */
export function startupPhases(logger: Logger): (phase: string) => void {
  let last = 0;
  return (phase) => {
    const now = performance.now();
    logger.debug({ phase, ms: Math.round(now - last), sinceStart: Math.round(now) }, 'start-up phase');
    last = now;
  };
}
