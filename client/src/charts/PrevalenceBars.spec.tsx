import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { labelLines, PrevalenceBars, prevalenceText } from './PrevalenceBars';

const series = [
  { key: 'good', name: 'Supports good practice', colour: 'green' },
  { key: 'problems', name: 'Makes problems more likely', colour: 'orange' },
];

describe('prevalence bars', () => {
  it('says count, denominator and percent to one decimal, with the plural right', () => {
    expect(prevalenceText({ count: 31, percent: 77.5 }, 40)).toBe('31 of 40 reviews, 77.5%');
    expect(prevalenceText({ count: 1, percent: 100 }, 1)).toBe('1 of 1 review, 100.0%');
  });

  it('makes every bar of every series a named button chosen by click, Enter or Space', async () => {
    const user = userEvent.setup();
    const chosen: string[] = [];
    render(
      <PrevalenceBars
        title="Categories"
        denominator={4}
        series={series}
        rows={[
          {
            key: 'TOOLS',
            label: '1. Tools',
            values: { good: { count: 1, percent: 25 }, problems: { count: 3, percent: 75 } },
          },
        ]}
        onSelect={(row, one) => chosen.push(`${row}/${one}`)}
      />,
    );
    expect(screen.getByRole('group', { name: 'Categories' })).toBeInTheDocument();
    const good = screen.getByRole('button', {
      name: '1. Tools, supports good practice: 1 of 4 reviews, 25.0%. Show the reviews',
    });
    const problems = screen.getByRole('button', {
      name: '1. Tools, makes problems more likely: 3 of 4 reviews, 75.0%. Show the reviews',
    });
    await user.click(good);
    problems.focus();
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(chosen).toEqual(['TOOLS/good', 'TOOLS/problems', 'TOOLS/problems']);
    expect(screen.getByText('Supports good practice')).toBeInTheDocument();
  });

  it('wraps a long label and cuts the last line short', () => {
    const lines = labelLines('one two three four five six seven eight nine ten', 10, 2);
    expect(lines).toEqual(['one two', 'three fou…']);
  });
});
