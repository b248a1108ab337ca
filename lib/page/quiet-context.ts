/**
 * Rapport's stand-in for WXT's `ContentScriptContext` (issue #15), put in its place by the alias in
 * wxt.config.ts. WXT's context announces every content script to the page — a `CustomEvent` on
 * `document` and a `window.postMessage`, both named after the extension's id — and invalidates the
 * script when the page's document receives that event again. A page script could thus learn that
 * Rapport is installed and switch it off with one `dispatchEvent`.
 *
 * This context says nothing to the page and listens to nothing from it. It ends when:
 *  - the extension itself is gone (`runtime.id` disappears; the sidebar frame's port closes then,
 *    see lib/page/sidebar-frame.ts, which calls `abort`);
 *  - a newer copy of the same content script starts in this tab: copies share the extension's
 *    isolated world, where a global the page cannot see or set hands over between them.
 *
 * Same public surface as WXT's class, so WXT's entrypoint wrapper and `main(ctx)` use it unchanged.
 */
import { browser } from 'wxt/browser';

/** Lives in the isolated world's global object: invisible to the page's main world. */
const RUNNING = Symbol.for('rapport.contentScriptContext');
type Registry = Record<string, ContentScriptContext | undefined>;

export class ContentScriptContext {
  readonly id = Math.random().toString(36).slice(2);
  private readonly abortController = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: object,
  ) {
    const global = globalThis as unknown as { [RUNNING]?: Registry };
    const running = (global[RUNNING] ??= {});
    running[contentScriptName]?.abort('A newer copy of this content script started');
    running[contentScriptName] = this;
    this.onInvalidated(() => {
      if (running[contentScriptName] === this) delete running[contentScriptName];
    });
  }

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb, { once: true });
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => this.isValid && callback(time));
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => !this.signal.aborted && callback(deadline), options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /** Like WXT's, without its `wxt:` synthetic events (Rapport uses none). */
  addEventListener(target: EventTarget, type: string, handler: EventListener, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}
