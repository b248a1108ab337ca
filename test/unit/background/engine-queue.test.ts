import { describe, expect, it } from 'vitest';
import { EngineQueue, Superseded, senderKey } from '@/lib/background/engine-queue';

/** Lets every pending macrotask run (the queue yields with setTimeout 0). */
const settle = () => new Promise((r) => setTimeout(r, 5));

describe('EngineQueue', () => {
  it('runs one evaluation at a time, each after a yield, in the order asked', async () => {
    const queue = new EngineQueue();
    const order: string[] = [];
    const a = queue.run('tab1', () => order.push('a'));
    const b = queue.run('tab2', () => order.push('b'));
    // A message that arrives now (a note being saved) is handled before either evaluation.
    setTimeout(() => order.push('note'), 0);
    await Promise.all([a, b]);
    expect(order).toEqual(['note', 'a', 'b']);
  });

  it('answers a waiting draft "superseded" when the same page sends a newer one; other pages keep theirs', async () => {
    const queue = new EngineQueue();
    const ran: string[] = [];
    const first = queue.run('tab1', () => ran.push('first'));
    const other = queue.run('tab2', () => ran.push('other'));
    const newer = queue.run('tab1', () => ran.push('newer'));
    await expect(first).rejects.toBeInstanceOf(Superseded);
    await Promise.all([other, newer]);
    expect(ran).toEqual(['other', 'newer']);
    expect(queue.waiting).toBe(0);
  });

  it('decides "newest" by when the page asked, not by when its turn was queued', async () => {
    const queue = new EngineQueue();
    const older = queue.claim('tab1');
    const newer = queue.claim('tab1');
    const ran: string[] = [];
    const b = newer.run(() => ran.push('newer')); // its handler got there first
    const a = older.run(() => ran.push('older'));
    await expect(a).rejects.toBeInstanceOf(Superseded);
    await b;
    expect(ran).toEqual(['newer']);
  });

  it('decides "newest" by arrival when the claims come out of order (the worker\'s awaits before the handler)', async () => {
    const queue = new EngineQueue();
    const newer = queue.claim('tab1', 2); // its sender check finished first
    const older = queue.claim('tab1', 1);
    const ran: string[] = [];
    const a = older.run(() => ran.push('older'));
    const b = newer.run(() => ran.push('newer'));
    await expect(a).rejects.toBeInstanceOf(Superseded);
    await b;
    expect(ran).toEqual(['newer']);
  });

  it('supersedes an older draft whose turn comes before the newer one has even claimed (it arrived, its awaits are slower)', async () => {
    const queue = new EngineQueue();
    queue.arrive('tab1', 2); // the newer request reached the worker; its handler has not run yet
    const ran: string[] = [];
    const older = queue.claim('tab1', 1).run(() => ran.push('older'));
    await expect(older).rejects.toBeInstanceOf(Superseded);
    await queue.claim('tab1', 2).run(() => ran.push('newer'));
    expect(ran).toEqual(['newer']);
    expect(queue.waiting).toBe(0);
  });

  it('keeps going after an evaluation throws, and never supersedes a sender without a tab', async () => {
    const queue = new EngineQueue();
    const broken = queue.run('tab1', () => {
      throw new Error('engine bug');
    });
    const a = queue.run(undefined, () => 1);
    const b = queue.run(undefined, () => 2);
    await expect(broken).rejects.toThrow('engine bug');
    expect(await Promise.all([a, b])).toEqual([1, 2]);
  });

  it('does not hold a page that asks while its own evaluation runs: the next one runs after', async () => {
    const queue = new EngineQueue();
    const ran: number[] = [];
    const one = queue.run('tab1', () => ran.push(1));
    await settle();
    await one;
    await queue.run('tab1', () => ran.push(2));
    expect(ran).toEqual([1, 2]);
  });

  it('keys a sender by tab and frame', () => {
    expect(senderKey({ tab: { id: 7 }, frameId: 0 })).toBe('7:0');
    expect(senderKey({ tab: { id: 7 }, frameId: 3 })).toBe('7:3');
    expect(senderKey({})).toBeUndefined();
  });
});
