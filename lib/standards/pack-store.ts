/** The active standards pack, kept in `storage.local` under PREF.standardsPack (default pack when absent or broken). */
import { browser } from 'wxt/browser';
import { PREF } from '../prefs';
import { DEFAULT_PACK, parsePack, type PackParse, type StandardsPack } from './pack';

export async function loadPack(): Promise<StandardsPack> {
  const stored = (await browser.storage.local.get(PREF.standardsPack))[PREF.standardsPack];
  if (stored === undefined) return DEFAULT_PACK;
  const parsed = parsePack(stored);
  return parsed.ok ? parsed.pack : DEFAULT_PACK;
}

/** Validates and stores a pack; a bad pack changes nothing and returns the exact problem. */
export async function savePack(json: unknown): Promise<PackParse> {
  const parsed = parsePack(json);
  if (parsed.ok) await browser.storage.local.set({ [PREF.standardsPack]: parsed.pack });
  return parsed;
}
