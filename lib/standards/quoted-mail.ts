/**
 * Where the earlier mail quoted under a customer's reply begins (issue #12: what Rapport reads from a
 * real ticket must be the customer's). An e-mail reply often carries the thread below it: "On Mon,
 * Dec 5, Alice <support@…> wrote:", "-----Original Message-----", Outlook's "From: … / Sent: …".
 * Read as theirs, a customer's "Thanks, that worked!" sounded upset in the agent's own quoted words
 * ("frustrating", "try again", "still fails"). Helpdesks strip much of it on the way in (FreeScout
 * cuts at Gmail's, Outlook's and Yahoo's quote markup, app/Misc/Mail.php), not all: a plain-text mail,
 * an Outlook header written as text. One reader for the mood, the asks and the repeat-contact cues.
 */

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

/**
 * Where the quoted earlier mail begins, or the text's length when there is none. Only after words of
 * their own: a message that is nothing but a forward is what they are raising, and is kept whole.
 */
export function quotedMailAt(text: string): number {
  const at = text.search(HEADER);
  return at > 0 && /\S/.test(text.slice(0, at)) ? at : text.length;
}

/** The customer's own words: the text before the earlier mail quoted under it. Ranges into it are ranges into `text`. */
export const withoutQuotedMail = (text: string): string => {
  const at = quotedMailAt(text);
  return at < text.length ? text.slice(0, at).trimEnd() : text;
};
