/** How a content script asks the background. The only way data leaves the helpdesk tab. */
import { browser } from 'wxt/browser';
import type { Answers, Reply, RequestOf, RequestType } from './messages';

export async function request<T extends RequestType>(req: RequestOf<T>): Promise<Reply<Answers[T]>> {
  return requestWith(req, { send: (message) => browser.runtime.sendMessage(message), alive: () => Boolean(browser.runtime?.id) });
}

/** Pauses before each retry of a message nobody received (the worker still starting). */
const RETRY_AFTER_MS = [150, 600];
/** Chromium's error when no listener received the message: sending it again cannot do anything twice. */
const NOBODY_LISTENING = /Receiving end does not exist|Could not establish connection/i;

export interface RequestIo {
  send(message: unknown): Promise<unknown>;
  /** False once the extension was updated, reloaded or removed while this tab stayed open. */
  alive(): boolean;
  pause?(ms: number): Promise<void>;
}

/**
 * `request` with its I/O given. Right after the browser starts (or the worker is restarted) the first
 * message can find no listener yet: that one is sent again after a short pause, twice at most. Any
 * other failure is not retried (the worker may have acted on it); the sidebar says what happened.
 */
export async function requestWith<T extends RequestType>(req: RequestOf<T>, io: RequestIo): Promise<Reply<Answers[T]>> {
  const pause = io.pause ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = (await io.send(req)) as Reply<Answers[T]> | undefined;
      return reply ?? { ok: false, error: 'Rapport did not answer. Reload the page.' };
    } catch (error) {
      if (!io.alive()) return { ok: false, error: 'Rapport was updated or restarted. Reload the page to reconnect.' };
      const unheard = NOBODY_LISTENING.test(error instanceof Error ? error.message : String(error));
      if (!unheard || attempt >= RETRY_AFTER_MS.length) return { ok: false, error: 'Rapport did not answer. Try again, or reload the page.' };
      await pause(RETRY_AFTER_MS[attempt]!);
    }
  }
}

/** Messages the background sends to a helpdesk tab. */
export type TabMessage =
  | { type: 'sidebar.toggle' }
  /**
   * The popup asks the active tab's content script which helpdesk account the page is (#15): only a
   * helpdesk page has one to answer, and the popup needs neither `tabs` nor `activeTab` to learn it.
   */
  | { type: 'page.account' };
