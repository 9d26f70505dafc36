import { formOf, hasChanges, inputOf, warningPlace } from './learning-briefing-form';

describe('the learning briefing form', () => {
  const saved = formOf({
    title: 'Early Help Learning Lessons Briefing',
    background: 'An audit.\n\nOf four cases.',
    methodology: '',
    goodPractice: ['A SMART plan'],
    keyFindings: ['Fathers were not spoken to', 'Plans were not SMART'],
    learningPoints: [],
    recommendations: [],
    messagesForManagers: [],
    messagesForPractitioners: ['Be curious'],
    furtherInformation: [],
  });

  it('holds each list as one text, an item a line', () => {
    expect(saved.keyFindings).toBe('Fathers were not spoken to\nPlans were not SMART');
    expect(saved.background).toBe('An audit.\n\nOf four cases.');
  });

  it('sends lists an item a line, without blank lines or typed bullets and numbers', () => {
    const input = inputOf({
      ...saved,
      recommendations: '1. Partners to improve recording\n\n2) Police to speak to children\n',
      messagesForPractitioners: '✓ Be curious\n- Listen',
    });
    expect(input.recommendations).toEqual([
      'Partners to improve recording',
      'Police to speak to children',
    ]);
    expect(input.messagesForPractitioners).toEqual(['Be curious', 'Listen']);
    expect(input.background).toBe('An audit.\n\nOf four cases.');
  });

  it('finds no change in a blank line added to a list, and a change in a new item', () => {
    expect(hasChanges({ ...saved, keyFindings: `${saved.keyFindings}\n\n` }, saved)).toBe(false);
    expect(hasChanges({ ...saved, keyFindings: `${saved.keyFindings}\nDrift` }, saved)).toBe(true);
  });

  it('names the section and item a warning points at', () => {
    expect(warningPlace('messagesForManagers[1]')).toBe('Key messages for managers, item 2');
    expect(warningPlace('background')).toBe('Background');
  });
});
