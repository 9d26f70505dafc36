import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FactorMap, MapEdge, MapLegendEntry, MapNode } from './FactorMap';

const node = (
  id: string,
  column: number,
  title: string,
  extra: Partial<MapNode> = {},
): MapNode => ({
  id,
  column,
  title,
  titleLines: 2,
  href: `/open/${id}`,
  caption: `Caption of ${id}`,
  ...extra,
});
const nodes = [
  node('e1', 0, 'First episode', { kicker: 'KPE 1' }),
  node('e2', 0, 'Second episode', { kicker: 'KPE 2' }),
  node('f1', 1, 'Worker wary of the family', {
    group: 'FAMILY',
    mark: { glyph: '+', tone: 'positive' },
    outline: 'dashed',
    labelPrefix: 'Factor, level The family: ',
    note: { text: 'supports 1 finding' },
  }),
  node('f2', 1, 'Team short of staff', {
    group: 'OWN_TEAM',
    note: { text: 'supports no finding yet', warning: true },
  }),
  node('g1', 2, 'Nobody holds the case', { kicker: 'Finding 1' }),
];
const edges: MapEdge[] = [
  { source: 'e1', target: 'f1' },
  { source: 'e2', target: 'f2' },
  { source: 'f1', target: 'g1' },
];
const groups = [
  { key: 'FAMILY', label: 'The family', colour: '#E69F00' },
  { key: 'OWN_TEAM', label: "The practitioner's own team", colour: '#0072B2' },
];

function renderMap(legend?: MapLegendEntry[]) {
  const onNavigate = jest.fn();
  render(
    <FactorMap
      columns={['Episodes', 'Factors', 'Findings']}
      nodes={nodes}
      edges={edges}
      groups={groups}
      legend={legend}
      onNavigate={onNavigate}
    />,
  );
  return onNavigate;
}

describe('FactorMap', () => {
  it('names each node with all its text, and its group in words', () => {
    renderMap();
    expect(
      screen.getByRole('link', {
        name: 'Factor, level The family: Worker wary of the family, supports 1 finding',
      }),
    ).toHaveAttribute('href', '/open/f1');
    expect(screen.getByText('The family · 1')).toBeInTheDocument();
    expect(screen.getByText('supports no finding yet')).toBeInTheDocument();
  });

  it('draws a node’s mark and outline, and a key to them', () => {
    renderMap([
      { mark: { glyph: '+', tone: 'positive' }, label: 'Helped' },
      { outline: 'dashed', label: 'Local strategic' },
    ]);
    const marked = screen.getByRole('link', { name: /Worker wary/ });
    expect(marked.querySelector('.factor-map__mark--positive')?.textContent).toBe('+');
    expect(marked.querySelector('.factor-map__box--dashed')).not.toBeNull();
    const plain = screen.getByRole('link', { name: /Team short/ });
    expect(plain.querySelector('.factor-map__mark')).toBeNull();
    const key = screen.getByRole('list', { name: 'Key to the map' });
    expect(key).toHaveTextContent('+Helped');
    expect(key).toHaveTextContent('Local strategic');
  });

  it('shows no key when given none', () => {
    renderMap();
    expect(screen.queryByRole('list', { name: 'Key to the map' })).toBeNull();
  });

  it('moves with the arrow keys within a column and across, and opens with Enter', async () => {
    const onNavigate = renderMap();
    const first = screen.getByRole('link', { name: 'KPE 1, First episode' });
    // One stop per column for Tab.
    expect(first).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('link', { name: 'KPE 2, Second episode' })).toHaveAttribute(
      'tabindex',
      '-1',
    );
    first.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('link', { name: 'KPE 2, Second episode' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Team short of staff/);
    await userEvent.keyboard('{Enter}');
    expect(onNavigate).toHaveBeenCalledWith('/open/f2');
  });

  it('brings out the paths through the node in focus and dims the rest', () => {
    renderMap();
    const finding = screen.getByRole('link', { name: 'Finding 1, Nobody holds the case' });
    fireEvent.focus(finding);
    const lit = (name: RegExp) =>
      screen.getByRole('link', { name }).classList.contains('factor-map__node--lit');
    expect(lit(/First episode/)).toBe(true);
    expect(lit(/Worker wary/)).toBe(true);
    expect(lit(/Second episode/)).toBe(false);
    expect(lit(/Team short/)).toBe(false);
    expect(document.querySelectorAll('.factor-map__edge--lit')).toHaveLength(2);
  });
});
