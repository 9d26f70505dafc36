import {
  CONVERSATION_FORMAT_LABELS,
  CONVERSATION_KIND_LABELS,
  FACTOR_LEVEL_LABELS,
  FINDING_TEMPLATE_PARTS,
  formatPartialDate,
  METHODOLOGY_LABELS,
  numberedCategoryLabel,
  PATTERN_EFFECT_LABELS,
  PATTERN_EFFECT_SHORT_LABELS,
  PRACTICE_APPRAISAL_LABELS,
  REVIEW_TYPE_LABELS,
} from '@scr/shared';
import { KPE_HEADINGS } from '../../analysis/export/kpe-table.service';
import type { ReviewBundle } from '../../bundles/review-bundle';
import {
  Block,
  bulletList,
  hasText,
  Inline,
  paragraphs,
  PrintedDocument,
  section,
} from '../render/document-model';

export interface ReviewReportInput {
  /** The review without real names (people by pseudonym only). */
  bundle: ReviewBundle;
  /** The key practice episode table's rows, in KPE_HEADINGS order. */
  kpeTable: string[][];
}

type Episode = ReviewBundle['episodes'][number];
type Finding = ReviewBundle['findings'][number];

const day = (iso: string | null | undefined) => (iso ? formatPartialDate(iso, 'DAY') : null);

function period(start: string | null | undefined, end: string | null | undefined): string | null {
  const from = day(start);
  const to = day(end);
  if (from && to) return `${from} to ${to}`;
  if (from) return `from ${from}`;
  if (to) return `until ${to}`;
  return null;
}

const label = (text: string, value: string | null | undefined): Block[] =>
  hasText(value) ? [{ kind: 'paragraph', runs: [{ text: `${text}: `, bold: true }, value] }] : [];

/**
 * The published report of a Learning Together review, in SCIE's order: introduction and review
 * questions, the case in brief, the appraisal of practice over the key practice episodes, the
 * findings in SCIE's template, the questions for the partnership, and the appendices (the key
 * practice episode table, the methodology, who took part by role). Pure: given the review
 * without real names, it returns the document; sections with nothing in them are left out.
 */
export function buildReviewReport({ bundle, kpeTable }: ReviewReportInput): PrintedDocument {
  const { review } = bundle;
  const agencyName = new Map(bundle.agencies.map((a) => [a.ref, a.name]));
  const pseudonym = new Map(bundle.people.map((p) => [p.ref, p.pseudonym]));
  const questionNumber = new Map((bundle.reviewQuestions ?? []).map((q, i) => [q.ref, i + 1]));
  const episodes = [...bundle.episodes].sort((a, b) => a.ordinal - b.ordinal);
  const findings = [...bundle.findings].sort((a, b) => a.ordinal - b.ordinal);
  const typeLabel = REVIEW_TYPE_LABELS[review.type] ?? review.type;
  const reviewPeriod = period(review.periodStart, review.periodEnd);

  const introduction = section(1, 'Introduction', [
    ...paragraphs(
      `This is the report of the ${typeLabel.toLowerCase()} about ${review.title}, commissioned by ${review.partnership}` +
        ` and carried out using ${METHODOLOGY_LABELS[review.methodology] ?? review.methodology}.` +
        (reviewPeriod ? ` It looks at practice from ${reviewPeriod}.` : ''),
    ),
    ...paragraphs(
      'The review looks at the case as a window on the system: its findings are about the patterns in how agencies work together that made good or problematic practice more or less likely, not about individuals.',
    ),
    ...section(
      2,
      'Review questions (terms of reference)',
      bulletList(
        (bundle.reviewQuestions ?? []).map((q) => q.text),
        true,
      ),
    ),
  ]);

  const caseInBrief = section(1, 'The case in brief', paragraphs(review.summary));

  const episodeBlocks = (k: Episode): Block[] => {
    const factors = bundle.factors.filter((f) => f.episode === k.ref);
    return section(2, `Key practice episode ${k.ordinal}: ${k.title}`, [
      ...label('Dates', period(k.startDate, k.endDate)),
      ...paragraphs(k.summary),
      ...section(3, 'View from the tunnel', paragraphs(k.viewFromTheTunnel)),
      ...section(3, 'Appraisal of practice', [
        ...(k.appraisal === 'NOT_APPRAISED' && !hasText(k.appraisalNarrative)
          ? []
          : [
              {
                kind: 'paragraph' as const,
                runs: [{ text: PRACTICE_APPRAISAL_LABELS[k.appraisal], bold: true }],
              },
            ]),
        ...paragraphs(k.appraisalNarrative),
      ]),
      ...section(3, 'Why it made sense at the time', paragraphs(k.explanation)),
      ...section(
        3,
        'Contributory factors',
        bulletList(
          factors.map(
            (f) =>
              `${FACTOR_LEVEL_LABELS[f.level]} (${PATTERN_EFFECT_SHORT_LABELS[f.effect ?? 'MAKES_PROBLEMS_MORE_LIKELY'].toLowerCase()}): ${f.description}`,
          ),
        ),
      ),
    ]);
  };
  const appraisal = section(
    1,
    'Appraisal of practice: the key practice episodes',
    episodes.flatMap(episodeBlocks),
  );

  const findingBlocks = (f: Finding): Block[] => {
    const answers = (f.answers ?? [])
      .map((ref) => questionNumber.get(ref))
      .filter((n): n is number => n !== undefined)
      .sort((a, b) => a - b);
    const episodesOf = f.episodes
      .map((ref) => episodes.find((k) => k.ref === ref)?.ordinal)
      .filter((n): n is number => n !== undefined)
      .sort((a, b) => a - b);
    const partBlocks = (key: (typeof FINDING_TEMPLATE_PARTS)[number]['key']): Block[] => {
      if (key === 'questions') {
        const list = bulletList(f.questions, true);
        return list.length ? [{ kind: 'box', variant: 'questions', blocks: list }] : [];
      }
      if (key === 'prevalence') {
        const references = (f.references ?? []).filter((r) => hasText(r.citation));
        const items = references.map((r): Inline[] =>
          r.url && /^https?:\/\//i.test(r.url)
            ? [r.citation.trim(), ' (', { text: r.url, link: r.url }, ')']
            : [r.citation.trim()],
        );
        return [
          ...paragraphs(f.prevalence),
          ...(items.length ? [{ kind: 'list' as const, ordered: false, items }] : []),
        ];
      }
      return paragraphs(f[key]);
    };
    return section(2, `Finding ${f.ordinal}: ${f.title}`, [
      ...label('Category', numberedCategoryLabel(f.category)),
      ...label('Effect', PATTERN_EFFECT_LABELS[f.effect ?? 'MAKES_PROBLEMS_MORE_LIKELY']),
      ...label(
        'Answers review questions',
        answers.length ? answers.map((n) => `${n}`).join(', ') : null,
      ),
      ...label(
        'Key practice episodes',
        episodesOf.length ? episodesOf.map((n) => `${n}`).join(', ') : null,
      ),
      ...FINDING_TEMPLATE_PARTS.flatMap((part) => section(3, part.heading, partBlocks(part.key))),
    ]);
  };
  const findingsSection = section(1, 'Findings', findings.flatMap(findingBlocks));

  const partnershipQuestions = section(
    1,
    'Questions for the partnership',
    findings.flatMap((f) =>
      section(2, `Finding ${f.ordinal}: ${f.title}`, bulletList(f.questions, true)),
    ),
  );

  const conversations = bundle.conversations ?? [];
  const participants = conversations.map((c) => {
    const who = [
      ...c.participants.map((p) => {
        const agency = p.agency ? (agencyName.get(p.agency) ?? p.agency) : null;
        return agency ? `${p.role}, ${agency}` : p.role;
      }),
      ...c.family.map((ref) => pseudonym.get(ref)).filter((p): p is string => !!p),
      ...(hasText(c.familyDescription) ? [c.familyDescription] : []),
    ];
    return [
      CONVERSATION_KIND_LABELS[c.kind],
      CONVERSATION_FORMAT_LABELS[c.format],
      c.heldOn ? formatPartialDate(c.heldOn, c.precision ?? 'DAY') : '',
      who.join('; '),
    ];
  });
  const practitionerCount = conversations.filter((c) => c.kind === 'PRACTITIONERS').length;
  const familyCount = conversations.length - practitionerCount;
  const methodology = section(2, 'Appendix B: Methodology', [
    ...paragraphs(
      `The review used ${METHODOLOGY_LABELS[review.methodology] ?? review.methodology}, the systems approach to case reviews. ` +
        'A review team of senior managers from the agencies involved and a case group of the practitioners who worked with the family met through the review. ' +
        'The practitioners’ contribution was gathered in conversations; the chronology of the agencies’ involvement was divided into key practice episodes, ' +
        'each appraised with the view from the tunnel and an explanation of why practice made sense at the time, and the contributory factors found in each ' +
        'episode were drawn together into findings about the wider system.',
    ),
    ...(conversations.length
      ? paragraphs(
          `The review held ${practitionerCount} ${practitionerCount === 1 ? 'conversation' : 'conversations'} with practitioners` +
            ` and ${familyCount} with the family.`,
        )
      : []),
    ...(bundle.agencies.length
      ? [
          ...paragraphs('The agencies that took part:'),
          ...bulletList(bundle.agencies.map((a) => a.name)),
        ]
      : []),
  ]);

  const appendices = [
    ...section(
      2,
      'Appendix A: Key practice episode table',
      kpeTable.length ? [{ kind: 'table', headings: KPE_HEADINGS, rows: kpeTable }] : [],
    ),
    ...methodology,
    ...section(
      2,
      'Appendix C: Who took part',
      participants.length
        ? [
            ...paragraphs(
              'People are named by their role and agency; family members by their pseudonym.',
            ),
            {
              kind: 'table',
              headings: ['Contribution', 'Format', 'When', 'Who (by role)'],
              rows: participants,
            },
          ]
        : [],
    ),
  ];

  return {
    fileName: `${review.reference}-review-report`,
    kicker: `${review.partnership}: ${typeLabel}`,
    title: review.title,
    subtitle: [review.reference, reviewPeriod ? `practice from ${reviewPeriod}` : null]
      .filter(Boolean)
      .join(' · '),
    contents: true,
    blocks: [
      ...introduction,
      ...caseInBrief,
      ...appraisal,
      ...findingsSection,
      ...partnershipQuestions,
      ...section(1, 'Appendices', appendices),
    ],
    closing: `${review.title} (${review.reference}), ${review.partnership}. People are referred to by pseudonyms throughout.`,
  };
}
