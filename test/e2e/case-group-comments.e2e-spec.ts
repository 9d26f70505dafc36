import { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { e2eBaseUrl } from './e2e-environment';
import { api, apiToken, createAccount, signIn } from './e2e-session';

const LEAD = {
  email: 'lead-comments@e2e.local',
  password: 'lead reviewer password',
  displayName: 'Lee Lead',
  role: 'REVIEWER' as const,
};
const CASE_GROUP = {
  email: 'case-group@e2e.local',
  password: 'case group password',
  displayName: 'Casey Health Visitor',
  role: 'REVIEWER' as const,
};

describe('the case group comments on a finding and the lead reviewer resolves it, in Chromium', () => {
  let browser: Browser;
  let reviewId: string;
  let findingId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    await createAccount(LEAD);
    await createAccount(CASE_GROUP);
    const lead = await apiToken(LEAD);
    const member = await apiToken(CASE_GROUP);
    const { me } = await api<{ me: { id: string } }>(member, '{ me { id } }');
    reviewId = (
      await api<{ createReview: { id: string } }>(
        lead,
        'mutation { createReview(input: { reference: "E2E-COMMENTS", title: "Child C", type: SERIOUS_CASE_REVIEW }) { id } }',
      )
    ).createReview.id;
    await api(
      lead,
      'mutation($r: ID!, $u: ID!) { addMember(reviewId: $r, userId: $u, role: CASE_GROUP) { id } }',
      { r: reviewId, u: me.id },
    );
    findingId = (
      await api<{ createFinding: { id: string } }>(
        lead,
        'mutation($r: ID!) { createFinding(reviewId: $r, input: { title: "Who lives in the home", category: FAMILY_PROFESSIONAL_INTERACTION, effect: MAKES_PROBLEMS_MORE_LIKELY }) { id } }',
        { r: reviewId },
      )
    ).createFinding.id;
  });
  afterAll(() => browser?.close());

  it('takes a comment from the finding’s page and lets the lead resolve it on the Case group tab', async () => {
    const memberPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(memberPage, CASE_GROUP);
    await memberPage.goto(`${e2eBaseUrl()}/reviews/${reviewId}/findings/${findingId}`);
    const panel = memberPage.getByRole('region', { name: 'Case group comments' });
    await panel.getByText('No comments on this finding yet.').waitFor();
    await panel
      .getByRole('textbox', { name: 'Your comment on this finding' })
      .fill('The health visitor knew of the new partner.');
    await panel.getByRole('button', { name: 'Add comment' }).click();
    await panel
      .getByRole('listitem')
      .getByText('The health visitor knew of the new partner.')
      .waitFor();
    expect(await panel.getByRole('button', { name: 'Mark resolved' }).count()).toBe(0);
    await memberPage.close();

    const leadPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(leadPage, LEAD);
    await leadPage.goto(`${e2eBaseUrl()}/reviews/${reviewId}`);
    await leadPage
      .getByRole('navigation', { name: 'Review' })
      .getByRole('link', { name: 'Case group' })
      .click();
    const list = leadPage.getByRole('list', { name: 'Comments' });
    await list.getByText('The health visitor knew of the new partner.').waitFor();
    await list.getByRole('link', { name: 'on finding 1 “Who lives in the home”' }).waitFor();
    await list.getByRole('button', { name: 'Mark resolved' }).click();
    await leadPage.getByRole('heading', { name: 'No open comments' }).waitFor();
    await leadPage.getByRole('radio', { name: 'Resolved' }).check();
    await leadPage.getByText('Resolved by Lee Lead', { exact: false }).waitFor();
    await leadPage.close();
  });
});
