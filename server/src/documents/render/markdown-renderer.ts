import { Block, Inline, PrintedDocument } from './document-model';

/**
 * Characters that mean something anywhere in a line of CommonMark or GitHub Markdown, escaped
 * with a backslash so that text someone typed stays literal when pasted into another tool.
 * `<`, `>` and `&` are escaped too, so `<script>` never reaches a renderer that passes HTML
 * through. What is significant only at the start of a line (`-`, `+`, `1.`, `=`) is escaped
 * there; text never spans lines (line breaks become spaces).
 */
const MARKDOWN_SIGNIFICANT = /[\\`*_[\]#|<>&~!]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(MARKDOWN_SIGNIFICANT, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

const isHttpLink = (link: string | undefined): link is string =>
  !!link && /^https?:\/\/[^\s<>]+$/i.test(link);

function inline(run: Inline): string {
  if (typeof run === 'string') return escapeMarkdown(run);
  const escaped = escapeMarkdown(run.text);
  if (!escaped.trim()) return escaped;
  // Emphasis only holds when its markers touch the text: spaces go outside them.
  const [, before, core, after] = /^(\s*)(.*?)(\s*)$/s.exec(escaped)!;
  let text = core;
  if (run.bold) text = `**${text}**`;
  if (run.italic) text = `*${text}*`;
  if (isHttpLink(run.link)) text = `[${text}](<${run.link}>)`;
  return before + text + after;
}

const runs = (items: Inline[]) => items.map(inline).join('');

function cell(text: string): string {
  return escapeMarkdown(text).replace(/\n/g, ' ');
}

function block(b: Block, depth = 0): string[] {
  const prefix = depth ? '> '.repeat(depth) : '';
  const quoted = (lines: string[]) => lines.map((l) => (l ? prefix + l : prefix.trimEnd()));
  switch (b.kind) {
    case 'heading':
      return quoted([`${'#'.repeat(b.level + 1)} ${escapeMarkdown(b.text)}`, '']);
    case 'paragraph': {
      const text = runs(b.runs);
      return quoted([b.style === 'statement' || b.style === 'lead' ? `**${text}**` : text, '']);
    }
    case 'quote':
      return quoted([
        `> *${escapeMarkdown(b.text)}*`,
        ...(b.attribution ? ['>', `> — ${escapeMarkdown(b.attribution)}`] : []),
        '',
      ]);
    case 'list':
      return quoted([
        ...b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${runs(item)}`),
        '',
      ]);
    case 'box': {
      const inner = [
        ...(b.title ? [`**${escapeMarkdown(b.title)}**`, ''] : []),
        ...b.blocks.flatMap((child) => block(child, 0)),
      ];
      while (inner.length && inner[inner.length - 1] === '') inner.pop();
      return [...inner.map((l) => (l ? `${prefix}> ${l}` : `${prefix}>`)), ''];
    }
    case 'table': {
      const width = Math.max(b.headings.length, ...b.rows.map((r) => r.length), 1);
      const pad = (r: string[]) => Array.from({ length: width }, (_, i) => cell(r[i] ?? ''));
      return quoted([
        ...(b.caption ? [`*${escapeMarkdown(b.caption)}*`, ''] : []),
        `| ${pad(b.headings).join(' | ')} |`,
        `| ${Array.from({ length: width }, () => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${pad(r).join(' | ')} |`),
        '',
      ]);
    }
    case 'pageBreak':
      return quoted(['---', '']);
  }
}

/** The document as Markdown: headings, lists, tables and quotes; boxes as block quotes. */
export function renderMarkdown(doc: PrintedDocument): string {
  const lines: string[] = [];
  if (doc.kicker) lines.push(`*${escapeMarkdown(doc.kicker)}*`, '');
  lines.push(`# ${escapeMarkdown(doc.title)}`, '');
  if (doc.subtitle) lines.push(`**${escapeMarkdown(doc.subtitle)}**`, '');
  if (doc.contents) {
    const headings = doc.blocks.filter(
      (b): b is Extract<Block, { kind: 'heading' }> =>
        b.kind === 'heading' && b.level <= (doc.contentsDepth ?? 2),
    );
    if (headings.length) {
      lines.push('## Contents', '');
      for (const h of headings)
        lines.push(`${'  '.repeat(h.level - 1)}- ${escapeMarkdown(h.text)}`);
      lines.push('');
    }
  }
  for (const b of doc.blocks) lines.push(...block(b));
  if (doc.closing) lines.push('---', '', `*${escapeMarkdown(doc.closing)}*`, '');
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
