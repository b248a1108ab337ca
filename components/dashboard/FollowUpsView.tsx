import { useMemo, useState } from 'preact/hooks';
import { db } from '@/lib/db/db';
import type { Customer, FollowUp } from '@/lib/db/types';
import { useFirstPage, useTablesAfterFirstPage } from '@/lib/dashboard/live';
import { followUpsIn, ticketUrl, type FollowUpBucket } from '@/lib/dashboard/queries';
import { usePresentation } from '../presentation';
import { dayTime, displayName, fromWho, showText } from './identity';
import { VirtualList } from './VirtualList';

export async function markDone(id: string): Promise<void> {
  await db().followUps.update(id, { status: 'done', doneAt: Date.now() });
}

export function FollowUpItem({ f, now, customer }: { f: FollowUp; now: number; customer?: Customer }) {
  const masked = usePresentation();
  const url = f.ticket && ticketUrl(f.ticket);
  const overdue = f.status === 'open' && f.dueAt < now;
  return (
    <div class="rd-followup" data-testid="follow-up">
      <div class="rd-grow">
        <p class="rd-ellipsis">
          {customer && <span class="rd-strong">{displayName(customer, masked)}: </span>}
          {showText(f.text, masked)}
        </p>
        <p class="rd-small rd-muted">
          {f.status === 'done' ? `Done ${f.doneAt ? dayTime(f.doneAt) : ''}` : <span class={overdue ? 'rd-danger' : ''}>{overdue ? 'Overdue since' : 'Due'} {dayTime(f.dueAt)}</span>}
          {' · '}
          {fromWho(f.author)}
        </p>
      </div>
      {url && (
        <a class="rd-button rd-button-quiet" href={url} target="_blank" rel="noopener noreferrer">
          Open ticket #{f.ticket!.ticketId}
        </a>
      )}
      {f.status === 'open' && (
        <button type="button" class="rd-button" onClick={() => void markDone(f.id)}>
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
  const [bucket, setBucket] = useState<FollowUpBucket>('overdue');
  const customers = useMemo(() => new Map(data.customers.map((c) => [c.id, c])), [data.customers]);
  const counts = {
    overdue: followUpsIn(data.followUps, 'overdue', now).length,
    due: followUpsIn(data.followUps, 'due', now).length,
    done: followUpsIn(data.followUps, 'done', now).length,
  };
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
        <VirtualList items={list} rowHeight={64} label={labels[bucket]} view="follow-ups" keyOf={(f) => f.id} render={(f) => <FollowUpItem f={f} now={now} customer={customers.get(f.customerId)} />} />
      )}
    </section>
  );
}
