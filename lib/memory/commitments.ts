/**
 * The promise tracker's reader (issue #3): finds commitments with a time in a sent reply — "I'll get
 * back to you by Friday", "within 24 hours", "tomorrow morning" — and turns each into a suggested
 * follow-up due in the AGENT's time zone.
 *
 * Background / extension pages only: chrono-node is large and must never reach the content script.
 */
import { zonedParts, zonedTime, zoneOffset } from '../../components/intl';
import * as chrono from 'chrono-node';
import type { FollowUpSuggestion } from './messages';
import { agentWords, blankQuotedLines } from '../standards/mail-text';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UNIT: Record<string, number> = { minute: 60_000, min: 60_000, hour: HOUR, day: DAY, week: 7 * DAY };

/**
 * The agent or the company committing (GUIDELINE §8): "I'll", "we're going to", "let me", or an
 * outcome they stand behind for this customer: "you should get it", "it will be fixed", "the refund
 * might take 5–10 business days", "ETA is an hour".
 */
const PROMISE = new RegExp(
  [
    "\\b(?:i|we)\\s*(?:'ll|’ll| will| shall|'m going to|’m going to| am going to|'re going to|’re going to| are going to| aim to| plan to| expect to| promise to| should have| hope to)\\b", // "I'll", "we're going to"
    "\\b(?:i|we) should (?:be able to|have)\\b|\\bplanning to\\b|\\blet me (?!know\\b)\\w+", // "we should be able to", "let me look"
    "\\byou(?:'ll|’ll| will| should| would)(?: \\w+)? (?:hear|get|have|receive|see|be able)\\b", // "you should see it"
    '\\b(?:expect|look out for) (?:an? |our |my )?(?:update|reply|answer|email|call|response)\\b|\\bplease expect\\b', // "expect an update"
    '\\bget back to you\\b|\\bfollow(?:ing)? up\\b',
    // An outcome for this customer: "it will be fixed", "your refund should reach", "an automated call will reach you".
    "\\b(?:it|this|that|they|the \\w+(?: \\w+)?|\\w+ order|your \\w+)\\s*(?:'ll|’ll| will| should| is going to| are going to)(?: \\w+)? (?:be|go|get|reach|arrive|appear|send|ship|proceed|work|respond|reply|call|come)\\b",
    '\\ban? \\w+(?: \\w+)?\\s+(?:will|should)\\s+(?:\\w+\\s+)?(?:be|call|send|arrive|reach)\\b',
    '\\b(?:should|will)\\s+be\\s+(?:fixed|available|back|live|out|released|sent|shipped|processed|credited|refunded|done|resolved|ready|sorted|restored|deployed|published|approved|activated|delivered|updated)\\b',
    '^\\s*(?:will|should\\s+be)\\b', // "Will handle it on Saturday", "Should be available in 1-2 days"
    '\\b(?:might|may|will|should) take\\b|\\beta\\b', // "it might take 5–10 business days", "ETA"
  ].join('|'),
  'i',
);

/** "I can't promise…", "we won't…": not a commitment. */
const NEGATED = /\b(?:can(?:no|'|’)t|cannot|won(?:'|’)t|will not|unable to|not able to|no way to|don(?:'|’)t think we(?:'|’)ll)\b/i;

/** A request to the customer ("please reply by Friday"), or a condition ("if you reply by Monday…"), is not our promise. */
const ASKS_CUSTOMER = /^\s*(?:please(?! expect)|kindly|could you|can you|would you|if|when|whenever|once|unless|in case|let me know)\b|\byou(?:'ll|’ll| will| would)? (?:need|have|must) to\b|\byou should (?!(?:\w+ )?(?:get|receive|see|hear|have|be able)\b)/i;

/** A usual time told as policy ("we usually answer within two days", "it can take up to 24 hours"). */
const POLICY = /\b(?:usually|typically|normally|in most cases|can take|up to)\b/i;

/** Where a sentence's clause ends: a contrast, a condition or a consequence starts another (the word stays with it). */
const CLAUSE_BREAK = /(?=\b(?:but|however|although|though|unless|except|whereas|if)\b|[,;]\s*so\b)/i;

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10 };


/** `days` calendar days after `now`'s date in the zone, at hh:mm. */
function dayAt(timeZone: string, now: number, days: number, hour: number, minute = 0): number {
  const p = zonedParts(timeZone, now);
  const date = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return zonedTime(timeZone, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, minute);
}

function addBusinessDays(timeZone: string, now: number, n: number): number {
  const p = zonedParts(timeZone, now);
  let days = 0;
  let weekday = p.weekday;
  for (let left = n; left > 0; ) {
    days++;
    weekday = (weekday + 1) % 7;
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return dayAt(timeZone, now, days, 17);
}

/** A promise's time words and when the follow-up falls due. */
type Due = { phrase: string; dueAt: number };

type Fixed = { re: RegExp; due(now: number, tz: string, m: RegExpExecArray): number };

/** Phrases chrono does not read, or reads in a way that makes a poor due time. */
const FIXED: Fixed[] = [
  {
    re: /\b(?:by |before )?(?:the )?(?:end of (?:the |my |our )?(?:business )?day|eod|cob|close of business|end of business)\b/i,
    due: (now, tz) => {
      const at = dayAt(tz, now, 0, 17);
      return at > now ? at : now + HOUR;
    },
  },
  {
    re: /\b(?:by |before )?(?:the )?end of (?:the |this )?week\b/i,
    due: (now, tz) => dayAt(tz, now, (5 - zonedParts(tz, now).weekday + 7) % 7, 17),
  },
  {
    // "in the next 1-2 days", "within 10 - 15 minutes": the later end, so the reminder comes when they were promised it at the latest.
    re: /\b(?:in|within)\s+(?:the\s+next\s+|another\s+|about\s+|around\s+)?(\d+)\s*(?:-|–|to)\s*(\d+)\s*(minutes?|mins?|hours?|days?|weeks?)\b/i,
    due: (now, _tz, m) => now + Number(m[2]) * UNIT[m[3]!.toLowerCase().replace(/s$/, '')]!,
  },
  {
    re: /\b(?:in|within) (\d+|one|two|three|four|five|a) (?:business|working) days?\b/i,
    due: (now, tz, m) => addBusinessDays(tz, now, Number(m[1]) || NUMBER_WORDS[m[1]!.toLowerCase()] || 1),
  },
  {
    re: /\b(?:early )?next week\b/i,
    due: (now, tz) => {
      const weekday = zonedParts(tz, now).weekday;
      return dayAt(tz, now, ((8 - weekday) % 7) || 7, 10);
    },
  },
  {
    re: /\b(?:later )?today\b|\bthis afternoon\b/i,
    due: (now, tz) => {
      const at = dayAt(tz, now, 0, 17);
      return at > now + HOUR ? at : now + 2 * HOUR;
    },
  },
];

/** Words a time is made of: chrono also reads "the mon(ey)" as a Monday. */
const TIME_WORD = /\d|\b(?:today|tonight|tomorrow|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|week|month|year|hours?|minutes?|mins?|days?|noon|midnight|morning|afternoon|evening|night|eod|cob|business|close|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|end)\b/i;
/** Not when something is due: a limit ("until the end of March"), a repeat ("every night"), the past ("since Monday"). */
const NOT_DUE = /\b(?:until|till|through|since|every|each|per|ago|for the past)\s+(?:the\s+)?$/i;
/** A bare length ("changed to 1 year", "30 days") is a duration, not a due time; "in 30 days" is one. */
const BARE_LENGTH = /^(?:\d+|a|an|one|two|three|four|five|six|seven|ten)\s*(?:-\s*\d+\s*)?(?:years?|months?|weeks?|days?|hours?|h|minutes?|mins?)$/i;

/** Whether the time words at `at` name when something is due. */
function isDue(text: string, at: number, phrase: string): boolean {
  const before = text.slice(Math.max(0, at - 16), at);
  if (!TIME_WORD.test(phrase) || NOT_DUE.test(before)) return false;
  return !BARE_LENGTH.test(phrase.trim()) || /\b(?:in|within|after|next|for|another|than|about|around|approximately|roughly)\s+$/i.test(before);
}

/** Default hour for a day without a time: mornings at 9, evenings at 19, otherwise end of day. */
function defaultHour(phrase: string): number {
  if (/morning/i.test(phrase)) return 9;
  if (/afternoon/i.test(phrase)) return 15;
  if (/tonight|evening/i.test(phrase)) return 19;
  if (/noon|lunch/i.test(phrase)) return 12;
  return 17;
}

function dueFromChrono(sentence: string, now: number, timeZone: string): Due | undefined {
  const ref = { instant: new Date(now), timezone: zoneOffset(timeZone, now) };
  for (const result of chrono.parse(sentence, ref, { forwardDate: true })) {
    if (!isDue(sentence, result.index, result.text)) continue;
    const start = result.start;
    let dueAt: number;
    if (start.isCertain('hour') || /\b(?:in|within)\b/i.test(result.text)) {
      dueAt = start.date().getTime();
    } else {
      const hour = defaultHour(result.text + sentence.slice(result.index + result.text.length, result.index + result.text.length + 12));
      dueAt = zonedTime(timeZone, start.get('year') ?? 0, start.get('month') ?? 1, start.get('day') ?? 1, hour);
    }
    if (dueAt > now && dueAt < now + 366 * DAY) return { phrase: result.text, dueAt };
  }
  return undefined;
}

/**
 * The first promise with a time in a sentence: a clause that commits (`PROMISE`, not negated, not
 * asked of the customer, not policy) and names a time in the same clause ("I'm travelling today, but
 * I'll take care of it" has none). One per sentence: "I'll refund it today and confirm by Friday"
 * is one thing to follow up.
 */
function promisedTime(sentence: string, now: number, timeZone: string): Due | undefined {
  for (const clause of clausesOf(sentence)) {
    if (!PROMISE.test(clause) || NEGATED.test(clause) || ASKS_CUSTOMER.test(clause) || POLICY.test(clause)) continue;
    const hit = fixedTime(clause, now, timeZone) ?? dueFromChrono(clause, now, timeZone);
    if (hit && hit.dueAt > now) return hit;
  }
  return undefined;
}

function fixedTime(clause: string, now: number, timeZone: string): Due | undefined {
  for (const fixed of FIXED) {
    const m = fixed.re.exec(clause);
    if (m && isDue(clause, m.index, m[0])) return { phrase: m[0].trim(), dueAt: fixed.due(now, timeZone, m) };
  }
  return undefined;
}

/** A sentence cut where a contrast, a condition or a consequence starts ("…, but today I'm out", "…, so it should arrive soon"). */
function clausesOf(sentence: string): string[] {
  return sentence.split(CLAUSE_BREAK).filter((c) => c.trim());
}

/** Splits a reply into sentences (lines and sentence ends), keeping each sentence's text. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The commitments with a time in `text`, as suggested follow-ups. `now` and `timeZone` are the
 * agent's: "by Friday" means Friday 17:00 where the agent works.
 */
export function suggestFollowUps(text: string, now: number, timeZone: string): FollowUpSuggestion[] {
  const out: FollowUpSuggestion[] = [];
  // Only the agent's own words: not the thread quoted under the reply, nor "> " lines (the
  // customer's "I'll call my bank tomorrow" is no promise of ours).
  const own = text.slice(0, 20_000);
  for (const sentence of sentences(blankQuotedLines(agentWords(own)))) {
    const hit = promisedTime(sentence, now, timeZone);
    if (!hit) continue;
    // "Hi Sam, I'll get back to you…": the greeting is not part of the promise.
    const promise = sentence.replace(/^(?:hi|hello|hey|dear|thanks|thank you)\b[^,]{0,40},\s*/i, '');
    out.push({ phrase: hit.phrase, dueAt: hit.dueAt, text: promise.length > 300 ? `${promise.slice(0, 299)}…` : promise });
  }
  return out;
}
