import { describe, expect, it } from 'vitest';
import { findAsks } from '../../../lib/standards/judge';

const asks = (text: string) => findAsks(text).map((a) => a.text);

describe('findAsks on issue-tracker markup', () => {
  it('does not take a template heading for a question', () => {
    const text = '### What happened?\nThe export button does nothing since the update.\n\n### Steps to reproduce\nOpen a project and click Export.\n\nCould you look into this?';
    const found = asks(text);
    expect(found.some((a) => a.includes('What happened'))).toBe(false);
    expect(found.some((a) => a.includes('Could you look into this'))).toBe(true);
  });

  it('does not take a quoted error message for the customer\'s request', () => {
    const text = 'When I log in the page says "Your session expired. Please sign in again." and nothing else happens.';
    expect(asks(text).some((a) => /^Please sign in again/.test(a))).toBe(false);
  });

  it('ignores code in a fence', () => {
    const text = 'Sync stopped working.\n```\nError: please check your token\n```\nCan you tell me which token it means?';
    const found = asks(text);
    expect(found.some((a) => a.includes('please check your token'))).toBe(false);
    expect(found.some((a) => a.includes('which token'))).toBe(true);
  });
});
