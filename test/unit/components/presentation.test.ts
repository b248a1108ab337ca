import { afterEach, describe, expect, it } from 'vitest';
import { addMaskedNames, maskText, namesShown, setMaskedNames } from '@/components/presentation';

afterEach(() => setMaskedNames([]));

describe('presentation mode inside free text (#16)', () => {
  it('turns the customer’s names into initials wherever they stand as words, with emails and phones masked as before', () => {
    setMaskedNames(['José Núñez', 'Pepe']);
    expect(maskText('Open with “Hi José,”')).toBe('Open with “Hi J.,”');
    expect(maskText('josé núñez wrote; call Pepe on +34 612 345 678 or jose.nunez@example.es')).toBe('J. N. wrote; call P. on +•• ••• ••• •78 or j•••@e•••.es');
    // Only whole words: a name inside another word stays.
    expect(maskText('Josefina and Pepperoni')).toBe('Josefina and Pepperoni');
  });

  it('masks no name until a view says whose names are on screen; a new customer replaces the old', () => {
    expect(maskText('Hi Sam,')).toBe('Hi Sam,');
    setMaskedNames(['Sam Rivera']);
    expect(maskText('Hi Sam,')).toBe('Hi S.,');
    setMaskedNames(['Dana Whitfield']);
    expect(maskText('Hi Sam, Dana here')).toBe('Hi Sam, D. here');
    addMaskedNames(['Sam Rivera']);
    expect(maskText('Hi Sam, Dana here')).toBe('Hi S., D. here');
  });

  it('takes the names a sidebar shows: the page’s, the stored full and preferred name, and the greeting’s', () => {
    const names = namesShown({
      kind: 'ticket',
      customer: { name: 'Samantha Rivera' },
      panels: { checklist: { greeting: 'Hi Sam,' }, memory: { context: { customer: { name: 'Samantha Rivera', preferredName: 'Sammy' } } } },
    });
    expect(names).toEqual(['Samantha Rivera', 'Samantha Rivera', 'Sammy', 'Sam']);
  });
});
