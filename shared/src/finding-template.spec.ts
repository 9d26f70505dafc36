import { FINDING_PART_HEADINGS, FINDING_TEMPLATE_PARTS } from './finding-template';

describe('the finding template', () => {
  it('sets out the parts of a published finding in SCIE’s order and words', () => {
    expect(FINDING_TEMPLATE_PARTS.map((part) => part.key)).toEqual([
      'statement',
      'manifestation',
      'notPeculiar',
      'prevalence',
      'significance',
      'questions',
    ]);
    expect(FINDING_PART_HEADINGS.notPeculiar).toBe(
      'How do we know it is an underlying issue and not something peculiar to this case?',
    );
    expect(FINDING_PART_HEADINGS.significance).toBe(
      'What are the implications for the reliability of the multi-agency system?',
    );
  });
});
