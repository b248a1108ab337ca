/**
 * The large data set of the dashboard, memory and import benchmarks (50k customers / 500k records by
 * default), seeded straight into the extension's IndexedDB from an extension page, and the heap
 * sampler they share.
 */
const MB = 1024 * 1024;

/**
 * Samples the page's JS heap every 100 ms while `work` runs; answers the peak in MB. With `live` (the
 * default) every tenth sample forces a GC first (peakLiveHeapMB); that slows the work, so timed runs
 * pass `live: false`.
 */
export async function withHeapPeak(page, work, { live = true } = {}) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  let peakLive = 0;
  let running = true;
  const used = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }));
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  };
  // Every 100 ms the heap as it is (garbage included); every second the heap after a forced GC, i.e.
  // what the work really holds on to.
  const sample = async () => {
    for (let tick = 0; running; tick++) {
      if (live && tick % 10 === 9) {
        await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
        peakLive = Math.max(peakLive, await used());
      } else {
        peak = Math.max(peak, await used());
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const sampler = sample();
  const started = Date.now();
  try {
    await work();
  } finally {
    running = false;
    await sampler;
  }
  return { ms: Date.now() - started, peakHeapMB: Math.round(peak / MB), peakLiveHeapMB: Math.round(peakLive / MB) };
}

/** Runs in the extension page: fills the Rapport database with deterministic rows, table by table. */
export async function seed(page, customers, records) {
  return page.evaluate(
    async ({ customers, records }) => {
      const open = () =>
        new Promise((res, rej) => {
          const r = indexedDB.open('rapport');
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
      const idb = await open();
      const now = Date.now();
      const DAY = 86_400_000;
      const words = ['refund', 'invoice', 'login', 'export', 'shipping', 'VAT', 'upgrade', 'bakery', 'launch', 'password', 'discount', 'bug'];
      const first = ['Sam', 'Dana', 'José', 'Priya', 'Zoë', 'Avery', 'Bruno', 'Chiara', 'Dev', 'Maya', 'Noah', 'Ola'];
      const last = ['Rivera', 'Whitfield', 'Núñez', 'Raman', 'Þórsdóttir', 'Chen', 'Díaz', 'Rossi', 'Patel', 'Berg', 'Kim', 'Okafor'];
      const put = (store, count, make) =>
        new Promise((res, rej) => {
          const tx = idb.transaction(store, 'readwrite');
          const os = tx.objectStore(store);
          for (let i = 0; i < count; i++) os.put(make(i));
          tx.oncomplete = res;
          tx.onerror = () => rej(tx.error);
        });
      const inBatches = async (store, count, make) => {
        for (let start = 0; start < count; start += 50_000) await put(store, Math.min(50_000, count - start), (i) => make(start + i));
      };
      const cid = (i) => `bench-c-${String(i).padStart(6, '0')}`;
      await inBatches('customers', customers, (i) => ({
        id: cid(i),
        helpdesk: 'zendesk',
        account: 'acme.zendesk.com',
        externalId: String(100000 + i),
        name: `${first[i % 12]} ${last[(i * 7) % 12]} ${i}`,
        emails: [`customer${i}@example.com`],
        firstSeen: now - 400 * DAY,
        lastSeen: now - (i % 365) * DAY,
        updatedAt: now - (i % 365) * DAY,
        version: 1,
        ...(i % 50 === 0 ? { vip: true } : {}),
      }));
      const visits = Math.floor(records * 0.4);
      const notes = Math.floor(records * 0.4);
      const followUps = Math.floor(records * 0.1);
      const replies = records - visits - notes - followUps;
      await inBatches('visits', visits, (i) => ({
        id: `zendesk:acme.zendesk.com:${i}`,
        helpdesk: 'zendesk',
        account: 'acme.zendesk.com',
        ticketId: String(i),
        subject: `Question about ${words[i % 12]}`,
        status: 'open',
        customerId: cid(i % customers),
        firstSeen: now - (i % 400) * DAY,
        lastSeen: now - (i % 300) * DAY,
        source: 'visit',
      }));
      await inBatches('notes', notes, (i) => ({
        id: `bench-n-${i}`,
        customerId: cid(i % customers),
        text: `Asked about ${words[i % 12]} and ${words[(i * 5) % 12]} (#${i}).`,
        tags: [words[(i * 3) % 12]],
        createdAt: now - (i % 500) * DAY,
        updatedAt: now - (i % 400) * DAY,
        pinned: false,
        edits: [],
        version: 1,
      }));
      await inBatches('followUps', followUps, (i) => ({
        id: `bench-p-${i}`,
        customerId: cid(i % customers),
        ticket: { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: String(i) },
        text: `Follow up on the ${words[i % 12]}`,
        dueAt: now + ((i % 60) - 30) * DAY,
        createdAt: now - 40 * DAY,
        status: i % 3 === 0 ? 'done' : 'open',
        origin: 'manual',
      }));
      await inBatches('replies', replies, (i) => ({
        id: `bench-r-${i}`,
        helpdesk: 'zendesk',
        account: 'acme.zendesk.com',
        ticketId: String(i % visits),
        customerId: cid(i % customers),
        sentAt: now - (i % 120) * DAY,
        responseMs: (i % 600) * 60_000,
        states: { 'greets-by-name': i % 4 ? 'pass' : 'fail', 'answers-questions': i % 7 ? 'pass' : 'fail', 'next-step': i % 5 ? 'pass' : 'na' },
        readiness: (i % 100) / 100,
        packId: 'default',
        packVersion: 1,
      }));
      idb.close();
      return { customers, visits, notes, followUps, replies };
    },
    { customers, records },
  );
}

