import { ReactNode } from 'react';

/**
 * The briefing as it will print: the server's PrintedDocument (the one shape every export is
 * rendered from) drawn in the page. Everything is text; nothing is read as HTML.
 */
interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}
type Inline = string | TextRun;
type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: Inline[]; style?: string }
  | { kind: 'quote'; text: string; attribution?: string }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'box'; variant: string; title?: string; blocks: Block[] }
  | { kind: 'table'; headings: string[]; rows: string[][]; caption?: string }
  | { kind: 'pageBreak' };
export interface PrintedDocument {
  title: string;
  kicker?: string;
  subtitle?: string;
  blocks: Block[];
  closing?: string;
}

function Runs({ runs }: { runs: Inline[] }) {
  return (
    <>
      {runs.map((run, index) => {
        if (typeof run === 'string') return <span key={index}>{run}</span>;
        let node: ReactNode = run.text;
        if (run.bold) node = <strong>{node}</strong>;
        if (run.italic) node = <em>{node}</em>;
        return <span key={index}>{node}</span>;
      })}
    </>
  );
}

const HEADINGS = ['h3', 'h4', 'h5', 'h6'] as const;

/** The shallowest heading level of the blocks, boxes included: it is drawn as h3. */
function topLevel(blocks: Block[]): number {
  return Math.min(
    3,
    ...blocks.map((block) =>
      block.kind === 'heading' ? block.level : block.kind === 'box' ? topLevel(block.blocks) : 3,
    ),
  );
}

function Blocks({ blocks, top }: { blocks: Block[]; top: number }) {
  return (
    <>
      {blocks.map((block, index) => {
        switch (block.kind) {
          case 'heading': {
            // The title band is the page's h2, so the document's shallowest level is drawn as h3.
            const Tag = HEADINGS[Math.min(block.level - top, HEADINGS.length - 1)];
            return <Tag key={index}>{block.text}</Tag>;
          }
          case 'paragraph':
            return (
              <p key={index} className={block.style ? `printed__${block.style}` : undefined}>
                <Runs runs={block.runs} />
              </p>
            );
          case 'quote':
            return (
              <blockquote key={index} className="printed__quote">
                <p>‘{block.text}’</p>
                {block.attribution && <footer>({block.attribution})</footer>}
              </blockquote>
            );
          case 'list': {
            const List = block.ordered ? 'ol' : 'ul';
            return (
              <List key={index}>
                {block.items.map((item, i) => (
                  <li key={i}>
                    <Runs runs={item} />
                  </li>
                ))}
              </List>
            );
          }
          case 'box':
            return (
              <aside
                key={index}
                className={`printed__box printed__box--${block.variant}`}
                aria-label={
                  block.title ?? (block.variant === 'side' ? 'About these briefings' : 'Note')
                }
              >
                {block.title && <p className="printed__box-title">{block.title}</p>}
                <Blocks blocks={block.blocks} top={top} />
              </aside>
            );
          case 'table':
            return (
              <table key={index}>
                {block.caption && <caption>{block.caption}</caption>}
                <thead>
                  <tr>
                    {block.headings.map((heading) => (
                      <th key={heading} scope="col">
                        {heading}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {block.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, c) => (
                        <td key={c}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          case 'pageBreak':
            return <hr key={index} className="printed__page-break" aria-hidden="true" />;
        }
      })}
    </>
  );
}

/** The briefing as it will print: the same blocks the Word, PDF, HTML and Markdown files carry. */
export function BriefingPreview({
  json,
  label = 'Preview as it will print',
}: {
  /** The server's PrintedDocument as JSON. */
  json: string;
  label?: string;
}) {
  const doc = JSON.parse(json) as PrintedDocument | null;
  if (!doc) return null;
  return (
    <article className="printed" aria-label={label}>
      <header className="printed__band">
        {doc.kicker && <p className="printed__kicker">{doc.kicker}</p>}
        <h2>{doc.title}</h2>
        {doc.subtitle && <p>{doc.subtitle}</p>}
      </header>
      {doc.blocks.length === 0 ? (
        <p className="printed__empty">Nothing to print yet: write a section and save it.</p>
      ) : (
        <Blocks blocks={doc.blocks} top={topLevel(doc.blocks)} />
      )}
      {doc.closing && <p className="printed__closing">{doc.closing}</p>}
    </article>
  );
}
