/**
 * "Not right" and cues that hold up (issue #12), as an agent and a team lead use them: the built
 * extension on the demo Zendesk, then the dashboard's Disagreements view and its evaluation file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { inSidebar, sidebar, screenshotDir, startRapport, type Rapport } from './harness';
import { evaluateLine } from '../../lib/standards/cli';

const ZENDESK = 'https://acme.zendesk.com/agent/tickets';

const composer = (page: Page, ticket: string) => page.locator(`[data-ticket-id="${ticket}"] [data-test-id="omnicomposer-rich-text-ckeditor"]`);
const rule = (page: Page, id: string) => sidebar(page, `[data-testid="checklist"] [data-rule="${id}"]`);
const cue = (page: Page, id: string) => sidebar(page, `[data-testid="cue"][data-cue="${id}"]`);
const sidebarShot = (page: Page, name: string) => sidebar(page, 'aside').screenshot({ path: join(screenshotDir, `${name}.png`) });

async function openDana(rapport: Rapport, first = true): Promise<Page> {
  const page = await rapport.open(`${ZENDESK}/101`);
  await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe('Dana Whitfield');
  // Dana writes "This is the THIRD time": the cue says so, and nothing says "first ticket" — not
  // before the helpdesk API answered, not after.
  await expect.poll(() => cue(page, 'repeat-contact').textContent(), { timeout: 10_000 }).toMatch(/They say it's the third time/);
  await page.waitForTimeout(500); // the API history answer and its refresh
  expect(await cue(page, 'first-contact').count()).toBe(0);
  expect(await sidebar(page, 'aside').textContent()).not.toMatch(/First ticket/);
  const visits = await inSidebar(page, 'visit-summary').textContent();
  if (first) expect(visits).toBe('New to Rapport — they say it is not the first time');
  else expect(visits).toMatch(/^Seen once, last on /);
  return page;
}

/** While the agent writes, the customer's panels fold behind one line under the checklist: open it. */
async function unfoldCustomer(page: Page) {
  const fold = inSidebar(page, 'composing-fold');
  if ((await fold.getAttribute('aria-expanded')) === 'false') await fold.click();
}

async function draft(page: Page, text: string) {
  await composer(page, '101').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

describe('not right, light', () => {
  let rapport: Rapport;
  beforeAll(async () => {
    rapport = await startRapport({ colorScheme: 'light' });
    await mkdir(screenshotDir, { recursive: true });
  });
  afterAll(() => rapport?.close());

  it('marks a checklist item and a cue disputed, lists them under Disagreements and exports an evaluation file', async () => {
    const page = await openDana(rapport);
    await draft(page, 'Hello, we are looking into it.');
    await expect.poll(() => rule(page, 'greets-by-name').getAttribute('data-state')).toBe('fail');

    // With the text: the agent ticks "include the text" first.
    await inSidebar(page, 'dispute-include-text').check();
    const wrong = rule(page, 'greets-by-name').getByTestId('verdict-wrong');
    expect(await wrong.getAttribute('aria-label')).toMatch(/^Not right: /);
    await wrong.click();
    await expect.poll(() => rule(page, 'greets-by-name').getAttribute('data-disputed')).toBe('true');
    expect(await inSidebar(page, 'readiness').textContent()).not.toMatch(/%/);

    // Without the text: the default.
    await inSidebar(page, 'dispute-include-text').uncheck();
    await rule(page, 'acknowledges-feelings').getByTestId('verdict-wrong').click();
    await expect.poll(() => rule(page, 'acknowledges-feelings').getAttribute('data-disputed')).toBe('true');

    // A cue.
    await unfoldCustomer(page);
    await cue(page, 'repeat-contact').getByTestId('verdict-wrong').click();
    await expect.poll(() => cue(page, 'repeat-contact').getAttribute('data-disputed')).toBe('true');

    // Typing that keeps the verdict keeps it quiet; a draft that changes the rule's verdict re-arms it.
    await composer(page, '101').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Thanks.');
    await page.waitForTimeout(800); // re-evaluated (120 ms typing pause) and rendered
    expect(await rule(page, 'greets-by-name').getAttribute('data-disputed')).toBe('true');
    await sidebarShot(page, 'disputes-sidebar-light');
    await draft(page, 'Hi Dana, we are looking into it.');
    await expect.poll(() => rule(page, 'greets-by-name').getAttribute('data-state')).toBe('pass');
    expect(await rule(page, 'greets-by-name').getAttribute('data-disputed')).toBeNull();

    // The team lead's view.
    const dash = await rapport.open(`chrome-extension://${rapport.extensionId}/dashboard.html`);
    await dash.getByRole('link', { name: 'Disagreements' }).click();
    await expect.poll(() => dash.getByTestId('disagreement-case').count()).toBe(3);
    const rows = dash.getByTestId('disagreement-rules');
    expect(await rows.locator('tr[data-rule="greets-by-name"]').textContent()).toMatch(/checklist1/);
    expect(await rows.locator('tr[data-rule="repeat-contact"]').textContent()).toMatch(/cue1/);
    expect(await dash.locator('[data-testid="disagreement-case"][data-rule="acknowledges-feelings"]').textContent()).toMatch(/saved without the text/);

    const [download] = await Promise.all([dash.waitForEvent('download'), dash.getByTestId('export-disagreements').click()]);
    expect(await dash.getByTestId('export-status').textContent()).toBe(
      'Exported 1 case; 1 left out for lack of text (saved without “include the text”); 1 cue dispute is not a reply case.',
    );
    const file = join(screenshotDir, 'disagreements.jsonl');
    await download.saveAs(file);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ draft: 'Hello, we are looking into it.', expected: { 'greets-by-name': 'pass' } });
    expect(line.customerMessages.join('\n')).toMatch(/THIRD time/);
    const evaluated = evaluateLine(lines[0]!, 1);
    expect(evaluated).not.toHaveProperty('error');
    expect(evaluated).toHaveProperty('results');
    await dash.screenshot({ path: join(screenshotDir, 'disagreements-light.png'), fullPage: true });
    await dash.close();
    await page.close();
  });

  it("the dashboard's customer page counts one ticket for a customer with one", async () => {
    const page = await openDana(rapport, false);
    await page.close();
    const dash = await rapport.open(`chrome-extension://${rapport.extensionId}/dashboard.html#customers`);
    await dash.getByText('Dana Whitfield').first().click();
    await expect.poll(() => dash.getByTestId('customer-ticket-count').textContent()).toBe('· 1 ticket');
    expect(await dash.getByTestId('customer-page').textContent()).not.toMatch(/2nd ticket/);
    await dash.close();
  });
});

describe('not right, dark', () => {
  let rapport: Rapport;
  beforeAll(async () => {
    rapport = await startRapport({ colorScheme: 'dark' });
  });
  afterAll(() => rapport?.close());

  it('looks right in dark mode', async () => {
    const page = await openDana(rapport);
    await draft(page, 'Hello, we are looking into it.');
    await expect.poll(() => rule(page, 'greets-by-name').getAttribute('data-state')).toBe('fail');
    await rule(page, 'greets-by-name').getByTestId('verdict-wrong').click();
    await unfoldCustomer(page);
    await cue(page, 'repeat-contact').getByTestId('verdict-wrong').click();
    await expect.poll(() => cue(page, 'repeat-contact').getAttribute('data-disputed')).toBe('true');
    await sidebarShot(page, 'disputes-sidebar-dark');
    const dash = await rapport.open(`chrome-extension://${rapport.extensionId}/dashboard.html#disagreements`);
    await expect.poll(() => dash.getByTestId('disagreement-case').count()).toBe(2);
    await dash.screenshot({ path: join(screenshotDir, 'disagreements-dark.png'), fullPage: true });
  });
});
