/**
 * The customer's own words in a mail (issue #12: what Rapport reads from a real ticket must be the
 * customer's), without what their mail client or mail server added:
 * - the earlier thread quoted under a reply: "On Mon, Dec 5, Alice <support@…> wrote:", "-----Original
 *   Message-----", Outlook's "From: … / Sent: …". Read as theirs, a customer's "Thanks, that worked!"
 *   sounded upset in the agent's own quoted words ("frustrating", "try again", "still fails").
 *   Helpdesks strip much of it on the way in (FreeScout cuts at Gmail's, Outlook's and Yahoo's quote
 *   markup, app/Misc/Mail.php), not all: a plain-text mail, an Outlook header written as text;
 * - the client's own sign-off line ("Sent from my iPhone", "Get Outlook for Android": an imperative
 *   the ask model listed as a question);
 * - an automatic out-of-office reply, which FreeScout files as the customer's message (it skips
 *   auto-replies only to its own notifications, FetchEmails.php): "upset — “limited”, “urgent”" and
 *   the ask "For urgent matters please contact my colleague" came from one.
 * One reader for the checklist, the mood (and so the stored visit mood) and the repeat-contact cue.
 */

import { GREETING_WORDS, SIGN_OFF_WORDS, sentences } from './text';

/** A reply header line: what follows it is the earlier mail. Localised "wrote" lines for mail clients set to another language. */
const HEADER = new RegExp(
  [
    // Gmail, Apple Mail, Thunderbird; the line may wrap once ("On Mon, Dec 5, 2026 at 10:14 AM Acme <\nsupport@acme.test> wrote:").
    String.raw`^[ \t]*On\b[^\n]{4,200}?(?:\n[^\n]{0,120}?)?\bwrote:[ \t]*$`,
    String.raw`^[ \t]*(?:Am|Le|El|Op|Il|Em|W dniu)\b[^\n]{4,200}?(?:schrieb|a écrit|escribió|schreef|ha scritto|escreveu|napisał)[^\n]{0,60}:[ \t]*$`,
    String.raw`^[ \t]*-{2,}[ \t]*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine)[ \t]*-{2,}`,
    // Outlook's header as text: a From line, then Sent or Date.
    String.raw`^[ \t]*(?:From|Von|De):[^\n]{1,200}\n[ \t]*(?:Sent|Date|Gesendet|Envoyé):[^\n]{1,200}`,
    // FreeScout's own separator in its notification mails.
    String.raw`^[ \t]*-- Please reply above this line --`,
  ].join('|'),
  'imu',
);

/** A quoted line ("> …"): the earlier mail, quoted inline. Global: for matchAll and replace. */
export const QUOTED_MAIL_LINE = /^[ \t]*>.*$/gm;
/** `text` with its quoted lines blanked, so every range in it stays a range of `text`. */
export const blankQuotedLines = (text: string): string => text.replace(QUOTED_MAIL_LINE, (line) => ' '.repeat(line.length));

/** Where a reply header stands ("On Mon, … wrote:", "-----Original Message-----"…), or -1. */
export const replyHeaderAt = (text: string): number => text.search(HEADER);

/**
 * Where the quoted earlier mail begins, or the text's length when there is none. Only after words of
 * their own: a message that is nothing but a forward is what they are raising, and is kept whole.
 */
export function quotedMailAt(text: string): number {
  const at = replyHeaderAt(text);
  return at > 0 && /\S/.test(text.slice(0, at)) ? at : text.length;
}

/** A mail client's own sign-off line, alone on its line. */
const CLIENT_LINE = /\n[ \t]*(?:Sent from my [^\n]{2,60}|Sent from (?:Mail|Outlook|Yahoo Mail|Gmail|AOL)\b[^\n]{0,60}|Get Outlook for (?:iOS|Android|Mac|Windows)[^\n]{0,20})[ \t]*$/i;

/**
 * "I am out of the office until Monday…", "Automatic reply", "This is an automated response": a reply
 * their mail server wrote. Told apart from a customer who mentions being away ("I'm on vacation until
 * Monday but my shop is down!") by asking nothing and reporting no problem.
 */
const AUTO_REPLY = /^\W*(?:automatic reply|auto(?:matic)?[- ]?(?:reply|response))\b|\bthis is an? auto(?:mated|matic)[- ]?(?:reply|response|message)\b|\bI(?:'m| am) (?:currently )?(?:out of (?:the )?office|OOO|away from (?:the|my) (?:office|desk)|(?:away )?on (?:annual |parental |sick |maternity |paternity )?(?:leave|vacation|holiday))\b/i;
const SAYS_MORE = /\?|\b(?:can't|cannot|isn't|doesn't|don't|didn't|won't|not working|broken|error|fail\w*|crash\w*|refund|charged|cancel)\b/i;
export const isAutoReply = (text: string): boolean => text.length <= 1200 && AUTO_REPLY.test(text) && !SAYS_MORE.test(text);

/**
 * The customer's own words: the text before the earlier mail quoted under it, without their mail
 * client's sign-off line; nothing at all for an automatic reply. Ranges into it are ranges into `text`.
 */
export function theirWords(text: string): string {
  const at = quotedMailAt(text);
  let own = at < text.length ? text.slice(0, at).trimEnd() : text;
  for (let m = CLIENT_LINE.exec(own); m; m = CLIENT_LINE.exec(own)) own = own.slice(0, m.index).trimEnd();
  return isAutoReply(own) ? '' : own;
}

/**
 * A mail whose body only points to its subject ("See subject.", "As per subject", nothing but a
 * greeting and a sign-off) says it in the subject ("Refund for order 1042"): the subject is read as
 * their first words, without its "Re:"/"Fwd:".
 */
export function withSubject(own: string[], subject: string): string[] {
  const about = subject.replace(/^\s*(?:(?:re|fwd?|aw|sv|vs)\s*:\s*)+/i, '').trim();
  if (!about) return own;
  // What is left without what only greets, signs off or signs ("Hi,", "Thanks, Sam", "Uma").
  const parts = sentences(own.join('\n'))
    .map((s) => s.text.trim().replace(LEADING_GREETING, '').trim())
    .filter(Boolean);
  const said = parts.filter((p, i) => !GREETS_OR_SIGNS.test(p) && !(i > 0 && GREETS_OR_SIGNS.test(parts[i - 1]!) && /^\p{L}[\p{L}.'’ -]{0,24}$/u.test(p)));
  return said.every((p) => SEE_SUBJECT.test(p)) ? [about, ...own] : own;
}
const SEE_SUBJECT = /^\W*(?:(?:please )?(?:see|as per|per|refer to|read) (?:the |my )?subject|(?:as )?subject(?: says it all)?)\W*$/i;
const LEADING_GREETING = new RegExp(`^\\W*(?:${GREETING_WORDS})\\b[^,.!?\\n]{0,30}[,.!]\\s*`, 'i');
/** A part that only greets or signs off: "Hi,", "Hello Sam,", "Thanks,", "Best regards, Uma". */
const GREETS_OR_SIGNS = new RegExp(`^\\W*(?:(?:${GREETING_WORDS})\\b[^,.!?]{0,30}|${SIGN_OFF_WORDS}(?: in advance)?(?:,\\s*\\p{L}[\\p{L}.'’-]{0,20})?)\\W*$`, 'iu');
