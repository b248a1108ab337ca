import tseslint from 'typescript-eslint';

/** A helpdesk's host or URL shape in a string: only its adapter may know it. */
const HELPDESK_HOSTS = String.raw`/(zendesk|freshdesk|myfreshworks)\.com|\/agent\/tickets|\/a\/tickets|\/api\/v2\//i`;
const HELPDESK_MESSAGE = 'Helpdesk hosts, ticket URLs and API paths live in the adapter (lib/helpdesks/<helpdesk>.ts); derive from the registry in lib/helpdesks/index.ts.';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test/fixtures/**', 'demo/public/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Customer-written text must never reach the DOM as HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text with textContent or Preact; customer text is hostile.' },
        { property: 'outerHTML', message: 'Render text with textContent or Preact; customer text is hostile.' },
        { property: 'insertAdjacentHTML', message: 'Render text with textContent or Preact; customer text is hostile.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Customer text is hostile: no raw HTML.' },
      ],
    },
  },
  {
    // The adapter owns all knowledge of its helpdesk (lib/helpdesks/<helpdesk>.ts): hosts, URL shapes
    // and API paths. Everywhere else derives them from the registry (lib/helpdesks/index.ts).
    files: ['lib/**', 'components/**', 'entrypoints/**', 'wxt.config.ts'],
    ignores: ['lib/helpdesks/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Customer text is hostile: no raw HTML.' },
        { selector: `Literal[value=${HELPDESK_HOSTS}]`, message: HELPDESK_MESSAGE },
        { selector: `TemplateElement[value.raw=${HELPDESK_HOSTS}]`, message: HELPDESK_MESSAGE },
      ],
    },
  },
  {
    files: ['scripts/**', 'demo/**', 'test/e2e/**', 'test/bench/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
