import tseslint from 'typescript-eslint';

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
    files: ['scripts/**', 'demo/**', 'test/e2e/**', 'test/bench/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
