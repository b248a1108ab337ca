import { useMemo } from 'preact/hooks';
import type { AllData } from '@/lib/dashboard/live';
import type { Customer } from '@/lib/db/types';
import { cuesFor, type CueInput } from '@/lib/memory/cues';
import { helpdeskLabel } from '../format';
import { usePresentation } from '../presentation';
import { day, displayName, showEmail } from './identity';
import { FollowUpsCard, HistoryCard, NotesCard, ProfileCard } from './customer/cards';

/** The records of the customer whose ids are `ids` (theirs and those merged into them), in the order the page lists them. */
function recordsOf(data: AllData, ids: Set<string>) {
  const visits = data.visits.filter((v) => ids.has(v.customerId)).sort((a, b) => b.lastSeen - a.lastSeen);
  const notes = data.notes.filter((n) => ids.has(n.customerId)).sort((a, b) => Number(b.pinned ?? false) - Number(a.pinned ?? false) || b.updatedAt - a.updatedAt);
  const followUps = data.followUps.filter((f) => ids.has(f.customerId)).sort((a, b) => a.dueAt - b.dueAt);
  const facts = data.facts.filter((f) => ids.has(f.customerId));
  return { visits, notes, followUps, facts };
}

function cuesOf(input: CueInput): { id: string; reason: string }[] {
  try {
    // No ticket is open here: the customer's tickets are counted as they are (issue #12: with one
    // ticket stored, "currentTicket: ''" counted a second, "2nd ticket today").
    return cuesFor(input);
  } catch {
    return [];
  }
}

function profileOf(customer: Customer): [string, string | undefined][] {
  return [
    ['Preferred name', customer.preferredName],
    ['Pronouns', customer.pronouns],
    ['Pronunciation', customer.pronunciation],
    ['Organisation', customer.organization],
    ['Tier', customer.tier],
    ['Language', customer.language],
    ['Time zone', customer.timeZone],
    ['Helpdesk', `${helpdeskLabel(customer.helpdesk)} · ${customer.account}`],
    ['Customer since', day(customer.firstSeen)],
  ];
}

export function CustomerPage({ id, data, now, onBack }: { id: string; data: AllData; now: number; onBack: () => void }) {
  const masked = usePresentation();
  const customer = data.customers.find((c) => c.id === id);
  const ids = useMemo(() => new Set([id, ...data.customers.filter((c) => c.mergedInto === id).map((c) => c.id)]), [data, id]);
  const { visits, notes, followUps, facts } = recordsOf(data, ids);
  if (!customer) {
    return (
      <section class="rd-view">
        <button type="button" class="rd-link" onClick={onBack}>← All customers</button>
        <p class="rd-empty">This customer is no longer stored (erased or merged).</p>
      </section>
    );
  }
  const cues = cuesOf({ customer, visits, facts, followUps, notes, now });
  return (
    <section class="rd-view" aria-labelledby="customer-title" data-testid="customer-page">
      <button type="button" class="rd-link" onClick={onBack}>← All customers</button>
      <header class="rd-view-head">
        <h1 id="customer-title">
          {displayName(customer, masked)} {customer.vip && <span class="rd-badge">VIP</span>}
        </h1>
        <p class="rd-muted">{customer.emails.map((e) => showEmail(e, masked)).join(' · ') || 'No email known'}</p>
      </header>
      <div class="rd-grid">
        <ProfileCard profile={profileOf(customer)} cues={cues} facts={facts} />
        <HistoryCard visits={visits} now={now} />
        <NotesCard notes={notes} />
        <FollowUpsCard followUps={followUps} now={now} />
      </div>
    </section>
  );
}
