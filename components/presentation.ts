/**
 * Presentation mode (screen sharing, training): customer names become initials, emails and phone
 * numbers are masked — everywhere a component shows customer identity. Components read it from
 * context so no prop has to be threaded through every view.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export const PresentationContext = createContext(false);

export const usePresentation = () => useContext(PresentationContext);

/** "Samantha Rivera" → "S. R." */
export function maskName(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((part) => part.match(/\p{L}/u)?.[0])
    .filter(Boolean);
  return letters.length ? letters.map((l) => `${l!.toUpperCase()}.`).join(' ') : '•••';
}

/** "sam.rivera@example.com" → "s•••@e•••.com" */
export function maskEmail(email: string): string {
  const [user = '', domain = ''] = email.split('@');
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${user.slice(0, 1)}•••@${host.slice(0, 1)}•••${tld}`;
}

/** Masks phone numbers and email addresses inside free text (notes, facts, subjects). */
export function maskText(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, (m) => maskEmail(m))
    .replace(/\+?\d[\d\s().-]{6,}\d/g, (m) => m.replace(/\d(?=[\d\s().-]{2})/g, '•'));
}
