import {
  BoardActionDraft,
  EMPTY_DRAFT,
  inputOf,
  problemsOf,
  summariseActions,
  summaryLine,
} from './board-response-rules';

const draft = (changes: Partial<BoardActionDraft>): BoardActionDraft => ({
  ...EMPTY_DRAFT,
  description: 'Pilot a health record check on every notification',
  ...changes,
});

describe('the dropped-reason rule', () => {
  it('asks for a reason when an action is dropped without one', () => {
    expect(problemsOf(draft({ status: 'DROPPED', droppedReason: '  ' }))).toEqual({
      droppedReason: 'A dropped action needs a reason: say why the board dropped it.',
    });
  });

  it('is satisfied by a reason, and asks none of an action that is not dropped', () => {
    expect(
      problemsOf(draft({ status: 'DROPPED', droppedReason: 'Overtaken by the new assessment' })),
    ).toEqual({});
    expect(problemsOf(draft({ status: 'IN_PROGRESS', droppedReason: '' }))).toEqual({});
  });

  it('sends the reason only with a dropped action', () => {
    expect(inputOf(draft({ status: 'DROPPED', droppedReason: ' Overtaken ' })).droppedReason).toBe(
      'Overtaken',
    );
    expect(inputOf(draft({ status: 'DONE', droppedReason: 'Overtaken' })).droppedReason).toBeNull();
  });

  it('asks for a description of the action', () => {
    expect(problemsOf(draft({ description: ' ' })).description).toBe('Say what the board will do.');
  });
});

describe('the overdue summary', () => {
  it('counts the actions, those done and those overdue', () => {
    const summary = summariseActions([
      { status: 'DONE', overdue: false },
      { status: 'IN_PROGRESS', overdue: true },
      { status: 'DROPPED', overdue: false },
      { status: 'PLANNED', overdue: true },
      { status: 'DONE', overdue: false },
    ]);
    expect(summary).toEqual({ total: 5, done: 2, overdue: 2 });
    expect(summaryLine(summary)).toBe('5 actions · 2 done · 2 overdue');
  });

  it('reads well for one action and for none', () => {
    expect(summaryLine(summariseActions([{ status: 'PLANNED', overdue: false }]))).toBe(
      '1 action · 0 done · 0 overdue',
    );
    expect(summaryLine(summariseActions([]))).toBe('0 actions · 0 done · 0 overdue');
  });
});
