/**
 * How often the repeat-contact cue is right (lib/memory/repeat-contact.ts `repeatClaimIn`), against
 * the hand labels of GUIDELINE §7 (data/judgement/repeat/labels/<split>.txt):
 *   npx vite-node scripts/judgement/repeat-claims.ts [--split dev|test] [--show wrong|missed]
 * Prints precision / recall / F1 with 95% bootstrap intervals, per source group, and how often the
 * count it says ("the third time") is the count the customer gave. `--show` lists dev rows only:
 * the test split is run for its figures, never read for its errors.
 */
import { repeatClaimIn } from '../../lib/memory/repeat-contact';
import { binary, figures, formatReport, type ExchangeCounts } from '../../lib/standards/report';
import { readRepeatLabels } from '../lib/judgement-data';
import { labelledRun } from './cue-sample';

const group = (id: string) => (id.startsWith('rsics') ? 'rsics' : id.startsWith('abcd') ? 'abcd' : 'github');

function main(): void {
  const { split, show, file, labels: text, rows } = labelledRun('repeat');
  const labels = readRepeatLabels(text, file);
  const per: (ExchangeCounts & { group: string })[] = [];
  let counted = 0;
  let countRight = 0;
  let absent = 0;
  for (const label of labels) {
    const row = rows.get(label.id);
    if (row === undefined) {
      absent++; // a fresh row: its text is kept off the repository (data/fresh)
      continue;
    }
    // As the ticket page gives it: whether an agent's reply came before (the thread's last turn).
    const claim = repeatClaimIn(row.text, { afterReply: row.thread.at(-1)?.startsWith('Agent:') ?? false });
    per.push({ group: group(label.id), 'repeat claim': binary(label.repeat, claim !== undefined) });
    if (label.repeat && label.times && claim) {
      counted++;
      if (claim.times === label.times) countRight++;
    }
    const wrong = claim && !label.repeat;
    const missed = !claim && label.repeat;
    if ((show === 'wrong' && wrong) || (show === 'missed' && missed)) {
      console.log(`${label.id} | ${claim ? `said “${claim.words}” in “${claim.phrase}”` : `labelled “${label.words}”`}${label.notes ? ` | ${label.notes}` : ''}`);
    }
  }
  const title = (what: string) => `Repeat claims, ${split} (${what})`;
  const out = [formatReport(title(`${per.length} messages`), figures(per))];
  for (const g of ['github', 'rsics', 'abcd']) {
    const rows = per.filter((r) => r.group === g);
    if (rows.length) out.push(formatReport('', figures(rows)).split('\n').slice(2).join('\n').replace('repeat claim  ', g.padEnd(14)));
  }
  out.push(`count said = count given: ${countRight} of ${counted} claims found with a count labelled`);
  if (absent) out.push(`${absent} labelled rows skipped: their text is not on this machine (data/fresh)`);
  console.log(out.join('\n'));
}

main();
