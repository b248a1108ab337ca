import { describe, expect, it } from 'vitest';
import { agentWords, isAutoReply, quotedMailAt, theirWords } from '../../../lib/standards/mail-text';
import { evaluateReply } from '../../../lib/standards/engine';
import { threadMood } from '../../../lib/standards/mood';
import { moodOf } from '../../../lib/memory/mood';
import { DEFAULT_PACK } from '../../../lib/standards/pack';

const AGENT_QUOTED = '> Hi Sam,\n> Could you please clear your cache and try again? If it still fails, can you send us a screenshot of the error?\n> We are sorry for the trouble, this is frustrating.\n> Best, Alice';
const GMAIL = `Thanks, that worked!\n\nOn Mon, Dec 5, 2026 at 10:14 AM Acme Support <support@acme.test> wrote:\n${AGENT_QUOTED}`;
const OUTLOOK = 'Still broken.\n\n-----Original Message-----\nFrom: Acme Support <support@acme.test>\nSent: Monday, December 5, 2026 10:14 AM\nSubject: RE: Login\n\nHi Sam,\nCould you please clear your cache and try again? Can you send us a screenshot of the error?\nBest, Alice';

describe('the customer’s own words in a mail', () => {
  it('begins at a reply header, in the forms mail clients write it', () => {
    expect(theirWords(GMAIL)).toBe('Thanks, that worked!');
    expect(theirWords(OUTLOOK)).toBe('Still broken.');
    // The header wrapped onto a second line, Outlook's header as text, a client set to German, FreeScout's separator.
    expect(theirWords('Works now.\nOn Mon, Dec 5, 2026 at 10:14 AM Acme Support <\nsupport@acme.test> wrote:\n> try again')).toBe('Works now.');
    expect(theirWords('Still no refund.\n\nFrom: Acme Billing <billing@acme.test>\nSent: Tuesday, 6 December 2026 09:00\nTo: Sam\nWe are sorry for the delay.')).toBe('Still no refund.');
    expect(theirWords('Any news?\n\nAm Mo., 5. Dez. 2026 um 10:14 Uhr schrieb Acme Support <support@acme.test>:\n> Sorry for the trouble')).toBe('Any news?');
    expect(theirWords('Any news?\n-- Please reply above this line --\nAlice replied…')).toBe('Any news?');
  });

  it('begins at the headers older and other clients write (Quagga’s real Enron and Apache mail)', () => {
    const cases: [string, string][] = [
      // Lotus Notes: a "Forwarded by" rule, and the sender and time above "To:"/"cc:"/"Subject:".
      ['Could you check this?', '\n---------------------- Forwarded by Sally Beck/HOU/ECT on 11/20/2000 05:54 PM ---------------------------\nTalked to Steve.'],
      ['FYI.', '\n\n\n\tTim Belden@ECT\n\t10/17/2000 07:40 AM\n\t\t \n\t\t To: Jeff Dasovich/NA/Enron@Enron\n\t\t cc: \n\t\t Subject: Re: rates\nThe rates moved.'],
      ['Have you still not received?\n\nLiz', '\n\n\n"MARCELA WHITE" <JETCHART@TAVAERO.COM> on 10/09/2000 11:03:10 AM\nTo: <Greg.Whalley@enron.com>\ncc:\nSubject: Liz\n\nDid you get my form??'],
      // A reply header quoted under a later reply, Gmail's ISO date, a list archive's "… wrote".
      ['Thanks, that fixed it.', '\n\n> On 1 Mar 2017, at 19:07, Rick Leir <rleir@leirtech.com> wrote:\n> Is the term vector highlighter an option?'],
      ['It still fails for me.', '\n\n2017-03-02 15:57 GMT+02:00 Emir Arnautovic <emir.arnautovic@sematext.com>:\n\n> Hi Sergei,'],
      ['I have version 5.2.1. Any remedies?', '\n\n\nErick Erickson wrote\n> What version of Solr?'],
      // Outlook under a rule, Apple Mail's forward, a client set to German.
      ['Any news on this?', '\n\n________________________________________\nFrom: Erick Erickson [erickerickson@gmail.com]\nSent: Monday, May 15, 2017 5:37 PM\nTo: solr-user\nSubject: Re: Terms'],
      ['See below, still charged twice.', '\n\nBegin forwarded message:\n\nFrom: Acme Billing <billing@acme.test>\nSubject: Your receipt\nDate: 5 December 2026 at 10:14\nTo: Sam'],
      ['Same error here.', '\n\nVon:    Markus Jelsma <markus.jelsma@openindex.io>\nAn:     solr-user@lucene.apache.org\nDatum:  31.08.2017 10:00\nBetreff:        RE: ZooKeeper'],
    ];
    for (const [own, quoted] of cases) expect(theirWords(own + quoted), own).toBe(own);
  });

  it('begins at the reply headers of clients in other languages, on phones, and at helpdesks’ delimiters', () => {
    for (const header of [
      'Den 14 september 2026 02:23, Acme Support (support@acme.test) skrev:',
      'På 14 september 2026 på 02:23, Acme Support (support@acme.test) skrev:',
      'Am 23.05.2017 um 01:17 schrieb Damien Kamerman:',
      'Sent from my Galaxy Acme Support <support@acme.test> wrote:',
      '---- Acme Support wrote ----',
      '------On 12/5/2026 10:14 AM, Acme Support wrote-----',
      '-------- Message transféré --------',
      '##- Please type your reply above this line -##',
      '====== Reply above this line ======',
    ])
      expect(theirWords(`Still broken for me.\n\n${header}\n> Did you clear the cache?`), header).toBe('Still broken for me.');
    // Their own "wrote" is not a header.
    for (const own of ['At 10:30 I wrote to you about the refund:\n- order 1042\n- order 1043', 'My colleague wrote the script on 12/11 and it fails.'])
      expect(theirWords(own), own).toBe(own);
  });

  it('keeps the answers of an inline reply and blanks the lines it quotes (github/email_reply_parser’s email_1_2 read as "Hi,")', () => {
    const inline = 'Hi,\nOn Tue, Dec 1, 2026 at 18:02, Acme Support <support@acme.test> wrote:\n> Which browser do you use?\n> And which version of the app?\n\nChrome 120 on Windows 11.\n\n> Did the export ever work?\n\nYes, until the update last week. Since then the file is empty.\n\n-- \nSam';
    const own = theirWords(inline);
    // Ranges into it are ranges into the message: what is kept stands where it stood.
    expect([...own].every((c, i) => /\s/.test(c) || c === inline[i])).toBe(true);
    expect(own.replace(/\s+/g, ' ').trim()).toBe('Hi, Chrome 120 on Windows 11. Yes, until the update last week. Since then the file is empty.');
    // The agent's quoted questions are not theirs; the empty file they report is.
    const r = evaluateReply({ draft: 'Hi Sam,', customerMessages: [inline], customer: { name: 'Sam Lee' }, standards: DEFAULT_PACK, now: 0 });
    expect(r.questions.map((q) => q.text).join(' ')).not.toMatch(/browser|export ever work/);
    // Under the last reply, bottom-posted, with nothing above it.
    const bottom = 'On Tue, Dec 1, 2026 at 18:02, Acme Support <support@acme.test> wrote:\n> Could you send a screenshot?\n\nHere it is, the button stays grey after I log in again.';
    expect(theirWords(bottom).trim()).toBe('Here it is, the button stays grey after I log in again.');
    // A quote the mail client wrapped without its marks, and a mailbox's escaped ">From", are no answers.
    const wrapped = 'Try the phrase parser.\n\nOn Fri, Jun 23, 2017 at 1:06 PM, Sam <sam@example.com> wrote:\n> I am a web developer on a Drupal\nsite tasked with improving search for our users and our staff.\n>\n> Thanks';
    expect(theirWords(wrapped)).toBe('Try the phrase parser.');
    const escaped = 'I hope my math makes sense.\n\nOn May 26, 2017 9:04 AM, "Sam" <sam@example.com> wrote:\n\n>From the documentation, observers do not vote,\nso when you said five nodes vote, what did you mean?\n\nPer the documentation observers are possible, correct?';
    expect(theirWords(escaped)).toBe('I hope my math makes sense.');
  });

  it('keeps field lines that are no mail header: a web form, a time given, a log line', () => {
    for (const text of [
      'Hi,\n\nName: Sam Rivera\nEmail: sam@example.com\nSubject: Refund\nMessage: I was charged twice.',
      'Please change my flight:\n\nFrom: London\nTo: Paris\nDate: 12 March',
      '# Extension – Bitwarden Vault\nAuthor: @pomdtr\n\n## Description\nIt crashes.',
      'It fails on start:\n\n2017-08-31 10:01:56 INFO ZooKeeper:438 - Initiating client connection\n09:01:03 ERROR refused',
    ])
      expect(theirWords(text), text).toBe(text);
  });

  it('leaves out a legal or virus-scan footer (before: an ask "Please consider the environment…" and upset "CONFIDENTIALITY NOTICE")', () => {
    const ask = 'Hi, my invoice shows the wrong VAT number. Can you correct it?\n\nKind regards,\nAnna Berg';
    const footer = '\n\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and may be privileged. If you are not the intended recipient, please notify the sender immediately and delete this e-mail. Any unauthorised use is strictly prohibited.\n\nPlease consider the environment before printing this email.';
    expect(theirWords(ask + footer)).toBe(ask);
    expect(theirWords('The export button does nothing. Please help.\n\nThis email has been scanned for viruses by Avast antivirus software.\nwww.avast.com')).toBe('The export button does nothing. Please help.');
    expect(theirWords('The app crashes on PDFs.\n\nMit freundlichen Grüßen\nKlaus Weber\n\nGeschäftsführer: Max Mustermann | Amtsgericht München HRB 12345')).toBe('The app crashes on PDFs.\n\nMit freundlichen Grüßen\nKlaus Weber');
    // Their last words run into the footer without a blank line.
    expect(theirWords('We never exposed Solr.\nNotice: This email and any attachments are confidential and may not be used without consent. If received in error please notify us.')).toBe('We never exposed Solr.');
    const r = evaluateReply({ draft: 'Hi Anna, I have corrected it.', customerMessages: [ask + footer], customer: { name: 'Anna Berg' }, standards: DEFAULT_PACK, now: 0 });
    expect(r.questions.map((q) => q.text)).toEqual(['Can you correct it?']);
    expect(r.mood.evidence.map((e) => e.text)).not.toContain('CONFIDENTIALITY NOTICE');
  });

  it('leaves out a signature: after "-- ", a contact block, a name and title over it', () => {
    expect(theirWords('How do I add a second user?\n\nThanks\n-- \nJohn Miller\nHead of Operations\nHave you seen our new catalogue? Click here.')).toBe('How do I add a second user?\n\nThanks');
    expect(theirWords('Can I borrow the file for 5 minutes? Thanks.\n\nCarol St. Clair\nEB 3889\n713-853-3989 (Phone)\n713-646-3393 (Fax)\ncarol.st.clair@enron.com')).toBe('Can I borrow the file for 5 minutes? Thanks.');
    expect(theirWords('Please contact me should you need anything.\n\nRegards,\nKeegan Farrell\n(713) 345-3317')).toBe('Please contact me should you need anything.\n\nRegards,\nKeegan Farrell');
    expect(theirWords('Maybe you are interested.\n\nRyan F. Ruppert\nSenior Geologist\nExxonMobil Production Co.\n\n396 West Greens Road #603\nHouston, Texas 77067\n713.431.1839 Telephone')).toBe('Maybe you are interested.');
  });

  it('keeps their own last words that look like a signature’s', () => {
    for (const text of [
      'My order has not arrived.\n\nPlease call me on 07700 900123.',
      'Where is my order?\n\nOrder: 1042\nDate: 12/11/2026\nEmail: sam@example.com',
      'Same here after upgrading to 1.2.3.\n\nSame issue here; Android 15 (05.05.2025).',
      'I demand a refund.\n\nGet no response at all from support@example.com for over 96 hours.',
      'Here are the BETA and Fee Agreement for TFS.\n\nMark\nSenior Counsel\nPhone: 713-345-8897',
      'Sam Rivera\n0800 123 456',
      'FYI\n\nMark\nSenior Counsel, ENA\nPhone: 713-345-8897',
    ])
      expect(theirWords(text).startsWith(text.split('\n\n')[0]!), text).toBe(true);
    expect(theirWords('Here are the BETA and Fee Agreement for TFS.\n\nMark\nSenior Counsel\nPhone: 713-345-8897')).toBe('Here are the BETA and Fee Agreement for TFS.');
    expect(theirWords('Please call me on 07700 900123.')).toBe('Please call me on 07700 900123.');
    expect(theirWords('Sam Rivera\n0800 123 456')).toBe('Sam Rivera\n0800 123 456');
  });

  it('leaves a message without one, and a bare forward, whole', () => {
    const plain = 'I was charged twice. On Monday I wrote to you about it and nobody answered.';
    expect(quotedMailAt(plain)).toBe(plain.length);
    const forward = '---------- Forwarded message ---------\nFrom: Bank <alerts@bank.test>\nDate: Mon, 5 Dec 2026\nYour card was charged $249 twice.';
    expect(theirWords(forward)).toBe(forward);
  });

  it('leaves out the mail client’s sign-off line ("Get Outlook for Android" was listed as a question)', () => {
    expect(theirWords("Still can't log in!!\n\nGet Outlook for Android")).toBe("Still can't log in!!");
    expect(theirWords('The export button does nothing.\n\nSent from my iPhone')).toBe('The export button does nothing.');
    expect(theirWords('I sent from my phone a photo of the receipt.')).toBe('I sent from my phone a photo of the receipt.');
    expect(theirWords('The app logs me out.\n\nSent via Acme for iOS')).toBe('The app logs me out.');
    expect(theirWords('I sent it via email yesterday.')).toBe('I sent it via email yesterday.');
    const r = evaluateReply({ draft: 'Hi Sam,', customerMessages: ["Still can't log in!!\n\nGet Outlook for Android"], customer: { name: 'Sam Lee' }, standards: DEFAULT_PACK, now: 0 });
    expect(r.questions.map((q) => q.text)).toEqual(["Still can't log in!!"]);
  });

  it('reads nothing from an automatic out-of-office reply, and still reads a customer who mentions being away', () => {
    const ooo = 'Thank you for your email. I am out of the office until Monday 12 December with limited access to email. For urgent matters please contact my colleague John at john@acme.test.';
    expect(isAutoReply(ooo)).toBe(true);
    expect(isAutoReply('Automatic reply: I will be back on 3 January.')).toBe(true);
    expect(theirWords(ooo)).toBe('');
    // Before: "Customer sounds upset — “limited”, “urgent”" and the ask "For urgent matters please contact my colleague John".
    const r = evaluateReply({ draft: 'Hi Sam, following up on your refund.', customerMessages: [ooo], customer: { name: 'Sam Lee' }, standards: DEFAULT_PACK, now: 0 });
    expect(r.mood.label).toBe('neutral');
    expect(r.questions).toEqual([]);
    expect(moodOf(ooo)).toBeUndefined();
    for (const customer of ["I'm on vacation until Monday, but my shop is down! Can you restore it?", 'I am out of the office this week and the invoice export fails with an error.']) {
      expect(isAutoReply(customer), customer).toBe(false);
    }
  });

  it('blanks the mail system’s warning above a mail from outside (before: "upset — “EXTERNAL EMAIL”, “cautious”, “Never share”")', () => {
    const ask = 'Hello, the export to CSV stopped working yesterday. Can you look into it?';
    for (const banner of [
      '[EXTERNAL EMAIL] Be cautious: this message came from outside Acme Corp. Never share your password.',
      'CAUTION: This email originated from outside of the organization. Do not click links or open attachments unless you recognize the sender and know the content is safe.',
      "You don't often get email from sam@example.com. Learn why this is important",
    ]) {
      const text = `${banner}\n\n${ask}`;
      const own = theirWords(text);
      expect(own.length).toBe(text.length);
      expect(own.trim()).toBe(ask);
      const r = evaluateReply({ draft: 'Hi Sam,', customerMessages: [text], customer: { name: 'Sam Lee' }, standards: DEFAULT_PACK, now: 0 });
      expect(r.mood.evidence.map((e) => e.text), banner).not.toContain('EXTERNAL EMAIL');
      expect(r.questions.map((q) => q.text.trim())).toEqual(['the export to CSV stopped working yesterday. Can you look into it?']);
    }
    // Their own first paragraph about an outside email stays.
    const own = 'An email that originated from outside the organization was flagged as spam. Can you whitelist it?\n\nThanks, Sam';
    expect(theirWords(own)).toBe(own);
  });

  it('reads nothing from a delivery failure the mail server sent back (before: "upset — “unable”, “LEARN MORE”")', () => {
    const bounces = [
      "Address not found\n\nYour message wasn't delivered to carol@exmaple.test because the address couldn't be found, or is unable to receive mail.\n\nLEARN MORE\n\nThe response was:\n\n550 5.1.1 The email account that you tried to reach does not exist.",
      'Mail delivery failed: returning message to sender\n\nThis message was created automatically by mail delivery software. A message that you sent could not be delivered to one or more of its recipients. This is a permanent error.',
      'Delivery has failed to these recipients or groups:\n\ncarol@example.test\nThe email address you entered couldn\'t be found.',
      'This is the mail system at host mx.example.test.\n\nI\'m sorry to have to inform you that your message could not be delivered to one or more recipients.',
    ];
    for (const bounce of bounces) {
      expect(theirWords(bounce), bounce).toBe('');
      expect(moodOf(bounce)).toBeUndefined();
    }
    // A customer telling of a failed delivery is read.
    for (const customer of ['My parcel was not delivered and the tracking says address not found. Where is it?', 'Your email was not delivered to my inbox, it went to spam.'])
      expect(theirWords(customer), customer).toBe(customer);
  });

  it('is not read as the customer’s mood or asks (before: "upset — “again”, “still fails”, “trouble”, “frustrating”")', () => {
    const mood = threadMood(GMAIL);
    expect(mood.label).not.toBe('upset');
    expect(mood.evidence).toEqual([]);
    expect(moodOf(GMAIL)).toBeGreaterThanOrEqual(0);
    const r = evaluateReply({ draft: 'Hi Sam, glad to hear it!', customerMessages: [GMAIL], customer: { name: 'Sam Lee' }, standards: DEFAULT_PACK, now: 0 });
    expect(r.mood.label).not.toBe('upset');
    expect(r.questions).toEqual([]);
    // Their "Thanks, that worked!" wraps up: no next step needed (the quoted thread made it 300 characters of something else).
    expect(r.results.find((x) => x.rule === 'next-step')).toMatchObject({ state: 'na', why: 'They are wrapping up: no next step needed' });
    const still = evaluateReply({ draft: 'Hi Sam, sorry it is still broken.', customerMessages: [OUTLOOK], customer: { name: 'Sam Lee' }, standards: DEFAULT_PACK, now: 0 });
    expect(still.mood.evidence.map((e) => e.text)).toEqual(['Still broken']);
    expect(still.questions.map((q) => q.text)).toEqual(['Still broken.']);
  });

  it('reads the agent’s own words when the reply box carries the thread under the draft', () => {
    const customer = 'I was charged twice for March. This is the THIRD time I write. FIX IT NOW!!';
    const draft = "Hi Sam, I've refunded the second charge today; you'll see it within 3 days. Let me know if anything else comes up.\n\nOn Mon, Dec 5, 2026 at 10:14 AM Sam Rivera <sam@example.com> wrote:\n> I was charged twice for March. This is the THIRD time I write. FIX IT NOW!!\n> Hopefully you can maybe look into it, I guess";
    const r = evaluateReply({ draft, customerMessages: [customer], customer: { name: 'Sam Rivera' }, standards: DEFAULT_PACK, now: 0 });
    const state = (rule: string) => r.results.find((x) => x.rule === rule)!.state;
    // Before: "Capitals read as shouting: “THIRD”, “FIX”, “NOW”", "Hedges …: “Hopefully”, “maybe”, “I guess”", "No warm close".
    expect(state('respectful-language')).toBe('pass');
    expect(state('confident-wording')).toBe('pass');
    expect(state('closing')).toBe('pass');
    expect(state('acknowledges-feelings')).toBe('fail');
  });

  it('reads the draft without the agent’s signature after "-- " (before: "--\\nSupport" failed its next step)', () => {
    const reply = 'Hi Anna, I have corrected the VAT number and sent the invoice again today. Let me know if anything else comes up.';
    expect(agentWords(`${reply}\n\n-- \nSam Rivera\nAcme Support | 0800 123 456`).trimEnd()).toBe(reply);
    expect(agentWords('-- \nSam')).toBe('-- \nSam');
    const r = evaluateReply({ draft: `${reply}\n\n--\nSupport`, customerMessages: ['Can you correct the VAT number and send it again?'], customer: { name: 'Anna Berg' }, standards: DEFAULT_PACK, now: 0 });
    expect(r.results.filter((x) => x.state === 'fail')).toEqual([]);
  });
});
