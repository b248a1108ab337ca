import { describe, expect, it } from 'vitest';
import { BundleError, exportBundle, parseBundle } from '@/lib/exchange';
import { freshDb, seed, T0 } from './seed';

describe('reading a bundle without a trimmed copy of its text', () => {
  it('still accepts a bundle wrapped in whitespace a text editor may add (BOM, no-break space, line separators)', async () => {
    const source = freshDb();
    await seed(source);
    const text = await (await exportBundle(source, { agent: 'Priya', now: T0 })).blob.text();
    for (const wrapped of [`\n\n${text}\n`, `\ufeff${text}`, `\u00a0${text}\u2028`]) {
      expect((await parseBundle(wrapped)).agent).toBe('Priya');
    }
  });

  it('names an empty file and a cut-off file as before', async () => {
    await expect(parseBundle(' \n\ufeff ')).rejects.toThrow(BundleError);
    await expect(parseBundle(' \n ')).rejects.toThrow('The file is empty.');
    await expect(parseBundle('  {"format":"rapport-bundle","data":{  \n')).rejects.toThrow(/ends too early/);
  });
});
