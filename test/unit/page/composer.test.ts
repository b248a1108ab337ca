// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertIntoComposer } from '../../../lib/page/composer';

/** A composer holding "thanks for waiting." with a saved cursor before "thanks". */
function composer() {
  const editor = document.createElement('div');
  editor.contentEditable = 'true';
  const p = document.createElement('p');
  p.textContent = 'thanks for waiting.';
  editor.append(p);
  document.body.append(editor);
  const cursor = document.createRange();
  cursor.setStart(p.firstChild!, 0);
  cursor.collapse(true);
  return { editor, p, cursor };
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('insertIntoComposer', () => {
  it('hands the text to an editor that keeps its own model (CKEditor 5) and leaves the DOM to it', () => {
    const { editor, p, cursor } = composer();
    const seen: { inputType: string; data: string | null; at?: [Node, number] }[] = [];
    // What CKEditor 5 does: take `beforeinput`, insert into its model, cancel the browser's edit.
    editor.addEventListener('beforeinput', (event) => {
      const e = event as InputEvent;
      const selection = document.getSelection()!;
      const range = e.getTargetRanges?.()[0] ?? selection.getRangeAt(0);
      seen.push({ inputType: e.inputType, data: e.data, at: [range.startContainer, range.startOffset] });
      e.preventDefault();
    });

    insertIntoComposer(editor, 'Hi Sam, ', cursor);

    expect(seen).toEqual([{ inputType: 'insertText', data: 'Hi Sam, ', at: [p.firstChild, 0] }]);
    // Nothing else wrote it: the editor renders the text itself from its model.
    expect(editor.textContent).toBe('thanks for waiting.');
  });

  it('types into an editor that edits the DOM (Froala, plain contenteditable) at the saved cursor', () => {
    const { editor, cursor } = composer();
    const inputs: string[] = [];
    editor.addEventListener('input', (e) => inputs.push((e as InputEvent).data ?? ''));
    let before = 0;
    editor.addEventListener('beforeinput', () => before++);

    insertIntoComposer(editor, 'Hi Sam, ', cursor);

    expect(before).toBe(1);
    expect(editor.textContent).toBe('Hi Sam, thanks for waiting.');
    expect(inputs).toEqual(['Hi Sam, ']);
  });

  it('writes at the start of the composer when no cursor was saved', () => {
    const { editor, p } = composer();
    editor.addEventListener('beforeinput', (event) => {
      const range = document.getSelection()!.getRangeAt(0);
      expect([range.startContainer, range.startOffset]).toEqual([p, 0]);
      event.preventDefault();
    });
    insertIntoComposer(editor, 'Hi Sam, ', undefined);
    expect.assertions(1);
  });
});
