import tseslint from 'typescript-eslint';

/** A helpdesk's host or URL shape in a string: only its adapter may know it. */
const HELPDESK_HOSTS = String.raw`/(zendesk|freshdesk|myfreshworks)\.com|\/agent\/tickets|\/a\/tickets|\/api\/v2\//i`;
const HELPDESK_MESSAGE = 'Helpdesk hosts, ticket URLs and API paths live in the adapter (lib/helpdesks/<helpdesk>.ts); derive from the registry in lib/helpdesks/index.ts.';

/** Customer-written text must never reach the DOM as HTML. */
const NO_HTML_PROPS = ['innerHTML', 'outerHTML', 'insertAdjacentHTML'].map((property) => ({ property, message: 'Render text with textContent or Preact; customer text is hostile.' }));
const NO_RAW_HTML = { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Customer text is hostile: no raw HTML.' };

/** Dates, times, numbers and plurals are formatted in one module on Intl (components/intl.ts, re-exported by components/format.ts; #14). */
const FORMAT_MESSAGE = 'Format dates, times, numbers and plurals with components/format.ts (its Intl module is components/intl.ts), so panels never mix formats.';
const NO_LOCALE_PROPS = ['toLocaleDateString', 'toLocaleTimeString', 'toLocaleString'].map((property) => ({ property, message: FORMAT_MESSAGE }));
const NO_DATE_FORMAT = { selector: ":matches(NewExpression, CallExpression)[callee.object.name='Intl'][callee.property.name=/^(DateTimeFormat|RelativeTimeFormat|PluralRules|NumberFormat)$/]", message: FORMAT_MESSAGE };

/**
 * One write path (#14): tables are written only in lib/db (the repository, reply-stats, privacy,
 * bulk), so side effects such as the toolbar badge and the alarms live in one place. Everything else
 * asks the repository or sends a background request.
 */
const TABLES = 'customers|visits|notes|facts|followUps|merges|replies|apiFetches|replyWeeks|accounts|disputes|trainingScenarios|trainingAttempts';
const WRITES = 'put|add|update|delete|bulkPut|bulkAdd|bulkDelete|bulkUpdate|clear|modify';
const WRITE_MESSAGE = 'Write tables only in lib/db (the repository) or through a background request, so side effects live in one place.';
const NO_TABLE_WRITES = [
  { selector: `CallExpression[callee.property.name=/^(${WRITES})$/][callee.object.property.name=/^(${TABLES})$/]`, message: WRITE_MESSAGE },
  { selector: `CallExpression[callee.property.name=/^(${WRITES})$/][callee.object.callee.property.name='table']`, message: WRITE_MESSAGE },
  { selector: `CallExpression[callee.property.name=/^(delete|modify)$/]:has(MemberExpression[property.name=/^(${TABLES})$/]):has(CallExpression[callee.property.name='where'])`, message: WRITE_MESSAGE },
];
const NO_HELPDESK_LITERALS = [
  { selector: `Literal[value=${HELPDESK_HOSTS}]`, message: HELPDESK_MESSAGE },
  { selector: `TemplateElement[value.raw=${HELPDESK_HOSTS}]`, message: HELPDESK_MESSAGE },
];
const APP = ['lib/**', 'components/**', 'entrypoints/**', 'wxt.config.ts'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test/fixtures/**', 'demo/public/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', ...NO_HTML_PROPS],
      'no-restricted-syntax': ['error', NO_RAW_HTML],
    },
  },
  // Flat config replaces a rule's options per matching block, so each block below lists every
  // selector that applies to its files.
  {
    // The adapter owns all knowledge of its helpdesk (lib/helpdesks/<helpdesk>.ts): hosts, URL shapes
    // and API paths. Everywhere else derives them from the registry (lib/helpdesks/index.ts).
    files: APP,
    ignores: ['lib/helpdesks/**', 'lib/db/**', 'components/intl.ts'],
    rules: {
      'no-restricted-syntax': ['error', NO_RAW_HTML, ...NO_HELPDESK_LITERALS, ...NO_TABLE_WRITES, NO_DATE_FORMAT],
      'no-restricted-properties': ['error', ...NO_HTML_PROPS, ...NO_LOCALE_PROPS],
    },
  },
  {
    files: ['lib/helpdesks/**'],
    rules: {
      'no-restricted-syntax': ['error', NO_RAW_HTML, ...NO_TABLE_WRITES, NO_DATE_FORMAT],
      'no-restricted-properties': ['error', ...NO_HTML_PROPS, ...NO_LOCALE_PROPS],
    },
  },
  {
    files: ['lib/db/**'],
    rules: {
      'no-restricted-syntax': ['error', NO_RAW_HTML, ...NO_HELPDESK_LITERALS, NO_DATE_FORMAT],
      'no-restricted-properties': ['error', ...NO_HTML_PROPS, ...NO_LOCALE_PROPS],
    },
  },
  {
    files: ['components/intl.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_RAW_HTML, ...NO_HELPDESK_LITERALS, ...NO_TABLE_WRITES] },
  },
  {
    // Views get data as props or through lib/dashboard (live queries, actions) and the background;
    // they never open the database. Row types are fine.
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)lib/db(/|$)',
              allowTypeImports: true,
              message: 'Components never query the database: read through lib/dashboard (live.ts, queries.ts, data.ts) or a background request.',
            },
            {
              // The sidebar frame loads these views first thing: the request schemas (and valibot) stay out of it.
              regex: '(^|/)lib/(messages|schema)$',
              allowTypeImports: true,
              message: 'Views take limits from lib/limits.ts and types only from lib/messages: the validators stay out of the sidebar frame.',
            },
          ],
        },
      ],
    },
  },
  {
    // The request handlers get their context from lib/background/handler.ts; handle-request.ts gathers
    // them, so a handler importing it back would make a cycle.
    files: ['lib/*/handlers.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)background/handle-request$', message: 'Handlers import their context from lib/background/handler.ts.' }] },
      ],
    },
  },
  {
    // One screen per function: a longer one is split into named pieces (a state object and a function
    // per step, a hook and a component per part), so a newcomer reads each in one go. Tests, scripts
    // and the demo helpdesk are exempt.
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['scripts/**', 'demo/**', 'test/e2e/**', 'test/bench/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
