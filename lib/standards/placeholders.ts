/** Nothing unfilled: `{{…}}`, `[[…]]`, `[NAME]`, `<<…>>`, XXX left in the draft. */
import { fail, pass, type Rule } from './types';
import { findAll, quote } from './text';

const PLACEHOLDER = /\{\{[^{}\n]{0,80}\}\}|\[\[[^\][\n]{0,80}\]\]|\[(?:[A-Z][A-Z0-9 _'-]{1,40}|(?:insert|your|customer|agent|first|last|add|enter)[^\]\n]{0,40})\]|<<[^<>\n]{1,80}>>|\{[A-Z_]{3,40}\}|%[A-Z_]{3,40}%|\bX{3,}\b|\bTBD\b|\bTODO\b/g;

/** "[customer support page](https://…)": a Markdown link's text, not a placeholder (seen in a real staff reply on FreeScout). */
const MARKDOWN_LINK_TEXT = /^\]\(\s*(?:https?:\/\/|mailto:|\/|#)/i;

export const placeholders: Rule = {
  id: 'placeholders',
  standard: 'sincerity',
  label: 'No placeholders left',
  check({ draft }) {
    const hits = findAll(draft, PLACEHOLDER).filter((h) => !(h.text.startsWith('[') && !h.text.startsWith('[[') && MARKDOWN_LINK_TEXT.test(draft.slice(h.end - 1, h.end + 12))));
    if (hits.length) return fail(`Unfilled placeholder: ${hits.slice(0, 3).map((h) => quote(h.text)).join(', ')}`, hits);
    return pass('No placeholders left');
  },
};
