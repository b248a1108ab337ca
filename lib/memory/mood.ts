/**
 * The customer's mood on a message, -5..5 (negative: upset), from the AFINN-165 lexicon with
 * negation ("not happy" counts as unhappy). Background only: the lexicon is big.
 */
import Sentiment from 'sentiment';

let analyser: Sentiment | undefined;

export function moodOf(text: string): number {
  analyser ??= new Sentiment();
  const { score } = analyser.analyze(text.slice(0, 5000));
  // Long messages pile up words; squash the sum into the lexicon's own -5..5 range.
  return Math.max(-5, Math.min(5, Math.round(score / 2)));
}
