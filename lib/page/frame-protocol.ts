/**
 * What travels between the content script and the sidebar frame (entrypoints/sidebar) over their
 * extension port (issue #15). The content script keeps the controller and the features; the frame
 * only renders. Both sides import this file; it touches neither the DOM nor the extension API.
 *
 * - A render sends the sidebar's state in *slots* (`base`: the state without its panels; one slot
 *   per panel; `handlers`: the view's callbacks), and only the slots that changed since the last
 *   send: typing in the composer re-sends the checklist, not the customer's memory, and the frame
 *   keeps the unchanged panel objects so their `pure` views skip re-rendering.
 * - Functions in props (the memory panel's actions, the insert-greeting helper) cannot cross a
 *   port: they travel as `{ $rapportFn: id }` and the frame calls them back with a `call` message;
 *   the content script runs the real function and answers with a `result`. Clocks (`now`
 *   functions) stay behind: the frame uses its own `Date.now`.
 * - `ToFrame`/`ToPage` travel over the MessageChannel the content script hands to its own iframe
 *   (structured clone); the extension port carries only the handshake (`nonce`, `Accepted`) and
 *   tells each side when the other has gone. What is sent is plain data either way.
 */
import type { Panels, SidebarState } from '../../components/model';

/** The frame's page, web-accessible only through the extension's per-session dynamic URL. */
export const FRAME_PATH = '/sidebar.html';
/** Name of the port the frame opens to the content script of its tab's top frame. */
export const PORT_NAME = 'rapport-sidebar';

export interface FnRef {
  $rapportFn: number;
}

type Slots = Record<string, unknown>;

export type ToFrame =
  /** `slots`: only the changed ones; null removes a slot (a panel that went away). */
  /** `composing`: the agent is in the helpdesk's composer; `width`: the docked panel's width. */
  | { t: 'render'; slots: Record<string, unknown>; collapsed: boolean; presentation: boolean; composing: boolean; width: number }
  /** No ticket: the frame unmounts the sidebar (the host is hidden). */
  | { t: 'clear' }
  | { t: 'result'; call: number; ok: true; value: unknown }
  | { t: 'result'; call: number; ok: false; error: string };

/** Over the extension port, frame → content script: a nonce the frame received by `postMessage`
 * (proves which iframe element this port belongs to). */
export interface NonceReply {
  t: 'nonce';
  value: string;
}

/** Over the extension port, content script → frame: use the channel that came with this nonce. */
export interface Accepted {
  t: 'accepted';
  nonce: string;
}

export type ToPage =
  /** The frame got this channel's offer (sent by its first script, before any channel is accepted; no data). */
  | { t: 'seen' }
  | { t: 'call'; call: number; fn: number; args: unknown[] }
  /** Height of the collapsed tab, so the host frame is exactly as tall as what it draws. */
  | { t: 'tab'; height: number }
  /** The agent resized the panel (`done` at the end of a drag or on a key press: remember it). */
  | { t: 'resize'; to?: number; by?: number; done: boolean }
  /** A drag of the resize handle began at this screen x: the page follows the pointer outside the frame. */
  | { t: 'drag'; screenX: number };

/** What the content script posts into its own iframe's window, with a MessagePort (see sidebar-frame.ts). */
export interface NonceMessage {
  rapportNonce: string;
}

export const isNonceMessage = (data: unknown): data is NonceMessage =>
  typeof data === 'object' && data !== null && typeof (data as NonceMessage).rapportNonce === 'string' && (data as NonceMessage).rapportNonce.length <= 64;

const isFnRef = (value: object): value is FnRef => {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$rapportFn' && typeof (value as FnRef).$rapportFn === 'number';
};

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any callback in props
type AnyFunction = Function;

/**
 * Content-script side: encodes state slots for the port and remembers which function each
 * reference stands for. A function keeps its id for as long as it lives (a WeakMap), so the frame
 * keeps calling the same proxy; references of a slot are dropped when the slot is sent again.
 */
export class SlotEncoder {
  private ids = new WeakMap<AnyFunction, number>();
  private next = 1;
  private functions = new Map<string, Map<number, AnyFunction>>();
  private last: Slots = {};

  /** The slots of `state` that differ from the last call's (all of them after `reset`). */
  changes(state: SidebarState, handlers: object): Record<string, unknown> {
    const now = slotsOf(state, handlers);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(now)) {
      if (key in this.last && sameSlot(this.last[key], now[key])) continue;
      const fns = new Map<number, AnyFunction>();
      out[key] = this.encode(now[key], fns);
      this.functions.set(key, fns);
    }
    for (const key of Object.keys(this.last)) {
      if (key in now) continue;
      out[key] = null;
      this.functions.delete(key);
    }
    this.last = now;
    return out;
  }

  /** Forget what was sent: the next `changes` sends every slot (a new frame, or after `clear`). */
  reset(): void {
    this.last = {};
    this.functions.clear();
  }

  /** The function a reference in the current slots stands for. */
  lookup(id: number): AnyFunction | undefined {
    for (const fns of this.functions.values()) {
      const fn = fns.get(id);
      if (fn) return fn;
    }
    return undefined;
  }

  private encode(value: unknown, fns: Map<number, AnyFunction>, key = ''): unknown {
    if (typeof value === 'function') {
      if (key === 'now') return undefined; // a clock: the frame has its own
      let id = this.ids.get(value);
      if (id === undefined) {
        id = this.next++;
        this.ids.set(value, id);
      }
      fns.set(id, value);
      return { $rapportFn: id } satisfies FnRef;
    }
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => this.encode(item, fns) ?? null);
    if (!isPlainObject(value)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries(value)) {
      const encoded = this.encode(v, fns, k);
      if (encoded !== undefined) out[k] = encoded;
    }
    return out;
  }
}

/** A value for the port with any function left out (answers to calls). */
export function plain(value: unknown): unknown {
  if (typeof value === 'function') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => plain(item) ?? null);
  if (!isPlainObject(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries(value)) {
    const p = plain(v);
    if (p !== undefined) out[k] = p;
  }
  return out;
}

/** Plain data only: a DOM event passed to a callback (`onClick={actions.dismiss}`) stays behind. */
const isPlainObject = (value: object) => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** Own fields, without `__proto__` (an assignment to it would replace the copy's prototype). */
const entries = (value: object) => Object.entries(value).filter(([k]) => k !== '__proto__');

function slotsOf(state: SidebarState, handlers: object): Slots {
  const { panels, ...base } = state as SidebarState & { panels?: Panels };
  const slots: Slots = { base, handlers };
  for (const [key, props] of Object.entries(panels ?? {})) if (props !== undefined) slots[`panel:${key}`] = props;
  return slots;
}

/** Panels and handlers change identity when they change; the base state is rebuilt on every render, so compare its fields. */
function sameSlot(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => k in y && x[k] === y[k]);
}

/**
 * Frame side: the slots received so far, decoded (function references become stable proxies), and
 * the state they make. An unchanged slot keeps its object, so `pure` panels skip re-rendering.
 */
export class SlotDecoder {
  private slots: Slots = {};
  /** Function ids each slot refers to: a proxy lives as long as some slot uses it. */
  private used = new Map<string, Set<number>>();
  private proxies = new Map<number, (...args: unknown[]) => Promise<unknown>>();

  constructor(private readonly call: (fn: number, args: unknown[]) => Promise<unknown>) {}

  apply(changes: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(changes)) {
      const ids = new Set<number>();
      if (value === null) delete this.slots[key];
      else this.slots[key] = this.decode(value, ids);
      this.used.set(key, ids);
    }
    const live = new Set([...this.used.values()].flatMap((ids) => [...ids]));
    for (const id of this.proxies.keys()) if (!live.has(id)) this.proxies.delete(id);
  }

  clear(): void {
    this.slots = {};
    this.used.clear();
    this.proxies.clear();
  }

  get state(): SidebarState | undefined {
    const base = this.slots.base as SidebarState | undefined;
    if (!base) return undefined;
    const panels: Record<string, unknown> = {};
    let any = false;
    for (const [key, value] of Object.entries(this.slots)) {
      if (!key.startsWith('panel:')) continue;
      panels[key.slice('panel:'.length)] = value;
      any = true;
    }
    return (any ? { ...base, panels } : base) as SidebarState;
  }

  get handlers(): Record<string, unknown> {
    return (this.slots.handlers as Record<string, unknown> | undefined) ?? {};
  }

  private decode(value: unknown, ids: Set<number>): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => this.decode(item, ids));
    if (isFnRef(value)) {
      ids.add(value.$rapportFn);
      return this.proxy(value.$rapportFn);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries(value)) out[k] = this.decode(v, ids);
    return out;
  }

  private proxy(id: number) {
    let fn = this.proxies.get(id);
    if (!fn) {
      fn = (...args: unknown[]) => this.call(id, args.map(plain));
      this.proxies.set(id, fn);
    }
    return fn;
  }
}
