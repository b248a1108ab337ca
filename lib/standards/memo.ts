/**
 * Remembering the last few answers of a pure function of text. While an agent types, the
 * customer's message stays the same and each rule asks about the same draft: the engine's
 * per-keystroke cost is then the draft's parse and the models, not every phrase list again.
 */

/** `fn` with its last `size` answers kept, keyed by its string arguments. Answers are shared: never mutate them. */
export function memoText<A extends string[], R>(fn: (...args: A) => R, size = 4): (...args: A) => R {
  const known = new Map<string, R>();
  return (...args: A) => {
    const key = args.length === 1 ? args[0]! : args.join('\u0000');
    const hit = known.get(key);
    if (hit !== undefined || known.has(key)) return hit as R;
    const out = fn(...args);
    if (known.size >= size) known.delete(known.keys().next().value!);
    known.set(key, out);
    return out;
  };
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
