import { fireEvent, render, screen } from '@testing-library/react';
import { Genogram, GenogramPerson, GenogramRelationship } from './Genogram';

const person = (id: string, extra: Partial<GenogramPerson> = {}): GenogramPerson => ({
  id,
  label: id,
  relationship: null,
  sex: 'NOT_KNOWN',
  isSubjectChild: false,
  deceased: false,
  diedOn: null,
  bornOn: null,
  households: [{ household: 'Household 1', from: '2019', to: null }],
  contact: { seen: 0, seenAlone: 0, spokenTo: 0, mentioned: 0 },
  markings: [],
  description: 'Seen by nobody.',
  ...extra,
});

const people: GenogramPerson[] = [
  person('Mother', {
    sex: 'FEMALE',
    contact: { seen: 5, seenAlone: 0, spokenTo: 2, mentioned: 0 },
  }),
  person('Father', {
    sex: 'MALE',
    households: [{ household: 'Father’s flat', from: '2021-06', to: null }],
  }),
  person('Mr B', {
    sex: 'MALE',
    households: [{ household: 'Household 1', from: '2022-04', to: null, knownToAgencies: false }],
    contact: { seen: 0, seenAlone: 0, spokenTo: 0, mentioned: 4 },
  }),
  person('Child M', {
    isSubjectChild: true,
    bornOn: '2021-11',
    contact: { seen: 3, seenAlone: 1, spokenTo: 0, mentioned: 0 },
  }),
  person('Baby B', { sex: 'FEMALE', bornOn: '2023' }),
  person('Grandfather', {
    sex: 'MALE',
    deceased: true,
    diedOn: '2021-03-02',
    households: [],
  }),
];
const relationships: GenogramRelationship[] = [
  { from: 'Mother', to: 'Father', kind: 'PARTNER_OF', separated: true },
  { from: 'Mother', to: 'Mr B', kind: 'PARTNER_OF', separated: false },
  { from: 'Mother', to: 'Child M', kind: 'PARENT_OF', separated: false },
  { from: 'Father', to: 'Child M', kind: 'PARENT_OF', separated: false },
  { from: 'Mother', to: 'Baby B', kind: 'PARENT_OF', separated: false },
  { from: 'Mr B', to: 'Baby B', kind: 'PARENT_OF', separated: false },
  { from: 'Grandfather', to: 'Mother', kind: 'PARENT_OF', separated: false },
];

function drawn() {
  const { container } = render(
    <Genogram
      title="Family network"
      summary="The family"
      people={people}
      relationships={relationships}
      markers={[]}
    />,
  );
  // The chart itself, not its key (which draws the same shapes).
  const chart = container.querySelector<SVGSVGElement>('svg.genogram__svg')!;
  const node = (id: string) => {
    const found = container.querySelector<SVGGElement>(`g[data-person-id="${id}"]`);
    if (!found) throw new Error(`${id} not drawn`);
    return found;
  };
  return { container: chart, node };
}

/** The numbers of a path's "d", in order. */
const numbers = (d: string | null) => (d ?? '').match(/-?\d+(\.\d+)?/g)!.map(Number);

describe('Genogram', () => {
  it('draws a square for a male, a circle for a female and a diamond when the sex is not known', () => {
    const { node } = drawn();
    expect(node('Father').querySelector('rect.genogram__symbol')).not.toBeNull();
    expect(node('Father').querySelector('circle.genogram__symbol')).toBeNull();
    expect(node('Mother').querySelector('circle.genogram__symbol')).not.toBeNull();
    expect(node('Mother').querySelector('rect.genogram__symbol')).toBeNull();
    const diamond = node('Child M').querySelector('polygon.genogram__symbol');
    expect(diamond?.getAttribute('points')?.split(' ')).toHaveLength(4);
  });

  it('marks the subject child with a second outline, and nobody else', () => {
    const { container, node } = drawn();
    expect(node('Child M').querySelector('polygon.genogram__symbol-outer')).not.toBeNull();
    expect(container.querySelectorAll('.genogram__symbol-outer')).toHaveLength(1);
    expect(screen.getByRole('img', { name: /^Child M\..*The subject child/ })).toBeInTheDocument();
  });

  it('crosses out someone who has died, with the date under the name', () => {
    const { container, node } = drawn();
    const cross = node('Grandfather').querySelector('path.genogram__death');
    expect(cross).not.toBeNull();
    // Two diagonals, corner to corner.
    expect(cross?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
    expect(container.querySelectorAll('.genogram__death')).toHaveLength(1);
    const name = node('Grandfather').querySelector('.genogram__pseudonym')!;
    const died = node('Grandfather').querySelector('.genogram__died')!;
    expect(died.textContent).toBe('d. 2 Mar 2021');
    expect(Number(died.getAttribute('y'))).toBeGreaterThan(Number(name.getAttribute('y')));
  });

  it('joins partners with a solid line, one slash across it when separated', () => {
    const { container } = drawn();
    const separated = container.querySelector('path.genogram__partnership--separated');
    expect(separated?.getAttribute('data-couple')?.split('+').sort()).toEqual(['Father', 'Mother']);
    const slashes = container.querySelectorAll('path.genogram__separation');
    expect(slashes).toHaveLength(1);
    expect(slashes[0].getAttribute('data-couple')).toBe(separated?.getAttribute('data-couple'));
    const together = [...container.querySelectorAll('path.genogram__partnership')].filter(
      (line) => !line.classList.contains('genogram__partnership--separated'),
    );
    expect(together.map((line) => line.getAttribute('data-couple')?.split('+').sort())).toEqual([
      ['Mother', 'Mr B'],
    ]);
  });

  it('hangs each couple’s children from the middle of their partnership line', () => {
    const { container } = drawn();
    for (const [parents, couple] of [
      ['Father+Mother', ['Father', 'Mother']],
      ['Mother+Mr B', ['Mother', 'Mr B']],
    ] as const) {
      const line = [...container.querySelectorAll('path.genogram__partnership')].find(
        (path) =>
          path.getAttribute('data-couple')?.split('+').sort().join('+') === couple.join('+'),
      )!;
      // M x1,y1 V y H x2 V y2: the line runs at y from x1 to x2.
      const [x1, , y, x2] = numbers(line.getAttribute('d'));
      const children = container.querySelector(
        `path.genogram__children[data-parents="${parents}"]`,
      );
      const [startX, startY] = numbers(children!.getAttribute('d'));
      expect(startX).toBeCloseTo((x1 + x2) / 2);
      expect(startY).toBe(y);
    }
  });

  it('draws each household as a dashed boundary labelled with its dates', () => {
    const { container } = drawn();
    const household = container.querySelector(
      'g.genogram__household[data-household="Household 1"]',
    );
    expect(
      household
        ?.querySelector('rect.genogram__household-boundary')
        ?.getAttribute('stroke-dasharray'),
    ).toBeTruthy();
    expect(household?.querySelector('.genogram__household-label')?.textContent).toBe('Household 1');
    expect(household?.querySelector('.genogram__household-dates')?.textContent).toBe('from 2019');
    const flat = container.querySelector('g.genogram__household[data-household="Father’s flat"]');
    expect(flat?.querySelector('.genogram__household-dates')?.textContent).toBe('from Jun 2021');
    expect(
      screen.getByRole('img', {
        name: /^Mr B\. Household: Household 1 from Apr 2022, not known to agencies\./,
      }),
    ).toBeInTheDocument();
  });

  it('badges each person with how often they were seen, seen alone, spoken to or only mentioned', () => {
    const { node } = drawn();
    const badges = (id: string) =>
      [...node(id).querySelectorAll('g.genogram__contact')].map((badge) => [
        badge.getAttribute('data-contact'),
        badge.querySelector('.genogram__contact-count')?.textContent,
      ]);
    expect(badges('Child M')).toEqual([
      ['seen', '3'],
      ['seenAlone', '1'],
    ]);
    expect(badges('Mother')).toEqual([
      ['seen', '5'],
      ['spokenTo', '2'],
    ]);
    expect(badges('Mr B')).toEqual([['mentioned', '4']]);
    expect(badges('Father')).toEqual([]);
    expect(
      screen.getByRole('img', { name: /^Mr B\..*Contact: only mentioned 4 times\./ }),
    ).toBeInTheDocument();
    const key = screen.getByRole('region', { name: 'Contact with agencies' });
    expect(key).toHaveTextContent('Seen alone');
    expect(key).toHaveTextContent('Only mentioned (no contact)');
  });

  it('tells a focused person’s stay and contact in a tip', () => {
    const { node } = drawn();
    fireEvent.focus(node('Mr B'));
    const tip = document.querySelector('.genogram__tip');
    expect(tip).toHaveTextContent('Household: Household 1 from Apr 2022, not known to agencies');
    expect(tip).toHaveTextContent('Contact: only mentioned 4 times');
    fireEvent.blur(node('Mr B'));
    expect(document.querySelector('.genogram__tip')).toBeNull();
  });

  it('says under a person whose stay agencies did not know of that it was not known, and of no one else', () => {
    const { container, node } = drawn();
    expect(node('Mr B')).toHaveTextContent('Agencies unaware');
    expect(container.querySelectorAll('.genogram__unknown-stay')).toHaveLength(1);
  });
});
