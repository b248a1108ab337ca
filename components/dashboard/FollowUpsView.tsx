import { useMemo, useState } from 'preact/hooks';
import { request } from '@/lib/client';
import type { Customer, FollowUp } from '@/lib/db/types';
import { useFirstPage, useTablesAfterFirstPage } from '@/lib/dashboard/live';
import { followUpsIn, type FollowUpBucket } from '@/lib/dashboard/queries';
import { useTicketUrl } from './ticket-links';
import { usePresentation } from '../presentation';
import { dayTime, displayName, fromWho, showText } from './identity';
import { VirtualList } from './VirtualList';

/**
 * Marks a follow-up done the way the sidebar does: through the background, which also re-counts the
 * toolbar badge and re-arms the due alarm (a direct table write left the badge stale).
 */
export async function markDone(id: string): Promise<string | undefined> {
  const answer = await request({ type: 'memory.followup.done', followUpId: id });
  return answer.ok ? undefined : `Couldn't mark it done: ${answer.error}`;
}

export function FollowUpItem({ f, now, customer }: { f: FollowUp; now: number; customer?: Customer }) {
  const ticketUrl = useTicketUrl();
  const masked = usePresentation();
  const url = f.ticket && ticketUrl(f.ticket);
  const overdue = f.status === 'open' && f.dueAt < now;
  const text = showText(f.text, masked);
  const [problem, setProblem] = useState<string>();
  return (
    <div class="rd-followup" data-testid="follow-up">
      <div class="rd-grow">
        <p class="rd-clamp" title={text}>
          {customer && <span class="rd-strong">{displayName(customer, masked)}: </span>}
          {text}
        </p>
        <p class="rd-small rd-muted">
          {f.status === 'done' ? `Done ${f.doneAt ? dayTime(f.doneAt) : ''}` : <span class={overdue ? 'rd-danger' : ''}>{overdue ? 'Overdue since' : 'Due'} {dayTime(f.dueAt)}</span>}
          {' · '}
          {fromWho(f.author)}
        </p>
        {problem && <p class="rd-small rd-danger" role="alert">{problem}</p>}
      </div>
      {url && (
        <a class="rd-button rd-button-quiet" href={url} target="_blank" rel="noopener noreferrer">
          Open ticket #{f.ticket!.ticketId}
        </a>
      )}
      {f.status === 'open' && (
        <button type="button" class="rd-button" onClick={() => void markDone(f.id).then(setProblem)}>
          Mark done
        </button>
      )}
    </div>
  );
}

export function FollowUpsView({ now }: { now: number }) {
  const first = useFirstPage('follow-ups');
  const all = useTablesAfterFirstPage(['followUps', 'customers'], first, first.followUps.length);
  const partial = !all.loaded;
  const data = partial ? first : all;
  const [picked, setBucket] = useState<FollowUpBucket | undefined>();
  const customers = useMemo(() => new Map(data.customers.map((c) => [c.id, c])), [data.customers]);
  const counts = {
    overdue: followUpsIn(data.followUps, 'overdue', now).length,
    due: followUpsIn(data.followUps, 'due', now).length,
    done: followUpsIn(data.followUps, 'done', now).length,
  };
  // Opens on the first tab that has items (overdue, then due, then done) until the lead picks one.
  const bucket = picked ?? (['overdue', 'due', 'done'] as const).find((b) => counts[b] > 0) ?? 'overdue';
  const list = useMemo(() => followUpsIn(data.followUps, bucket, now), [data.followUps, bucket, now]);
  const labels: Record<FollowUpBucket, string> = { overdue: 'Overdue', due: 'Due', done: 'Done' };
  return (
    <section class="rd-view" aria-labelledby="followups-title">
      <header class="rd-view-head">
        <h1 id="followups-title">Follow-ups</h1>
        <p class="rd-muted">Promises made to customers, and whether they were kept.</p>
      </header>
      <div class="rd-tabs" role="tablist">
        {(['overdue', 'due', 'done'] as const).map((b) => (
          <button key={b} type="button" role="tab" aria-selected={bucket === b} class="rd-tab" onClick={() => setBucket(b)}>
            {labels[b]} <span class="rd-count">{partial ? '…' : counts[b]}</span>
          </button>
        ))}
      </div>
      {list.length === 0 ? (
        <p class="rd-empty">{bucket === 'overdue' ? 'Nothing overdue. Every promise is on time.' : bucket === 'due' ? 'No open promises.' : 'No promise marked done yet.'}</p>
      ) : (
        <VirtualList items={list} rowHeight={76} label={labels[bucket]} view="follow-ups" keyOf={(f) => f.id} render={(f) => <FollowUpItem f={f} now={now} customer={customers.get(f.customerId)} />} />
      )}
    </section>
  );
}
