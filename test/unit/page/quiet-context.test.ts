// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '@/lib/page/quiet-context';

describe('Rapport’s content-script context', () => {
  it('says nothing to the page when it starts', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const ctx = new ContentScriptContext('quiet-test');
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    ctx.abort();
  });

  it('is not ended by page events, whatever they are called', () => {
    const ctx = new ContentScriptContext('page-events');
    for (const name of ['wxt:content-script-started', `${ctx.id}:page-events:wxt:content-script-started`]) {
      document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'page-events', messageId: 'other' } }));
      window.postMessage({ type: name, contentScriptName: 'page-events', messageId: 'other' }, '*');
    }
    expect(ctx.isValid).toBe(true);
    ctx.abort();
  });

  it('hands over to a newer copy of the same script, and only of the same script', () => {
    const old = new ContentScriptContext('handover');
    const other = new ContentScriptContext('another-script');
    const onEnd = vi.fn();
    old.onInvalidated(onEnd);
    const newer = new ContentScriptContext('handover');
    expect(old.signal.aborted).toBe(true);
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(newer.isValid).toBe(true);
    expect(other.isValid).toBe(true);
    newer.abort();
    other.abort();
  });
});
