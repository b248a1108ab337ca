/**
 * Trainer mode (issue #16): scenarios a trainer teaches with and the attempts trainees make.
 * Times inside a scenario are relative ("40 minutes ago", "due 2 hours ago") so a scenario reads the
 * same in every class; `lib/training/ticket.ts` turns them into a ticket view at the moment of use.
 */

/** The ideas from the service principles a scenario teaches (docs: service principles). */
export const PRINCIPLES = {
  caring: 'Caring',
  'prompt-attention': 'Prompt attention and timing',
  recognition: 'Personal recognition',
  empathy: 'Empathy',
  knowledge: 'Knowledge',
  respect: 'Respect',
  sincerity: 'Sincerity',
  listening: 'Listening',
  'follow-through': 'Follow-through',
  anticipation: 'Anticipating a need',
  flexibility: 'Flexibility in an emergency',
  consistency: 'Consistency of answers',
  recovery: 'Recovering a customer after a failure',
  'emotional-engagement': 'Emotional engagement',
} as const;
export type PrincipleId = keyof typeof PRINCIPLES;
export const PRINCIPLE_IDS = Object.keys(PRINCIPLES) as PrincipleId[];

export interface ScenarioMessage {
  from: 'customer' | 'agent';
  text: string;
  /** Minutes before the scenario's "now". */
  minutesAgo: number;
  /** For agent messages: who wrote it ("Marco (night shift)"). */
  author?: string;
}

export interface ScenarioCustomer {
  name: string;
  email: string;
  preferredName?: string;
  pronunciation?: string;
  /** IANA zone: drives "it's 23:40 for them". */
  timeZone?: string;
  organization?: string;
  tier?: string;
  vip?: boolean;
  /** How long they have been a customer. */
  customerForDays: number;
  /** Birthdays, renewals, launches, relative to the scenario's day. */
  importantDates?: { label: string; inDays: number }[];
}

/** A ticket they had before this one. */
export interface PastTicket {
  ticketId: string;
  subject: string;
  daysAgo: number;
  solved: boolean;
  /** Their mood then, -5..5 (negative: upset). */
  mood?: number;
  tags?: string[];
}

export interface SharedFact {
  text: string;
  daysAgo: number;
  mentionNext: boolean;
}

export interface ScenarioPromise {
  text: string;
  /** Minutes from the scenario's "now"; negative: overdue. */
  dueInMinutes: number;
}

export interface Scenario {
  /** Lower-case words and dashes; built-ins keep theirs so a reset finds them. */
  id: string;
  title: string;
  principle: PrincipleId;
  /** Why the principle matters, in a short plain paragraph. */
  why: string;
  /** What a strong reply does, one point per line. */
  strongReply: string[];
  modelAnswer: string;
  subject: string;
  channel: 'email' | 'chat';
  customer: ScenarioCustomer;
  /** The conversation so far, oldest first; the last customer messages are the ones to answer. */
  thread: ScenarioMessage[];
  history: PastTicket[];
  facts: SharedFact[];
  promises: ScenarioPromise[];
  /** The customer's wall-clock time when the scenario happens ("23:40"), when it matters. */
  localClock?: string;
}

/** A stored scenario: authored by a trainer, or a built-in they edited (same id). */
export interface StoredScenario extends Scenario {
  source: 'authored' | 'edited-built-in';
  updatedAt: number;
}

/** One trainee's attempt at one scenario, scored with the active standards pack. */
export interface Attempt {
  id: string;
  trainee: string;
  scenarioId: string;
  /** The scenario's title then (it may be edited or deleted later). */
  scenarioTitle: string;
  at: number;
  draft: string;
  /** 0..100: the checklist's readiness. */
  score: number;
  /** Rule id → state. */
  states: Record<string, 'pass' | 'fail' | 'na'>;
  packId: string;
  packVersion: number;
}
