/**
 * The three rules that were weakest on fresh text (acknowledges-feelings, answers-questions,
 * next-step): what an agent sees for typical drafts. Examples written for this file, not taken
 * from the corpora.
 */
import { evaluateReply } from '../../../lib/standards/engine';
import { DEFAULT_PACK } from '../../../lib/standards/pack';
import type { RuleId } from '../../../lib/standards/types';
import { stepPhrases } from '../../../lib/standards/step-phrases';
import { judgeNextStep } from '../../../lib/standards/judge';
import { answersQuestions } from '../../../lib/standards/answers-questions';
import { stem } from '../../../lib/standards/text';

const NOW = 1_790_000_000_000;
function check(customer: string, draft: string, rule: RuleId, standards = DEFAULT_PACK) {
  const r = evaluateReply({ draft, customerMessages: [customer], customer: { name: 'Robin Park' }, standards, now: NOW });
  return { result: r.results.find((x) => x.rule === rule)!, questions: r.questions, mood: r.mood };
}

describe('acknowledges-feelings', () => {
  const ANGRY = 'The blender you sent arrived with a cracked jug. I paid $180 for this and I need it for my restaurant opening on Saturday!!';

  it('hears an upset customer even without swear words', () => {
    expect(check(ANGRY, 'Hi Robin,', 'acknowledges-feelings').mood.label).not.toBe('neutral');
  });

  it('passes an apology that names their problem, fails a generic one', () => {
    expect(check(ANGRY, "Hi Robin, I'm sorry the jug arrived cracked right before your restaurant opening.", 'acknowledges-feelings').result.state).toBe('pass');
    const generic = check(ANGRY, 'Hi Robin, sorry for any inconvenience. A new one is on its way.', 'acknowledges-feelings').result;
    expect(generic.state).toBe('fail');
    expect(generic.why).toMatch(/^Apologises without acknowledging/);
    expect(check(ANGRY, 'Hi Robin, sorry about that!', 'acknowledges-feelings').result.state).toBe('fail');
  });

  it('recognises owning the experience and sharing the feeling', () => {
    for (const draft of ["Hi Robin, that's not the experience we want you to have.", "Hi Robin, I'd be upset too.", 'Hi Robin, a cracked jug days before opening is the last thing you need.']) {
      expect(check(ANGRY, draft, 'acknowledges-feelings').result.state, draft).toBe('pass');
    }
  });

  it('is na when the customer says they are not upset', () => {
    expect(check("I'm not upset, just confused about which invoice to pay.", 'Hi Robin, pay the one dated 3 May.', 'acknowledges-feelings').result.state).toBe('na');
  });
});

describe('answers-questions', () => {
  // Seen on FreeScout with a real report (gh-support dev split): "Afer resetting password I am still
  // unable to login." was listed under "Their questions"; nothing was asked, so it is what they reported.
  it('names a complaint taken as the request as what they reported, not a question', () => {
    const customer = 'After resetting my password I am still unable to log in. Have tried twice.';
    const met = check(customer, 'Please send a request to support@example.org with your username.', 'answers-questions');
    expect(met.questions.every((q) => q.implicit)).toBe(true);
    expect(met.result).toMatchObject({ state: 'pass', why: 'Takes up what they reported' });
    expect(check(customer, 'Thanks for writing in.', 'answers-questions').result.why).toMatch(/^Does not take up what they reported: “After resetting/);
  });

  // Seen on FreeScout (train split): "What they reported: I was still logged in, so that scared me." for a
  // report whose problem was the sentence before it.
  it('takes "found no notes" for what they reported, before a "still" that goes on', () => {
    const customer = 'On upgrade to the newest version, I opened the app and found no notes. I was still logged in, so that scared me.';
    const { questions } = check(customer, 'Thanks for writing in.', 'answers-questions');
    expect(questions.map((q) => q.text)).toEqual(['On upgrade to the newest version, I opened the app and found no notes.']);
  });

  // Probed: a bare "?" nudge was listed as their question "?".
  it('lists no question without a word: a "?" nudge points back to what they asked', () => {
    expect(check('How do I export my projects to CSV?\n\n?', 'Hi Robin,', 'answers-questions').questions.map((q) => q.text)).toEqual(['How do I export my projects to CSV?']);
    expect(check('??', 'Hi Robin,', 'answers-questions').questions).toEqual([]);
  });

  // Probed: "What they reported: Really annoying." for an app that logs them out.
  it('takes the problem, not the feeling about it, for what they reported', () => {
    for (const [customer, reported] of [
      ['The app logs me out every few minutes. Really annoying.', 'The app logs me out every few minutes.'],
      ['Really annoying. The app logs me out every few minutes.', 'The app logs me out every few minutes.'],
      ['It keeps crashing on start. This is so frustrating!', 'It keeps crashing on start.'],
    ] as const)
      expect(check(customer, 'Thanks for writing in.', 'answers-questions').questions.map((q) => q.text), customer).toEqual([reported]);
  });

  // Seen on FreeScout (train split, a bug-report template): "What they reported: **Describe the bug**".
  it('never takes a template heading for what they reported', () => {
    const customer = '**Describe the bug**\nHad a 500+ day streak, which was lost when I forgot to mark off tasks that day.\n**Expected behavior**\nStreak should only be lost if tasks are not completed';
    const { questions } = check(customer, 'Thanks for writing in.', 'answers-questions');
    expect(questions.map((q) => q.text)).toEqual(['Had a 500+ day streak, which was lost when I forgot to mark off tasks that day.']);
  });

  // Seen on FreeScout (train split, habitica): "Does not take up what they reported" under a reply that
  // asked for the user's id to look into the lost gems.
  it('takes a question back as taking up a report, not a canned "have you tried…?"', () => {
    const customer = 'Bought gems and a quest scroll yesterday. Today the quest is gone and the gems are still missing.';
    expect(check(customer, 'UUID? Might be hitting the bug where a user is in two parties at once', 'answers-questions').result.state).toBe('pass');
    expect(check(customer, 'Hi Robin, have you tried turning it off and on again?', 'answers-questions').result.state).toBe('fail');
  });

  // Fresh dev (paraphrased): "What am I doing wrong?" beside a second question went "not addressed"
  // under a reply that said what to change; "what would you recommend?" under "switch to another vendor".
  it('takes what the customer needs to do as the answer to "what am I doing wrong?" and "what would you recommend?"', () => {
    const customer = 'The restore fails with "file not found". What am I doing wrong? Should the tool not ask first whether to back up or restore?';
    const { questions } = check(customer, "You need to remove the quotes and spaces from the file path. If that doesn't work, try a folder without spaces.", 'answers-questions');
    expect(questions.find((q) => /doing wrong/.test(q.text))?.answered).toBe(true);
    const advice = check('Port 25 is blocked by my host. If it is not possible, what would you recommend doing?', 'Port 25 is required, so switch to a host that allows it.', 'answers-questions');
    expect(advice.result.state).toBe('pass');
  });

  // Seen on FreeScout (train split): "1 of 2 not addressed: “I demand a refund.”" for a reply that had sent it.
  it('counts a deed done after an @handle ("@sam sent refund to you.") for every ask it settles', () => {
    const customer = 'Can I apply for a refund?\n\nThe sync cannot see the Synced status.\n\nI demand a refund.';
    expect(check(customer, '@sam sent refund to you.', 'answers-questions').result.state).toBe('pass');
  });

  it('hears "I demand …" and "requesting …" as requests (seen on FreeScout, train split)', () => {
    const { questions } = check('The limit just got reset. im very not happy and requesting a full credits recharge.', 'Hi Robin,', 'answers-questions');
    expect(questions.map((q) => q.text).join(' ')).toMatch(/requesting a full credits recharge/);
    expect(questions.every((q) => !q.implicit)).toBe(true);
  });

  it('finds questions written without a question mark', () => {
    const { questions } = check('Quick one: which plan is right for a team of 8. Also, can I pay yearly', 'Hi Robin,', 'answers-questions');
    expect(questions.map((q) => q.text)).toEqual(['Quick one: which plan is right for a team of 8.', 'Also, can I pay yearly']);
  });

  it('needs each question met on its own words, not on a word they share', () => {
    const customer = 'Any news on my replacement card? And can I change the card PIN online?';
    const partial = check(customer, 'Hi Robin, yes: open Cards → PIN and pick a new one.', 'answers-questions');
    expect(partial.result.state).toBe('fail');
    expect(partial.questions.map((q) => q.answered)).toEqual([false, true]);
    const both = check(customer, 'Hi Robin, your replacement card was posted today. Yes, you can change the PIN under Cards → PIN.', 'answers-questions');
    expect(both.result.state).toBe('pass');
  });

  it('does not take the customer\'s courtesy offer for an ask', () => {
    const { questions } = check('My invoice shows the wrong VAT number, can you reissue it? Please let me know if you need any further details from me.', 'Hi Robin,', 'answers-questions');
    expect(questions.map((q) => q.text)).toEqual(['My invoice shows the wrong VAT number, can you reissue it?']);
    // Asking whether something exists is still an ask, whatever its opening.
    expect(check('Please let us know if there is any way to recover the lost data.', 'Hi Robin,', 'answers-questions').questions).toHaveLength(1);
  });

  it('does not take a protest for a question ("Seriously?", "what\'s the point…?")', () => {
    const { questions } = check("You charged me twice. Seriously?! Can you refund the second charge? What's the point of paying if nobody answers?", 'Hi Robin,', 'answers-questions');
    expect(questions.map((q) => q.text)).toEqual(['Can you refund the second charge?']);
    const contracted = check("You raised the fare twice after I booked. How's that fair? Please refund the difference.", 'Hi Robin,', 'answers-questions').questions;
    expect(contracted.map((q) => q.text)).toEqual(['Please refund the difference.']);
    // Seen on FreeScout (train split): "…one chat with Gemini 3 Flash; wtf ??" was listed as an ask.
    const wtf = check('All my credits are gone after one chat. I only had one chat with the Flash model; wtf ??', 'Hi Robin,', 'answers-questions').questions;
    expect(wtf.filter((q) => !q.implicit).map((q) => q.text)).toEqual([]);
  });

  it('takes a question back, a hand-over or a done deed as addressing a lone ask, in any words', () => {
    // Paraphrased from real staff replies the model called "not addressed" (issue #12's train split).
    for (const [customer, draft] of [
      ['Please check my account and start the refund.', 'Which email address is the account under?'],
      ['Please give me my login back.', 'Please contact support@example.com from your account email so we can verify it.'],
      ['Unblock me pretty please.', 'Sorry about that, I unblocked your account.'],
    ]) expect(check(customer!, draft!, 'answers-questions').result.state, draft).toBe('pass');
    // Saying nothing of it, or only thanks, still is not.
    expect(check('Please check my account and start the refund.', 'Hi Robin, thanks for writing in.', 'answers-questions').result.state).toBe('fail');
    expect(check('Please check my account and start the refund.', 'Hi Robin, thank you for contacting us.', 'answers-questions').result.state).toBe('fail');
    expect(check('Please check my account and start the refund.', 'Hi Robin, please reset your password first.', 'answers-questions').result.state).toBe('fail');
  });

  it('takes an answer in other words as an answer, and only courtesy as none', () => {
    // Paraphrased from real staff replies called "not addressed" because they shared no word with the ask (train split).
    for (const [customer, draft] of [
      ['Where can I find the fmp4 option?', 'Web UI, top right corner, Settings → Playback.'],
      ['Does the app download the videos directly from the site?', 'Yes.'],
    ]) expect(check(customer!, draft!, 'answers-questions').result.state, draft).toBe('pass');
    for (const draft of ['Ok', 'Hi Robin,\n\nThanks for your message!\n\nBest,\nSam']) {
      expect(check('Is the service down?', draft, 'answers-questions').result.state, draft).toBe('fail');
    }
  });

  it('takes a question back, a hand-over or a deed as covering several asks that share none of its words', () => {
    const customer = 'My order never arrived. Can you send it again? Or refund me?';
    expect(check(customer, 'Could you send me your order number?', 'answers-questions').result.state).toBe('pass');
    // A deed done covers them too, even when it shares a word with one of them (dev and train replies).
    expect(check('I would like to have a refund for today’s charge. Did you get the refund request?', 'Refunded the entire subscription! Apologies about the delay.', 'answers-questions').result.state).toBe('pass');
    expect(check('Please confirm whether anyone got their money back.', 'ACK, on it!', 'answers-questions').result.state).toBe('pass');
    // A reply that takes up one ask's words and not the other's still misses the other.
    const twoAsks = 'Hi, any news on the corrected invoice? Also, can I add a PO number to future invoices';
    expect(check(twoAsks, "Hi Kofi, I'll check on the invoice and get back to you.", 'answers-questions').result.state).toBe('fail');
  });

  it('takes steps or a help link as the answer to a how-to question', () => {
    expect(check('How can I add a signature to my emails?', 'Hi Robin, open Settings and type it in the Signature box.', 'answers-questions').result.state).toBe('pass');
    expect(check('How can I add a signature to my emails?', 'Hi Robin, thanks for asking!', 'answers-questions').result.state).toBe('fail');
  });

  it('matches related words ("parcel" for "package") when the question only points ("Where is it?")', () => {
    expect(check('My package should have come on Tuesday. Where is it?', 'Hi Robin, your parcel is with the courier and arrives tomorrow.', 'answers-questions').result.state).toBe('pass');
  });
});

describe('next-step', () => {
  it('passes a completed action and customer instructions', () => {
    expect(check('The app logs me out every hour.', "Hi Robin, we've rolled back the session change, so you stay signed in.", 'next-step').result.state).toBe('pass');
    expect(check('How do I export?', 'Hi Robin, you can export from Reports → Export.', 'next-step').result.state).toBe('pass');
    expect(check('How do I export?', 'Hi Robin, type /export in any report.', 'next-step').result.state).toBe('pass');
  });

  it('does not take a deed done with nothing after it for a next step (GUIDELINE §3; fresh dev, paraphrased)', () => {
    for (const reply of ['This was resolved via email.', 'I have unbanned you.']) {
      const result = check('I paid for VIP but nothing happened.', reply, 'next-step').result;
      expect(result.state, reply).toBe('fail');
      expect(result.why, reply).toMatch(/^Says what was done \(“(?:was resolved via email|I have unbanned you)”\), not what happens next$/);
    }
    // Money takes effect later: a refund done still owes when they'll see it.
    expect(check('I was charged twice.', 'Hi Robin, I have refunded the second charge.', 'next-step').result.why).toMatch(/^Says what \(“I have refunded the second charge”\) but not when they'll see it$/);
  });

  it('asks for a when on promises, and accepts dates and weekdays', () => {
    expect(check('Is my plan ending?', "Hi Robin, we'll look into it.", 'next-step').result.why).toMatch(/not when/);
    expect(check('Is my plan ending?', 'Hi Robin, your plan will end on 30 November.', 'next-step').result.state).toBe('pass');
    expect(check('When does it ship?', 'Hi Robin, our team expects a fix by Friday.', 'next-step').result.state).toBe('pass');
  });

  it('leaves the when to the team: a pack that does not require one passes the step and says none was given', () => {
    const relaxed = { ...DEFAULT_PACK, stepNeedsWhen: false };
    const promise = check('Is my plan ending?', "Hi Robin, we'll look into it.", 'next-step', relaxed).result;
    expect(promise.state).toBe('pass');
    expect(promise.why).toBe('Next step: “we\'ll look into it” (no when said)');
    const refund = check('I was charged twice.', 'Hi Robin, I have refunded the second charge.', 'next-step', relaxed).result;
    expect([refund.state, refund.why]).toEqual(['pass', 'Next step: “I have refunded the second charge” (no when said)']);
    // Nothing changes where there is no step, or a when is given.
    expect(check('Is my plan ending?', 'Hi Robin.', 'next-step', relaxed).result.state).toBe('fail');
    expect(check('When does it ship?', 'Hi Robin, our team expects a fix by Friday.', 'next-step', relaxed).result.why).toMatch(/… “by Friday”$/);
    expect(check('Is my plan ending?', "Hi Robin, we'll look into it.", 'next-step', { ...DEFAULT_PACK, stepNeedsWhen: true }).result.state).toBe('fail');
  });

  // On real train + dev replies the step was shown as the words found: "Next step: “Try”", "“Download”".
  it('shows the step whole, to its clause end, with its when quoted on its own', () => {
    const why = (reply: string) => check('The backup will not restore.', reply, 'next-step').result.why;
    expect(why('Try using the previous version from the store, and see if the backup zip restores.')).toBe('Next step: “Try using the previous version from the store”');
    expect(why('Download any release version you want here: https://example.org/releases')).toBe('Next step: “Download any release version you want here”');
    expect(why('Hi Robin, you should see the claim button by end of this week.')).toBe('Next step: “you should see the claim button” … “this week”');
    expect(why('Hi Robin, please try to replace the config with [this one](https://example.org/c).')).toBe('Next step: “please try to replace the config”');
  });

  it('asks no when of a step asked of the customer (train-split real replies)', () => {
    const asked = check('The sync stopped, what should I do?', 'Can you please let me know if you have edited any state files?', 'next-step').result;
    expect(asked.state).toBe('pass');
    expect(asked.why).toBe('Next step: “Can you please let me know if you have edited any state fil…”');
  });

  // Seen on FreeScout with a real chat's last turn (ABCD dev split): "great thanks for your help" got "No next step".
  it('needs no next step when the customer is wrapping up, but still does after a bare "yes"', () => {
    for (const closing of ['great thanks for your help', 'That is all. Thank you', 'ok thanks!', 'Working great now. Thanks!']) {
      expect(check(closing, 'A pleasure to help you, have a nice day!', 'next-step').result.state, closing).toBe('na');
    }
    expect(check('yes', 'A pleasure to help you, have a nice day!', 'next-step').result.state).toBe('fail');
    expect(check('Thanks, but it still does not work', 'Sorry to hear that.', 'next-step').result.state).toBe('fail');
    expect(check('ok thanks', "You're welcome. Your refund will arrive by Friday.", 'next-step').result.state).toBe('pass');
  });

  // Seen on FreeScout: "Thanks, that worked!" (above the agent's quoted answer) got "No next step".
  it('takes a thanks for a fix that worked as wrapping up, not a thanks beside what still fails', () => {
    for (const closing of ['Thanks, that worked!', 'That fixed it, thank you!', 'All good now, thanks!', 'Problem solved, thanks a lot', 'It worked perfectly, thank you. Have a good day']) {
      expect(check(closing, 'Great to hear it works now. Let me know if anything else comes up.', 'next-step').result.state, closing).toBe('na');
    }
    expect(check('Thanks, that worked for the invoices but the export still fails', 'Glad the invoices work.', 'next-step').result.state).toBe('fail');
    expect(check('That worked!', 'Great to hear it works now.', 'next-step').result.state).toBe('fail');
  });

  it('takes "never mind, I found it" as their earlier asks withdrawn: no answer, article or next step owed', () => {
    const run = (messages: string[], draft: string) => evaluateReply({ draft, customerMessages: messages, customer: { name: 'Sam Lee' }, standards: DEFAULT_PACK, now: 0 });
    for (const last of ['Never mind, I found it in Settings. Thanks!', 'Update: figured it out, please ignore.', 'nvm, solved it myself', 'Please disregard my last email, I found the option.']) {
      const r = run(['How do I export my notes to CSV?', last], 'Hi Sam, glad you found it! Let me know if anything else comes up.');
      // Before: "1 of 1 not addressed", "How-to question: link the help article", "No next step".
      expect(r.questions, last).toEqual([]);
      expect(r.results.filter((x) => x.state === 'fail').map((x) => x.rule), last).toEqual([]);
    }
    // Not with a new question or a problem beside it.
    expect(run(['How do I export my notes to CSV?', 'Never mind the export, the import still fails.'], 'Hi Sam, sorry about that.').questions.length).toBeGreaterThan(0);
    expect(run(['How do I export to CSV?', 'Never mind that. Can you add my colleague as an admin instead?'], 'Hi Sam,').questions.map((q) => q.text)).toContain('Can you add my colleague as an admin instead?');
  });

  // Seen on FreeScout (train split): "Says what (“we can do”) but not when" for "Is there anything else we can do?".
  it('does not take an offer ("anything else we can do?") for a promised step', () => {
    expect(stepPhrases('Is there anything else we can do? Let me know if there is anything I can help with.').later).toBeUndefined();
    expect(stepPhrases('We can extend your trial, and I will send the invoice.').later?.text).toBe('We can extend');
  });

  // Paraphrased from real staff replies labelled a next step that the model read at 0.03–0.2 (train split).
  it('takes something set in motion for the customer, said in the passive, as a next step', () => {
    for (const draft of ['Hi Sam, a password reset has now been issued.', 'This charge has been refunded. Please reopen this if you do not see it within 3-4 days.', 'We apologise for any inconvenience. Your refund has been submitted; it can take 5-10 business days to appear.', 'Hi Sam, thanks for following up! Looks like your refund has already been processed.']) {
      expect(judgeNextStep(draft).yes, draft).toBe(true);
    }
    expect(stepPhrases('Hi Sam, a password reset has now been issued.').done?.text).toBe('reset has now been issued');
    // A status is not: "has been fixed / resolved" says nothing of what comes next.
    expect(judgeNextStep('This has been resolved, closing.').yes).toBe(false);
  });

  // Seen on FreeScout (train split, ghs-habitrpg-habitica-4603-t1): "Says what (“you should have”) but not when".
  it('does not take how things stand ("you should have the ability to…") for a promised step', () => {
    expect(stepPhrases('But you should have the ability to convert gems to gold.').later).toBeUndefined();
    expect(stepPhrases('You should have received an email from us.').later).toBeUndefined();
    expect(stepPhrases('You should have it by Friday.').later?.text).toBe('You should have it');
    const draft = 'But you should have the ability to convert gems to gold.\n\nCan you confirm that after refreshing the page you still do not see it?';
    expect(check('I have no gems.', draft, 'next-step').result).toMatchObject({ state: 'pass', why: 'Next step: “Can you confirm that after refreshing the page you still do…”' });
  });

  // Seen on FreeScout (train split, ghs-shippable-support-4604-t3): "Says what (“we can do”) but not when".
  it('does not take what cannot be done ("nothing we can do") for a promised step', () => {
    for (const reply of ["There's nothing we can do about delayed webhooks, except watch the status page.", 'There is little we can do here.', 'Not much I can do from our side.']) {
      expect(stepPhrases(reply).later, reply).toBeUndefined();
    }
    expect(stepPhrases("There's nothing wrong with your account; we can reset the key today.").later?.text).toBe('we can reset');
  });

  it('quotes our promise, not what we cannot guarantee, and hears a colleague\'s commitment (seen on FreeScout)', () => {
    const hedged = 'Although we test before shipping, we cannot guarantee that the product will be entirely unaffected. I will have our support team contact you.';
    expect(stepPhrases(hedged).later?.text).toBe('I will have our support team contact you');
    expect(stepPhrases("I can't promise the parcel will arrive this week.").later).toBeUndefined();
    const colleague = 'My colleague David will arrange a replacement. Will leave this issue open until we know more.';
    expect(stepPhrases(colleague).later?.text).toBe('My colleague David will arrange');
    expect(stepPhrases('Our billing team will refund it by Friday.').later?.text).toBe('Our billing team will refund');
    // A light verb runs on to its clause's end, whole words only, before its when.
    expect(stepPhrases("We'll get back to you").later?.text).toBe("We'll get back to you");
    expect(stepPhrases("We'll get back to you by Friday.").later?.text).toBe("We'll get back to you");
    expect(stepPhrases("I'll be in touch with the details of the new plan and everything else you asked about").later?.text).toBe("I'll be in touch with the details of the new plan and everything");
  });

  it('does not count a hedged suggestion or "please calm down" as a step', () => {
    expect(check('It crashes.', 'Hi Robin, I think you can reinstall it.', 'next-step').result.state).toBe('fail');
    // "maybe try another browser?" left this list on 3 Dec 2026: issue #12's definition counts "try Y"
    // as a step, hedged or not, and the model trained on the labelled real replies now agrees; a
    // borderline like it is settled by those labels, not by a hand-written case.
    expect(check('It crashes!!', 'Hi Robin, please calm down.', 'next-step').result.state).toBe('fail');
  });
});

describe('respectful-language on the way real staff write', () => {
  // Paraphrased from the kinds of civil replies the phrase lists used to flag (train/dev of issue #12's data).
  const customer = 'My licence key never arrived and I paid yesterday.';
  const state = (draft: string) => check(customer, draft, 'respectful-language').result;

  it('does not take handles, codes or one word of emphasis for shouting; two words in capitals still are', () => {
    for (const draft of [
      'Hi @FROZENBARENTS, sorry for the trouble. Your tracking ID is EXPOSUREAPP-10939; set MAX_SEATS in #LICENCE to 5.',
      'I have moved your billing. Please do NOT pay the old invoice.',
      'Thanks for the repro steps, HUGELY appreciated.',
    ]) expect(state(draft).state, draft).toBe('pass');
    const shouted = state('Hi Robin, the key was sent. PLEASE check your spam folder BEFORE writing again.');
    expect(shouted.state).toBe('fail');
    expect(shouted.why).toMatch(/^Capitals read as shouting: “PLEASE”, “BEFORE”/);
  });

  it('hears a blame phrase denied or used as an expectation as what it is', () => {
    for (const draft of [
      "I'm so sorry, and it wasn't at all your fault: the payment went through on our side.",
      'You should have received an email with the key; if not, reply here and I will resend it.',
      'You should have the option under Settings → Licence now.',
      'Once again, my apologies for the delay. The key is in your inbox.',
    ]) expect(state(draft).state, draft).toBe('pass');
    expect(state('You should have checked your spam folder first.').why).toBe('Reads as blaming or condescending: “You should have”');
    expect(state("It's your fault for typing the wrong address.").state).toBe('fail');
  });

  it('takes "obviously" owning a fault as respectful, and talking down as condescending', () => {
    // A real staff reply (gh-support dev split), labelled respectful: the agent agrees with the customer.
    expect(state("Obviously this is unacceptable app behavior, it's due to bugs in the framework we use.").state).toBe('pass');
    expect(state('Obviously that was our mistake, and the refund is on its way.').state).toBe('pass');
    expect(state("Obviously it's in the Export menu.").why).toBe('Reads as blaming or condescending: “Obviously”');
    expect(state("Invoices can't be changed once issued, obviously. Please check the settings.").state).toBe('fail');
  });

  it('flags swearing, name-calling and exasperated question marks', () => {
    expect(state('Are you fucking kidding me? You disputed the payment.').why).toBe('Reads as blaming or condescending: “Are you fucking kidding”');
    expect(state('Did you read the previous threads??? Update the app.').why).toBe('Reads as blaming or condescending: “???”');
    expect(state('Stop acting like a troll and log in.').state).toBe('fail');
    expect(state('Could you try again? Thanks!').state).toBe('pass');
  });

  it('keeps a team\'s own banned phrase even where it is denied', () => {
    const pack = { ...DEFAULT_PACK, bannedPhrases: ['no worries'] };
    const r = evaluateReply({ draft: "Not a problem, no worries at all — it's sent.", customerMessages: [customer], customer: { name: 'Robin Park' }, standards: pack, now: NOW });
    expect(r.results.find((x) => x.rule === 'respectful-language')!.state).toBe('fail');
  });
});

describe('next-step on advice (paraphrased from train)', () => {
  it('quotes the advice as the step, not the clause the model leaned on', () => {
    const result = check('My SD card shows no photos since this morning.', "Sorry to hear that. It might be the card. I'd suggest a disk clone first.", 'next-step').result;
    expect(result.state).toBe('pass');
    expect(result.why).toBe('Next step: “I\'d suggest a disk clone first”');
  });
});

describe('confident-wording on the way real staff write', () => {
  const state = (draft: string) => check('All my data is gone since this morning.', draft, 'confident-wording').result;

  // Seen on FreeScout with a real (dev split) reply: "Do you maybe have very little disk space left?" was a hedge.
  it('does not take "maybe" or "perhaps" inside a question for a hedged answer', () => {
    expect(state('Do you maybe have very little disk space left? If so, this happens automatically.').state).toBe('pass');
    expect(state('Could it perhaps be the VPN? Please try without it.').state).toBe('pass');
    expect(state('Maybe it is fixed now. Please try again?').why).toBe('Hedges undermine the answer: “Maybe”');
    expect(state("I don't know, is it still broken?").state).toBe('fail');
  });

  // Seen on FreeScout with a real (train split) reply: "so sorry, not sure how I missed your post" was a hedge.
  it('does not take doubt about our own lapse, said in apology, for a hedged answer', () => {
    expect(state('Hey, so sorry, not sure how I missed your post. The sign-in buttons render without height on ChromeOS.').state).toBe('pass');
    expect(state('No idea how we overlooked this, apologies! It is fixed in 2.3.').state).toBe('pass');
    expect(state('Not sure how this happened, maybe a sync conflict.').state).toBe('fail');
    expect(state('I am not sure how you could restore it.').state).toBe('fail');
  });
});

describe('placeholders and help links on the way real staff write', () => {
  // Both seen on FreeScout with real (dev split) staff replies.
  it('does not take a Markdown link for a placeholder', () => {
    const draft = 'If you need help with your account, try our [customer support page](https://support.example.org/hc/en-us).';
    expect(check('Why was my account suspended?', draft, 'placeholders').result.state).toBe('pass');
    expect(check('Why was my account suspended?', 'Hi [CUSTOMER NAME], see [your account page].', 'placeholders').result.why).toBe('Unfilled placeholder: “[CUSTOMER NAME]”, “[your account page]”');
  });

  it('does not read an issue template\'s "Steps to reproduce" as a how-to question, nor ask for an article on what cannot be done', () => {
    // Both seen on train-split real replies (29 of 34 how-to replies were told to link an article).
    const report = '## Description\nAll my data was reset.\n## Steps to reproduce\n1. Update to 1.3.9\n2. Start the app';
    expect(check(report, 'Which version were you using before updating?', 'knowledge-link').result.state).toBe('na');
    const impossible = check('I lost my phone. Is there a way to recover my hours?', 'Unfortunately there is no way to recover the data unless you exported a backup.', 'knowledge-link').result;
    expect(impossible.state).toBe('na');
    expect(check('How do I export my notes?', 'Hi Robin, open Settings and pick Export.', 'knowledge-link').result.state).toBe('fail');
  });

  it('quotes a how-to question at its how-to words (seen on FreeScout, train split)', () => {
    const ask = 'Could you please investigate the status of this import and let me know the next steps to move my notes to the new laptop?';
    expect(check(ask, 'Closing: stale request.', 'knowledge-link').result.why).toBe('How-to question (“…know the next steps to move my notes to the new …”): link the help article');
    expect(check('How do I export my notes?', 'Hi Robin.', 'knowledge-link').result.why).toBe('How-to question (“How do I export my notes?”): link the help article');
  });

  it('asks for no article where the how-to is the team\'s own work on the case (real train + dev replies)', () => {
    // Staff linked an article on 5 of 44 real how-to messages; these asked the team to act, not how to use the product.
    for (const ask of [
      'Could you please investigate the status of this recovery and let me know the next steps to regain access to my account?',
      'I got charged for the pro version but it does not work. How can I get the refund?',
      'All my progress is gone, i need to know how to get this back please.',
      'The sync fails with error 500 every time. How can we resolve this issue?',
      'How can I recover a suspended world Coin account',
      "I'm not sure how to proceed.",
      'Is there an idea on how to get in touch with the company directly?',
    ])
      expect(check(ask, 'Thanks, we are on it.', 'knowledge-link').result.state, ask).toBe('na');
    // Using the product is a how-to even when it is about getting data back from it.
    for (const ask of ['How can I restore it from the backups?', 'I installed the app... but how do I log in on this device?', 'Is there a way to generate reports from the client?'])
      expect(check(ask, 'Thanks, we are on it.', 'knowledge-link').result.state, ask).toBe('fail');
    // The how-to quoted is the one an article serves, not the first one in the ask.
    const both = 'My card was charged twice last week, so how can I get the refund for that, and then how do I set up the new card on my account?';
    expect(check(both, 'Thanks, we are on it.', 'knowledge-link').result.why).toBe('How-to question (“…that, and then how do I set up the new card on m…”): link the help article');
    // A wiki is documentation.
    expect(check('How can I restore it from the backups?', 'See https://www.cgsecurity.org/wiki/PhotoRec for the steps.', 'knowledge-link').result.state).toBe('pass');
  });

  it('calls a long reply a macro only when the customer wrote enough for it to take up (real train + dev replies)', () => {
    const specific = 'Confirmation complete. 2FA has been reset and a password reset issued, so you should be able to regain access to your account after completing the password reset. We now support recovery codes: please generate them and store them somewhere safe, so this does not lock you out again.';
    expect(check('Replied. Thanks @ewdurbin', specific, 'sincere-wording').result.state).toBe('pass');
    expect(check('The same happens to me', specific, 'sincere-wording').result.state).toBe('pass');
    const macro = 'Hello, we fully understand your frustration and disappointment at this moment. We sincerely regret the poor experience you encountered. Your reasonable expectations were not met, and we will share your comments with the team so that we can keep getting better for everyone who relies on us.';
    expect(check('I bought the touch screen in March, it stopped charging after two weeks, and the replacement part never shipped.', macro, 'sincere-wording').result.why).toBe('Reads like an unedited macro: nothing in it refers to what the customer wrote');
    // A word they wrote in another form is a word taken up (real replies: "I've tried … browsers" and
    // "Try going to the account settings page…" were called a macro; 8 → 3 of 850).
    const tried = "I've tried using 3 different browsers (Chrome, Firefox and Safari) and can't pick any option from the CI menu.";
    const answer = "Try going to the 'account settings' page and clicking the 'sync' button under 'account information'. We only sync public repos by default; for private repos click 'enable' for private access on that same page, in the Git identities section.";
    expect(check(tried, answer, 'sincere-wording').result.state).toBe('pass');
  });

  it('says what a link is not when the team has named no knowledge base', () => {
    const r = check('How do I recover my lost data?', 'There is an advice section here: https://github.com/example/app/issues/4313', 'knowledge-link').result;
    expect(r.why).toBe('“https://github.com/example/app/issues/4313” does not look like a help article');
  });
});

describe('answers-questions with an ask the model is unsure of (SURE_ASK)', () => {
  const q = (text: string, answered: boolean, unsure?: boolean) => ({ start: 0, end: text.length, text, answered, ...(unsure && { unsure }) });
  const verdict = (questions: ReturnType<typeof q>[]) => answersQuestions.check({ questions } as never);
  it('lists it but does not fail the reply for skipping it', () => {
    expect(verdict([q('Can I change the address?', true), q('Maybe I typed my email wrong?', false, true)])).toMatchObject({ state: 'pass', why: 'Addresses what they clearly asked' });
    expect(verdict([q('Can I change the address?', false), q('Maybe I typed my email wrong?', false, true)])).toMatchObject({ state: 'fail', why: expect.stringMatching(/^1 of 2 not addressed: “Can I change the address\?”/) });
    expect(verdict([q('Can I change the address?', true)])).toMatchObject({ state: 'pass', why: 'Addresses the question' });
    expect(verdict([q('Maybe I typed my email wrong?', false, true)])).toMatchObject({ state: 'na', why: 'Nothing clearly asked' });
  });
});

describe('short past forms stem like the rest ("fixed" and "fixes" are one word)', () => {
  it('meets "when will it be fixed?" with "engineering fixes it on Thursday"', () => {
    expect([stem('fixed'), stem('fixes'), stem('fixing')]).toEqual(['fix', 'fix', 'fix']);
    expect([stem('saved'), stem('save')]).toEqual(['sav', 'sav']);
    expect([stem('need'), stem('speed')]).toEqual(['need', 'speed']);
    expect(['try', 'tried', 'tries', 'trying'].map(stem)).toEqual(['tri', 'tri', 'tri', 'tri']);
    expect(['reply', 'replies', 'replied'].map(stem)).toEqual(['repli', 'repli', 'repli']);
    expect(['installed', 'installation', 'installations', 'rude', 'rudeness'].map(stem)).toEqual(['instal', 'instal', 'instal', 'rud', 'rud']);
    // A "y" after a vowel stays; the synonyms still meet.
    expect(['day', 'days', 'pay', 'delivery', 'delivered', 'modify'].map(stem)).toEqual(['day', 'day', 'pay', 'deliver', 'deliver', 'fix']);
    const customer = 'The CSV export drops the last row since yesterday. Can you tell me when it will be fixed?';
    expect(check(customer, 'Hi Robin, engineering fixes the CSV export on Thursday.', 'answers-questions').result.state).toBe('pass');
  });
});
