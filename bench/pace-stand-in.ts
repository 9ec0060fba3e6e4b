// Child process of the broadcasts bench's `pace` section (issue #15): the Bot API stand-in that counts
// the paced sends, in a process of its own. Telegram's servers are not on our machine: a stand-in that
// shares its event loop with the webhook load generator running beside it reads requests and answers
// them late whenever the load generator is busy, and the pace measured at it is then the load
// generator's, not the dispatcher's. Allows PER_SECOND sends in any sliding second (429 beyond).
// Prints `url URL` once listening and `accepted N` every 200 ms; on a line `report` on stdin prints
// one JSON line (times accepted, times refused, in ms) and exits.
import { createInterface } from 'node:readline';
import { BotApiStandIn } from '../tests/helpers/bot-api';

const api = await new BotApiStandIn().start();
api.keepCalls = false;
api.rateLimit = { perSecond: Number(process.env.PER_SECOND ?? 25), retryAfter: 1 };
process.stdout.write(`url ${api.url}\n`);
const ticker = setInterval(() => process.stdout.write(`accepted ${api.acceptedAt.length}\n`), 200);
for await (const line of createInterface({ input: process.stdin })) {
  if (line !== 'report') continue;
  clearInterval(ticker);
  process.stdout.write(
    `${JSON.stringify({ acceptedAt: api.acceptedAt, tooManyRequests: api.tooManyRequests })}\n`,
  );
  await api.stop();
  process.exit(0);
}
