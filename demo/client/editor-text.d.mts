export function composerText(editor: Element): string;
