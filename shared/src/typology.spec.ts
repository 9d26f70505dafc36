import {
  FINDING_CATEGORIES,
  FINDING_CATEGORY_DESCRIPTIONS,
  FINDING_TYPOLOGY_SOURCE,
  isWebAddress,
  findingCategoryNumber,
  numberedCategoryLabel,
} from './typology';

describe('the typology of findings', () => {
  it("lists SCIE's six categories in SCIE's order, numbered 1 to 6", () => {
    expect(FINDING_CATEGORIES.map((category) => numberedCategoryLabel(category))).toEqual([
      '1. Patterns in human–tool operation',
      '2. Patterns in human–management system operation',
      '3. Patterns in communication and collaboration in multi-agency working in response to incidents/crises',
      '4. Patterns in communication and collaboration in multi-agency working in assessment and longer-term work',
      '5. Patterns in family–professional interaction',
      '6. Patterns in human judgement and reasoning (innate cognitive and emotional biases)',
    ]);
    expect(findingCategoryNumber('TOOLS')).toBe(1);
    expect(findingCategoryNumber('HUMAN_REASONING')).toBe(6);
  });

  it('puts expert assessments, gaps in provision, funding disputes and the wider needs of the children under multi-agency working', () => {
    for (const category of ['INCIDENTS_AND_CRISES', 'LONGER_TERM_WORK'] as const) {
      const { typicalPatterns } = FINDING_CATEGORY_DESCRIPTIONS[category];
      expect(typicalPatterns).toContain('access to expert assessments');
      expect(typicalPatterns).toContain('gaps in provision');
      expect(typicalPatterns).toContain('disputes over funding or responsibility');
      expect(typicalPatterns).toContain('overlooking the wider needs of the children');
    }
  });

  it('names its source', () => {
    expect(FINDING_TYPOLOGY_SOURCE).toMatch(/SCIE guide 24/);
  });
});

describe('the address of a reference', () => {
  it('is http or https only', () => {
    expect(isWebAddress('https://www.scie.org.uk/children/learning-together')).toBe(true);
    expect(isWebAddress('http://example.org/audit.pdf')).toBe(true);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
    expect(isWebAddress('ftp://example.org/a')).toBe(false);
    expect(isWebAddress('www.example.org')).toBe(false);
  });
});

describe('the address of a reference, at its edges', () => {
  it('needs a host and no spaces', () => {
    expect(isWebAddress('https://')).toBe(false);
    expect(isWebAddress('https://example.org/a b')).toBe(false);
    expect(isWebAddress('HTTPS://EXAMPLE.ORG?q=1')).toBe(true);
  });
});
