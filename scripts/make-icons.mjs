/**
 * Draws the toolbar and store icons (public/icon/SIZE.png) from assets/icon.svg with the system
 * Chromium, so the PNGs can always be remade from the one vector source: node scripts/make-icons.mjs
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { findChromium } from './lib/browser.mjs';

const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  mkdirSync(new URL('../public/icon/', import.meta.url), { recursive: true });
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const html = `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`;
    await page.setContent(html);
    await page.screenshot({ path: new URL(`../public/icon/${size}.png`, import.meta.url).pathname, omitBackground: true });
    await page.close();
  }
  console.log(`icons: ${SIZES.join(', ')} px in public/icon/`);
} finally {
  await browser.close();
}
