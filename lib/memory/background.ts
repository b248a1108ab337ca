/** Background duties of customer memory (alarms for due follow-ups, notifications, context menu). */
import type { RapportDB } from '../db/db';

export function startMemoryBackground(_database: RapportDB): void {}
