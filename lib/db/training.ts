/**
 * Storage of trainer mode (issue #16): the scenarios a trainer wrote or edited and the trainees'
 * attempts. Kept apart from customer memory: scenario customers never enter the `customers` table.
 */
import type { RapportDB } from './db';
import type { Attempt, Scenario, StoredScenario } from '../training/types';
import { BUILT_IN_SCENARIOS, builtInScenario } from '../training/scenarios';
import { plain } from '../training/schema';

export interface LibraryEntry {
  scenario: Scenario;
  /** 'built-in' as shipped, 'edited' a built-in the trainer changed, 'authored' the trainer's own. */
  origin: 'built-in' | 'edited' | 'authored';
}

export class TrainingRepository {
  constructor(private readonly db: RapportDB) {}

  /** Built-ins (in their shipped order, edited ones replaced) then the trainer's own, by title. */
  async library(): Promise<LibraryEntry[]> {
    const stored = new Map((await this.db.trainingScenarios.toArray()).map((s) => [s.id, s]));
    const builtIns = BUILT_IN_SCENARIOS.map((s): LibraryEntry => {
      const edited = stored.get(s.id);
      return edited ? { scenario: plain(edited), origin: 'edited' } : { scenario: s, origin: 'built-in' };
    });
    const own = [...stored.values()]
      .filter((s) => !builtInScenario(s.id))
      .sort((a, b) => a.title.localeCompare(b.title))
      .map((s): LibraryEntry => ({ scenario: plain(s), origin: 'authored' }));
    return [...builtIns, ...own];
  }

  async saveScenario(scenario: Scenario, now: number): Promise<void> {
    const source = builtInScenario(scenario.id) ? 'edited-built-in' : 'authored';
    await this.db.trainingScenarios.put({ ...plain(scenario), source, updatedAt: now });
  }

  /** Removes a trainer's scenario; for an edited built-in this restores the shipped version. */
  async deleteScenario(id: string): Promise<void> {
    await this.db.trainingScenarios.delete(id);
  }

  /** Every built-in back as shipped; the trainer's own scenarios stay. */
  async resetBuiltIns(): Promise<number> {
    const ids = BUILT_IN_SCENARIOS.map((s) => s.id);
    const edited = (await this.db.trainingScenarios.bulkGet(ids)).filter(Boolean).length;
    await this.db.trainingScenarios.bulkDelete(ids);
    return edited;
  }

  /** Stores every scenario of an already validated pack in one transaction (all or nothing). */
  async importScenarios(scenarios: readonly Scenario[], now: number): Promise<number> {
    const rows: StoredScenario[] = scenarios.map((s) => ({ ...plain(s), source: builtInScenario(s.id) ? 'edited-built-in' : 'authored', updatedAt: now }));
    await this.db.transaction('rw', this.db.trainingScenarios, () => this.db.trainingScenarios.bulkPut(rows));
    return rows.length;
  }

  async addAttempt(attempt: Attempt): Promise<void> {
    await this.db.trainingAttempts.add({ ...attempt, states: { ...attempt.states } });
  }

  /** One trainee's attempts, oldest first. */
  attemptsOf(trainee: string): Promise<Attempt[]> {
    return this.db.trainingAttempts.where('[trainee+at]').between([trainee, -Infinity], [trainee, Infinity]).toArray();
  }

  /** Every attempt, oldest first. */
  allAttempts(): Promise<Attempt[]> {
    return this.db.trainingAttempts.orderBy('at').toArray();
  }

  /** Trainees with at least one attempt, by name. */
  async trainees(): Promise<string[]> {
    const keys = (await this.db.trainingAttempts.orderBy('[trainee+at]').keys()) as unknown as [string, number][];
    return [...new Set(keys.map((k) => k[0]))].sort((a, b) => a.localeCompare(b));
  }

  /** Deletes one trainee's practice data; returns how many attempts went. */
  clearTrainee(trainee: string): Promise<number> {
    return this.db.trainingAttempts.where('[trainee+at]').between([trainee, -Infinity], [trainee, Infinity]).delete();
  }
}
