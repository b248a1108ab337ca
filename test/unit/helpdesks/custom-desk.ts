/** A custom helpdesk made of selectors (the options page's form), shared by the adapter and preview tests. */
import type { ConfiguredHelpdesk } from '@/lib/helpdesks/configured';

export const CUSTOM_SELECTORS: ConfiguredHelpdesk['selectors'] = {
  'ticket-id': 'url:/case/(\\d+)',
  subject: 'h1',
  'requester-name': '.who .name',
  'requester-email': '.who a.mail',
  message: 'ol > li',
  'message-body': '.text',
  'customer-message': '.client',
  composer: '#answer',
  send: 'button.go',
};

/** A helpdesk on http://desk.test with these selectors. */
export const customDesk = (selectors = CUSTOM_SELECTORS, id = 'h1'): ConfiguredHelpdesk => ({ id, pattern: 'http://desk.test/*', kind: 'custom', selectors });
