import { Injectable } from '@nestjs/common';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  IParagraphOptions,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { Block, Inline, PrintedDocument } from './document-model';
import { safeHref } from './html-renderer';

const ACCENT = '005A70';
const HEADING: Record<1 | 2 | 3, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
};
const BOX_SHADING = { side: 'E6F0F2', questions: 'FDF3E1', note: 'F4F4F4' } as const;
const BOX_BORDER = { side: '7FB2BF', questions: 'E0A340', note: 'BBBBBB' } as const;
const NUMBERED = 'numbered';

/**
 * Word's XML 1.0 refuses control characters; they are dropped rather than breaking the file.
 * Everything else is escaped by the docx library.
 */
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const clean = (text: string) => text.replace(XML_FORBIDDEN, '');

function textRuns(value: string, options: { bold?: boolean; italics?: boolean; style?: string }) {
  return clean(value)
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ text: line, break: i ? 1 : 0, ...options }));
}

function inline(run: Inline): ParagraphChild[] {
  if (typeof run === 'string') return textRuns(run, {});
  const href = safeHref(run.link);
  const children = textRuns(run.text, {
    bold: run.bold,
    italics: run.italic,
    ...(href ? { style: 'Hyperlink' } : {}),
  });
  return href ? [new ExternalHyperlink({ link: href, children })] : children;
}

/** Word renderer: real heading styles, a contents field, numbered and bulleted lists. */
@Injectable()
export class DocxRenderer {
  async render(doc: PrintedDocument): Promise<Buffer> {
    // Every numbered list restarts at 1: each gets its own instance of the numbering.
    let instance = 0;
    const blocks = (items: Block[], inBox = false): (Paragraph | Table)[] =>
      items.flatMap((b): (Paragraph | Table)[] => {
        switch (b.kind) {
          case 'heading':
            return [new Paragraph({ heading: HEADING[b.level], children: textRuns(b.text, {}) })];
          case 'paragraph': {
            const options: IParagraphOptions = {
              children: b.runs.flatMap(inline),
              ...(b.style === 'statement' ? { style: 'Statement' } : {}),
              ...(b.style === 'lead' ? { style: 'Lead' } : {}),
              ...(b.style === 'closing' ? { style: 'Closing' } : {}),
            };
            return [new Paragraph(options)];
          }
          case 'quote':
            return [
              new Paragraph({ style: 'Quote', children: textRuns(b.text, {}) }),
              ...(b.attribution
                ? [
                    new Paragraph({
                      style: 'QuoteAttribution',
                      children: textRuns(`— ${b.attribution}`, {}),
                    }),
                  ]
                : []),
            ];
          case 'list': {
            const n = ++instance;
            return b.items.map(
              (item) =>
                new Paragraph({
                  children: item.flatMap(inline),
                  ...(b.ordered
                    ? { numbering: { reference: NUMBERED, level: 0, instance: n } }
                    : { bullet: { level: 0 } }),
                }),
            );
          }
          case 'box': {
            const children = [
              ...(b.title
                ? [
                    new Paragraph({
                      style: 'BoxTitle',
                      children: textRuns(b.title, { bold: true }),
                    }),
                  ]
                : []),
              ...blocks(b.blocks, true),
            ];
            if (inBox) return children;
            const border = { style: BorderStyle.SINGLE, size: 8, color: BOX_BORDER[b.variant] };
            return [
              new Table({
                width: { size: 100, type: WidthType.PERCENTAGE },
                borders: {
                  top: border,
                  bottom: border,
                  left: border,
                  right: border,
                  insideHorizontal: border,
                  insideVertical: border,
                },
                rows: [
                  new TableRow({
                    cantSplit: b.variant === 'questions',
                    children: [
                      new TableCell({
                        shading: {
                          type: ShadingType.CLEAR,
                          color: 'auto',
                          fill: BOX_SHADING[b.variant],
                        },
                        margins: { top: 100, bottom: 100, left: 140, right: 140 },
                        children: children.length ? children : [new Paragraph('')],
                      }),
                    ],
                  }),
                ],
              }),
              new Paragraph(''),
            ];
          }
          case 'table': {
            const width = Math.max(b.headings.length, ...b.rows.map((r) => r.length), 1);
            const row = (cells: string[], header: boolean) =>
              new TableRow({
                tableHeader: header,
                children: Array.from(
                  { length: width },
                  (_, i) =>
                    new TableCell({
                      ...(header
                        ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E6F0F2' } }
                        : {}),
                      children: [
                        new Paragraph({ children: textRuns(cells[i] ?? '', { bold: header }) }),
                      ],
                    }),
                ),
              });
            return [
              ...(b.caption
                ? [new Paragraph({ style: 'Caption', children: textRuns(b.caption, {}) })]
                : []),
              new Table({
                width: { size: 100, type: WidthType.PERCENTAGE },
                rows: [row(b.headings, true), ...b.rows.map((r) => row(r, false))],
              }),
              new Paragraph(''),
            ];
          }
          case 'pageBreak':
            return [new Paragraph({ pageBreakBefore: true, children: [] })];
        }
      });

    const children: (Paragraph | Table | TableOfContents)[] = [
      ...(doc.kicker
        ? [new Paragraph({ style: 'Kicker', children: textRuns(doc.kicker, {}) })]
        : []),
      new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns(doc.title, {}) }),
      ...(doc.subtitle
        ? [new Paragraph({ style: 'Subtitle', children: textRuns(doc.subtitle, {}) })]
        : []),
      ...(doc.contents
        ? [
            new Paragraph({ style: 'TOCHeading', children: [new TextRun('Contents')] }),
            new TableOfContents('Contents', {
              hyperlink: true,
              headingStyleRange: doc.contentsDepth === 1 ? '1-1' : '1-3',
            }),
          ]
        : []),
      ...blocks(doc.blocks),
      ...(doc.closing
        ? [new Paragraph({ style: 'Closing', children: textRuns(doc.closing, {}) })]
        : []),
    ];

    const document = new Document({
      title: clean(doc.title),
      creator: 'SCR Workbench',
      lastModifiedBy: 'SCR Workbench',
      ...(doc.subtitle ? { subject: clean(doc.subtitle) } : {}),
      // Word fills the contents field when the file is opened.
      features: { updateFields: !!doc.contents },
      styles: {
        default: {
          document: {
            run: { font: 'Arial', size: 21 },
            paragraph: { spacing: { after: 120, line: 276 } },
          },
          title: { run: { font: 'Arial', size: 44, bold: true, color: ACCENT } },
          heading1: {
            run: { font: 'Arial', size: 30, bold: true, color: ACCENT },
            paragraph: { spacing: { before: 280, after: 120 }, keepNext: true },
          },
          heading2: {
            run: { font: 'Arial', size: 25, bold: true, color: ACCENT },
            paragraph: { spacing: { before: 220, after: 100 }, keepNext: true },
          },
          heading3: {
            run: { font: 'Arial', size: 22, bold: true },
            paragraph: { spacing: { before: 180, after: 80 }, keepNext: true },
          },
        },
        paragraphStyles: [
          {
            id: 'Kicker',
            name: 'Kicker',
            basedOn: 'Normal',
            next: 'Normal',
            run: { size: 20, color: ACCENT, allCaps: true },
          },
          {
            id: 'Subtitle',
            name: 'Subtitle',
            basedOn: 'Normal',
            next: 'Normal',
            run: { size: 26, color: '444444' },
          },
          { id: 'Lead', name: 'Lead', basedOn: 'Normal', next: 'Normal', run: { size: 24 } },
          {
            id: 'Statement',
            name: 'Statement',
            basedOn: 'Normal',
            next: 'Normal',
            run: { size: 24, bold: true, color: ACCENT },
          },
          {
            id: 'Closing',
            name: 'Closing',
            basedOn: 'Normal',
            next: 'Normal',
            run: { size: 19, italics: true, color: '444444' },
          },
          {
            id: 'Quote',
            name: 'Quote',
            basedOn: 'Normal',
            next: 'Normal',
            run: { italics: true },
            paragraph: { indent: { left: 400 } },
          },
          {
            id: 'QuoteAttribution',
            name: 'Quote Attribution',
            basedOn: 'Normal',
            next: 'Normal',
            run: { size: 19, color: '444444' },
            paragraph: { indent: { left: 400 } },
          },
          {
            id: 'BoxTitle',
            name: 'Box Title',
            basedOn: 'Normal',
            next: 'Normal',
            run: { bold: true },
            paragraph: { keepNext: true },
          },
          {
            id: 'TOCHeading',
            name: 'TOC Heading',
            basedOn: 'Normal',
            next: 'Normal',
            run: { size: 26, bold: true, color: ACCENT },
          },
          {
            id: 'Caption',
            name: 'Caption',
            basedOn: 'Normal',
            next: 'Normal',
            run: { bold: true, size: 19 },
          },
        ],
      },
      numbering: {
        config: [
          {
            reference: NUMBERED,
            levels: [
              {
                level: 0,
                format: LevelFormat.DECIMAL,
                text: '%1.',
                alignment: AlignmentType.START,
                style: { paragraph: { indent: { left: 480, hanging: 300 } } },
              },
              {
                level: 1,
                format: LevelFormat.LOWER_LETTER,
                text: '%2.',
                alignment: AlignmentType.START,
                style: { paragraph: { indent: { left: 960, hanging: 300 } } },
              },
            ],
          },
        ],
      },
      sections: [
        {
          properties: {
            page: {
              // A4 in twentieths of a point, margins about 2 cm.
              size: { width: 11906, height: 16838 },
              margin: { top: 1020, bottom: 1134, left: 1134, right: 1134 },
            },
          },
          footers: {
            default: new Footer({
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [
                    new TextRun({
                      children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                      size: 18,
                      color: '555555',
                    }),
                  ],
                }),
              ],
            }),
          },
          children,
        },
      ],
    });
    return Packer.toBuffer(document);
  }
}
