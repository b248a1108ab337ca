import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

/**
 * The manifest is the security boundary security teams read first: content scripts only on ticket
 * pages of the two helpdesks we support, no <all_urls>, and only the permissions in use.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // Extension pages run in Chromium and Firefox ≥ 115, which both preload modules themselves; the
    // polyfill would be the sidebar frame's only module (its app is one classic script).
    build: { modulePreload: { polyfill: false } },
    resolve: {
      alias: [
        // WXT's content-script context announces the script to the page and lets a page event switch
        // it off (issue #15); ours does neither. See lib/page/quiet-context.ts.
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('./lib/page/quiet-context.ts', import.meta.url)),
        },
      ],
    },
  }),
  hooks: {
    // The sidebar frame (entrypoints/sidebar, issue #15) may be loaded by the helpdesk pages our
    // content script runs on, and only through the per-session dynamic URL, so a page cannot probe
    // for Rapport with a fixed chrome-extension:// address. Its origins are the content script's.
    'build:manifestGenerated': (_wxt, manifest) => {
      // The content script's own pages, and the hosts an agent may add on the options page (#13):
      // a configured helpdesk's sidebar is the same frame. use_dynamic_url keeps the address
      // unguessable, so exposing it there does not let a site detect Rapport.
      const optional = [...(manifest.optional_host_permissions ?? []), ...((manifest.optional_permissions ?? []) as string[])].filter((p) => p.includes('://'));
      const origins = new Set(
        [...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []), ...optional].map((pattern) => pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*')),
      );
      type Resource = { resources: string[]; matches: string[]; use_dynamic_url?: boolean };
      const declared = (manifest.web_accessible_resources ?? []) as Resource[];
      manifest.web_accessible_resources = [...declared, { resources: ['sidebar.html'], matches: [...origins], use_dynamic_url: true }];
    },
  },
  manifest: ({ browser }) => ({
    name: 'Rapport',
    description:
      'Recognise every customer, care, answer promptly and follow through: a local-first sidebar for Zendesk and Freshdesk.',
    // alarms + notifications: due follow-ups (issue #3); contextMenus: save selected text as a fact.
    // No activeTab (#15): to switch Rapport off per helpdesk site, the popup asks the current tab's
    // content script which account it is on (message 'page.account'); only helpdesk pages answer.
    // scripting (#13): runs the content script on helpdesks the agent adds on the options page
    // (FreeScout, custom domains); each such host is asked for at that moment, never at install.
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus', 'scripting'],
    ...(browser === 'firefox'
      ? { optional_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Show or hide the Rapport sidebar',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'rapport@rapport-support.org',
              // 140 (ESR) is the first release that reads data_collection_permissions.
              strict_min_version: '140.0',
              // AMO's data consent declaration: Rapport collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
