import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { RapportDB } from '@/lib/db/db';
import { TrainingRepository } from '@/lib/db/training';
import { BUILT_IN_SCENARIOS } from '@/lib/training/scenarios';
import type { Attempt } from '@/lib/training/types';
import { V3_STORES } from './stores';

// v5 as declared then (v4 added the pinned-notes index, v5 the weekly reply sums).
const V5_STORES = {
  ...V3_STORES,
  notes: 'id, customerId, [customerId+createdAt], ticketKey, updatedAt, *tags, author, [customerId+pinnedCreatedAt]',
  replyWeeks: 'id, week',
};

const indexes = (database: Dexie, name: string) => database.table(name).schema.indexes.map((i) => i.name).sort();
const fresh = () => new RapportDB(`training-${crypto.randomUUID()}`);

const attempt = (trainee: string, scenarioId: string, at: number, score = 50): Attempt => ({
  id: crypto.randomUUID(),
  trainee,
  scenarioId,
  scenarioTitle: scenarioId,
  at,
  draft: 'Hi',
  score,
  states: { 'greets-by-name': 'pass' },
  packId: 'rapport-default',
  packVersion: 1,
});

describe('schema v8 (trainer mode)', () => {
  it('adds the training tables over v5 data: every customer row kept, the new tables empty and indexed', async () => {
    const name = `schema-${crypto.randomUUID()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(V5_STORES);
    const customer = { id: 'c1', helpdesk: 'zendesk', account: 'a.zendesk.com', name: 'Sam', emails: ['sam@example.com'], firstSeen: 1, lastSeen: 2, updatedAt: 2, version: 1 };
    const week = { id: '2026-W48:', week: '2026-W48', count: 3 };
    await v5.table('customers').add(customer);
    await v5.table('replyWeeks').add(week);
    v5.close();

    const db = new RapportDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(8);
    expect(await db.customers.toArray()).toEqual([{ ...customer, workspace: 'default' }]); // v6 put every customer in the default workspace
    expect(await db.table('replyWeeks').toArray()).toEqual([week]);
    expect(await db.trainingScenarios.count()).toBe(0);
    expect(await db.trainingAttempts.count()).toBe(0);
    expect(indexes(db, 'trainingScenarios')).toEqual(['updatedAt']);
    expect(indexes(db, 'trainingAttempts')).toEqual(['[scenarioId+at]', '[trainee+at]', 'at']);
    await db.delete();
  });
});

describe('TrainingRepository', () => {
  it('lists the built-ins, an edited built-in in its place, and the trainer’s own after them; reset restores the built-ins only', async () => {
    const db = fresh();
    const repo = new TrainingRepository(db);
    const first = BUILT_IN_SCENARIOS[0]!;
    await repo.saveScenario({ ...first, title: 'Edited title' }, 10);
    await repo.saveScenario({ ...first, id: 'my-own', title: 'A trainer’s own' }, 11);
    let library = await repo.library();
    expect(library).toHaveLength(BUILT_IN_SCENARIOS.length + 1);
    expect(library[0]).toMatchObject({ origin: 'edited', scenario: { id: first.id, title: 'Edited title' } });
    expect(library.at(-1)).toMatchObject({ origin: 'authored', scenario: { id: 'my-own' } });
    // Stored bookkeeping never leaks into what the page shows or exports.
    expect(library[0]!.scenario).not.toHaveProperty('source');
    expect(await repo.resetBuiltIns()).toBe(1);
    library = await repo.library();
    expect(library[0]).toEqual({ origin: 'built-in', scenario: first });
    expect(library.at(-1)?.scenario.id).toBe('my-own');
    await db.delete();
  });

  it('keeps attempts per trainee, oldest first, and clears one trainee without touching the others', async () => {
    const db = fresh();
    const repo = new TrainingRepository(db);
    await repo.addAttempt(attempt('Ana', 's1', 30));
    await repo.addAttempt(attempt('Ana', 's2', 10));
    await repo.addAttempt(attempt('Ben', 's1', 20));
    expect(await repo.trainees()).toEqual(['Ana', 'Ben']);
    expect((await repo.attemptsOf('Ana')).map((a) => a.at)).toEqual([10, 30]);
    expect(await repo.clearTrainee('Ana')).toBe(2);
    expect(await repo.trainees()).toEqual(['Ben']);
    expect(await repo.allAttempts()).toHaveLength(1);
    await db.delete();
  });

  it('imports a pack in one transaction: a failing write stores none of it', async () => {
    const db = fresh();
    const repo = new TrainingRepository(db);
    const a = { ...BUILT_IN_SCENARIOS[1]!, id: 'pack-a' };
    const b = { ...BUILT_IN_SCENARIOS[2]!, id: 'pack-b' };
    expect(await repo.importScenarios([a, b], 5)).toBe(2);
    expect((await repo.library()).filter((e) => e.origin === 'authored').map((e) => e.scenario.id)).toEqual([a, b].sort((x, y) => x.title.localeCompare(y.title)).map((s) => s.id));
    const broken = { ...a, id: 'pack-c', thread: () => undefined } as unknown as typeof a; // not cloneable: the put fails
    await expect(repo.importScenarios([{ ...b, id: 'pack-d' }, broken], 6)).rejects.toThrow();
    expect(await db.trainingScenarios.get('pack-d')).toBeUndefined();
    await db.delete();
  });
});
