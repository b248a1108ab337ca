/**
 * Remembering the last few answers of a pure function of text. While an agent types, the
 * customer's message stays the same and each rule asks about the same draft: the engine's
 * per-keystroke cost is then the draft's parse and the models, not every phrase list again.
 */

/**
 * `fn` with its last `size` answers kept, keyed by its string arguments one level each (a map of
 * maps): a string keeps its hash once computed, while a key joined from a 3,000-character draft and
 * a 2,000-character message was a new string to hash on every call, a tenth of the engine's time
 * with eight asks. Answers are shared: never mutate them.
 */
export function memoText<A extends string[], R>(fn: (...args: A) => R, size = 4): (...args: A) => R {
  const root = new Map<string, unknown>();
  const order: A[] = [];
  return (...args: A) => {
    let level = root;
    for (let i = 0; i < args.length - 1; i++) level = (level.get(args[i]!) as Map<string, unknown> | undefined) ?? new Map();
    const last = args[args.length - 1]!;
    if (level.has(last)) return level.get(last) as R;
    const out = fn(...args);
    if (order.length >= size) forget(root, order.shift()!);
    remember(root, args, out);
    order.push(args);
    return out;
  };
}

function remember(root: Map<string, unknown>, args: readonly string[], out: unknown) {
  let level = root;
  for (let i = 0; i < args.length - 1; i++) {
    let next = level.get(args[i]!) as Map<string, unknown> | undefined;
    if (!next) level.set(args[i]!, (next = new Map()));
    level = next;
  }
  level.set(args[args.length - 1]!, out);
}

/** Removes one answer, and the maps it leaves empty. */
function forget(level: Map<string, unknown>, args: readonly string[], i = 0): void {
  if (i === args.length - 1) {
    level.delete(args[i]!);
    return;
  }
  const next = level.get(args[i]!) as Map<string, unknown> | undefined;
  if (!next) return;
  forget(next, args, i + 1);
  if (!next.size) level.delete(args[i]!);
}

/** `fn` with its answer kept on the object it was asked about (parsed clauses are cached and reused). */
export function memoObject<K extends object, R>(fn: (key: K) => R): (key: K) => R {
  const known = new WeakMap<K, R>();
  return (key: K) => {
    if (known.has(key)) return known.get(key)!;
    const out = fn(key);
    known.set(key, out);
    return out;
  };
}
