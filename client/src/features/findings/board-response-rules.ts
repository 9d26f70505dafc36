import { plural } from '../../components/plural';
import type { BoardActionStatusName } from '@scr/shared';
import type { BoardActionInput, BoardResponseActionFragment } from '../../gql/graphql';

/** What the user is writing for an action, as the form holds it. */
export interface BoardActionDraft {
  description: string;
  owningAgencyId: string;
  dueDate: string;
  status: BoardActionStatusName;
  droppedReason: string;
  impactNote: string;
}

export const EMPTY_DRAFT: BoardActionDraft = {
  description: '',
  owningAgencyId: '',
  dueDate: '',
  status: 'PLANNED',
  droppedReason: '',
  impactNote: '',
};

export function draftOf(action: BoardResponseActionFragment): BoardActionDraft {
  return {
    description: action.description,
    owningAgencyId: action.owningAgency?.id ?? '',
    dueDate: action.dueDate ?? '',
    status: action.status,
    droppedReason: action.droppedReason ?? '',
    impactNote: action.impactNote ?? '',
  };
}

export type DraftProblems = Partial<Record<keyof BoardActionDraft, string>>;

/** What must change before the action can be saved, field by field, in the reviewers' words. */
export function problemsOf(draft: BoardActionDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.description.trim()) problems.description = 'Say what the board will do.';
  if (draft.status === 'DROPPED' && !draft.droppedReason.trim()) {
    problems.droppedReason = 'A dropped action needs a reason: say why the board dropped it.';
  }
  return problems;
}

/** The draft as the server takes it: blanks cleared, and a reason only for a dropped action. */
export function inputOf(draft: BoardActionDraft): BoardActionInput {
  const text = (value: string) => value.trim() || null;
  return {
    description: draft.description.trim(),
    owningAgencyId: draft.owningAgencyId || null,
    dueDate: draft.dueDate || null,
    status: draft.status,
    droppedReason: draft.status === 'DROPPED' ? text(draft.droppedReason) : null,
    impactNote: text(draft.impactNote),
  };
}

export interface BoardActionSummary {
  total: number;
  done: number;
  overdue: number;
}

export function summariseActions(
  actions: { status: BoardActionStatusName; overdue: boolean }[],
): BoardActionSummary {
  return {
    total: actions.length,
    done: actions.filter((action) => action.status === 'DONE').length,
    overdue: actions.filter((action) => action.overdue).length,
  };
}

/** "8 actions · 3 done · 2 overdue" */
export function summaryLine({ total, done, overdue }: BoardActionSummary): string {
  return `${plural(total, 'action')} · ${done} done · ${overdue} overdue`;
}
