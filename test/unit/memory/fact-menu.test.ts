import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { factMenuPatterns, startFactMenu, SAVE_FACT_MENU } from '@/lib/memory/fact-menu';
import { ticketPagePatterns } from '@/lib/helpdesks';
import { PREF } from '@/lib/prefs';
import type { ConfiguredHelpdesk } from '@/lib/helpdesks/configured';

const freescout: ConfiguredHelpdesk = { id: 'fs', pattern: 'http://help.acme.internal/*', kind: 'freescout' } as ConfiguredHelpdesk;

/** A stand-in for Chromium's menus: records what was created, refuses patterns it is told to. */
function menus(refuse?: RegExp) {
  const created: { id: string; documentUrlPatterns?: string[] }[] = [];
  const api = {
    removeAll: vi.fn(async () => void created.splice(0)),
    create: vi.fn((entry: { id: string; documentUrlPatterns?: string[] }, done?: () => void) => {
      const bad = refuse && entry.documentUrlPatterns?.some((p) => refuse.test(p));
      (browser.runtime as { lastError?: { message: string } }).lastError = bad ? { message: 'Invalid url pattern' } : undefined;
      if (!bad) created.push(entry);
      done?.();
      (browser.runtime as { lastError?: unknown }).lastError = undefined;
    }),
    onClicked: { addListener: vi.fn() },
  };
  (browser as unknown as { contextMenus: unknown }).contextMenus = api;
  return { api, created };
}

beforeEach(() => fakeBrowser.reset());

describe('the "Save selection as a fact" menu', () => {
  it('covers the built-in ticket pages and every configured helpdesk once', () => {
    expect(factMenuPatterns([])).toEqual([...ticketPagePatterns]);
    expect(factMenuPatterns([freescout, { ...freescout, id: 'again' }])).toEqual([...ticketPagePatterns, freescout.pattern]);
  });

  it('follows the options page: a helpdesk added later gets the menu too', async () => {
    const { created } = menus();
    startFactMenu();
    await vi.waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ id: SAVE_FACT_MENU, documentUrlPatterns: [...ticketPagePatterns] });

    await browser.storage.local.set({ [PREF.helpdesks]: [freescout] });
    await vi.waitFor(() => expect(created[0]?.documentUrlPatterns).toContain(freescout.pattern));
    expect(created).toHaveLength(1);
  });

  it('keeps the built-in pages when the browser refuses a configured pattern', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await browser.storage.local.set({ [PREF.helpdesks]: [freescout] });
    const { created } = menus(/acme/);
    startFactMenu();
    await vi.waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]?.documentUrlPatterns).toEqual([...ticketPagePatterns]);
    expect(warn).toHaveBeenCalled();
  });
});
