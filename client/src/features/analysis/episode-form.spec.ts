import {
  allFieldsOf,
  changesOf,
  chosenFields,
  draftOf,
  EpisodeDraft,
  fieldsOf,
} from './episode-form';

const saved: EpisodeDraft = draftOf({
  title: 'The front-door decision',
  summary: 'Police attended.',
  startDate: '2022-04-23',
  endDate: null,
  viewFromTheTunnel: null,
  appraisal: 'NOT_APPRAISED',
  appraisalNarrative: null,
  explanation: null,
  events: [{ id: 'e1' }, { id: 'e2' }],
});

describe('episode form', () => {
  it('holds empty text as "" and the events by id', () => {
    expect(saved).toEqual({
      title: 'The front-door decision',
      summary: 'Police attended.',
      startDate: '2022-04-23',
      endDate: '',
      viewFromTheTunnel: '',
      appraisal: 'NOT_APPRAISED',
      appraisalNarrative: '',
      explanation: '',
      eventIds: ['e1', 'e2'],
    });
  });

  it('sends only what changed, a cleared field as null, events only when the set differs', () => {
    expect(changesOf(saved, { ...saved, eventIds: ['e2', 'e1'] })).toEqual({});
    expect(
      changesOf(saved, {
        ...saved,
        summary: '',
        appraisal: 'BELOW_EXPECTED',
        eventIds: ['e1', 'e3'],
      }),
    ).toEqual({ summary: null, appraisal: 'BELOW_EXPECTED', eventIds: ['e1', 'e3'] });
  });

  it('keeps, part by part, the version the user chose', () => {
    const theirs = fieldsOf({ ...saved, title: 'Their title', summary: 'Their summary' });
    const mine = { ...fieldsOf(saved), summary: 'My summary' };
    const chosen = chosenFields(mine, theirs, { title: 'theirs', summary: 'mine' });
    expect(chosen.title).toBe('Their title');
    expect(chosen.summary).toBe('My summary');
    expect(allFieldsOf(chosen)).toEqual({
      title: 'Their title',
      summary: 'My summary',
      startDate: '2022-04-23',
      endDate: null,
      viewFromTheTunnel: null,
      appraisal: 'NOT_APPRAISED',
      appraisalNarrative: null,
      explanation: null,
    });
  });
});
