/**
 * The text of a contenteditable editor (CKEditor, Froala) as the agent sees it: one paragraph per
 * block, <br> as a newline, CKEditor's filler <br> ignored. Shared by both demo helpdesks' scripts.
 */
export function composerText(editor) {
  const blocks = [];
  let current = '';
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) current += child.data;
      else if (child.nodeName === 'BR') {
        if (!child.hasAttribute('data-cke-filler')) current += '\n';
      } else walk(child);
    }
  };
  for (const child of editor.childNodes) {
    if (child.nodeType === 1 && /^(P|DIV|LI|BLOCKQUOTE|H\d)$/.test(child.nodeName)) {
      if (current) blocks.push(current);
      current = '';
      walk(child);
      blocks.push(current);
      current = '';
    } else if (child.nodeType === 3) current += child.data;
    else if (child.nodeType === 1) walk(child);
  }
  if (current) blocks.push(current);
  return blocks
    .map((b) => b.replace(/\u00a0/g, ' ').replace(/\n+$/, ''))
    .filter((b) => b.trim())
    .join('\n\n')
    .trim();
}
