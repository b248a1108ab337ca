import { describe, expect, it, vi } from 'vitest';
import { liveQuery } from 'dexie';
import {
  applyImport,
  BundleError,
  databaseDigest,
  dataChecksum,
  exportBundle,
  parseBundle,
  planImport,
  readBundle,
  type Bundle,
} from '@/lib/exchange';
import { dana, freshDb, note, sam, seed, T0 } from './seed';

async function exported(agent = 'Priya') {
  const source = freshDb();
  await seed(source);
  const result = await exportBundle(source, { agent, now: T0 });
  return { source, result, text: await result.blob.text() };
}

const problem = async (text: string | Blob) => {
  try {
    await readBundle(text);
  } catch (e) {
    expect(e).toBeInstanceOf(BundleError);
    return e as BundleError;
  }
  throw new Error('expected the bundle to be refused');
};

async function resign(bundle: Bundle): Promise<string> {
  bundle.checksum = await dataChecksum(bundle.data);
  return JSON.stringify(bundle);
}

describe('export', () => {
  it('writes a versioned bundle with counts, the agent and a checksum that reads back', async () => {
    const progress: string[] = [];
    const source = freshDb();
    await seed(source);
    const result = await exportBundle(source, { agent: 'Priya', now: T0, onProgress: (p) => progress.push(`${p.table}:${p.done}/${p.total}`) });
    const bundle = await readBundle(result.blob);
    expect(bundle).toMatchObject({ format: 'rapport-bundle', schemaVersion: 1, agent: 'Priya', exportedAt: T0 });
    expect(bundle.counts).toEqual({ customers: 2, visits: 1, notes: 2, facts: 1, followUps: 1, replies: 1 });
    expect(bundle.data.notes.map((n) => n.text)).toContain('Prefers email over phone');
    expect(result.filename).toBe('rapport-Priya-2026-11-25.json');
    expect(progress).toContain('notes:2/2');
  });

  it('exports a selection: one customer and what belongs to them', async () => {
    const source = freshDb();
    await seed(source);
    const result = await exportBundle(source, { agent: 'Priya', customerIds: ['c-dana'] });
    const bundle = await readBundle(result.blob);
    expect(bundle.data.customers.map((c) => c.id)).toEqual(['c-dana']);
    expect(bundle.data.notes.map((n) => n.id)).toEqual(['n-2']);
    expect(bundle.counts.replies).toBe(0);
  });

  it('handles an empty database', async () => {
    const result = await exportBundle(freshDb(), { agent: 'Priya' });
    const bundle = await readBundle(result.blob);
    expect(bundle.counts.customers).toBe(0);
  });
});

describe('reading a bad file names the problem', () => {
  it('refuses a huge file before reading it', async () => {
    const huge = { size: 1024 ** 3, text: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    const e = await problem(huge);
    expect(e.kind).toBe('too-large');
    expect(e.message).toMatch(/1024 MB.*up to 200 MB/);
  });

  it('not JSON', async () => {
    expect((await problem('hello, world')).message).toMatch(/not valid JSON/);
    expect((await problem('')).message).toMatch(/empty/);
  });

  it('JSON that is not a bundle', async () => {
    expect((await problem('[1,2,3]')).kind).toBe('not-bundle');
    expect((await problem('{"format":"something-else"}')).kind).toBe('not-bundle');
  });

  it('a newer, unknown version', async () => {
    const { text } = await exported();
    const e = await problem(text.replace('"schemaVersion":1', '"schemaVersion":7'));
    expect(e.kind).toBe('newer-version');
    expect(e.message).toMatch(/made by a newer Rapport/);
  });

  it('a truncated file', async () => {
    const { text } = await exported();
    const e = await problem(text.slice(0, Math.floor(text.length * 0.6)));
    expect(e.kind).toBe('truncated');
    expect(e.message).toMatch(/cut off/);
  });

  it('rows missing against the counts', async () => {
    const { text } = await exported();
    const bundle = JSON.parse(text) as Bundle;
    bundle.data.notes.pop();
    const e = await problem(await resign(bundle));
    expect(e.kind).toBe('truncated');
    expect(e.message).toMatch(/says it holds 2 notes but has 1/);
  });

  it('a wrong checksum', async () => {
    const { text } = await exported();
    const e = await problem(text.replace('Prefers email over phone', 'Prefers phone over email'));
    expect(e.kind).toBe('checksum');
  });

  it('a wrong shape, with the exact path', async () => {
    const { text } = await exported();
    const bundle = JSON.parse(text) as Bundle;
    (bundle.data.notes[1] as unknown as { text: number }).text = 42;
    const e = await problem(await resign(bundle));
    expect(e.kind).toBe('invalid');
    expect(e.message).toMatch(/^This bundle has a problem: data\.notes\[1\]\.text: /);
  });

  it('an unknown field, e.g. a prototype-pollution key', async () => {
    const { text } = await exported();
    const bundle = JSON.parse(text) as Bundle;
    const raw = (await resign(bundle)).replace('"id":"n-1"', '"__proto__":{"admin":true},"id":"n-1"');
    const e = await problem(raw);
    expect(e.message).toMatch(/data\.notes\[0\]\.__proto__: this key is not allowed in a Rapport bundle/);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('import', () => {
  it('previews before writing, then adds everything with provenance', async () => {
    const { text } = await exported('Priya');
    const target = freshDb();
    const bundle = await parseBundle(text);
    const before = await databaseDigest(target);
    const plan = await planImport(target, bundle);
    expect(await databaseDigest(target)).toBe(before);
    expect(plan.tables.customers.added).toBe(2);
    expect(plan.tables.notes.added).toBe(2);

    const progress: string[] = [];
    await applyImport(target, bundle, (p) => progress.push(`${p.done}/${p.total}`));
    const written = ['customers', 'visits', 'notes', 'facts', 'followUps', 'replies'].reduce((n, t) => n + (plan.tables as Record<string, { added: number }>)[t]!.added, 0);
    // The progress bar starts at 0 and ends at every row written.
    expect(progress[0]).toBe(`0/${written}`);
    expect(progress.at(-1)).toBe(`${written}/${written}`);
    const notes = await target.notes.toArray();
    expect(notes.every((n) => n.author === 'Priya')).toBe(true);
    expect((await target.facts.get('f-1'))?.author).toBe('Priya');
    expect((await target.followUps.get('p-1'))?.author).toBe('Priya');
    expect((await target.replies.get('r-1'))?.agent).toBe('Priya');
  });

  // A visit carries what the customer said about writing before and who opened the ticket: before,
  // an exported visit with `repeatClaim` was refused by the importer as an unknown field.
  it('keeps every field a visit stores: the customer’s repeat claim and who opened the ticket', async () => {
    const source = freshDb();
    await seed(source);
    const [stored] = await source.visits.toArray();
    await source.visits.put({ ...stored!, repeatClaim: { times: 3, phrase: 'This is the THIRD time I write', counted: true }, startedBy: 'agent' });
    const text = await (await exportBundle(source, { agent: 'Priya', now: T0 })).blob.text();
    const target = freshDb();
    await applyImport(target, await parseBundle(text));
    expect(await target.visits.get(stored!.id)).toMatchObject({ repeatClaim: { times: 3, phrase: 'This is the THIRD time I write', counted: true }, startedBy: 'agent' });
  });

  it('importing the same bundle twice changes nothing the second time', async () => {
    const { text } = await exported();
    const target = freshDb();
    await applyImport(target, await parseBundle(text));
    const after = await databaseDigest(target);
    const again = await planImport(target, await parseBundle(text));
    expect(again.nothingToDo).toBe(true);
    await applyImport(target, await parseBundle(text));
    expect(await databaseDigest(target)).toBe(after);
  });

  it('merges a customer by email: their notes land on the local customer', async () => {
    const { text } = await exported('Priya');
    const target = freshDb();
    await target.customers.put(sam({ id: 'local-sam', externalId: undefined, account: 'other.zendesk.com', emails: ['sam.rivera@example.com'] }));
    const plan = await planImport(target, await parseBundle(text));
    expect(plan.merged).toEqual([{ bundleId: 'c-sam', localId: 'local-sam', name: 'Sam Rivera' }]);
    await applyImport(target, await parseBundle(text));
    expect(await target.customers.get('c-sam')).toBeUndefined();
    expect((await target.notes.get('n-1'))?.customerId).toBe('local-sam');
    expect((await target.replies.get('r-1'))?.customerId).toBe('local-sam');
  });

  it('merges a customer by helpdesk + account + requester id', async () => {
    const { text } = await exported();
    const target = freshDb();
    await target.customers.put(dana({ id: 'local-dana', emails: [] }));
    const plan = await planImport(target, await parseBundle(text));
    expect(plan.merged.map((m) => m.localId)).toEqual(['local-dana']);
  });

  it('a note edited here more recently is kept and reported as a conflict; nothing is lost', async () => {
    const { text } = await exported();
    const target = freshDb();
    await target.customers.put(sam());
    await target.notes.put(note({ text: 'Prefers email, never phone', updatedAt: T0 }));
    const plan = await planImport(target, await parseBundle(text));
    expect(plan.tables.notes.conflicts).toBe(1);
    expect(plan.conflicts[0]).toMatchObject({ table: 'notes', id: 'n-1' });
    await applyImport(target, await parseBundle(text));
    const kept = await target.notes.get('n-1');
    expect(kept?.text).toBe('Prefers email, never phone');
    expect(kept?.edits?.map((e) => e.text)).toEqual(['Prefers email over phone']);
  });

  it('a newer note from the bundle updates the local one and keeps the old text in the history', async () => {
    const source = freshDb();
    await seed(source);
    await source.notes.put(note({ text: 'Prefers email — confirmed again', updatedAt: T0 }));
    const bundle = await readBundle((await exportBundle(source, { agent: 'Priya' })).blob);
    const target = freshDb();
    await target.customers.put(sam());
    await target.notes.put(note());
    const plan = await applyImport(target, bundle);
    expect(plan.tables.notes.updated).toBe(1);
    const row = await target.notes.get('n-1');
    expect(row?.text).toBe('Prefers email — confirmed again');
    expect(row?.edits?.map((e) => e.text)).toEqual(['Prefers email over phone']);
  });

  it('is all or nothing: a failure midway leaves the database as it was', async () => {
    const { text } = await exported();
    const target = freshDb();
    await target.customers.put(dana({ id: 'someone-else', externalId: 'x', emails: ['x@example.com'] }));
    const before = await databaseDigest(target);
    const bundle = await parseBundle(text);
    // The last table written fails in IndexedDB itself (the import writes below Dexie): everything
    // written before it in the import must be rolled back.
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'replies') throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    try {
      await expect(applyImport(target, bundle)).rejects.toThrow('disk full');
      expect(spy.mock.contexts.some((store) => (store as IDBObjectStore).name === 'notes')).toBe(true);
    } finally {
      spy.mockRestore();
    }
    expect(await databaseDigest(target)).toBe(before);
  });

  it('tells live queries what it wrote (its rows go below Dexie, which would otherwise have told them)', async () => {
    const { text } = await exported();
    const target = freshDb();
    const counts: number[] = [];
    const live = liveQuery(() => target.notes.count()).subscribe((n) => counts.push(n));
    try {
      await vi.waitFor(() => expect(counts).toEqual([0]));
      await applyImport(target, await parseBundle(text));
      await vi.waitFor(() => expect(counts.at(-1)).toBe(JSON.parse(text).counts.notes));
    } finally {
      live.unsubscribe();
    }
  });

  it('stores hostile strings as plain text', async () => {
    const source = freshDb();
    await seed(source);
    await source.notes.put(note({ id: 'n-x', text: '<img src=x onerror=alert(1)> =cmd|"/c calc"!A1' }));
    const bundle = await readBundle((await exportBundle(source, { agent: '<b>Priya</b>' })).blob);
    const target = freshDb();
    await applyImport(target, bundle);
    expect((await target.notes.get('n-x'))?.text).toBe('<img src=x onerror=alert(1)> =cmd|"/c calc"!A1');
    expect((await target.notes.get('n-x'))?.author).toBe('<b>Priya</b>');
  });
});
