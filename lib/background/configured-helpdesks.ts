/**
 * The extension side of configured helpdesks (#13): which pages may talk to the background, and
 * the content script registered for each configured URL pattern whose host the agent granted.
 * Used by the background (start-up, permission removed) and the options page (save, remove).
 */
import { browser } from 'wxt/browser';
import { PREF } from '../prefs';
import { builtInHelpdesk, type PageHelpdesk } from '../workspaces/scope';
import { configuredFor, originPattern, type ConfiguredHelpdesk } from '../helpdesks/configured';
import { validHelpdesks } from '../helpdesks/configured-schema';

export const SCRIPT_PREFIX = 'rapport-helpdesk-';

/** The stored list, validated (an entry that fails is dropped, never trusted). */
export async function loadHelpdesks(): Promise<ConfiguredHelpdesk[]> {
  return validHelpdesks((await browser.storage.local.get(PREF.helpdesks))[PREF.helpdesks]);
}

/**
 * Which helpdesk a content script's page is: a built-in helpdesk page, or a page a configured
 * helpdesk covers (its kind: a built-in adapter id or `custom`); undefined for any other page, whose
 * requests are refused. Cached; refreshed whenever the stored list changes.
 */
export function pageHelpdesk(): PageHelpdesk {
  let list: Promise<ConfiguredHelpdesk[]> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && PREF.helpdesks in changes) list = undefined;
  });
  return async (url) => {
    const builtIn = await builtInHelpdesk(url);
    if (builtIn) return builtIn;
    list ??= loadHelpdesks();
    return configuredFor(await list, url)?.kind;
  };
}

type Scripting = {
  getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]>;
  registerContentScripts(scripts: { id: string; matches: string[]; js: string[]; runAt: 'document_start'; persistAcrossSessions?: boolean }[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
};

/** The built content script's file, as the manifest lists it. */
const contentScriptFile = () => browser.runtime.getManifest().content_scripts?.[0]?.js?.[0];

/**
 * Makes the registered content scripts match the configured helpdesks whose host is granted:
 * registers the missing ones, unregisters those removed or no longer granted. Returns the ids of
 * the helpdesks Rapport now runs on.
 */
export async function syncContentScripts(list: readonly ConfiguredHelpdesk[]): Promise<string[]> {
  // The background may sync at the same moment (a permission just changed): once more on a clash.
  return syncOnce(list).catch(() => syncOnce(list));
}

async function syncOnce(list: readonly ConfiguredHelpdesk[]): Promise<string[]> {
  const scripting = (browser as unknown as { scripting?: Scripting }).scripting;
  const file = contentScriptFile();
  if (!scripting?.registerContentScripts || !file) return [];
  const granted: ConfiguredHelpdesk[] = [];
  for (const h of list) {
    const origin = originPattern(h.pattern);
    if (origin && (await browser.permissions.contains({ origins: [origin] }))) granted.push(h);
  }
  const want = new Map(granted.map((h) => [SCRIPT_PREFIX + h.id, h]));
  const have = (await scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(SCRIPT_PREFIX));
  const stale = have.filter((s) => want.get(s.id)?.pattern !== s.matches?.[0]).map((s) => s.id);
  if (stale.length) await scripting.unregisterContentScripts({ ids: stale });
  const kept = new Set(have.map((s) => s.id).filter((id) => !stale.includes(id)));
  const add = [...want].filter(([id]) => !kept.has(id));
  if (add.length) {
    await scripting.registerContentScripts(add.map(([id, h]) => ({ id, matches: [h.pattern], js: [file], runAt: 'document_start', persistAcrossSessions: true })));
  }
  return granted.map((h) => h.id);
}

/** Background start-up: re-sync (a host may have been revoked from the browser's settings). */
export function startConfiguredHelpdesks(): void {
  const sync = () => void loadHelpdesks().then(syncContentScripts).catch((error: unknown) => console.warn('Rapport: could not register helpdesk scripts', error));
  // Granting comes with a save on the options page, which syncs itself.
  browser.permissions.onRemoved.addListener(sync);
  sync();
}
