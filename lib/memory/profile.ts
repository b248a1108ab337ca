/** Profile fields of a customer and how two conflicting saves are kept together (issue #3). */
import type { CustomerProfile } from '../db/types';

export const PROFILE_KEYS = [
  'displayName',
  'preferredName',
  'pronunciation',
  'pronouns',
  'language',
  'timeZone',
  'organization',
  'tier',
  'vip',
  'preferences',
  'importantDates',
] as const satisfies readonly (keyof CustomerProfile)[];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const bothTexts = (theirs: string | undefined, mine: string | undefined) => {
  if (!theirs) return mine;
  if (!mine || theirs === mine) return theirs;
  return `${theirs} / ${mine}`;
};

/**
 * "Keep both": every field that differs keeps both values — texts joined with " / ", dates
 * combined, VIP if either says so. Nothing either agent typed is lost.
 */
export function mergeProfiles(theirs: CustomerProfile, mine: CustomerProfile): CustomerProfile {
  const out: CustomerProfile = {};
  for (const key of PROFILE_KEYS) {
    const a = theirs[key];
    const b = mine[key];
    if (same(a, b) || b === undefined) (out as Record<string, unknown>)[key] = a;
    else if (a === undefined) (out as Record<string, unknown>)[key] = b;
  }
  for (const key of ['displayName', 'preferredName', 'pronunciation', 'pronouns', 'organization', 'tier'] as const) {
    out[key] = bothTexts(theirs[key], mine[key]);
  }
  // A time zone or language must stay one valid value: theirs stands, unless only mine is set.
  out.timeZone = theirs.timeZone ?? mine.timeZone;
  out.language = theirs.language ?? mine.language;
  out.vip = theirs.vip || mine.vip || undefined;
  const pa = theirs.preferences ?? {};
  const pb = mine.preferences ?? {};
  const prefs = {
    channel: bothTexts(pa.channel, pb.channel),
    tone: bothTexts(pa.tone, pb.tone),
    contactHours: bothTexts(pa.contactHours, pb.contactHours),
  };
  out.preferences = Object.values(prefs).some(Boolean) ? prefs : undefined;
  const dates = [...(theirs.importantDates ?? []), ...(mine.importantDates ?? [])];
  const unique = dates.filter((d, i) => dates.findIndex((e) => e.label === d.label && e.date === d.date) === i);
  out.importantDates = unique.length ? unique : undefined;
  return out;
}

/** Whether `tz` is an IANA time zone this browser knows (components/format.ts). */
export { isTimeZone } from '../../components/intl';
