import { evaluateReply } from '../../../lib/standards/engine';
import { DEFAULT_PACK } from '../../../lib/standards/pack';

const closingOf = (draft: string) =>
  evaluateReply({ draft, customerMessages: ['Yes how much do you charge'], customer: { name: 'Tomás Ruiz' }, standards: DEFAULT_PACK, now: 0 }).results.find((r) => r.rule === 'closing')!;

describe('closing', () => {
  it('hears an offer of more help however "any more" is written', () => {
    // Seen on FreeScout (abcd, train split): "We charge 4.99.\nDo you have anymore questions?" failed.
    for (const offer of ['Do you have anymore questions?', 'Any more questions?', 'Any other question?', 'Do you have any questions?', 'Any further questions, just ask.']) {
      expect(closingOf(`We charge 4.99.\n${offer}`).state, offer).toBe('pass');
    }
  });
  it('still fails a reply that offers nothing', () => {
    expect(closingOf('We charge 4.99.').state).toBe('fail');
    expect(closingOf('We charge 4.99 for anymore wrapping.').state).toBe('fail');
  });
});
