import { adminToken } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';
import demoAnalysisReview from './demo-analysis-review.bundle.json';
import demoReview from './demo-review.bundle.json';

type Json = Record<string, unknown>;

interface Bundle {
  agencies: Json[];
  people: Json[];
  relationships: Json[];
  events: Json[];
  episodes: Json[];
  factors: Json[];
  findings: Json[];
  reviewQuestions?: Json[];
  conversations?: Json[];
}

/**
 * The bundle with every ref replaced by what it stands for (an agency by its name, a person by
 * their pseudonym, an event by its date and title...), each list in a stable order, and without
 * provenance: an export numbers its refs afresh, so only this can be compared with the input.
 */
function comparable(input: Json): Json {
  const { exportedAt: _exportedAt, source: _source, ...rest } = input;
  const bundle = rest as unknown as Bundle & Json;
  const keys = (list: Json[], key: (item: Json) => string) =>
    new Map(list.map((item) => [String(item.ref), key(item)]));
  const agency = keys(bundle.agencies, (a) => String(a.name));
  const person = keys(bundle.people, (p) => String(p.pseudonym));
  const event = keys(bundle.events, (e) => `${String(e.occurredOn)} ${String(e.title)}`);
  const episode = keys(bundle.episodes, (k) => `episode ${String(k.ordinal)}`);
  const factor = keys(bundle.factors, (f) => String(f.description));
  const question = keys(bundle.reviewQuestions ?? [], (q) => String(q.text));
  const all = (map: Map<string, string>, refs: unknown) =>
    (refs as string[]).map((ref) => map.get(ref) ?? `missing ${ref}`).sort();
  const sorted = (list: Json[]) =>
    list.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const without = ({ ref: _ref, ...item }: Json) => item;
  const byPerson = (contacts: unknown) =>
    Object.fromEntries(
      Object.entries((contacts ?? {}) as Record<string, string>).map(([ref, contact]) => [
        person.get(ref) ?? `missing ${ref}`,
        contact,
      ]),
    );
  return {
    ...bundle,
    agencies: sorted(bundle.agencies.map(without)),
    people: sorted(bundle.people.map(without)),
    relationships: sorted(
      bundle.relationships.map((r) => ({
        ...r,
        from: person.get(String(r.from)),
        to: person.get(String(r.to)),
      })),
    ),
    events: sorted(
      bundle.events.map((e) => ({
        ...without(e),
        agency: e.agency === null ? null : agency.get(e.agency as string),
        people: all(person, e.people),
        contacts: byPerson(e.contacts),
      })),
    ),
    episodes: sorted(bundle.episodes.map((k) => ({ ...without(k), events: all(event, k.events) }))),
    factors: sorted(
      bundle.factors.map((f) => ({ ...without(f), episode: episode.get(String(f.episode)) })),
    ),
    findings: sorted(
      bundle.findings.map((n) => ({
        ...without(n),
        episodes: all(episode, n.episodes),
        factors: all(factor, n.factors),
        events: all(event, n.events),
        answers: all(question, n.answers ?? []),
        boardActions: (n.boardActions as Json[]).map((a) => ({
          ...a,
          owningAgency: a.owningAgency === null ? null : agency.get(a.owningAgency as string),
        })),
      })),
    ),
    reviewQuestions: (bundle.reviewQuestions ?? []).map(without),
    conversations: (bundle.conversations ?? []).map((c) => ({
      ...c,
      participants: (c.participants as Json[]).map((p) => ({
        ...p,
        agency: p.agency === null ? null : agency.get(p.agency as string),
      })),
      family: all(person, c.family),
      episodes: all(episode, c.episodes),
    })),
  };
}

describe('the demo reviews as bundles', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
  });
  afterAll(() => t.close());

  it.each([
    ['Child M', demoReview],
    ['Child T', demoAnalysisReview],
  ])('%s imports cleanly and exports as it was written', async (_title, bundle) => {
    const imported = await t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${token}`)
      .send(bundle);
    expect(imported.body).toEqual(expect.objectContaining({ reference: bundle.review.reference }));
    const exported = await t
      .http()
      .get(`/api/reviews/${imported.body.reviewId}/bundle.json`)
      .set('authorization', `Bearer ${token}`);
    expect(comparable(JSON.parse(exported.text))).toEqual(comparable(bundle as unknown as Json));
  });
});
