import { describe, expect, it } from 'vitest';
import { ChatSequencer } from './order';

const tick = () => new Promise((r) => setImmediate(r));

describe('ChatSequencer', () => {
  it('runs updates of one chat that arrive together in update_id order, one at a time', async () => {
    const s = new ChatSequencer();
    const order: number[] = [];
    let running = 0;
    const work = (id: number) => async () => {
      running++;
      expect(running).toBe(1);
      await tick();
      order.push(id);
      running--;
    };
    await Promise.all([7, 5, 6, 4].map((id) => s.run('chat', id, work(id))));
    expect(order).toEqual([4, 5, 6, 7]);
    expect(s.size).toBe(0);
  });

  it('later arrivals wait their turn sorted; other chats run beside', async () => {
    const s = new ChatSequencer();
    const order: string[] = [];
    const slow = (tag: string) => async () => {
      await tick();
      await tick();
      order.push(tag);
    };
    const first = s.run('a', 10, slow('a10'));
    await tick(); // a10 has started
    const rest = [s.run('a', 13, slow('a13')), s.run('a', 11, slow('a11')), s.run('b', 1, slow('b1'))];
    await Promise.all([first, ...rest]);
    expect(order.filter((t) => t.startsWith('a'))).toEqual(['a10', 'a11', 'a13']);
    expect(order.indexOf('b1')).toBeLessThan(order.indexOf('a13'));
  });

  it('a failing update does not block the next', async () => {
    const s = new ChatSequencer();
    const failing = s.run('c', 1, async () => {
      throw new Error('boom');
    });
    const next = s.run('c', 2, async () => 'ok');
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('ok');
  });
});
