import { FACTOR_LEVELS, FINDING_CATEGORIES } from '@scr/shared';
import { createReview, ok } from './accounts';
import { TestApp } from './test-app';

export interface SyntheticShape {
  events: number;
  episodes: number;
  factors: number;
  findings: number;
}

const AGENCIES = [
  ['Northmoor Children’s Social Care', 'CHILDRENS_SOCIAL_CARE'],
  ['Northmoor Health Visiting', 'HEALTH'],
  ['Northmoor Police', 'POLICE'],
  ['St Anne’s Primary School', 'EDUCATION'],
  ['Northmoor Homes', 'HOUSING'],
  ['Family Support Service', 'EARLY_HELP'],
] as const;

function dateOf(i: number, total: number): string {
  const day = new Date(
    Date.UTC(2021, 8, 1) + Math.floor((i * 730) / Math.max(total, 1)) * 86_400_000,
  );
  return day.toISOString().slice(0, 10);
}

/** A review of the given size built through the public API, for the statement-count test and the benchmark. */
export async function buildSyntheticReview(
  t: TestApp,
  token: string,
  reference: string,
  shape: SyntheticShape,
): Promise<string> {
  const reviewId = (await createReview(t, token, reference)).id;
  const agencyIds: string[] = [];
  for (const [name, sector] of AGENCIES) {
    const data = await ok<{ addAgency: { id: string } }>(
      t,
      'mutation($r: ID!, $i: AgencyInput!) { addAgency(reviewId: $r, input: $i) { id } }',
      { r: reviewId, i: { name, sector } },
      token,
    );
    agencyIds.push(data.addAgency.id);
  }
  await ok(
    t,
    'mutation($r: ID!) { setCaseCharacteristics(reviewId: $r, themeKeys: ["neglect", "domestic-abuse"]) { id } }',
    { r: reviewId },
    token,
  );

  const eventIds: string[] = [];
  for (let start = 0; start < shape.events; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, shape.events - start) }, (_, k) => {
      const i = start + k;
      const date = dateOf(i, shape.events);
      const precision = i % 10 === 0 ? 'MONTH' : 'DAY';
      return {
        occurredOn: precision === 'MONTH' ? date.slice(0, 7) : date,
        precision,
        agencyId: agencyIds[i % agencyIds.length],
        title: `Event ${i + 1}: contact recorded`,
        description: 'Synthetic chronology entry.',
        source: 'Agency chronology',
      };
    });
    const data = await ok<{ addTimelineEvents: { id: string }[] }>(
      t,
      'mutation($r: ID!, $e: [TimelineEventInput!]!) { addTimelineEvents(reviewId: $r, events: $e) { id } }',
      { r: reviewId, e: batch },
      token,
    );
    eventIds.push(...data.addTimelineEvents.map((e) => e.id));
  }

  const episodeIds: string[] = [];
  for (let i = 0; i < shape.episodes; i += 1) {
    const linked = eventIds.filter((_, k) => k % shape.episodes === i).slice(0, 5);
    const data = await ok<{ createEpisode: { id: string } }>(
      t,
      'mutation($r: ID!, $i: EpisodeInput!) { createEpisode(reviewId: $r, input: $i) { id } }',
      {
        r: reviewId,
        i: {
          title: `Episode ${i + 1}`,
          eventIds: linked,
          appraisal: 'ADEQUATE',
          viewFromTheTunnel: 'What it looked like at the time.',
          explanation: 'Why it made sense at the time.',
        },
      },
      token,
    );
    episodeIds.push(data.createEpisode.id);
  }

  const factorIds: string[] = [];
  for (let i = 0; i < shape.factors; i += 1) {
    const data = await ok<{ addContributoryFactor: { id: string } }>(
      t,
      'mutation($e: ID!, $i: FactorInput!) { addContributoryFactor(episodeId: $e, input: $i) { id } }',
      {
        e: episodeIds[i % episodeIds.length],
        i: {
          level: FACTOR_LEVELS[i % FACTOR_LEVELS.length],
          effect: i % 3 === 0 ? 'SUPPORTS_GOOD_PRACTICE' : 'MAKES_PROBLEMS_MORE_LIKELY',
          tier: ['FRONTLINE', 'LOCAL_STRATEGIC', 'NATIONAL'][i % 3],
          description: `Factor ${i + 1}`,
          themeKeys: ['workload'],
        },
      },
      token,
    );
    factorIds.push(data.addContributoryFactor.id);
  }

  for (let i = 0; i < shape.findings; i += 1) {
    const data = await ok<{ createFinding: { id: string } }>(
      t,
      'mutation($r: ID!, $i: FindingInput!) { createFinding(reviewId: $r, input: $i) { id } }',
      {
        r: reviewId,
        i: {
          title: `Finding ${i + 1}`,
          category: FINDING_CATEGORIES[i % FINDING_CATEGORIES.length],
          effect: 'MAKES_PROBLEMS_MORE_LIKELY',
          statement: 'A pattern in the system.',
          questions: ['First question for the board?', 'Second question?'],
          episodeIds: episodeIds.filter((_, k) => k % shape.findings === i).slice(0, 3),
          factorIds: factorIds.filter((_, k) => k % shape.findings === i).slice(0, 4),
          eventIds: eventIds
            .filter((_, k) => k % Math.max(1, Math.floor(eventIds.length / 3)) === i)
            .slice(0, 3),
          themeKeys: ['escalation'],
        },
      },
      token,
    );
    await ok(
      t,
      'mutation($f: ID!, $i: BoardActionInput!) { addBoardAction(findingId: $f, input: $i) { id } }',
      {
        f: data.createFinding.id,
        i: {
          description: 'Revise the protocol',
          owningAgencyId: agencyIds[0],
          dueDate: '2024-06-30',
          status: 'IN_PROGRESS',
        },
      },
      token,
    );
  }
  return reviewId;
}
