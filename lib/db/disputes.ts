/**
 * "Not right": an agent's disagreement with a checklist verdict or a cue (issue #12), kept locally
 * in the `disputes` table (schema v7) so a team lead can see which rules their team disputes and
 * export those cases to calibrate the standards. The draft and the customer's message are stored
 * only when the agent ticks "include the text"; otherwise only the rule, the verdict, its one-line
 * reason and the evidence words (the span that decided it) are kept.
 */
import type { RapportDB } from './db';
import type { Clock, Dispute, DisputeEvidence, DisputeInput, DisputeKind } from './types';

export type { Dispute, DisputeEvidence, DisputeInput, DisputeKind };

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
