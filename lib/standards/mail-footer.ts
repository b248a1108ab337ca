/**
 * What a mail adds under the writer's own words (lib/standards/mail-text.ts reads those): the mail
 * app's sign-off line, a signature after "-- ", a legal or virus-scan footer, a contact block.
 * Measured on real annotated mail (scripts/judgement/mail-zones.ts, docs/mail-text.md).
 */

import { SIGN_OFF } from './text';

/** A mail client's own sign-off line, alone on its line (not "Sent from my desk, is much easier…"). */
const CLIENT_LINE = /\n[ \t]*(?:Sent from my [\p{L}\d'’ -]{2,40}[.!]?(?: Please excuse [^\n]{0,40})?|Sent (?:via|with|using) (?:the )?[\p{L}\d][^\n.!?]{1,40}|Sent from (?:Mail|Outlook|Yahoo Mail|Gmail|AOL)\b[^\n]{0,60}|Get Outlook for (?:iOS|Android|Mac|Windows)[^\n]{0,20})[ \t]*$/iu;

/**
 * A legal, virus-scan or company-register footer: "If you are not the intended recipient, please
 * notify the sender…" read as an ask and "error", "prohibited" as upset; "Please consider the
 * environment before printing this email" listed as an ask not addressed.
 */
const DISCLAIMER = new RegExp(
  [
    String.raw`\b(?:confidentiality (?:notice|note|statement)|legal disclaimer|e-?mail disclaimer)\b`,
    String.raw`\b(?:e-?mail|message|transmission|communication|information)\b[^.]{0,120}\b(?:confidential|privileged)\b[^]{0,400}\b(?:intended|recipient|addressee|notify|delete|disclos\w*|prohibited)\b`,
    String.raw`\b(?:intended recipient|named addressee)\b[^]{0,300}\b(?:confidential|notify|delete|prohibited)\b`,
    String.raw`\breceived (?:this|the) (?:e-?mail|message|communication|transmission)\b[^]{0,20}\bin error\b`,
    String.raw`\bconsider the environment before printing\b`,
    String.raw`\b(?:scanned (?:for viruses|by)\b[^]{0,80}\b(?:anti-?virus|virus|malware|security)|virus[- ]free)\b`,
    String.raw`\b(?:registered (?:office|in England|number)|company (?:no|number|registration)\b|Amtsgericht|HRB \d+|USt-?IdNr|Geschäftsführer)`,
  ].join('|'),
  'i',
);
/** A word every footer of DISCLAIMER holds: a quick test before the slow one. */
const FOOTER_WORD = /confidential|privileged|intended|addressee|in error|environment|virus|regist|Amtsgericht|HRB|USt|Gesch|disclaimer/i;
/** A line of a contact block: a phone or fax number, an address line, an email address, a labelled field. */
const CONTACT = /(?:^|\s|\()\+?\(?(?!\d{1,2}([./-])\d{1,2}\1\d{2,4}\b)\d{1,4}\)?[ .\/-]{0,2}\d{2,4}[ .\/-]\d{3,4}(?:[ .\/-]\d{2,5})?\b|[\w.+-]+@[\w-]+\.[\w.-]+|^[ \t]*(?:phone|tel|telephone|fax|facsimile|mobile|cell|direct|office|e-?mail|web|skype)\b[^\n]{0,20}:|\b\d+ [\p{L} ]{2,30}\b(?:street|st|avenue|ave|road|rd|suite|blvd|boulevard|drive|lane|ln)\b|\b[A-Z]{2}\.?,? +\d{5}\b|,[\p{L} ]{2,30} \d{5}(?:-\d{4})?[ \t]*$/iu;
/** A web address line in a signature ("Blog : techreadme.blogspot.com", "http://observer.wunderwood.org/  (my blog)"). */
const WEB_LINE = /^[^\n]{0,20}(?:https?:\/\/|www\.|\b[\w-]+\.(?:com|org|net|io|co|de|uk|fr|nl|eu)\b)\S*[^\n]{0,30}$/i;
/**
 * A signature line that is no sentence: a name, a title, a company ("Senior Counsel, ENA", "Acme
 * GmbH", "Enron North America Corp."): six words at most, not a field ("Order: 1042"), no full stop
 * but an abbreviation's, most words capitalised ("Copies will be distributed" is a sentence).
 */
const LABEL_LINE = /^[ \t]*[\p{Lu}*](?:[^\n?!:. \t]*[ \t]+|[^\n?!:. \t]*\.(?=\S)|(?:\p{Lu}|Inc|Corp|Co|Ltd|Dept|St|Jr|Sr)\.[ \t]+){0,5}[^\n?!:. \t]*(?:(?<=\b(?:Inc|Corp|Co|Ltd|LLC|L\.L\.[CP]|Dept|Jr|Sr|GmbH|AG|Ph\.D|\p{Lu}))\.)?[ \t]*$/u;
const isLabelLine = (line: string): boolean => {
  const words = line.match(/\p{L}[\p{L}.'’-]*/gu) ?? [];
  return LABEL_LINE.test(line) && words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 >= words.length;
};
/** The writer's own voice: a line with it is theirs, not their signature's. */
const OWN_VOICE = /\b(?:I|I'm|I've|me|my|we|us|our|you|your|please|thanks?|call|can|could|would)\b/i;
const SEPARATOR = /^[ \t]*(?:_{5,}|-{5,}|\*{5,}|={5,})[ \t]*$/;
/** The RFC 3676 signature separator line, "-- ". */
const SIG_DASHES = /\n[ \t]*--[ \t]*\n/g;

/** The last `count` paragraphs (blocks of lines between blank lines), last first, each with where it starts. */
function lastParagraphs(text: string, count: number): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let end = text.trimEnd().length;
  for (const gap of [...text.slice(0, end).matchAll(/\n[ \t]*\n\s*/g)].reverse()) {
    if (out.length === count) return out;
    const at = gap.index! + gap[0].length;
    out.push({ text: text.slice(at, end), at });
    end = gap.index!;
  }
  const at = text.length - text.trimStart().length;
  if (out.length < count && end > at) out.push({ text: text.slice(at, end), at });
  return out;
}

/** Lines that could all be a signature's, with a phone number, an address or an email address among them. */
function isContactBlock(lines: string[]): boolean {
  const rest = lines.filter((l) => /\S/.test(l));
  return (
    rest.length > 0 &&
    rest.length <= 14 &&
    rest.some(isContactLine) &&
    rest.every((l, i) => isLabelLine(l) || WEB_LINE.test(l) || isContactLine(l) || (i === 0 && SEPARATOR.test(l)))
  );
}
/** A contact line: the number or address and a few words of label ("713-853-5620 (phone)", "Mobile : +659…"), no sentence of their own. */
function isContactLine(line: string): boolean {
  const rest = line.replace(CONTACT, ' ').replace(/\([^)]*\)/g, ' ');
  return CONTACT.test(line) && !OWN_VOICE.test(rest) && (rest.match(/\p{L}+/gu) ?? []).length <= 4;
}
/**
 * A paragraph of a full name and a title over a contact block ("Ryan F. Ruppert\nSenior
 * Geologist\n\n396 West…"); not a one-word "FYI" of their own.
 */
const isNameAndTitle = (paragraph: string) => {
  const lines = paragraph.split('\n').filter((l) => /\S/.test(l));
  const name = lines[0]!.trim().split(/\s+/).length;
  return lines.length >= 2 && lines.length <= 5 && name >= 2 && name <= 4 && !SIGN_OFF.test(lines[0]!) && lines.every((l) => isLabelLine(l) && !OWN_VOICE.test(l));
};

/**
 * Where a contact block at the end starts ("Sara Shackleton\nEnron North America Corp.\n713-853-5620
 * (phone)"), after its sign-off and name ("Regards,\nKeegan Farrell\n(713) 345-3317"), or -1.
 */
function contactBlockAt(text: string): number {
  const [last, above] = lastParagraphs(text, 2);
  // Fourteen short lines at most.
  if (!last || last.text.length > 1200) return -1;
  const lines = last.text.split('\n');
  const from = lines.length > 2 && SIGN_OFF.test(lines[0]!) && isLabelLine(lines[1]!) ? 2 : 0;
  if (!isContactBlock(lines.slice(from))) return -1;
  if (from) return last.at + lines[0]!.length + lines[1]!.length + 2;
  return above && isNameAndTitle(above.text) ? above.at : last.at;
}

/**
 * Where a footer at the end starts, or -1: the line a disclaimer starts on (their last words may run
 * into it without a blank line), or an advert under a separator line ("____\nDo You Yahoo!?\n…http://…").
 */
function footerAt(text: string): number {
  const [last] = lastParagraphs(text, 1);
  if (!last) return -1;
  const disclaimer = FOOTER_WORD.test(last.text) ? DISCLAIMER.exec(last.text) : null;
  if (disclaimer) return last.at + last.text.lastIndexOf('\n', disclaimer.index) + 1;
  const lines = last.text.split('\n');
  return SEPARATOR.test(lines[0]!) && lines.length <= 7 && /https?:\/\/|www\./i.test(last.text) ? last.at : -1;
}

/** Where the signature after the last "-- " line starts (RFC 3676), if what follows is short enough to be one, or -1. */
function signatureAt(text: string): number {
  const dashes = [...text.matchAll(SIG_DASHES)].at(-1);
  return dashes && text.slice(dashes.index!).split('\n').filter((l) => /\S/.test(l)).length <= 12 ? dashes.index! : -1;
}

/** What a mail adds under the writer's words, each finder giving where it starts in the text, or -1. */
const ADDED: ((text: string) => number)[] = [(text) => CLIENT_LINE.exec(text)?.index ?? -1, signatureAt, footerAt, contactBlockAt];

/**
 * The writer's words without what their mail adds under them, cut from the end (ranges into what is
 * left stay ranges into `own`): the mail client's sign-off line, a signature after "-- ", a footer, a
 * contact block. Something of their own always stays. Eight cuts at most: a real mail has a few
 * such parts, and each cut reads the whole text (bounded work, scripts/bench-bounds.ts).
 */
export function withoutFooter(own: string): string {
  let text = own;
  for (let cuts = 0; cuts < 8; cuts++) {
    const at = addedAt(text);
    if (at === undefined) break;
    text = text.slice(0, at).trimEnd();
  }
  return text;
}

/** Where the last thing the mail added starts, with something of their own before it. */
function addedAt(text: string, finders = ADDED): number | undefined {
  for (const find of finders) {
    const i = find(text);
    if (i >= 0 && /\p{L}/u.test(text.slice(0, i)) && text.slice(0, i).trimEnd().length < text.length) return i;
  }
  return undefined;
}

/** A draft without the agent's signature after "-- " (ranges into what is left stay ranges into `draft`). */
export function withoutSignature(draft: string): string {
  const at = addedAt(draft, [signatureAt]);
  return at === undefined ? draft : draft.slice(0, at);
}
