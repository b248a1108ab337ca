// @vitest-environment happy-dom
import { adapterOf, configuredFor, configuredTicketUrl, customAdapter, originPattern, patternMatches, type ConfiguredHelpdesk } from '../../../lib/helpdesks/configured';
import { ticketUrl } from '../../../lib/dashboard/queries';
import { helpdesksFile, parseHelpdesk, parseHelpdesksFile } from '../../../lib/helpdesks/configured-schema';
import { diagnose, diagnosticsText } from '../../../lib/helpdesks/diagnostics';
import { parseHtml } from '../../helpers/fixture';
import { customDesk } from './custom-desk';

describe('URL patterns of configured helpdesks', () => {
  it.each([
    ['http://127.0.0.1:8080/*', 'http://127.0.0.1:8080/conversation/1', true],
    ['http://127.0.0.1:8080/*', 'http://127.0.0.1:8081/conversation/1', false],
    ['http://127.0.0.1:8080/*', 'https://127.0.0.1:8080/conversation/1', false],
    ['*://help.acme.internal/*', 'https://help.acme.internal/x', true],
    ['https://*.acme.com/agent/*', 'https://support.acme.com/agent/tickets/5', true],
    ['https://*.acme.com/agent/*', 'https://acme.com/agent/tickets/5', true],
    ['https://*.acme.com/agent/*', 'https://evilacme.com/agent/tickets/5', false],
    ['https://*.acme.com/agent/*', 'https://support.acme.com/admin', false],
  ])('%s covers %s: %s', (pattern, url, expected) => {
    expect(patternMatches(pattern, new URL(url))).toBe(expected);
  });

  it('asks for the origin, never for every site', () => {
    expect(originPattern('http://127.0.0.1:8080/app/tickets*')).toBe('http://127.0.0.1:8080/*');
    expect(originPattern('*://*/*')).toBeUndefined();
    expect(originPattern('<all_urls>')).toBeUndefined();
    expect(originPattern('ftp://x.test/*')).toBeUndefined();
  });
});

const custom: ConfiguredHelpdesk = customDesk();

describe('a custom adapter from selectors', () => {
  const doc = parseHtml(`<html><body><p class="who"><b class="name">&lt;img src=x onerror=alert(1)&gt;</b><a class="mail" href="mailto:p@example.org">mail</a></p>
    <h1>Export broken</h1><ol><li class="client"><div class="text">Hello</div></li><li><div class="text">Hi, looking</div></li></ol>
    <div id="answer" contenteditable="true"></div><button class="go">Send</button></body></html>`);

  it('reads ticket id from the URL, the requester, and who wrote each message', () => {
    const adapter = adapterOf(custom)!;
    const url = new URL('http://desk.test/case/77');
    expect(adapter.activeTicketId(url, doc)).toBe('77');
    const result = adapter.read(doc, '77', url);
    expect(result).toEqual({
      ok: true,
      missing: [],
      snapshot: {
        helpdesk: 'custom',
        account: 'desk.test',
        ticketId: '77',
        url: 'http://desk.test/case/77',
        subject: 'Export broken',
        requester: { name: '<img src=x onerror=alert(1)>', email: 'p@example.org' },
        messages: [
          { role: 'customer', text: 'Hello', public: true },
          { role: 'agent', text: 'Hi, looking', public: true },
        ],
      },
    });
    expect(adapter.composer(doc, '77')?.id).toBe('answer');
    expect(adapter.sendButton!(doc, '77')?.textContent).toBe('Send');
  });

  it('reads the id from an element too, and says what it could not read', () => {
    const adapter = customAdapter({ 'ticket-id': '#case-no', 'requester-name': '.nobody', message: 'ol > li' });
    const page = parseHtml('<html><body><span id="case-no">#A-12</span><ol><li>x</li></ol></body></html>');
    expect(adapter.activeTicketId(new URL('http://x.test/'), page)).toBe('A-12');
    const result = adapter.read(page, 'A-12', new URL('http://x.test/'));
    expect(result.ok && result.missing).toEqual(['requester-name']);
    const report = diagnosticsText(diagnose(adapter, page, new URL('http://x.test/p?q=secret'), 'http://x.test/*', ['requester-name']));
    expect(report).toContain('requester-name: 0  .nobody');
    expect(report).toContain('message: 1  ol > li');
    expect(report).not.toContain('secret');
  });

  it('is found for the page its pattern covers', () => {
    expect(configuredFor([custom], new URL('http://desk.test/case/1'))).toBe(custom);
    expect(configuredFor([custom], new URL('http://other.test/case/1'))).toBeUndefined();
    expect(adapterOf({ id: 'f', pattern: 'http://fs.test/*', kind: 'freescout' })?.id).toBe('freescout');
  });
});

describe('validation of configured helpdesks and the shared file', () => {
  it('accepts a good helpdesk and drops selectors of built-in kinds', () => {
    expect(parseHelpdesk(custom)).toEqual({ ok: true, value: custom });
    expect(parseHelpdesk({ id: 'z', pattern: 'https://support.acme.com/agent/*', kind: 'zendesk', selectors: custom.selectors })).toEqual({
      ok: true,
      value: { id: 'z', pattern: 'https://support.acme.com/agent/*', kind: 'zendesk' },
    });
  });

  it.each([
    [{ ...custom, pattern: '*://*/*' }, /URL pattern/],
    [{ ...custom, pattern: '<all_urls>' }, /URL pattern/],
    [{ ...custom, kind: 'servicenow' }, /Pick which helpdesk/],
    [{ ...custom, selectors: { ...custom.selectors, message: '' } }, /needs at least/],
    [{ ...custom, selectors: { ...custom.selectors, subject: 'h1[' } }, /not a valid CSS selector/],
    [{ ...custom, selectors: { ...custom.selectors, 'ticket-id': 'url:/case/\\d+' } }, /one group/],
    [{ ...custom, selectors: undefined }, /needs its selectors/],
  ])('refuses %j', (input, message) => {
    const result = parseHelpdesk(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  it('round-trips the file a team shares, and refuses a bad one whole', () => {
    expect(parseHelpdesksFile(helpdesksFile([custom]))).toEqual({ ok: true, value: [custom] });
    expect(parseHelpdesksFile('nope')).toEqual({ ok: false, error: 'This file is not JSON.' });
    const twice = JSON.stringify({ format: 'rapport-helpdesks', version: 1, helpdesks: [custom, { ...custom, id: 'h2' }] });
    expect(parseHelpdesksFile(twice)).toEqual({ ok: false, error: 'helpdesks: Two helpdesks have the same URL pattern.' });
    expect(parseHelpdesksFile(JSON.stringify({ format: 'other', version: 1, helpdesks: [] })).ok).toBe(false);
  });
});

// A self-hosted helpdesk has no host of its own to link to: only where the agent configured it.
describe('links to tickets of a configured self-hosted helpdesk', () => {
  const fs = (pattern: string): ConfiguredHelpdesk => ({ id: pattern, pattern, kind: 'freescout' });
  const ticket = (account: string, ticketId = '4') => ({ helpdesk: 'freescout' as const, account, ticketId });

  it('builds the conversation page under the configured pattern’s scheme, host, port and path', () => {
    expect(configuredTicketUrl(ticket('127.0.0.1:8080'), [fs('http://127.0.0.1:8080/*')])).toBe('http://127.0.0.1:8080/conversation/4');
    expect(configuredTicketUrl(ticket('help.acme.com'), [fs('https://help.acme.com/desk/*')])).toBe('https://help.acme.com/desk/conversation/4');
    expect(configuredTicketUrl(ticket('help.acme.internal'), [fs('*://help.acme.internal/*')])).toBe('https://help.acme.internal/conversation/4');
    expect(ticketUrl(ticket('127.0.0.1:8080'), [fs('http://127.0.0.1:8080/*')])).toBe('http://127.0.0.1:8080/conversation/4');
  });

  it('gives no link elsewhere: another host or port, a wildcard host, another kind, an odd id, nothing configured', () => {
    const list = [fs('http://127.0.0.1:8080/*'), fs('https://*.acme.com/*'), { id: 'z', pattern: 'https://evil.test/*', kind: 'zendesk' as const }];
    expect(configuredTicketUrl(ticket('127.0.0.1:9090'), list)).toBeUndefined();
    expect(configuredTicketUrl(ticket('help.acme.com'), list)).toBeUndefined();
    expect(configuredTicketUrl(ticket('evil.test'), list)).toBeUndefined();
    expect(configuredTicketUrl(ticket('127.0.0.1:8080', '4/../../admin'), list)).toBeUndefined();
    expect(ticketUrl(ticket('127.0.0.1:8080'))).toBeUndefined();
    // Built-in helpdesks keep their own hosts' links, whatever is configured.
    expect(ticketUrl({ helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '7' }, list)).toBe('https://acme.zendesk.com/agent/tickets/7');
  });
});
