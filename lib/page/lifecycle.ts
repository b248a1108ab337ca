/**
 * Everything a content script starts is bound to an AbortSignal, so that leaving a ticket (or the
 * extension being reloaded) leaves no observer, listener or timer behind.
 */

/** A controller that is also aborted when `parent` is. */
export function childController(parent: AbortSignal): AbortController {
  const child = new AbortController();
  if (parent.aborted) child.abort();
  else parent.addEventListener('abort', () => child.abort(), { once: true, signal: child.signal });
  return child;
}

export function observe(target: Node, init: MutationObserverInit, callback: MutationCallback, signal: AbortSignal): void {
  if (signal.aborted) return;
  const observer = new MutationObserver(callback);
  observer.observe(target, init);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

export function later(ms: number, fn: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const id = setTimeout(fn, ms);
  signal.addEventListener('abort', () => clearTimeout(id), { once: true });
}

/**
 * Runs `fn` once after calls stop for `ms`. Cancelled with the signal. One timer at a time: calls
 * during the wait only move the deadline, so a busy page costs a timestamp per call.
 */
export function debounce(ms: number, fn: () => void, signal: AbortSignal): () => void {
  let deadline = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    const wait = deadline - performance.now();
    if (wait > 1) {
      timer = setTimeout(fire, wait);
      return;
    }
    timer = undefined;
    if (!signal.aborted) fn();
  };
  signal.addEventListener('abort', () => timer !== undefined && clearTimeout(timer), { once: true });
  return () => {
    if (signal.aborted) return;
    deadline = performance.now() + ms;
    timer ??= setTimeout(fire, ms);
  };
}
