/** Knowledge: how-to questions get a link to the documentation or knowledge base. */
import { fail, na, pass, type Rule } from './types';
import { findAll, quote } from './text';
import { draftReadings } from './answers-questions';

/** Not an issue template's "Steps to reproduce" / "how to reproduce it" (seen on real reports). */
const HOW_TO = /\b(?:how (?:do|can|should|would) (?:i|we|you)|how to(?! reproduce)|where (?:do|can) (?:i|we) (?:find|set|change|turn|see|get|add)|is there a way to|what are the steps|steps to(?! reproduce)|set ?up|configure|walk me through|instructions? (?:for|on|to))\b/i;
const KB_LIKE = /^https?:\/\/(?:[^/]*\b(?:help|support|docs?|kb|knowledge|faq|guides?|academy|learn|community|developers?)\b[^/]*|[^/]+\/(?:[^?#]*\/)?(?:help|support|docs?|kb|knowledge(?:base)?|faq|guides?|articles?|hc)\b)/i;
const URL = /\bhttps?:\/\/[^\s<>()"']+[^\s<>()"'.,;:!?]/gi;

export const knowledgeLink: Rule = {
  id: 'knowledge-link',
  standard: 'knowledge',
  label: 'Links the help article',
  check({ draft, questions, customerText, standards }) {
    const howTo = questions.find((q) => HOW_TO.test(q.text)) ?? (HOW_TO.test(customerText) && !questions.length ? { text: HOW_TO.exec(customerText)![0] } : undefined);
    if (!howTo) return na('No how-to question');
    const links = findAll(draft, URL);
    const domains = standards.kbDomains;
    const onKb = links.find((l) => {
      // Without configured KB domains, a link that looks like documentation counts.
      if (!domains.length) return KB_LIKE.test(l.text);
      let host = '';
      let path = '';
      try {
        const u = new globalThis.URL(l.text);
        host = u.hostname.toLowerCase();
        path = u.pathname;
      } catch {
        return false;
      }
      return domains.some((d) => {
        const [dh, ...rest] = d.split('/');
        const dp = rest.length ? `/${rest.join('/')}` : '';
        return (host === dh || host.endsWith(`.${dh}`)) && path.startsWith(dp);
      });
    });
    if (onKb) return pass(`Links the help article: ${quote(onKb.text)}`, [onKb]);
    // "Unfortunately there is no way to recover the data": no article covers what cannot be done.
    if (!links.length && draftReadings(draft).refuses) return na('Says it cannot be done: no article to link');
    if (links[0]) {
      // Without the team's domains there is no list to name: say what the link is not (seen on FreeScout: "knowledge base ()").
      const why = domains.length ? `is not on the team's knowledge base (${domains.join(', ')})` : 'does not look like a help article';
      return fail(`${quote(links[0].text)} ${why}`, [links[0]]);
    }
    return fail(`How-to question (${howToWords(howTo.text)}): link the help article`);
  },
};

/**
 * The question quoted from a little before its how-to words, so they are in the line: "…the next
 * steps to regain access…", not "Could you please investigate the status of this r…" (seen on FreeScout).
 */
function howToWords(question: string): string {
  const at = HOW_TO.exec(question)?.index ?? 0;
  if (at <= 20) return quote(question, 50);
  const from = question.lastIndexOf(' ', at - 12) + 1;
  return quote(`…${question.slice(from)}`, 50);
}
