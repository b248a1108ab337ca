#!/usr/bin/env node
/**
 * The demo helpdesk: a local HTTPS server that answers for any *.zendesk.com and *.freshdesk.com
 * host (Chromium maps those names to it with --host-resolver-rules), so the built extension runs on
 * it with its production manifest, unchanged.
 *
 *   Zendesk   (any subdomain)  /agent/tickets/N     workspace with tabs 101, 102, 103 (+ N) open
 *                              /agent/dashboard     views list
 *             hosts starting with "real" (real.zendesk.com) show no email or user link on the page,
 *             as the real Zendesk: the identity comes only from /api/v2/tickets/N.json.
 *   Freshdesk (any subdomain)  /a/tickets/N         ticket; /helpdesk/tickets/N is the older URL
 *                              /a/tickets           ticket list
 *             hosts starting with "classic" (classic.freshdesk.com) get the classic layout,
 *             others (demo.freshdesk.com) the 2026 layout with shadow roots.
 *   Any host                   /__demo/...          the pages' scripts and styles
 * Everything else is a 404. Every page is rendered with the current time (see data.mjs).
 *
 * `node demo/server.mjs [--port 8443] [--verbose]` runs it on its own and prints the URLs and the
 * Chromium flags; `npm start` does all of it for you.
 */
import { createServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDemoData, DEMO_ZENDESK_ACCOUNT, DEMO_FRESHDESK_ACCOUNT, CLASSIC_FRESHDESK_ACCOUNT } from './data.mjs';
import { renderZendeskWorkspace } from './zendesk.mjs';
import { renderFreshdeskTicket, renderFreshdeskTicketList, layoutForHost, routeFor } from './freshdesk.mjs';
import { apiRespond } from './api.mjs';

const DEMO_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_DIR = resolve(DEMO_DIR, '..');
/** Made once with openssl and reused (node_modules/ is not committed). */
export const CERT_DIR = join(REPO_DIR, 'node_modules', '.cache', 'rapport-demo-cert');

/** What the pages load from /__demo/ — an allow-list, nothing else in the folder is served. */
const ASSETS = {
  '/__demo/h.mjs': 'h.mjs',
  '/__demo/data.mjs': 'data.mjs',
  '/__demo/zendesk.mjs': 'zendesk.mjs',
  '/__demo/freshdesk.mjs': 'freshdesk.mjs',
  '/__demo/client/zendesk.mjs': 'client/zendesk.mjs',
  '/__demo/client/freshdesk.mjs': 'client/freshdesk.mjs',
  '/__demo/client/editor-text.mjs': 'client/editor-text.mjs',
  '/__demo/zendesk.css': 'zendesk.css',
  '/__demo/freshdesk.css': 'freshdesk.css',
  // The real CKEditor 5 (devDependency, GPL-2.0-or-later): the Zendesk composer is the editor agents type into.
  '/__demo/vendor/ckeditor5.js': '../node_modules/ckeditor5/dist/browser/ckeditor5.js',
};
const TYPES = { mjs: 'text/javascript; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
const HTML = 'text/html; charset=utf-8';

/** A self-signed certificate for *.zendesk.com and *.freshdesk.com: { key, cert } (PEM). */
export function demoCertificate() {
  const keyFile = join(CERT_DIR, 'key.pem');
  const certFile = join(CERT_DIR, 'cert.pem');
  if (!existsSync(keyFile) || !existsSync(certFile)) {
    mkdirSync(dirname(CERT_DIR), { recursive: true });
    // Made in a scratch folder and renamed into place, so two processes starting at once don't clash.
    const scratch = mkdtempSync(join(dirname(CERT_DIR), 'rapport-demo-cert-'));
    try {
      execFileSync(
        'openssl',
        [
          'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650',
          '-keyout', join(scratch, 'key.pem'), '-out', join(scratch, 'cert.pem'),
          '-subj', '/CN=Rapport demo helpdesk',
          '-addext', 'subjectAltName=DNS:*.zendesk.com,DNS:*.freshdesk.com,DNS:localhost,IP:127.0.0.1',
        ],
        { stdio: 'pipe' },
      );
      renameSync(scratch, CERT_DIR);
    } catch (error) {
      rmSync(scratch, { recursive: true, force: true });
      if (error.code === 'ENOENT') {
        throw new Error('The demo helpdesk needs the `openssl` command to make its HTTPS certificate. Install it (apt-get install openssl, brew install openssl) and try again.');
      }
      // Another process may have put its certificate in place first: use that one.
      if (!existsSync(certFile)) throw new Error(`Could not make the demo certificate with openssl: ${error.stderr?.toString().trim() || error.message}`);
    }
  }
  return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
}

/**
 * Decides what a request gets, without any I/O except reading assets:
 * { status, type, body, location? }. `now` is the time the page is rendered for.
 */
export async function respondTo({ host, pathname, now = new Date() }) {
  const hostname = String(host ?? '').toLowerCase().replace(/:\d+$/, '');
  if (Object.hasOwn(ASSETS, pathname)) {
    const file = ASSETS[pathname];
    return { status: 200, type: TYPES[file.split('.').pop()], body: await readFile(join(DEMO_DIR, file)) };
  }
  if (hostname.endsWith('.zendesk.com')) {
    const ticket = pathname.match(/^\/agent\/tickets\/(\d+)\/?$/);
    if (ticket || pathname === '/agent/dashboard') {
      const data = createDemoData(now);
      // Accounts starting with "real" show the page as the real Zendesk is known to: no email or user
      // id anywhere on it (identity from the ticket API only).
      if (hostname.startsWith('real')) data.zendesk.identityOnPage = false;
      const activeTicketId = ticket ? Number(ticket[1]) : null;
      return { status: 200, type: HTML, body: renderZendeskWorkspace({ account: hostname, activeTicketId, openTicketIds: data.zendesk.openTabs, data }) };
    }
    if (['/', '/agent', '/agent/'].includes(pathname)) return redirect('/agent/dashboard');
  }
  if (hostname.endsWith('.freshdesk.com')) {
    const route = routeFor(pathname);
    const layout = layoutForHost(hostname);
    if (route?.kind === 'ticket') {
      return { status: 200, type: HTML, body: renderFreshdeskTicket({ account: hostname, ticketId: route.id, layout, data: createDemoData(now) }) };
    }
    if (route?.kind === 'list') return { status: 200, type: HTML, body: renderFreshdeskTicketList({ account: hostname, layout, data: createDemoData(now) }) };
    if (['/', '/a', '/a/'].includes(pathname)) return redirect('/a/tickets');
  }
  return { status: 404, type: HTML, body: notFoundPage(hostname, pathname) };
}

function redirect(location) {
  return { status: 302, type: HTML, body: '', location };
}

function notFoundPage(hostname, pathname) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html><meta charset="utf-8"><title>Not found</title>
<body style="font:15px/1.5 Arial,sans-serif;padding:48px;color:#2f3941">
<h1>Not part of the demo helpdesk</h1>
<p>${esc(hostname)}${esc(pathname)} does not exist here. Try
<a href="https://${DEMO_ZENDESK_ACCOUNT}/agent/tickets/102">Zendesk ticket #102</a> or
<a href="https://${DEMO_FRESHDESK_ACCOUNT}/a/tickets">the Freshdesk tickets</a>.</p></body>`;
}

/**
 * Starts the demo helpdesk over HTTPS. Resolves to { port, close() } once it is listening.
 * Port 0 (the default) picks a free port. Nothing is logged per request unless `log` is true.
 */
export async function startDemoHelpdesk({ port = 0, host = '127.0.0.1', log = false } = {}) {
  const server = createServer(demoCertificate(), async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const { pathname, search } = new URL(req.url ?? '/', 'https://demo.invalid');
      // REST history endpoints (demo/api.mjs, issue #3) first; then the pages.
      const answer = apiRespond({ host: req.headers.host, pathname, search }) ?? (await respondTo({ host: req.headers.host, pathname }));
      if (log) console.log(`${answer.status} ${req.method} ${req.headers.host}${req.url}`);
      res.writeHead(answer.status, {
        'Content-Type': answer.type,
        'Cache-Control': 'no-store',
        ...(answer.location ? { Location: answer.location } : {}),
        ...(answer.headers ?? {}),
      });
      res.end(req.method === 'HEAD' ? undefined : answer.body);
    } catch (error) {
      console.error('demo helpdesk:', error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Demo helpdesk error (see the terminal).');
    }
  });
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

/** The pages worth opening, for people (npm start and the standalone server print these). */
export const DEMO_URLS = {
  zendesk: [
    [`https://${DEMO_ZENDESK_ACCOUNT}/agent/tickets/102`, 'returning customer Sam Rivera (tabs 101 upset, 103 four questions)'],
    [`https://${DEMO_ZENDESK_ACCOUNT}/agent/tickets/104`, 'hostile requester (markup in every field)'],
    ['https://real.zendesk.com/agent/tickets/102', 'as the real Zendesk: no email on the page, identity from the API'],
    [`https://${DEMO_ZENDESK_ACCOUNT}/agent/dashboard`, 'views list (not a ticket)'],
  ],
  freshdesk: [
    [`https://${DEMO_FRESHDESK_ACCOUNT}/a/tickets/41`, 'Sam Rivera again, 2026 layout (shadow roots)'],
    [`https://${CLASSIC_FRESHDESK_ACCOUNT}/a/tickets/42`, 'Zoë Þórsdóttir, classic layout'],
    [`https://${DEMO_FRESHDESK_ACCOUNT}/a/tickets`, 'ticket list'],
  ],
};

export function describeDemoUrls() {
  return [...DEMO_URLS.zendesk, ...DEMO_URLS.freshdesk].map(([url, what]) => `  ${url.padEnd(52)} ${what}`).join('\n');
}

const runDirectly = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (runDirectly) {
  const args = process.argv.slice(2);
  const port = Number(args[args.indexOf('--port') + 1]) || Number(process.env.PORT) || 8443;
  const { chromiumArgs } = await import('../scripts/lib/browser.mjs');
  const server = await startDemoHelpdesk({ port, log: args.includes('--verbose') });
  const flags = chromiumArgs({ extensionPath: join(REPO_DIR, '.output', 'chrome-mv3'), port: server.port })
    .map((flag) => (flag.includes(' ') ? `'${flag}'` : flag))
    .join(' \\\n    ');
  console.log(`Rapport demo helpdesk: https://127.0.0.1:${server.port} (self-signed certificate)

${describeDemoUrls()}

The helpdesk hostnames only reach this server from a Chromium started with the mapping, e.g.
  chromium --user-data-dir=/tmp/rapport-demo-profile \\
    ${flags} \\
    https://${DEMO_ZENDESK_ACCOUNT}/agent/tickets/102
(npm start does this for you.) Ctrl+C stops the server.`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
