/**
 * `web-ext lint` on the built Firefox extension (what addons.mozilla.org runs on upload). Fails on
 * any error or warning, except the two innerHTML assignments that live in library code Rapport
 * never reaches with customer text: Preact's `dangerouslySetInnerHTML` branch (no view uses it;
 * eslint forbids it) and sbd's optional HTML stripping (called with `sanitize: false`).
 * Usage (after `wxt build -b firefox`): node scripts/lint-firefox.mjs
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve('.output/firefox-mv2');
const LIBRARY_INNER_HTML = [/\(\w+\.innerHTML=\w+\.__html\)/, /\.innerHTML=\w+,\w+=\(\w+\.textContent\|\|``\)\.trim\(\)/];

let out;
try {
  out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
} catch (error) {
  out = error.stdout; // web-ext exits non-zero when it found errors; the JSON says which.
}
const report = JSON.parse(out);
const fromLibrary = (m) => {
  if (m.code !== 'UNSAFE_VAR_ASSIGNMENT' || !m.file || !m.line) return false;
  const line = readFileSync(join(dir, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  const around = line.slice(Math.max(0, (m.column ?? 0) - 120), (m.column ?? 0) + 120);
  return LIBRARY_INNER_HTML.some((pattern) => pattern.test(around));
};
const problems = [...report.errors, ...report.warnings.filter((m) => !fromLibrary(m)), ...report.notices];
const known = report.warnings.length - report.warnings.filter((m) => !fromLibrary(m)).length;
for (const m of problems) console.log(`${m._type} ${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`);
console.log(`web-ext lint: ${problems.length} problem(s); ${known} known library innerHTML warning(s) allowed`);
process.exit(problems.length ? 1 : 0);
