/** How a content script asks the background. The only way data leaves the helpdesk tab. */
import { browser } from 'wxt/browser';
import type { Answers, Reply, RequestOf, RequestType } from './messages';

export async function request<T extends RequestType>(req: RequestOf<T>): Promise<Reply<Answers[T]>> {
  try {
    const reply = (await browser.runtime.sendMessage(req)) as Reply<Answers[T]> | undefined;
    return reply ?? { ok: false, error: 'Rapport did not answer. Reload the page.' };
  } catch {
    // The extension was updated or reloaded while this tab stayed open.
    return { ok: false, error: 'Rapport was updated or restarted. Reload the page to reconnect.' };
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
