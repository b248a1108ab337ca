/**
 * The customer's mood as stored on a visit and read by the cues: the product's one mood model
 * (lib/standards/mood.ts, the trained upset model with the thread as context), on the -5..5
 * scale visits keep (negative: upset). Background only: the model and the parser are large.
 */
import { threadMood, type ThreadMood } from '../standards/mood';
import { theirWords } from '../standards/mail-text';

export { threadMood, type ThreadMood };

/**
 * The latest message's mood, -5 (very upset) .. 5 (pleased); `earlier` = the thread before it, oldest
 * first. Undefined when nothing of theirs was read: a message not in English, which the model reads,
 * or an automatic reply (lib/standards/mail-text.ts). Not known, rather than calm.
 */
export function moodOf(text: string, earlier: readonly string[] = []): number | undefined {
  if (!theirWords(text).trim()) return undefined;
  const mood = threadMood(text, earlier);
  return mood.notEnglish ? undefined : mood.scale;
}
