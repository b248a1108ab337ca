import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * The manifest is the security boundary security teams read first: content scripts only on ticket
 * pages of the two helpdesks we support, no <all_urls>, and only the permissions in use.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
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
