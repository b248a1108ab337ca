/**
 * "Not right": an agent's disagreement with a checklist verdict or a cue (issue #12), kept locally
 * in the `disputes` table (schema v7) so a team lead can see which rules their team disputes and
 * export those cases to calibrate the standards. The draft and the customer's message are stored
 * only when the agent ticks "include the text"; otherwise only the rule, the verdict, its one-line
 * reason and the evidence words (the span that decided it) are kept.
 */
import type { RapportDB } from './db';
import type { Clock } from './repository';
import type { Millis, TicketRef } from './types';

export type DisputeKind = 'rule' | 'cue';

export interface DisputeEvidence {
  start: number;
  end: number;
  text: string;
}

export interface Dispute {
  id: string;
  kind: DisputeKind;
  /** Checklist rule id (`next-step`) or cue id (`first-contact`). */
  rule: string;
  /** What Rapport said: 'pass' | 'fail' | 'na' for a rule, 'shown' for a cue. */
  verdict: string;
  /** The line shown beside it ("No next step for the customer"), as shown. */
  why: string;
  /** The span(s) that decided it, as offsets into the draft with their words. */
  evidence: DisputeEvidence[];
  at: Millis;
  customerId?: string;
  ticket?: TicketRef;
  /** Standards pack the verdict came from (rules only). */
  packId?: string;
  packVersion?: number;
  /** Only with "include the text": the draft and the customer's latest messages. */
  draft?: string;
  customerMessages?: string[];
}

export type DisputeInput = Omit<Dispute, 'id' | 'at'>;

export class DisputeRepository {
  constructor(
    private readonly database: RapportDB,
    private readonly clock: Clock,
  ) {}

  /** Records one "not right"; a fresh object is written. */
  async record(input: DisputeInput): Promise<Dispute> {
    const dispute: Dispute = { ...input, evidence: input.evidence.map((e) => ({ ...e })), id: this.clock.uuid(), at: this.clock.now() };
    if (!dispute.draft) delete dispute.draft;
    if (!dispute.customerMessages?.length) delete dispute.customerMessages;
    await this.database.disputes.add({ ...dispute });
    return dispute;
  }

  /** Every dispute, newest first. */
  async all(): Promise<Dispute[]> {
    return this.database.disputes.orderBy('at').reverse().toArray();
  }

  async forRule(rule: string): Promise<Dispute[]> {
    return this.database.disputes.where('rule').equals(rule).reverse().sortBy('at');
  }
}
