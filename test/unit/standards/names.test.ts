import { describe, expect, it } from 'vitest';
import { greetingName, signedName } from '../../../lib/standards/names';
import { evaluateReply } from '../../../lib/standards/engine';
import { DEFAULT_PACK } from '../../../lib/standards/pack';

const greet = (draft: string, name: string) =>
  evaluateReply({ draft, customerMessages: ['Hi, a quick question about my invoice.'], customer: { name }, standards: DEFAULT_PACK, now: 0 }).results.find((r) => r.rule === 'greets-by-name')!;

describe('the name to greet a requester with, as helpdesk pages write names', () => {
  it.each([
    ['Sam Rivera', 'Sam'],
    ['Rivera, Sam', 'Sam'],
    ['Dr. Sam Rivera', 'Sam'],
    ['Mr Smith', 'Mr Smith'],
    ['SAM RIVERA', 'Sam'],
    ['sam.rivera', 'Sam'],
    ['José Álvarez', 'José'],
    ["mary-jane o'neil", 'mary-jane'],
    ['Sam (Acme Corp)', 'Sam'],
  ])('%s → %s', (name, expected) => {
    expect(greetingName({ name })).toBe(expected);
  });

  it.each(['J. Smith', 'Customer', 'Unknown', 'noreply', 'support@acme.com', 'Dr.'])('%s → no name to greet with', (name) => {
    expect(greetingName({ name })).toBeUndefined();
  });

  it('asks for the right greeting, never “Hi Dr.,”', () => {
    expect(greet('Hello, thanks for writing.', 'Dr. Sam Rivera').why).toBe('No greeting by name: open with “Hi Sam,”');
    expect(greet('Hi Mr. Smith, thanks for writing.', 'Mr Smith').state).toBe('pass');
    expect(greet('Hi Sam, thanks for writing.', 'SAM RIVERA').state).toBe('pass');
    expect(greet('Hello, thanks for writing.', 'Customer').state).toBe('na');
    // A preferred name the agent saved still wins.
    expect(greetingName({ name: 'Dr. Samantha Rivera', preferredName: 'Sam' })).toBe('Sam');
  });
});

describe('the name a message is signed with', () => {
  it.each([
    ['If you can restore my account that would be super.\n\nMuch thanks,\nDavid', 'David'],
    ['Could you send it to me?\n\nThanks,\nGreta', 'Greta'],
    ['Any news?\nKind regards\nDavid Ng', 'David'],
    ['Any news?\nBest wishes,\nJOSÉ', 'José'],
    ['Any news?\nCheers -\nMaria', 'Maria'],
    ['Thanks a lot,\nbest regards;\nMichael', 'Michael'],
  ])('%j → %s', (message, expected) => {
    expect(signedName(message)).toBe(expected);
  });

  it.each([
    ['Thanks John!'], // it may thank the agent
    ['great thanks for your help'],
    ['Please help.\nThanks,\nSent from my iPhone'],
    ['Please help.\nRegards,\nAcme Inc'],
    ['Please help.\nThanks,\nThe Smiths'],
    ['Please help.\nThanks,\nJ.'],
    ['Please help.\nThanks,\nDavid from the warehouse team'],
    ['Thanks, that worked!\n\nOn Mon, Dec 5, 2026 at 10:14 AM Alice <support@acme.test> wrote:\nCould you try again?\nBest,\nAlice'],
    ['Thanks!\n> Best,\n> Alice'],
    ['Still broken.\nThanks,\nalice'],
  ])('%j → nobody', (message) => {
    expect(signedName(message)).toBeUndefined();
  });

  it('a greeting of whoever signed passes, and a failing one suggests them', () => {
    const check = (draft: string, customer: { name?: string; alsoWriting?: string[]; greetAs?: string }) =>
      evaluateReply({ draft, customerMessages: ['Please restore my account.\nMuch thanks,\nDavid'], customer, standards: DEFAULT_PACK, now: 0 }).results.find((r) => r.rule === 'greets-by-name')!;
    const meiSignedDavid = { name: 'Mei Lin', alsoWriting: ['David'], greetAs: 'David' };
    expect(check('Hi David, I have restored it.', meiSignedDavid).state).toBe('pass');
    expect(check('Hi Mei, I have restored it.', meiSignedDavid).state).toBe('pass');
    expect(check('I have restored it.', meiSignedDavid).why).toBe('No greeting by name: open with “Hi David,”');
    // A customer with no usable name who signs theirs.
    expect(check('I have restored it.', { name: 'noreply', alsoWriting: ['David'], greetAs: 'David' }).why).toBe('No greeting by name: open with “Hi David,”');
    expect(check('Hi David, done.', { name: 'noreply', alsoWriting: ['David'], greetAs: 'David' }).state).toBe('pass');
    // Not a name: ignored.
    expect(check('Done.', { name: 'Mei Lin', greetAs: '<b>' }).why).toBe('No greeting by name: open with “Hi Mei,”');
  });
});
