import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { RapportDB } from '@/lib/db/db';
import { rebuildReplyWeeks, summarise, updateReplyWeeks, weekStart, type ReplyWeek } from '@/lib/db/reply-stats';
import type { ReplyRecord, RuleState } from '@/lib/db/types';
import { applyImport, eraseCustomer, exportBundle, parseBundle } from '@/lib/exchange';
import { freshDb, reply, seed, T0 } from '../exchange/seed';
import { V3_STORES } from './stores';

const DAY = 86_400_000;
const RULES = ['greets-by-name', 'acknowledges-feelings', 'next-step', 'closing'];
const STATES: RuleState[] = ['pass', 'fail', 'na'];

/** Deterministic pseudo-random replies over ~10 weeks, three agents. */
function replies(count: number, seedValue = 7): ReplyRecord[] {
  let x = seedValue;
  const rnd = () => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, (_, i) => ({
    ...reply(),
    id: `r-${seedValue}-${i}`,
    sentAt: T0 - Math.floor(rnd() * 70 * DAY),
    responseMs: rnd() < 0.2 ? undefined : Math.floor(rnd() * 2 * DAY),
    states: Object.fromEntries(RULES.map((r) => [r, STATES[Math.floor(rnd() * 3)]!])),
    readiness: Math.round(rnd() * 100) / 100,
    ...(rnd() < 0.5 ? {} : { agent: rnd() < 0.5 ? 'Priya' : 'Tom' }),
    // Some checked only in part (not in English): counted, their readiness left out.
    ...(i % 9 === 4 ? { partlyChecked: true as const } : {}),
  })).map((r) => {
    if (r.responseMs === undefined) delete r.responseMs;
    return r;
  });
}

/** Sums compared without float noise from adding and taking away readiness. */
const normal = (rows: ReplyWeek[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => ({ ...r, readinessSum: Math.round(r.readinessSum * 1e6) / 1e6 }));

describe('reply sums per week and agent', () => {
  it('sums replies by the week (Monday) they were sent and by agent, leaving out n/a', () => {
    const monday = weekStart(T0);
    expect(new Date(monday).getDay()).toBe(1);
    const rows = summarise([
      reply({ id: 'a', sentAt: monday + 1_000, states: { x: 'pass', y: 'na' }, readiness: 1, responseMs: 10 * 60_000 }),
      reply({ id: 'b', sentAt: monday + 2 * DAY, states: { x: 'fail', y: 'fail' }, readiness: 0.5, responseMs: 3 * DAY }),
      reply({ id: 'c', sentAt: monday - 1, states: { x: 'pass' }, readiness: 0.25, agent: 'Priya', responseMs: undefined }),
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ week: monday, agent: '', replies: 2, readinessSum: 1.5, rules: { x: [1, 1], y: [0, 1] } });
    expect(rows[1]!.buckets[0]).toBe(1);
    expect(rows[1]!.buckets[7]).toBe(1);
    expect(rows[0]).toMatchObject({ agent: 'Priya', replies: 1, rules: { x: [1, 0] } });
    expect(rows[0]!.buckets.every((n) => n === 0)).toBe(true);
    // A reply checked only in part (not in English) is counted; its readiness is not summed.
    expect(summarise([reply({ id: 'd', sentAt: monday, readiness: 1, partlyChecked: true })])[0]).toMatchObject({ replies: 1, readinessSum: 0, partlyChecked: 1 });
  });

  it('kept in step by adding and taking away equals summing the remaining replies again', async () => {
    const database = freshDb();
    const all = replies(600);
    await database.transaction('rw', database.replies, database.replyWeeks, async () => {
      for (let i = 0; i < all.length; i += 97) {
        const chunk = all.slice(i, i + 97);
        await database.replies.bulkAdd(chunk);
        await updateReplyWeeks(database, chunk);
      }
    });
    expect(normal(await database.replyWeeks.toArray())).toEqual(normal(summarise(all)));
    // Take away every third reply, and all of one agent's: weeks left empty disappear.
    const removed = all.filter((r, i) => i % 3 === 0 || r.agent === 'Tom');
    await database.transaction('rw', database.replies, database.replyWeeks, async () => {
      await database.replies.bulkDelete(removed.map((r) => r.id));
      await updateReplyWeeks(database, [], removed);
    });
    const left = all.filter((r) => !removed.includes(r));
    expect(normal(await database.replyWeeks.toArray())).toEqual(normal(summarise(left)));
    expect((await database.replyWeeks.toArray()).some((w) => w.agent === 'Tom')).toBe(false);
    // Rebuilding from the replies gives the same sums.
    await database.transaction('rw', database.replies, database.replyWeeks, () => rebuildReplyWeeks(database));
    expect(normal(await database.replyWeeks.toArray())).toEqual(normal(summarise(left)));
    await database.delete();
  });

  it('importing a bundle adds its replies to the sums once; erasing a customer takes theirs away', async () => {
    const source = freshDb();
    await seed(source);
    const extra = replies(50, 11);
    await source.replies.bulkAdd(extra);
    const bundle = await parseBundle(await (await exportBundle(source, { agent: 'Priya', now: T0 })).blob.text());
    const target = freshDb();
    await applyImport(target, bundle);
    const imported = await target.replies.toArray();
    expect(normal(await target.replyWeeks.toArray())).toEqual(normal(summarise(imported)));
    expect(imported.every((r) => r.agent !== undefined)).toBe(true);
    await applyImport(target, bundle); // the same bundle again changes nothing
    expect(normal(await target.replyWeeks.toArray())).toEqual(normal(summarise(imported)));

    await eraseCustomer(target, 'c-sam');
    const left = await target.replies.toArray();
    expect(left.length).toBeLessThan(imported.length);
    expect(normal(await target.replyWeeks.toArray())).toEqual(normal(summarise(left)));
    await Promise.all([source.delete(), target.delete()]);
  });

  it('schema v5 builds the sums from the replies already stored (v3 data kept as it was)', async () => {
    const name = `schema-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(V3_STORES);
    const stored = replies(12_000, 3); // more than one page of the rebuild
    await v3.table('replies').bulkAdd(stored);
    v3.close();

    const current = new RapportDB(name);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(5);
    expect(await current.replies.count()).toBe(stored.length);
    expect(normal(await current.replyWeeks.toArray())).toEqual(normal(summarise(stored)));
    await current.delete();
    // 12,000 rows through every upgrade since v3 (v6 reads their keys too) on fake-indexeddb: ~4 s
    // on a busy 2-core machine, too close to the 5 s default.
  }, 20_000);
});
