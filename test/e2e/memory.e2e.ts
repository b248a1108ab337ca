/**
 * Customer memory (issue #3) as an agent uses it: the built extension in Chromium on the demo
 * helpdesk. One browser profile for the whole file: later tests build on what earlier ones stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { inSidebar, sidebar, screenshotDir, startRapport, type Rapport } from './harness';

const ZENDESK = 'https://acme.zendesk.com/agent/tickets';
const FRESHDESK = 'https://demo.freshdesk.com/a/tickets';

let rapport: Rapport;

beforeAll(async () => {
  rapport = await startRapport();
  await mkdir(screenshotDir, { recursive: true });
});
afterAll(() => rapport?.close());

const memory = (page: Page, testId: string) => inSidebar(page, testId);
const cue = (page: Page, id: string) => sidebar(page, `[data-testid="cue"][data-cue="${id}"]`);

async function ready(page: Page, ticket: string) {
  await expect.poll(() => inSidebar(page, 'ticket-id').textContent()).toBe(`#${ticket}`);
  // The memory panel is there once the first cue or the timeline shows.
  await expect.poll(() => memory(page, 'memory-timeline').count(), { timeout: 15_000 }).toBe(1);
}

const worker = (): Worker => rapport.context.serviceWorkers()[0]!;

/** Opens a section of the memory panel, whatever state it is in (a click on an open one would close it). */
async function openSection(page: Page, testId: string) {
  const section = memory(page, testId);
  await expect
    .poll(async () => {
      if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
      return section.getAttribute('open');
    })
    .not.toBeNull();
}

describe('customer memory', () => {
  it('shows the customer’s past tickets from the helpdesk API', async () => {
    const page = await rapport.open(`${ZENDESK}/102`);
    await ready(page, '102');
    const apiTickets = sidebar(page, '[data-testid="timeline-ticket"][data-source="api"]');
    await expect.poll(() => apiTickets.allTextContents(), { timeout: 15_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining('#98 Invoice PDF still shows our old address'), expect.stringContaining("#87 Can't log in")]),
    );
    // Ticket 98 was solved: the "last time" line says so.
    await expect.poll(() => memory(page, 'last-time').textContent()).toMatch(/#98 “Invoice PDF still shows our old address”.*solved/);
    // And the visit line under the name counts those tickets instead of "First time we see this customer".
    await expect.poll(() => inSidebar(page, 'visit-summary').textContent()).toMatch(/^Seen twice, last on /);
    expect(await memory(page, 'api-problem').count()).toBe(0);
    await page.close();
  });

  it('a note saved on a Zendesk ticket appears on a Freshdesk ticket of the same email, with repeat-contact', async () => {
    const zd = await rapport.open(`${ZENDESK}/102`);
    await ready(zd, '102');
    const note = `Prefers short replies; accountant is Lee ${Date.now()}`;
    await inSidebar(zd, 'note-input').fill(note);
    await inSidebar(zd, 'note-save').click();
    await expect.poll(() => inSidebar(zd, 'note').first().textContent()).toContain('accountant is Lee');
    await zd.close();

    const fd = await rapport.open(`${FRESHDESK}/41`);
    await ready(fd, '41');
    await expect.poll(() => sidebar(fd, '[data-testid="timeline-note"]').first().textContent()).toContain(note);
    // #102 (Zendesk) opened moments ago and now #41: two tickets within a week.
    await expect.poll(() => cue(fd, 'repeat-contact').textContent()).toMatch(/ticket (today|since \w+) — acknowledge the hassle/);
    await fd.close();
  });

  it('suggests a follow-up for a promise in a sent reply and shows it at the top', async () => {
    const page = await rapport.open(`${ZENDESK}/102`);
    await ready(page, '102');
    const pane = page.locator('[data-ticket-id="102"]');
    const editor = pane.locator('[data-test-id="omnicomposer-rich-text-ckeditor"]');
    await editor.click();
    await page.keyboard.type("Hi Sam, I'll get back to you by Friday with the corrected invoice.");
    await pane.locator('[data-test-id="submit_button-button"]').click();
    const suggestion = memory(page, 'follow-up-suggestion');
    await expect.poll(() => suggestion.textContent()).toMatch(/Add follow-up: .*‘(by )?Friday’/);
    await suggestion.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => memory(page, 'follow-up').first().textContent()).toContain("I'll get back to you by Friday");
    await expect.poll(() => cue(page, 'open-promise').count()).toBe(1);
    await page.close();
  });

  it('a due follow-up raises a notification and a badge; marking it done clears it', async () => {
    const page = await rapport.open(`${ZENDESK}/102`);
    await ready(page, '102');
    await openSection(page, 'memory-followups');
    await memory(page, 'follow-up-input').fill('Call Sam about the invoice');
    // A due time a few seconds ahead (the form's minute picker accepts seconds from code).
    await inSidebar(page, 'follow-up-due').evaluate((input: HTMLInputElement) => {
      const at = new Date(Date.now() + 4000 - new Date().getTimezoneOffset() * 60_000);
      input.value = at.toISOString().slice(0, 19);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await memory(page, 'follow-up-form').getByRole('button', { name: 'Add' }).click();
    const row = sidebar(page, '[data-testid="follow-up"]', { hasText: 'Call Sam about the invoice' });
    await sidebar(page, 'aside').screenshot({ path: join(screenshotDir, 'memory-follow-up-added.png') });
    await expect.poll(() => row.count()).toBe(1);

    const ext = () =>
      worker().evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: { notifications: { getAll(): Promise<object> }; action: { getBadgeText(d: object): Promise<string> } } };
        return { notifications: Object.keys(await chrome.notifications.getAll()), badge: await chrome.action.getBadgeText({}) };
      });
    await expect.poll(ext, { timeout: 20_000, interval: 500 }).toMatchObject({ badge: '1', notifications: [expect.stringMatching(/^rapport-followup:/)] });

    await row.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(async () => (await ext()).badge).toBe('');
    await page.close();
  });

  it('keeps working with local history when the helpdesk API answers 429 or 500', async () => {
    for (const url of ['https://ratelimited.zendesk.com/agent/tickets/102', 'https://broken.freshdesk.com/a/tickets/41']) {
      const page = await rapport.open(url);
      await ready(page, url.endsWith('102') ? '102' : '41');
      await expect.poll(() => memory(page, 'api-problem').textContent(), { timeout: 15_000 }).toBe("Local history only — the helpdesk's API didn't answer.");
      // The card still tells what Rapport itself knows. (No "first ticket" cue: without the API's
      // answer Rapport cannot know it is one; and these two test accounts are workspaces of their
      // own, #15, so Sam's history on acme.zendesk.com is rightly not shown here.)
      await expect.poll(() => inSidebar(page, 'visit-summary').textContent()).toMatch(/\S/);
      // Still saves.
      await openSection(page, 'memory-facts');
      await sidebar(page, 'aside').screenshot({ path: join(screenshotDir, 'memory-api-error.png') });
      await memory(page, 'fact-input').fill('Moving offices again in spring');
      await memory(page, 'fact-input').press('Enter');
      await expect.poll(() => sidebar(page, '[data-testid="fact"]').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining('Moving offices again in spring')]),
      );
      await page.close();
    }
  });

  it('screenshots: memory panels in light and dark', async () => {
    const page = await rapport.open(`${ZENDESK}/102`);
    await ready(page, '102');
    await page.setViewportSize({ width: 1440, height: 1400 });
    await openSection(page, 'memory-profile');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await sidebar(page, 'aside').screenshot({ path: join(screenshotDir, `memory-${scheme}.png`) });
    }
    await sidebar(page, '.rp-body').evaluate((body) => body.scrollTo(0, 100_000));
    await sidebar(page, 'aside').screenshot({ path: join(screenshotDir, 'memory-details-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    await memory(page, 'profile-edit').click();
    await memory(page, 'profile-form').locator('[data-field="preferredName"]').fill('Sammy');
    await memory(page, 'profile-form').locator('[data-field="timeZone"]').fill('America/Chicago');
    // Pickers, not "--MM-DD" (#14): month and day choices, the year left empty for every year.
    const form = memory(page, 'profile-form');
    expect(await form.locator('[data-field="timeZone"]').getAttribute('list')).toBe('rpm-time-zones');
    await form.getByRole('button', { name: 'Add a date' }).click();
    await form.getByLabel('Date 1: what it is').fill('Birthday');
    // Half a year away: a birthday within two weeks would raise its own cue and crowd the top five.
    await form.getByLabel('Date 1: month').selectOption(String(((new Date().getMonth() + 6) % 12) + 1));
    await form.getByLabel('Date 1: day').selectOption('4');
    await form.screenshot({ path: join(screenshotDir, 'memory-profile-form.png') });
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => cue(page, 'preferred-name').textContent()).toBe('Goes by “Sammy” — use it in your greeting');
    expect(await memory(page, 'profile').textContent()).toMatch(/Birthday (4 [A-Z][a-z]{2}|[A-Z][a-z]{2} 4)/);
    expect(rapport.dialogs).toEqual([]);
    await page.close();
  });
});
