/**
 * The "Save selection as a fact about this customer" context menu (issue #3), on every page the
 * content script runs on: the built-in ticket pages and each helpdesk the agent configured on the
 * options page (#13). Rebuilt when that list changes; a sent selection goes to the tab's content
 * script, which saves it for the customer of the ticket it shows.
 */
import { browser } from 'wxt/browser';
import { ticketPagePatterns } from '../helpdesks';
import type { ConfiguredHelpdesk } from '../helpdesks/configured';
import { loadHelpdesks } from '../background/configured-helpdesks';
import { PREF } from '../prefs';

export const SAVE_FACT_MENU = 'rapport:save-fact';

/** Sent to a helpdesk tab when the agent picks the context-menu entry. */
export interface CaptureFactMessage {
  type: 'memory.capture';
  text: string;
}

/** The pages the menu shows on: built-in ticket pages, then each configured pattern once. */
export function factMenuPatterns(configured: readonly ConfiguredHelpdesk[]): string[] {
  return [...new Set([...ticketPagePatterns, ...configured.map((h) => h.pattern)])];
}

type Menus = typeof browser.contextMenus;

/** Creates the menu entry for these pages; a pattern the browser refuses leaves the built-in ones. */
async function create(menus: Menus, patterns: string[]): Promise<void> {
  const entry = { id: SAVE_FACT_MENU, title: 'Save selection as a fact about this customer', contexts: ['selection'] as ['selection'] };
  await menus.removeAll();
  try {
    await new Promise<void>((done, fail) => {
      menus.create({ ...entry, documentUrlPatterns: patterns }, () => (browser.runtime.lastError ? fail(browser.runtime.lastError) : done()));
    });
  } catch (error) {
    console.warn('Rapport: a configured helpdesk pattern was refused for the context menu', error);
    await menus.removeAll();
    menus.create({ ...entry, documentUrlPatterns: [...ticketPagePatterns] });
  }
}

/** Installs the menu and its click handler, and keeps the menu's pages in step with the options page. */
export function startFactMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return; // Firefox for Android has no context menus
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_FACT_MENU || tab?.id === undefined || !info.selectionText) return;
    const message: CaptureFactMessage = { type: 'memory.capture', text: info.selectionText.slice(0, 1000) };
    void browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  });
  // One rebuild at a time: two quick saves on the options page must not race removeAll/create.
  let chain = Promise.resolve();
  const rebuild = () => {
    chain = chain
      .then(loadHelpdesks)
      .then((list) => create(menus, factMenuPatterns(list)))
      .catch((error: unknown) => console.warn('Rapport: could not set up the context menu', error));
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && PREF.helpdesks in changes) rebuild();
  });
  rebuild();
}
