/**
 * Nothing unfilled: `{{…}}`, `[[…]]`, `[NAME]`, `<<…>>`, XXX left in the draft. A bracket right
 * before `(https://…`, `(/…`, `(#…` or `(mailto:…` is a Markdown link's text ("[customer support
 * page](https://…)", seen in a real staff reply on FreeScout), not a placeholder.
 */
import { fail, pass, type Rule } from './types';
import { findAll, quote } from './text';

const PLACEHOLDER = /\{\{[^{}\n]{0,80}\}\}|\[\[[^\][\n]{0,80}\]\]|\[(?:[A-Z][A-Z0-9 _'-]{1,40}|(?:insert|your|customer|agent|first|last|add|enter)[^\]\n]{0,40})\](?!\(\s*(?:https?:\/\/|mailto:|\/|#))|<<[^<>\n]{1,80}>>|\{[A-Z_]{3,40}\}|%[A-Z_]{3,40}%|\bX{3,}\b|\bTBD\b|\bTODO\b/g;

export const placeholders: Rule = {
  id: 'placeholders',
  standard: 'sincerity',
  label: 'No placeholders left',
  reads: 'any',
  check({ draft }) {
    const hits = findAll(draft, PLACEHOLDER);
    if (hits.length) return fail(`Unfilled placeholder: ${hits.slice(0, 3).map((h) => quote(h.text)).join(', ')}`, hits);
    return pass('No placeholders left');
  },
};
