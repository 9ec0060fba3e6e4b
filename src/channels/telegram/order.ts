/**
 * One chat's updates that are waiting at the same time run in `update_id` order, not in the order their
 * requests happened to arrive (with up to 40 webhook connections, Telegram can deliver a chat's next
 * update before the previous one's request has reached us). The engine's row lock keeps one chat's
 * turns apart across processes; this puts the ones waiting in this process in Telegram's order.
 *
 * A chat with nothing running starts its first update after the current I/O phase (`setImmediate`),
 * so requests that arrived together are all queued — and sorted — before the first one runs. An
 * update that arrives after a later one has *started* cannot be put back before it (that would mean
 * holding every update for a while); across processes the lock decides (README, "Order of updates").
 */
export class ChatSequencer {
  private readonly chats = new Map<
    string,
    { running: boolean; waiting: Array<{ id: number; go: () => void }> }
  >();

  async run<T>(chat: string, updateId: number, work: () => Promise<T>): Promise<T> {
    let entry = this.chats.get(chat);
    if (!entry) {
      entry = { running: false, waiting: [] };
      this.chats.set(chat, entry);
    }
    const queue = entry;
    await new Promise<void>((go) => {
      queue.waiting.push({ id: updateId, go });
      queue.waiting.sort((a, b) => a.id - b.id);
      if (!queue.running) {
        queue.running = true;
        setImmediate(() => queue.waiting.shift()!.go());
      }
    });
    try {
      return await work();
    } finally {
      const next = queue.waiting.shift();
      if (next) next.go();
      else {
        queue.running = false;
        this.chats.delete(chat);
      }
    }
  }

  /** Chats with updates running or waiting (tests, metrics). */
  get size(): number {
    return this.chats.size;
  }
}
