/**
 * Trainer mode in Chromium (issue #16): the training page opened from the popup, practice with the
 * real sidebar, progress, scenario packs across profiles, a hostile pack refused, class mode, and
 * screenshots of every view in light and dark.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotDir, startRapport, type Rapport } from './harness';

const running: Rapport[] = [];
afterAll(async () => {
  for (const r of running) await r.close().catch(() => undefined);
});
async function start(colorScheme?: 'light' | 'dark') {
  const r = await startRapport({ colorScheme });
  running.push(r);
  return r;
}
const training = async (r: Rapport, hash = 'library') => {
  const page = await r.open(`chrome-extension://${r.extensionId}/training.html#${hash}`);
  await page.waitForSelector('.tr-app[data-ready="true"], [data-testid="class-view"]');
  return page;
};
const WEAK = 'We apologize for any inconvenience. As I said, billing is looking into it.';

async function shot(page: Page, name: string) {
  await mkdir(screenshotDir, { recursive: true });
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false });
}

describe('Training page', () => {
  it('opens from the popup; practice scores a weak and a strong reply with the real sidebar; progress lists the attempts', async () => {
    const r = await start();
    const popup = await r.open(`chrome-extension://${r.extensionId}/popup.html`);
    const [page] = await Promise.all([r.context.waitForEvent('page'), popup.click('[data-testid="open-training"]')]);
    await page.waitForURL(/training\.html/);
    await page.waitForSelector('.tr-app[data-ready="true"]');
    expect(await page.locator('[data-testid="scenario"]').count()).toBeGreaterThanOrEqual(14);

    await page.fill('[data-testid="trainee-name"]', 'Ana Trainee');
    await page.locator('[data-testid="trainee-name"]').press('Tab');
    await page.click('[data-testid="scenario"][data-scenario-id="upset-repeat-customer"]');
    // The real sidebar's cues and checklist, in its shadow root.
    await expect.poll(() => page.locator('[data-testid="training-sidebar"] [data-testid="cue"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="training-sidebar"] [data-testid="customer-name"]').textContent()).toBe('Dana Whitfield');
    const cues = await page.locator('[data-testid="training-sidebar"] [data-testid="cue"]').allTextContents();
    expect(cues.join('\n')).toMatch(/wasn't solved|upset last time|Same topic/);
    expect(await page.locator('[data-testid="training-sidebar"] [data-testid="checklist"]').count()).toBe(1);

    await page.fill('[data-testid="practice-composer"]', WEAK);
    await expect.poll(() => page.locator('[data-testid="training-sidebar"] [data-testid="readiness"]').textContent()).toContain('Not ready');
    await page.click('[data-testid="practice-check"]');
    const score = Number(await page.getAttribute('[data-testid="practice-score"]', 'data-score'));
    expect(score).toBeLessThan(50);
    const failing = await page.locator('[data-testid="practice-items"] [data-state="fail"]').allTextContents();
    expect(failing.join('\n')).toContain('Greets by name');
    expect(failing.join('\n')).toContain('Why this matters');
    expect(await page.locator('[data-testid="model-answer"]').textContent()).toContain('Hi Dana');
    expect(await page.locator('[data-testid="model-items"] [data-state="fail"]').count()).toBe(0);
    expect(await page.locator('[data-testid="did-differently"] li').count()).toBeGreaterThan(2);
    await shot(page, 'training-practice-light');

    // The model answer, typed by the trainee, passes everything.
    const model = (await page.locator('[data-testid="model-answer"] blockquote').textContent())!;
    await page.fill('[data-testid="practice-composer"]', model);
    await page.click('[data-testid="practice-check"]');
    await expect.poll(() => page.getAttribute('[data-testid="practice-score"]', 'data-score')).toBe('100');
    expect(await page.locator('[data-testid="practice-items"] [data-state="fail"]').count()).toBe(0);

    await page.click('[data-testid="nav-progress"]');
    const progress = page.locator('[data-testid="trainee-progress"][data-trainee="Ana Trainee"]');
    await expect.poll(() => progress.locator('[data-testid="attempt"]').count()).toBe(2);
    expect(await progress.locator('[data-testid="attempt"]').first().textContent()).toContain('The upset repeat customer');
    await shot(page, 'training-progress-light');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="progress-csv"]')]);
    const csvText = await readFile((await csv.path())!, 'utf8');
    expect(csvText.split('\r\n')).toHaveLength(3);
    expect(csvText).toContain('"Ana Trainee"');

    // The name was typed once: a reload keeps it.
    await page.reload();
    await page.waitForSelector('.tr-app[data-ready="true"]');
    expect(await page.inputValue('[data-testid="trainee-name"]')).toBe('Ana Trainee');
    await page.click('[data-testid="nav-progress"]');
    await page.click('[data-testid="progress-clear"]');
    await page.click('[data-testid="progress-clear-confirm"]');
    await expect.poll(() => page.locator('[data-testid="trainee-progress"]').count()).toBe(0);
    expect(r.dialogs).toEqual([]);
  });

  it('exports a scenario pack with an authored scenario and imports it into a fresh profile; a hostile pack is refused and changes nothing', async () => {
    const a = await start();
    const page = await training(a, 'new');
    await page.fill('[data-field="title"]', 'The <img src=x onerror=alert(1)> customer');
    await page.fill('[data-field="why"]', 'Hostile text must render as text. A trainer wrote this to check the page never runs what a customer typed, even in a scenario title.');
    await page.fill('[data-field="strongReply"]', 'Greets them\nAnswers the question');
    await page.fill('[data-field="modelAnswer"]', 'Hi Zed, yes: it is fixed. Let me know if anything else comes up.');
    await page.fill('[data-field="customer.name"]', 'Zed <script>alert(2)</script>');
    await page.fill('[data-field="customer.email"]', 'zed@example.com');
    await page.fill('[data-field="subject"]', 'Is it fixed?');
    await page.fill('[data-field="thread.0"]', 'Is it fixed yet? =HYPERLINK("http://x")');
    await page.click('[data-testid="scenario-save"]');
    await page.waitForURL(/#practice\//);
    expect(await page.locator('h1').first().textContent()).toBe('The <img src=x onerror=alert(1)> customer');

    await page.goto(`chrome-extension://${a.extensionId}/training.html#library`);
    await page.waitForSelector('.tr-app[data-ready="true"]');
    expect(await page.locator('[data-testid="scenario"]').count()).toBe(16);
    await shot(page, 'training-library-light');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="scenario-export"]')]);
    const dir = await mkdtemp(join(tmpdir(), 'rapport-scenarios-'));
    const file = join(dir, 'pack.json');
    await writeFile(file, await readFile((await download.path())!));
    const pack = JSON.parse(await readFile(file, 'utf8')) as { scenarios: { id: string }[] };
    expect(pack.scenarios).toHaveLength(16);

    const b = await start();
    const fresh = await training(b);
    expect(await fresh.locator('[data-testid="scenario"]').count()).toBe(15);
    // Hostile: a __proto__ key, then a scenario with a script in place of a principle.
    const hostile = join(dir, 'hostile.json');
    await writeFile(hostile, JSON.stringify({ ...pack, scenarios: [{ ...pack.scenarios[0], principle: '<script>alert(3)</script>' }] }));
    await fresh.setInputFiles('[data-testid="scenario-import"]', hostile);
    await expect.poll(() => fresh.locator('[data-testid="library-message"]').textContent()).toMatch(/^Refused: scenarios\[0\]\.principle: must be one of/);
    const proto = join(dir, 'proto.json');
    await writeFile(proto, `{"format":"rapport-scenarios","version":1,"scenarios":[],"__proto__":{"polluted":true}}`);
    await fresh.setInputFiles('[data-testid="scenario-import"]', proto);
    await expect.poll(() => fresh.locator('[data-testid="library-message"]').textContent()).toContain('“__proto__”');
    expect(await fresh.locator('[data-testid="scenario"]').count()).toBe(15);

    await fresh.setInputFiles('[data-testid="scenario-import"]', file);
    await expect.poll(() => fresh.locator('[data-testid="library-message"]').textContent()).toBe('Imported 16 scenarios from pack.json.');
    await expect.poll(() => fresh.locator('[data-testid="scenario"]').count()).toBe(16);
    await fresh.click('[data-testid="scenario"] >> text=The <img src=x onerror=alert(1)> customer');
    await fresh.waitForSelector('[data-testid="practice"]');
    expect(await fresh.locator('[data-testid="thread-message"]').first().textContent()).toContain('=HYPERLINK("http://x")');
    expect(await fresh.locator('img').count()).toBe(0);
    expect([...a.dialogs, ...b.dialogs]).toEqual([]);
  });

  it('class mode: large type, ←/→ move between scenarios, the model answer hidden until revealed, names masked', async () => {
    const r = await start('dark');
    const page = await training(r, 'practice/upset-repeat-customer');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.click('[data-testid="class-mode"]');
    const view = page.locator('[data-testid="class-view"]');
    await view.waitFor();
    expect(await view.getAttribute('data-scenario-id')).toBe('upset-repeat-customer');
    expect(await page.locator('[data-testid="model-answer"]').count()).toBe(0);
    expect(Number.parseFloat(await page.locator('.tr-msg-text').first().evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(20);
    // Presentation masking: the customer's name shows as initials everywhere.
    expect(await page.locator('[data-testid="training-sidebar"] [data-testid="customer-name"]').textContent()).toBe('D. W.');
    expect(await view.textContent()).not.toContain('Whitfield');
    await shot(page, 'training-class-dark');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => view.getAttribute('data-scenario-id')).toBe('four-question-email');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => view.getAttribute('data-scenario-id')).toBe('chat-prompt-first-reply');
    await page.click('[data-testid="model-answer-reveal"]');
    expect(await page.locator('[data-testid="model-answer"]').textContent()).toContain('order 88213');
    await shot(page, 'training-class-revealed-dark');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="practice"]');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`screenshots the library, practice, progress and class mode (${scheme})`, async () => {
      const r = await start(scheme);
      const page = await training(r);
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.fill('[data-testid="trainee-name"]', 'Sam');
      await page.locator('[data-testid="trainee-name"]').press('Tab');
      await shot(page, `training-library-${scheme}`);
      await page.click('[data-testid="scenario"][data-scenario-id="vip-overdue-callback"]');
      await page.fill('[data-testid="practice-composer"]', 'Hi Elena, all is on track. I think the migration should probably be done soon.');
      await page.click('[data-testid="practice-check"]');
      await page.waitForSelector('[data-testid="practice-score"]');
      await shot(page, `training-practice-${scheme}`);
      await page.locator('[data-testid="practice-result"]').scrollIntoViewIfNeeded();
      await shot(page, `training-result-${scheme}`);
      await page.click('[data-testid="nav-progress"]');
      await page.waitForSelector('[data-testid="attempt"]');
      await shot(page, `training-progress-${scheme}`);
      await page.click('[data-testid="nav-standards"]');
      await shot(page, `training-standards-${scheme}`);
      await page.goto(`chrome-extension://${r.extensionId}/training.html#edit/vip-overdue-callback`);
      await page.waitForSelector('[data-testid="scenario-editor"]');
      await shot(page, `training-editor-${scheme}`);
      const popup = await r.open(`chrome-extension://${r.extensionId}/popup.html`);
      await popup.setViewportSize({ width: 340, height: 400 });
      await shot(popup, `training-popup-${scheme}`);
      await page.goto(`chrome-extension://${r.extensionId}/training.html#class/late-night-writer`);
      await page.waitForSelector('[data-testid="class-view"]');
      await shot(page, `training-class-${scheme}`);
      // The options page explains every standard too, for agents: no rule ids on screen.
      const options = await r.open(`chrome-extension://${r.extensionId}/options.html`);
      await options.setViewportSize({ width: 1100, height: 900 });
      const why = options.locator('[data-testid="why-standards"]');
      await why.locator('details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
      expect(await why.locator('.rx-item').count()).toBe(12);
      expect(await why.textContent()).toContain('Why this matters');
      expect(await why.textContent()).not.toMatch(/greets-by-name|acknowledges-feelings|follow-through\b(?! )/);
      await why.scrollIntoViewIfNeeded();
      await shot(options, `training-options-why-${scheme}`);
    });
  }
});
