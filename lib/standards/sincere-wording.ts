/** Sincerity: no boilerplate that reads insincere, no macro text left unpersonalised. */
import { fail, pass, type Rule } from './types';
import { findPhrases, keywords, quote } from './text';

export const BOILERPLATE = [
  'we apologize for any inconvenience', 'we apologise for any inconvenience', 'apologies for any inconvenience',
  'sorry for any inconvenience', 'sorry for the inconvenience', 'we apologize for the inconvenience', 'we apologise for the inconvenience',
  'we regret any inconvenience', 'sorry for any inconvenience caused', 'apologize for any inconvenience this may have caused',
  'apologise for any inconvenience this may have caused', 'we apologize for the inconvenience caused',
  'your call is important to us', 'your business is important to us', 'your satisfaction is our top priority', 'your satisfaction is our priority',
  'we value your business', 'we value you as a customer', 'we value your feedback', 'thank you for contacting us', 'thank you for reaching out to us',
  'thank you for your patience and understanding', 'we appreciate your patience and understanding', 'please be advised', 'kindly be informed',
  'we strive to provide', 'we are committed to providing', 'rest assured', 'we understand your frustration', 'we understand your concern',
  'we take this matter very seriously', 'we take all feedback seriously', 'i hope this email finds you well', 'hope this message finds you well',
  'valued customer', 'dear customer',
];

export const sincereWording: Rule = {
  id: 'sincere-wording',
  standard: 'sincerity',
  label: 'Sincere wording',
  reads: 'draft',
  check({ draft, customerText }) {
    const hits = findPhrases(draft, BOILERPLATE);
    if (hits.length) return fail(`Reads as boilerplate: ${quote(hits[0]!.text)}${hits.length > 1 ? ` (+${hits.length - 1})` : ''}`, hits);
    // A macro pasted as is: a long reply that takes up nothing the customer wrote.
    if (draft.trim().length > 250 && customerText.trim()) {
      const theirs = keywords(customerText);
      const ours = keywords(draft);
      const shared = [...ours].filter((k) => theirs.has(k)).length;
      if (shared === 0) return fail('Reads like an unedited macro: nothing in it refers to what the customer wrote');
    }
    return pass('No boilerplate phrases');
  },
};
