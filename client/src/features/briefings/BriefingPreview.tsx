/** The document model the server builds every format from (server/src/documents/render). */
type Inline = string | { text: string; bold?: boolean; italic?: boolean; link?: string };
type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: Inline[]; style?: string }
  | { kind: 'quote'; text: string; attribution?: string }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'box'; variant: string; title?: string; blocks: Block[] }
  | { kind: 'table'; headings: string[]; rows: string[][]; caption?: string }
  | { kind: 'pageBreak' };

export interface PrintedDocumentView {
  title: string;
  kicker?: string;
  subtitle?: string;
  blocks: Block[];
  closing?: string;
}

function Runs({ runs }: { runs: Inline[] }) {
  return (
    <>
      {runs.map((run, i) => {
        if (typeof run === 'string') return <span key={i}>{run}</span>;
        const text = run.bold ? (
          <strong>{run.text}</strong>
        ) : run.italic ? (
          <em>{run.text}</em>
        ) : (
          run.text
        );
        return run.link && /^https?:\/\//.test(run.link) ? (
          <a key={i} href={run.link}>
            {text}
          </a>
        ) : (
          <span key={i}>{text}</span>
        );
      })}
    </>
  );
}

function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((block, i) => {
        switch (block.kind) {
          case 'heading': {
            const Heading = block.level === 1 ? 'h3' : 'h4';
            return <Heading key={i}>{block.text}</Heading>;
          }
          case 'paragraph':
            return (
              <p key={i} className={block.style ? `printed__${block.style}` : undefined}>
                <Runs runs={block.runs} />
              </p>
            );
          case 'quote':
            return (
              <blockquote key={i}>
                {block.text}
                {block.attribution ? <footer>— {block.attribution}</footer> : null}
              </blockquote>
            );
          case 'list': {
            const List = block.ordered ? 'ol' : 'ul';
            return (
              <List key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>
                    <Runs runs={item} />
                  </li>
                ))}
              </List>
            );
          }
          case 'box':
            return (
              <section key={i} className={`printed__box printed__box--${block.variant}`}>
                {block.title ? <h4>{block.title}</h4> : null}
                <Blocks blocks={block.blocks} />
              </section>
            );
          case 'table':
            return (
              <table key={i}>
                {block.caption ? <caption>{block.caption}</caption> : null}
                <thead>
                  <tr>
                    {block.headings.map((h) => (
                      <th key={h}>{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {block.rows.map((row, j) => (
                    <tr key={j}>
                      {row.map((cell, k) => (
                        <td key={k}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          case 'pageBreak':
            return <hr key={i} />;
        }
      })}
    </>
  );
}

/** The briefing as it will print: the same blocks the Word, PDF, HTML and Markdown files carry. */
export function BriefingPreview({ document }: { document: PrintedDocumentView }) {
  return (
    <article className="printed" aria-label="Preview of the briefing">
      <header className="printed__band">
        {document.kicker ? <p className="printed__kicker">{document.kicker}</p> : null}
        <h3 className="printed__title">{document.title}</h3>
        {document.subtitle ? <p className="printed__subtitle">{document.subtitle}</p> : null}
      </header>
      {document.blocks.length === 0 ? (
        <p className="printed__empty">Nothing to print yet: write a section and save it.</p>
      ) : (
        <Blocks blocks={document.blocks} />
      )}
      {document.closing ? <p className="printed__closing">{document.closing}</p> : null}
    </article>
  );
}
