/**
 * The customer's own words in a mail (issue #12: what Rapport reads from a real ticket must be the
 * customer's), without what their mail client or mail server added:
 * - the earlier thread quoted under a reply: "On Mon, Dec 5, Alice <support@…> wrote:", "-----Original
 *   Message-----", Outlook's "From: … / Sent: …". Read as theirs, a customer's "Thanks, that worked!"
 *   sounded upset in the agent's own quoted words ("frustrating", "try again", "still fails").
 *   Helpdesks strip much of it on the way in (FreeScout cuts at Gmail's, Outlook's and Yahoo's quote
 *   markup, app/Misc/Mail.php), not all: a plain-text mail, an Outlook header written as text.
 *   Older and other clients write the header as lines ("From:", "To:", "Subject:"; Lotus Notes' sender
 *   and time over "To:"), measured on real annotated Enron and Apache mail (docs/mail-text.md);
 * - what the mail adds under their words (lib/standards/mail-footer.ts): the client's sign-off line
 *   ("Get Outlook for Android", which the ask model listed as a question), a signature, a legal footer;
 * - an automatic out-of-office reply, which FreeScout files as the customer's message (it skips
 *   auto-replies only to its own notifications, FetchEmails.php): "upset — “limited”, “urgent”" and
 *   the ask "For urgent matters please contact my colleague" came from one.
 * One reader for the checklist, the mood (and so the stored visit mood) and the repeat-contact cue;
 * `agentWords` is the same for the agent's draft.
 */

import { withoutFooter, withoutSignature } from './mail-footer';
import { memoText } from './memo';
import { GREETING_WORDS, SIGN_OFF, SIGN_OFF_WORDS, sentences } from './text';

/** "wrote" as mail clients set to other languages write it. */
const WROTE = String.raw`(?:wrote|schrieb|a écrit|escribió|schreef|ha scritto|escreveu|napisał\p{L}*|skrev|kirjoitti|napsal\p{L}*|написал\p{L}*|yazdı)`;

/** A reply header line: what follows it is the earlier mail. */
const HEADER = new RegExp(
  [
    // Gmail, Apple Mail, Thunderbird; the line may wrap once or twice ("On Mon, Dec 5, 2026 at 10:14 AM Acme <\nsupport@acme.test> wrote:"),
    // may be quoted under a later reply ("> On 1 Mar 2017, at 19:07, Rick <…> wrote:", Quagga's Apache mail) or ruled ("------On … wrote-----").
    String.raw`^[ \t>-]*On\b[^\n]{4,200}?(?:\n[^\n]{0,120}?){0,2}\bwrote:?[ \t-]*$`,
    // Any client, any language: a line with an address or a time that ends in "wrote:", or in "wrote" and an address
    // ("Den 14 september 2015 02:23, Valentino (valentino@…) skrev:", "Am Mo., 5. Dez. 2026 um 10:14 Uhr schrieb Acme <…>:").
    String.raw`^[ \t>]*[^\n]{0,200}?(?:@|\d{1,2}[:.]\d\d)[^\n]{0,200}?(?<!\p{L})${WROTE}(?:[ \t][^\n]{0,80}@[^\n]{0,80})?[ \t]*:[ \t]*$`,
    // The same opening as "On …" in other languages ("Am 23.05.2017 um 01:17 schrieb Damien Kamerman:").
    String.raw`^[ \t>]*(?:Am|Le|El|Op|Il|Em|W dniu|Den|På|Dne)\b[^\n]{4,200}?(?<!\p{L})${WROTE}[^\n]{0,60}:[ \t]*$`,
    // Gmail in some locales: "2017-03-02 15:57 GMT+02:00 Emir <emir@…>:".
    String.raw`^[ \t>]*\d{4}-\d\d-\d\d[ T]\d{1,2}:\d\d(?::\d\d)?(?:[ \t]*GMT[+-]\d\d:?\d\d)?[ \t]+[^\n]{0,80}<[^>\s]+@[^>\s]+>:[ \t]*$`,
    // A mailing-list archive's "Erick Erickson wrote" over the quoted lines (Nabble); Android's "---- John Smith wrote ----".
    String.raw`^[ \t]*[^\n>]{1,80}\bwrote:?[ \t]*\n[ \t]*>`,
    String.raw`^[ \t>]*-{2,}[ \t]*[^\n]{1,80}\bwrote[ \t]*-{2,}[ \t]*$`,
    String.raw`^[ \t>]*-{2,}[ \t]*(?:Original Message|Forwarded message|Reply Message|Ursprüngliche Nachricht|Weitergeleitete Nachricht|Message d'origine|Message transféré|Mensaje original|Messaggio originale|Oorspronkelijk bericht|Mensagem original)[ \t]*-{2,}`,
    // Lotus Notes: "---------------------- Forwarded by Sally Beck/HOU/ECT on 11/20/2000 05:54 PM ----" (Quagga's Enron mail).
    String.raw`^[ \t]*-{3,}[ \t]*Forwarded by\b`,
    // A helpdesk's reply delimiter in its notification mails: FreeScout's "-- Please reply above this line --",
    // Zendesk's "##- Please type your reply above this line -##", others' "==== Reply above this line ====".
    String.raw`^[^\n\p{L}]{0,12}(?:please )?(?:type |write |reply |respond )?(?:your )?(?:reply |response )?above this line\b`,
  ].join('|'),
  'imu',
);

/**
 * A header written out as lines of text ("From: …", "Sent: …", "To: …", "Subject: …"), as Outlook,
 * Apple Mail and Lotus Notes quote the earlier mail, in the field names of several languages; maybe
 * quoted ("> From:") or bold ("*From:*"). Who it was between, and when or what about.
 */
const FIELD = /^[ \t>:]*\*{0,2}(from|author|von|de|van|da|to|an|à|aan|cc|subject|betreff|objet|asunto|oggetto|onderwerp|assunto|sent|gesendet|envoyé|enviado|inviato|verzonden|date|datum|fecha|data)\*{0,2}[ \t]*:/i;
const SENDER = new Set(['from', 'author', 'von', 'de', 'van', 'da']);
const RECIPIENT = new Set(['to', 'an', 'à', 'aan']);
/** An e-mail address (not a "@handle"). */
const ADDRESS = /[\w.+-]+@[\w-]+\.\w/;
/** Fields only a mail header has: its subject, the time it was sent, its copies. */
const MAIL_FIELD = new Set(['cc', 'subject', 'betreff', 'objet', 'asunto', 'oggetto', 'onderwerp', 'assunto', 'sent', 'gesendet', 'envoyé', 'enviado', 'inviato', 'verzonden']);
/** A line above such a header that belongs to it: a separator, Apple Mail's "Begin forwarded message:". */
const ABOVE_HEADER = /^[ \t>]*(?:_{5,}|-{5,}|={5,}|Begin forwarded message:?|_{5,}[ \t]*Reply Separator[ \t]*_{5,})[ \t]*$/i;
/** Lotus Notes writes the sender and the time above "To:": "Brent A Price\n11/20/2000 12:17 PM". */
const DATE_TIME = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b[^\n]{0,12}\b\d{1,2}:\d\d\b/;
const ONLY_DATE_TIME = /^[ \t]*[\d/.-]+[ \t]+\d{1,2}:\d\d(?::\d\d)?[ \t]*(?:[AP]M)?[ \t]*$/i;
/** A sender line: a name or an address ("Robin <robin@perfect.com>", "Tana Jones@ECT"), not a sentence. */
const NAME_LINE = /^[ \t]*["'\p{L}][^\n]{0,78}[^.!?:\s][ \t]*$/u;

interface Line {
  text: string;
  at: number;
}
const linesOf = (text: string): Line[] => {
  let at = 0;
  return text.split('\n').map((line) => ({ text: line, at: (at += line.length + 1) - line.length - 1 }));
};
/** A line with nothing on it, or only the quote marks of one (">"). */
const blank = (line: Line | undefined) => line !== undefined && /^[\s>]*$/.test(line.text);

/**
 * Two or more fields within twelve lines (a long "To:" wraps): the sender or the recipient, and a
 * subject, a time sent or an e-mail address. Not a web form's "Name:", "Email:", "Subject:", a trip's
 * "From: London / To: Paris / Date: 12 March", nor an issue template's "Author: @handle".
 */
function isHeaderBlock(lines: Line[], i: number): boolean {
  const fields = lines.slice(i, i + 12).flatMap((l) => {
    const m = FIELD.exec(l.text);
    return m ? [{ name: m[1]!.toLowerCase(), value: l.text.slice(m[0].length) }] : [];
  });
  const who = fields.some((f) => SENDER.has(f.name) || RECIPIENT.has(f.name));
  const named = new Set(fields.map((f) => f.name)).size >= 2;
  return named && who && fields.some((f) => MAIL_FIELD.has(f.name) || ((SENDER.has(f.name) || RECIPIENT.has(f.name)) && ADDRESS.test(f.value)));
}

/** The line the written-out header begins at: its first field, or the separator or Lotus sender and time above it. */
function headerStart(lines: Line[], i: number): number {
  let j = i - 1;
  while (blank(lines[j])) j--;
  if (j < 0) return i;
  if (ABOVE_HEADER.test(lines[j]!.text)) return j;
  // "… on 04/19/2001\n09:01:03 PM": the time wrapped onto a line of its own.
  if (j > 0 && /^[ \t]*\d{1,2}:\d\d/.test(lines[j]!.text) && !DATE_TIME.test(lines[j]!.text) && DATE_TIME.test(`${lines[j - 1]!.text} ${lines[j]!.text}`)) return j - 1;
  if (!DATE_TIME.test(lines[j]!.text)) return i;
  if (!ONLY_DATE_TIME.test(lines[j]!.text)) return j;
  let k = j - 1;
  while (blank(lines[k])) k--;
  // "Jeff Dasovich\n\tSent by: Jeff Dasovich\n\t04/25/2001 03:52 PM".
  if (k > 0 && /^[ \t]*Sent by:/i.test(lines[k]!.text)) k--;
  const standsAlone = k >= 0 && (k === 0 || blank(lines[k - 1])) && NAME_LINE.test(lines[k]!.text) && !SIGN_OFF.test(lines[k]!.text);
  return standsAlone ? k : j;
}

/** Where a header written out as lines of text begins, or -1. */
function headerBlockAt(text: string): number {
  if (!/^[ \t>:]*\*{0,2}\p{L}{2,9}\*{0,2}[ \t]*:/mu.test(text)) return -1;
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) if (FIELD.test(lines[i]!.text) && isHeaderBlock(lines, i)) return lines[headerStart(lines, i)]!.at;
  return -1;
}

/** A quoted line ("> …"): the earlier mail, quoted inline. Global: for matchAll and replace. */
export const QUOTED_MAIL_LINE = /^[ \t]*>.*$/gm;
/** `text` with its quoted lines blanked, so every range in it stays a range of `text`. */
export const blankQuotedLines = (text: string): string => text.replace(QUOTED_MAIL_LINE, blankLines);
/** `text` with every character but its line ends blanked: ranges around it keep their places. */
const blankLines = (text: string): string => text.replace(/[^\n]/g, ' ');

/** Where a reply header stands ("On Mon, … wrote:", "-----Original Message-----"…), or -1. */
function replyHeaderAt(text: string): number {
  const line = text.search(HEADER);
  const block = headerBlockAt(line < 0 ? text : text.slice(0, line));
  return block >= 0 ? block : line;
}

/**
 * Where the quoted earlier mail begins, or the text's length when there is none. Only after words of
 * their own: a message that is nothing but a forward is what they are raising, and is kept whole.
 */
export const quotedMailAt = (text: string): number => afterOwnWords(text, replyHeaderAt(text));
const afterOwnWords = (text: string, at: number): number => (at > 0 && /\S/.test(text.slice(0, at)) ? at : text.length);

/**
 * "I am out of the office until Monday…", "Automatic reply", "This is an automated response": a reply
 * their mail server wrote. Told apart from a customer who mentions being away ("I'm on vacation until
 * Monday but my shop is down!") by asking nothing and reporting no problem.
 */
const AUTO_REPLY = /^\W*(?:automatic reply|auto(?:matic)?[- ]?(?:reply|response))\b|\bthis is an? auto(?:mated|matic)[- ]?(?:reply|response|message)\b|\bI(?:'m| am) (?:currently )?(?:out of (?:the )?office|OOO|away from (?:the|my) (?:office|desk)|(?:away )?on (?:annual |parental |sick |maternity |paternity )?(?:leave|vacation|holiday))\b/i;
const SAYS_MORE = /\?|\b(?:can't|cannot|isn't|doesn't|don't|didn't|won't|not working|broken|error|fail\w*|crash\w*|refund|charged|cancel)\b/i;
/**
 * A delivery failure a mail server sent back ("Address not found / Your message wasn't delivered to
 * carol@… because…", "Mail delivery failed: returning message to sender", "Undeliverable: …"), which
 * FreeScout files as a customer's message (FetchEmails.php marks it `is_bounce`): it read "Customer
 * sounds upset — “unable”, “LEARN MORE”". Its own "failed" and "couldn't" are no complaint.
 */
const BOUNCE = /^\W*(?:address not found|delivery status notification|mail delivery (?:failed|failure|subsystem)|undeliverable|undelivered mail returned to sender|returned mail|delivery (?:has )?failed)\b|\b(?:wasn't|was not|couldn't be|could not be) delivered to \S+@\S+ because\b|\bdelivery has failed to these recipients\b|\bthis is the mail system at host\b|\bI'm sorry to have to inform you that your message could not\b/i;
export const isAutoReply = (text: string): boolean => text.length <= 3000 && ((text.length <= 1200 && AUTO_REPLY.test(text) && !SAYS_MORE.test(text)) || BOUNCE.test(text));

/**
 * The customer's own words: the text before the earlier mail quoted under it, without what their
 * mail adds under them (lib/standards/mail-footer.ts); nothing at all for an automatic reply. Ranges into it are ranges into `text`.
 */
export const theirWords = (text: string): string => ownWords(text);
// Remembered: the engine, the mood and the stored visit mood each read the same messages.
const ownWords = memoText((text: string): string => {
  const own = withoutBanner(withoutFooter(beforeEarlierMail(text)));
  return isAutoReply(own) ? '' : own;
}, 8);

/**
 * The text up to the earlier mail quoted under it, trimmed at the end. An inline reply keeps the
 * answers written between the quoted lines: its "wrote:" line and its quoted lines are blanked.
 */
function beforeEarlierMail(text: string): string {
  let own = text;
  for (let headers = 0; headers < 8; headers++) {
    const at = replyHeaderAt(own);
    const inline = at >= 0 ? inlineReplyAt(own, at) : -1;
    if (inline >= 0) {
      own = own.slice(0, at) + blankLines(own.slice(at, inline)) + blankQuotedLines(own.slice(inline));
      continue;
    }
    return own.slice(0, afterOwnWords(own, at)).trimEnd();
  }
  return own.trimEnd();
}

/**
 * An inline reply: under a "wrote:" line the earlier mail quoted line by line ("> …"), with their
 * answers written between the quotes. github/email_reply_parser's email_1_2 says "Hi," above the
 * header and its whole answer below the quoted question; cut at the header it read as "Hi,". Where
 * the quoted lines start (after the header), or -1 when the text under the header is no such reply.
 */
function inlineReplyAt(text: string, at: number): number {
  const header = HEADER.exec(text.slice(at));
  if (!header || header.index !== 0) return -1;
  const from = at + header[0].length;
  const rest = text.slice(from);
  // Up to a later header written in full (not quoted): what is under that one is the earlier mail.
  const next = replyHeaderAt(rest);
  const under = next >= 0 ? rest.slice(0, next) : rest;
  // ">From" is a mailbox's escaped "From" (mbox), not a quote mark.
  if (!/^\s*>(?!From\b)/.test(under)) return -1;
  return (answersBetween(under).match(/\p{L}/gu) ?? []).length >= 20 ? from : -1;
}

/**
 * The answers written between quoted lines: paragraphs of their own after a blank line, up to a
 * signature. A line straight under a quoted one is the quote wrapped by the mail client ("> I am a
 * web developer on a Drupal\nsite tasked with…"), not an answer.
 */
function answersBetween(under: string): string {
  const out: string[] = [];
  let open = false;
  let previous = '';
  for (const line of under.split('\n')) {
    if (/^[ \t]*(?:--|_{5,})[ \t]*$|^[ \t]*Sent from\b/i.test(line)) break;
    const quoted = /^[ \t]*>/.test(line);
    if (!/\S/.test(line) || quoted) open = false;
    else if (open || !/\S/.test(previous)) {
      out.push(line);
      open = true;
    }
    previous = line;
  }
  return out.join(' ');
}

/**
 * The mail system's warning above a mail from outside the company: "CAUTION: This email originated
 * from outside of the organization…", "[EXTERNAL EMAIL] Be cautious…", Outlook's "You don't often get
 * email from sam@…. Learn why this is important". Its "EXTERNAL EMAIL", "cautious", "Never share" read
 * "Customer sounds upset". It stands first, so it is blanked (ranges stay ranges into the text).
 */
const BANNER = /\b(?:originated (?:from )?outside (?:of )?(?:the|your|our|this) (?:organi[sz]ation|company|network|domain)|external (?:e-?mail|sender|message)\b|(?:came|comes) from outside\b|You don't often get email from\b|Learn why this is important\b|Do not click (?:on )?(?:any )?links or open attachments unless)/i;
function withoutBanner(own: string): string {
  const first = /^\s*[^\n]*\S[^]*?(?=\n[ \t]*\n|$)/.exec(own)?.[0] ?? '';
  // No question in it: a customer's own first paragraph about such a mail asks something.
  if (first.length > 400 || first.includes('?') || !BANNER.test(first) || !/\p{L}/u.test(own.slice(first.length))) return own;
  return blankLines(first) + own.slice(first.length);
}

/**
 * The agent's own words in a reply box: up to the thread quoted under the draft, without their
 * signature after a "-- " line (Freshdesk and mail clients put it in the box; "--\nSupport" under a
 * finished reply turned its next step into a failure). Ranges into it are ranges into `draft`.
 */
export const agentWords = (draft: string): string => withoutSignature(draft.slice(0, quotedMailAt(draft)));

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
