/** Follow-ups: promises to a customer with a due time (the background's alarm and badge read these). */
import type { FollowUp, TicketRef } from '../types';
import { FactRepository } from './facts';

export class FollowUpRepository extends FactRepository {
  async addFollowUp(input: { id?: string; customerId: string; ticket?: TicketRef; text: string; dueAt: number; origin?: FollowUp['origin'] }): Promise<FollowUp> {
    const customer = await this.customer(input.customerId);
    const again = await this.retried(this.database.followUps, { ...input, customerId: customer.id });
    if (again) return again;
    const followUp: FollowUp = {
      id: input.id ?? this.clock.uuid(),
      customerId: customer.id,
      ticket: input.ticket ? { ...input.ticket } : undefined,
      text: input.text,
      dueAt: input.dueAt,
      createdAt: this.clock.now(),
      status: 'open',
      origin: input.origin ?? 'manual',
    };
    await this.database.followUps.add({ ...followUp });
    return followUp;
  }

  /** Marks a promise kept, recording when. */
  async completeFollowUp(followUpId: string): Promise<FollowUp> {
    return this.updateRow(this.database.followUps, followUpId, (f) => ({ ...f, status: 'done', doneAt: f.doneAt ?? this.clock.now() }));
  }

  async openFollowUpsOf(customerId: string): Promise<FollowUp[]> {
    const rows = await this.database.followUps.where('[customerId+status]').equals([customerId, 'open']).toArray();
    return rows.sort((a, b) => a.dueAt - b.dueAt);
  }

  /** Open follow-ups due at or before `at`, soonest first. */
  async dueFollowUps(at: number): Promise<FollowUp[]> {
    return this.database.followUps.where('[status+dueAt]').between(['open', -Infinity], ['open', at], true, true).toArray();
  }

  /** The due time of the next open follow-up after `at`, if any. */
  async nextDueAfter(at: number): Promise<number | undefined> {
    const next = await this.database.followUps.where('[status+dueAt]').between(['open', at], ['open', Infinity], false, true).first();
    return next?.dueAt;
  }

  async markNotified(ids: string[]): Promise<void> {
    const now = this.clock.now();
    await this.database.followUps.where('id').anyOf(ids).modify((f) => {
      f.notifiedAt = now;
    });
  }
}
