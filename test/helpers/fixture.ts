/**
 * Loads saved-page fixtures (test/fixtures/<helpdesk>/*.html) as documents for adapter tests.
 *
 * Chromium turns `<template shadowrootmode="open">` into a real shadow root while parsing, so the
 * same fixture served as a page (e2e) already has its shadow roots. happy-dom's parser does not, so
 * `attachDeclarativeShadowRoots` applies the standard polyfill after parsing.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** Raw HTML of a fixture, by path relative to test/fixtures (e.g. `zendesk/x.html`). */
export function fixtureHtml(path: string): string {
  return readFileSync(resolve(FIXTURES_DIR, path), 'utf8');
}

/**
 * The address a fixture was saved from, read from its `<!-- saved from url=(NNNN)URL -->` line
 * (the marker browsers write on "Save page as"). Tests read the page with this URL.
 */
export function fixtureUrl(path: string): URL {
  const match = fixtureHtml(path).match(/<!-- saved from url=\((\d{4})\)(\S+) -->/);
  if (!match || Number(match[1]) !== match[2]!.length) throw new Error(`${path}: no valid "saved from url" line`);
  return new URL(match[2]!);
}

export interface LoadOptions {
  /** Load into this document (e.g. the global `document`) instead of a fresh one. */
  into?: Document;
}

/**
 * Parses a fixture into a document with its declarative shadow roots attached.
 * By default returns a fresh document; with `{ into: document }` it replaces that document's
 * `<html>` element (head, title and body included) and returns it.
 */
export function loadFixture(path: string, options: LoadOptions = {}): Document {
  return parseHtml(fixtureHtml(path), options);
}

/** Same as `loadFixture` for an HTML string. */
export function parseHtml(html: string, { into }: LoadOptions = {}): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  if (!into) {
    attachDeclarativeShadowRoots(parsed);
    return parsed;
  }
  const root = into.adoptNode(parsed.documentElement);
  into.documentElement.remove(); // (happy-dom's replaceChild refuses a second <html> mid-swap)
  into.appendChild(root);
  attachDeclarativeShadowRoots(into);
  return into;
}

/**
 * The declarative shadow DOM polyfill: every `<template shadowrootmode>` becomes a shadow root of
 * its parent (content moved in, template removed), recursively inside the new roots. A template
 * whose parent already has a shadow root is left alone, as browsers do. Returns the number attached.
 */
export function attachDeclarativeShadowRoots(root: ParentNode): number {
  let attached = 0;
  for (const template of Array.from(root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]'))) {
    const host = template.parentElement;
    const mode = template.getAttribute('shadowrootmode');
    if (!host || host.shadowRoot || (mode !== 'open' && mode !== 'closed')) continue;
    const shadow = host.attachShadow({ mode, delegatesFocus: template.hasAttribute('shadowrootdelegatesfocus') });
    shadow.appendChild(template.content);
    template.remove();
    attached += 1 + attachDeclarativeShadowRoots(shadow);
  }
  return attached;
}
