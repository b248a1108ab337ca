import { describe, expect, it } from 'vitest';
import { greetingName } from '../../../lib/standards/names';
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
