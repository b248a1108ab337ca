/**
 * Turn-taking for the checklist engine in the background (#15: "one request cannot stall others").
 *
 * The engine is synchronous and capped (lib/standards/engine.ts: questions, messages and characters
 * per evaluation; ≤ 50 ms on pathological input, a few ms on real drafts). Two things keep it from
 * holding up the worker's other requests (a note being saved, a search, a ticket opening):
 * - **one evaluation at a time, each in its own task**: before running, an evaluation yields to the
 *   event loop, so requests that arrived meanwhile are handled first; a queue of evaluations never
 *   runs back to back in one task;
 * - **the newest draft wins**: while an evaluation waits its turn, a newer one from the same page
 *   (tab and frame) replaces it; the older one is answered "superseded" without running (that page
 *   already ignores answers to drafts it has since changed).
 */

/** Why an evaluation did not run: the same page asked again with a newer draft. */
export class Superseded extends Error {
  override name = 'Superseded';
  constructor() {
    super('A newer draft from this page is being checked.');
  }
}

/** A macrotask boundary: messages delivered meanwhile are dispatched before we go on. */
const yieldToOthers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class EngineQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly newest = new Map<string, number>();
  private seq = 0;

  constructor(private readonly pause: () => Promise<void> = yieldToOthers) {}

  /**
   * Takes a place for `key`: a later arrival from the same page supersedes this one. `arrival` is
   * the request's order stamped when it reached the worker (lib/background/handle-request.ts),
   * before the awaits that precede the handler and can finish out of order; without it, the order
   * of the claims. Pass it for every claim or for none.
   */
  claim(key: string | undefined, arrival = ++this.seq): { run<T>(work: () => T): Promise<T> } {
    const mine = arrival;
    this.arrive(key, mine);
    return { run: (work) => this.enqueue(key, mine, work) };
  }

  /**
   * Records that `key` asked at `arrival`, before the request's own claim: an older evaluation from
   * the same page that reaches its turn first is superseded all the same. Without it, an older
   * draft whose awaits finished first ran before the newer one had claimed (a flaky test showed it).
   */
  arrive(key: string | undefined, arrival: number): void {
    if (key !== undefined && !((this.newest.get(key) ?? -Infinity) > arrival)) this.newest.set(key, arrival);
  }

  /** Claims and runs at once: `claim(key).run(work)`. */
  run<T>(key: string | undefined, work: () => T): Promise<T> {
    return this.claim(key).run(work);
  }

  private enqueue<T>(key: string | undefined, mine: number, work: () => T): Promise<T> {
    const turn = this.tail.then(async () => {
      await this.pause();
      if (key !== undefined && this.newest.get(key) !== mine) throw new Superseded();
      return work();
    });
    this.tail = turn.catch(() => undefined);
    return turn.finally(() => {
      if (key !== undefined && this.newest.get(key) === mine) this.newest.delete(key);
    });
  }

  /** Pages with an evaluation waiting or running (for tests and diagnostics). */
  get waiting(): number {
    return this.newest.size;
  }
}

/** The page an evaluation comes from: its tab and frame; undefined when the sender has no tab. */
export function senderKey(sender: { tab?: unknown; frameId?: number }): string | undefined {
  const tab = (sender.tab as { id?: number } | undefined)?.id;
  return typeof tab === 'number' ? `${tab}:${sender.frameId ?? 0}` : undefined;
}
