import { Injectable } from '@nestjs/common';
import {
  CONVERSATION_FORMATS,
  CONVERSATION_KINDS,
  ConversationFormatName,
  ConversationKindName,
  DATE_PRECISIONS,
  DatePrecisionName,
  parsePartialDate,
  TEXT_LIMITS,
} from '@scr/shared';
import { BundleChecker } from '../common/bundle-checker';
import { BundlePart, BundleRefs, BundleTarget, linked, refsToIds } from '../common/bundle-part';
import { ReviewConversation } from './review-conversation.entity';
import { Transaction } from '../database/unit-of-work';
import { ReviewQuestion } from './review-question.entity';
import { ReviewSetupBundleRepository } from './review-setup-bundle.repository';

/** The review set-up's section of a bundle (docs/bundle-format.md). */
export interface ReviewSetupBundleSection {
  /** The terms of reference, in order; left out by bundles made before reviews had them. */
  reviewQuestions?: { ref: string; text: string }[];
  /** Conversations with practitioners and the family's contribution; left out by older bundles. */
  conversations?: {
    kind: ConversationKindName;
    format: ConversationFormatName;
    heldOn: string | null;
    precision: DatePrecisionName | null;
    participants: { role: string; agency: string | null }[];
    family: string[];
    familyDescription: string | null;
    notes: string | null;
    episodes: string[];
  }[];
}

/** The review's questions (terms of reference), in and out of a bundle. */
@Injectable()
export class ReviewSetupBundlePart implements BundlePart<ReviewSetupBundleSection> {
  constructor(private readonly rows: ReviewSetupBundleRepository) {}

  check(input: Record<string, unknown>, checker: BundleChecker): void {
    const questions = checker.list(input, 'reviewQuestions', '');
    checker.refs(questions, 'reviewQuestions', 'question');
    questions.forEach((q, i) =>
      checker.text(q, 'text', `reviewQuestions[${i}]`, true, TEXT_LIMITS.reviewQuestion),
    );
    checker.list(input, 'conversations', '').forEach((c, i) => {
      const path = `conversations[${i}]`;
      checker.oneOf(c, 'kind', path, CONVERSATION_KINDS);
      checker.oneOf(c, 'format', path, CONVERSATION_FORMATS);
      checker.text(c, 'familyDescription', path, false, TEXT_LIMITS.conversationFamily);
      checker.text(c, 'notes', path, false, TEXT_LIMITS.conversationNotes);
      if (c.heldOn !== undefined && c.heldOn !== null) {
        if (c.precision !== undefined && c.precision !== null)
          checker.oneOf(c, 'precision', path, DATE_PRECISIONS);
        const parsed =
          typeof c.heldOn === 'string'
            ? parsePartialDate(c.heldOn, (c.precision as DatePrecisionName | null) ?? undefined)
            : 'must be a date YYYY-MM-DD, YYYY-MM or YYYY';
        if (typeof parsed === 'string') checker.problem(`${path}.heldOn`, parsed);
      }
      checker.list(c, 'participants', path).forEach((p, j) => {
        const participantPath = `${path}.participants[${j}]`;
        checker.text(p, 'role', participantPath, true, TEXT_LIMITS.conversationRole);
        checker.pointsTo(p.agency, 'agency', `${participantPath}.agency`, true);
      });
      checker.pointAll(c, 'family', 'person', path);
      checker.pointAll(c, 'episodes', 'episode', path);
    });
  }

  async read(
    transaction: Transaction,
    reviewId: string,
    refs: BundleRefs,
  ): Promise<ReviewSetupBundleSection> {
    const rows = this.rows.in(transaction);
    const questions = await rows.questions(reviewId);
    const questionRefs = refs.number('question', 'q', questions);
    const conversations = await rows.conversations(reviewId);
    const links = await rows.conversationLinks(reviewId);
    const linksOf = (column: string, id: unknown, kind: string) =>
      linked(
        links.filter((x) => x[column]),
        'conversation_id',
        column,
        id,
        refs.of(kind),
      );
    return {
      reviewQuestions: questions.map((q) => ({
        ref: questionRefs.get(q.id as string)!,
        text: q.text as string,
      })),
      conversations: conversations.map((c) => ({
        kind: c.kind as ConversationKindName,
        format: c.format as ConversationFormatName,
        heldOn: c.heldOn as string | null,
        precision: c.precision as DatePrecisionName | null,
        participants: (c.participants as ReviewConversation['participants']).map((p) => ({
          role: p.role,
          agency: refs.lookUp('agency', p.agencyId),
        })),
        family: linksOf('person_id', c.id, 'person'),
        familyDescription: c.familyDescription as string | null,
        notes: c.notes as string | null,
        episodes: linksOf('episode_id', c.id, 'episode'),
      })),
    };
  }

  async write(
    transaction: Transaction,
    bundle: ReviewSetupBundleSection,
    target: BundleTarget,
  ): Promise<void> {
    const questions = bundle.reviewQuestions ?? [];
    const properties = ['reviewId', 'ordinal', 'text'] satisfies (keyof ReviewQuestion)[];
    const rows = this.rows.in(transaction);
    const ids = await rows.insertQuestions(
      properties,
      questions.map((q, i) => [target.reviewId, i + 1, q.text.trim()]),
    );
    target.refs.put('question', refsToIds(questions, ids));
    target.counts.reviewQuestions = ids.length;
    await this.writeConversations(rows, bundle.conversations ?? [], target);
  }

  private async writeConversations(
    rows: ReviewSetupBundleRepository,
    conversations: NonNullable<ReviewSetupBundleSection['conversations']>,
    target: BundleTarget,
  ): Promise<void> {
    const [agencies, people, episodes] = ['agency', 'person', 'episode'].map((kind) =>
      target.refs.of(kind),
    );
    const properties = [
      'reviewId',
      'kind',
      'format',
      'heldOn',
      'precision',
      'sortDate',
      'participants',
      'familyDescription',
      'notes',
      'createdAt',
    ] satisfies (keyof ReviewConversation)[];
    const ids = await rows.insertConversations(
      properties,
      conversations.map((c, i) => {
        const date = c.heldOn ? parsePartialDate(c.heldOn, c.precision ?? undefined) : null;
        const parsed = date && typeof date !== 'string' ? date : null;
        return [
          target.reviewId,
          c.kind,
          c.format,
          parsed?.value ?? null,
          parsed?.precision ?? null,
          parsed?.sortDate ?? null,
          JSON.stringify(
            (c.participants ?? []).map((p) => ({
              role: p.role.trim(),
              agencyId: p.agency ? (agencies.get(p.agency) ?? null) : null,
            })),
          ),
          c.familyDescription ?? null,
          c.notes ?? null,
          target.inOrder(i),
        ];
      }),
    );
    await rows.insertConversationLinks(
      conversations.flatMap((c, i) =>
        [...new Set(c.family ?? [])].map((ref) => [ids[i], people.get(ref)]),
      ),
      conversations.flatMap((c, i) =>
        [...new Set(c.episodes ?? [])].map((ref) => [ids[i], episodes.get(ref)]),
      ),
    );
    target.counts.conversations = ids.length;
  }
}
