import { render, screen, within } from '@testing-library/react';
import { BriefingPreview } from './BriefingPreview';

const doc = {
  fileName: 'practice-issue-1',
  kicker: 'Practice issues from case reviews',
  title: '1. Disagreement about use of early help assessment',
  blocks: [
    { kind: 'heading', level: 2, text: 'What is the issue?' },
    { kind: 'paragraph', style: 'statement', runs: ['Agencies use the CAF <script>x</script>'] },
    {
      kind: 'box',
      variant: 'side',
      blocks: [
        {
          kind: 'paragraph',
          runs: [
            'The briefings are based on analysis of 38 reviews published between May 2014 and April 2015.',
          ],
        },
      ],
    },
    { kind: 'heading', level: 2, text: 'Why does this occur?' },
    {
      kind: 'paragraph',
      runs: ['The ', { text: 'analysis within the reviews', bold: true }, ' found:'],
    },
    { kind: 'quote', text: 'It is an issue of hierarchy.', attribution: 'Named Nurse' },
    { kind: 'heading', level: 2, text: 'Questions for you to consider' },
    {
      kind: 'box',
      variant: 'questions',
      title: 'Unpicking the issue',
      blocks: [{ kind: 'list', ordered: true, items: [['Is this issue familiar to you?']] }],
    },
  ],
  closing: 'This briefing was produced as part of Learning into Practice.',
};

describe('BriefingPreview', () => {
  it('draws the printed document: title band, side box, quotes by role, questions in boxes, closing line', () => {
    render(<BriefingPreview json={JSON.stringify(doc)} />);
    const preview = screen.getByRole('article', { name: 'Preview as it will print' });
    expect(within(preview).getByRole('heading', { level: 2 })).toHaveTextContent(
      '1. Disagreement about use of early help assessment',
    );
    expect(
      within(preview)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['What is the issue?', 'Why does this occur?', 'Questions for you to consider']);
    expect(screen.getByRole('complementary', { name: 'About these briefings' })).toHaveTextContent(
      '38 reviews published between May 2014 and April 2015',
    );
    const questions = screen.getByRole('complementary', { name: 'Unpicking the issue' });
    expect(within(questions).getByRole('listitem')).toHaveTextContent(
      'Is this issue familiar to you?',
    );
    expect(screen.getByText('(Named Nurse)')).toBeInTheDocument();
    expect(screen.getByText('analysis within the reviews').tagName).toBe('STRONG');
    expect(preview).toHaveTextContent(
      'This briefing was produced as part of Learning into Practice.',
    );
  });

  it('shows markup in the text as text, never as HTML', () => {
    const { container } = render(<BriefingPreview json={JSON.stringify(doc)} />);
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByText('Agencies use the CAF <script>x</script>')).toBeInTheDocument();
  });
});
