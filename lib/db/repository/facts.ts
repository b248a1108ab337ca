/** Facts about a customer worth raising next time ("mention next"). */
import type { Fact, TicketRef } from '../types';
import { NoteRepository } from './notes';

export class FactRepository extends NoteRepository {
  async addFact(input: { id?: string; customerId: string; text: string; source?: TicketRef; mentionNext?: boolean }): Promise<Fact> {
    const customer = await this.customer(input.customerId);
    const again = await this.retried(this.database.facts, { ...input, customerId: customer.id });
    if (again) return again;
    const fact: Fact = {
      id: input.id ?? this.clock.uuid(),
      customerId: customer.id,
      text: input.text,
      source: input.source ? { ...input.source } : undefined,
      createdAt: this.clock.now(),
      mentionNext: input.mentionNext ?? false,
    };
    await this.database.facts.add({ ...fact });
    return fact;
  }

  async factsOf(customerId: string): Promise<Fact[]> {
    return this.database.facts
      .where('[customerId+createdAt]')
      .between([customerId, -Infinity], [customerId, Infinity])
      .reverse()
      .toArray();
  }

  /** Flags a fact to raise next time (or clears the flag). */
  async setMentionNext(factId: string, mentionNext: boolean): Promise<Fact> {
    return this.updateRow(this.database.facts, factId, (f) => ({ ...f, mentionNext, mentionedAt: mentionNext ? undefined : f.mentionedAt }));
  }

  /** The agent raised it: the cue stops, the fact stays. */
  async markMentioned(factId: string): Promise<Fact> {
    return this.updateRow(this.database.facts, factId, (f) => ({ ...f, mentionNext: false, mentionedAt: this.clock.now() }));
  }
}
