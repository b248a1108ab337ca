/**
 * How well Rapport finds the customer's own words in a real mail (lib/standards/mail-text.ts
 * `theirWords`), measured on mail nobody here wrote or labelled (docs/mail-text.md):
 *   npx vite-node scripts/judgement/mail-zones.ts DIR [--split dev|test] [--show lost|quoted|signature]
 *   npx vite-node scripts/judgement/mail-zones.ts --fixtures DIR    (each mail in DIR: where the reading stops)
 * DIR is the `Datasets` folder of the Quagga corpus (Repke & Krestel, ECIR 2018;
 * github.com/HPI-Information-Systems/Quagga, GPL-3.0, not copied into this repository): real Enron
 * business mail and Apache mailing-list mail, each annotated by hand with its zones (the writer's
 * body, greeting, closing, signature and disclaimer, and the header of each earlier mail quoted
 * under it). `dev` is its train folders (rules were written reading them); `test` is its test and
 * eval folders, run for the figures only.
 * Per mail with words of its own before the first quoted header:
 * - quoted mail kept: the cut lies past the first header (the earlier mail read as theirs);
 * - own words lost: the cut lies before the last word ahead of their closing or signature (or of the
 *   quoted mail, where they have neither);
 * - signature kept: a signature or disclaimer zone before the first header is in what is kept.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { theirWords } from '../../lib/standards/mail-text';

interface Zone {
  type: string;
  start: number;
  end: number;
}
interface Mail {
  file: string;
  text: string;
  zones: Zone[];
}
type Problem = 'lost' | 'quoted' | 'signature';

const args = process.argv.slice(2);
// The test mails of github/email_reply_parser (MIT; test/emails/), read by eye: the end of what is
// kept and the start of what is left out, per mail.
if (args[0] === '--fixtures') {
  const fixtures = args[1]!;
  for (const f of readdirSync(fixtures).sort()) {
    const text = readFileSync(join(fixtures, f), 'utf8');
    const own = theirWords(text);
    console.log(`## ${f}: ${own.length} of ${text.length} characters kept\n…${JSON.stringify(own.slice(-100))} ⟪CUT⟫ ${JSON.stringify(text.slice(own.length, own.length + 100))}`);
  }
  process.exit(0);
}
const dir = args[0];
if (!dir || dir.startsWith('--')) throw new Error('usage: mail-zones.ts DIR [--split dev|test] [--show lost|quoted|signature]');
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const split = option('--split') ?? 'dev';
if (split !== 'dev' && split !== 'test') throw new Error('--split is dev or test');
const show = option('--show') as Problem | undefined;
if (show && split === 'test') throw new Error('the test mails are not read while developing');

const FOLDERS: Record<string, Record<'dev' | 'test', string[]>> = {
  enron: { dev: ['Enron/annotated_all/train'], test: ['Enron/annotated_all/test', 'Enron/annotated_all/eval'] },
  asf: { dev: ['ASF/train'], test: ['ASF/test', 'ASF/eval'] },
};

function readMails(folder: string): Mail[] {
  const path = join(dir!, folder);
  return readdirSync(path)
    .filter((f) => f.endsWith('.ann'))
    .sort()
    .map((f) => {
      const ann = JSON.parse(readFileSync(join(path, f), 'utf8')) as { text: string; denotations: Zone[] };
      return { file: `${folder}/${f}`, text: ann.text, zones: ann.denotations };
    });
}

/** What the annotators say of a mail's own part: where the earlier mail begins, the body's last word, the signature. */
function truth(mail: Mail) {
  const headerAt = Math.min(mail.text.length, ...mail.zones.filter((z) => z.type === 'Header').map((z) => z.start));
  const own = mail.zones.filter((z) => z.start < headerAt);
  // The body's words up to their closing or signature: what annotators left as body after those
  // (a list archive's footer, a name after "--") is not held against a cut.
  const closing = Math.min(headerAt, ...own.filter((z) => /^Body\/(?:Outro|Signature)$/.test(z.type)).map((z) => z.start));
  const bodyEnd = mail.text.slice(0, closing).trimEnd().length;
  const signature = own.filter((z) => z.type === 'Body/Signature').map((z) => ({ start: z.start + (mail.text.slice(z.start, z.end).length - mail.text.slice(z.start, z.end).trimStart().length), end: z.end }));
  return { headerAt, bodyEnd, signature };
}

function problemsOf(mail: Mail): Problem[] | undefined {
  const { headerAt, bodyEnd, signature } = truth(mail);
  if (!/\S/.test(mail.text.slice(0, headerAt)) || bodyEnd === 0) return undefined;
  const cut = theirWords(mail.text).length;
  const out: Problem[] = [];
  if (cut < bodyEnd) out.push('lost');
  if (headerAt < mail.text.length && cut > headerAt && /\S/.test(mail.text.slice(headerAt, cut))) out.push('quoted');
  if (signature.some((s) => s.start < cut && /\S/.test(mail.text.slice(s.start, Math.min(cut, s.end))))) out.push('signature');
  return out;
}

/**
 * What a cut left out of the annotated body, told by its first line (the test split's losses are
 * counted this way, never read): the annotators marked a list archive's footer after "--", or a
 * signature they did not mark as one, as body.
 */
function lostKind(mail: Mail): string {
  const lost = mail.text.slice(theirWords(mail.text).length, truth(mail).bodyEnd).trim();
  if (/^--\s*\n/.test(lost)) return 'after a "--" line';
  if (/\b(?:confidential|privileged|intended (?:solely|only|to be|recipient)|addressee|disclaimer)/i.test(lost.slice(0, 300))) return 'a legal footer';
  if (/^(?:Sent from my|Get Outlook for)\b/i.test(lost)) return 'the mail app\'s line';
  return 'other';
}

const pct = (n: number, of: number) => `${n} of ${of} (${of ? ((100 * n) / of).toFixed(1) : '0'}%)`;
for (const [corpus, folders] of Object.entries(FOLDERS)) {
  const mails = folders[split].flatMap(readMails);
  const read = mails.map((m) => ({ m, p: problemsOf(m) })).filter((x): x is { m: Mail; p: Problem[] } => x.p !== undefined);
  const quotedMails = read.filter((x) => truth(x.m).headerAt < x.m.text.length).length;
  const signed = read.filter((x) => truth(x.m).signature.length > 0).length;
  const count = (p: Problem) => read.filter((x) => x.p.includes(p)).length;
  console.log(`${corpus} (${split}): ${mails.length} mails, ${read.length} with words of their own`);
  console.log(`  all own words kept       ${pct(read.length - count('lost'), read.length)}`);
  const kinds = new Map<string, number>();
  for (const x of read.filter((r) => r.p.includes('lost'))) kinds.set(lostKind(x.m), (kinds.get(lostKind(x.m)) ?? 0) + 1);
  if (kinds.size) console.log(`    what the cut left out: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`  quoted mail left out     ${pct(quotedMails - count('quoted'), quotedMails)}`);
  console.log(`  signature left out       ${pct(signed - count('signature'), signed)}`);
  if (show)
    for (const x of read.filter((r) => r.p.includes(show))) {
      const cut = theirWords(x.m.text).length;
      console.log(`\n## ${x.m.file} ${x.p.join(',')} cut=${cut} ${JSON.stringify(truth(x.m))}\n${x.m.text.slice(0, cut)}⟪CUT⟫${x.m.text.slice(cut, cut + 400)}`);
    }
}
