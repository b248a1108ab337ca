#!/usr/bin/env node
/**
 * The README's picture: Rapport on the demo Zendesk ticket #102 at 1440×900, with a reply being
 * written (the checklist while typing). `npx wxt build && node scripts/readme-screenshot.mjs`
 * writes docs/screenshots/zendesk-ticket.png. A throwaway profile: what it shows is the demo's
 * own history, the same on every machine.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { startDemoHelpdesk } from '../demo/server.mjs';
import { demoComposersReady, extensionId, launchWithExtension } from './lib/browser.mjs';
import { sidebarFrame } from './lib/sidebar-probe.mjs';

const OUT = resolve('docs/screenshots/zendesk-ticket.png');
const DRAFT = "Hi Sam, thanks for the detail. I've reproduced the missing last row and our engineers are fixing it; I'll update you by Thursday.";

const server = await startDemoHelpdesk({ port: 0 });
const context = await launchWithExtension({ extensionPath: resolve('.output/chrome-mv3'), port: server.port, headless: true });
try {
  await extensionId(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://demo.zendesk.com/agent/tickets/102');
  await demoComposersReady(page);
  for (let i = 0; i < 200 && !sidebarFrame(page); i++) await page.waitForTimeout(50);
  const frame = sidebarFrame(page);
  await frame.getByText(/Looking up history…|Checking the helpdesk's history…|Loading notes…/).first().waitFor({ state: 'detached', timeout: 15_000 });
  await page.locator('[data-ticket-id="102"] [data-test-id="omnicomposer-rich-text-ckeditor"]').click();
  await page.keyboard.type(DRAFT);
  await frame.locator('[data-testid="readiness"]').waitFor({ timeout: 15_000 });
  await page.waitForTimeout(800); // the checklist's pause after typing, then its paint
  mkdirSync(dirname(OUT), { recursive: true });
  await page.screenshot({ path: OUT });
  console.log(OUT);
} finally {
  await context.close();
  await server.close();
}
