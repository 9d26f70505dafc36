import { graphql } from '../../gql';

/** The review's key practice episodes, in order, with what the list shows of each. */
export const EPISODE_LIST = graphql(`
  query EpisodeList($id: ID!) {
    review(id: $id) {
      id
      episodes {
        id
        ordinal
        title
        startDate
        endDate
        appraisal
        viewFromTheTunnel
        version
        events {
          id
        }
        factors {
          id
        }
      }
    }
  }
`);

export const EPISODE_LIST_CREATE = graphql(`
  mutation EpisodeListCreate($reviewId: ID!, $input: EpisodeInput!) {
    createEpisode(reviewId: $reviewId, input: $input) {
      id
      ordinal
      title
      startDate
      endDate
      appraisal
      version
    }
  }
`);

export const EPISODE_LIST_REORDER = graphql(`
  mutation EpisodeListReorder($reviewId: ID!, $episodeIds: [ID!]!) {
    reorderEpisodes(reviewId: $reviewId, episodeIds: $episodeIds) {
      id
      ordinal
    }
  }
`);

export const EPISODE_LIST_REMOVE = graphql(`
  mutation EpisodeListRemove($id: ID!, $dryRun: Boolean!) {
    removeEpisode(id: $id, dryRun: $dryRun) {
      removed
      consequences
    }
  }
`);

/**
 * A contributory factor as the episode editor shows it: read with the episode and answered by the
 * factor's add and update, so that the cache holds the same fields whichever came last.
 */
export const EPISODE_EDITOR_FACTOR = graphql(`
  fragment EpisodeEditorFactor on ContributoryFactor {
    id
    level
    effect
    tier
    description
    version
    themes {
      key
      label
    }
  }
`);

/** One episode as the editor shows it; the review has no query for a single episode. */
export const EPISODE_EDITOR = graphql(`
  query EpisodeEditor($reviewId: ID!) {
    review(id: $reviewId) {
      id
      episodes {
        id
        ordinal
        title
        summary
        startDate
        endDate
        viewFromTheTunnel
        appraisal
        appraisalNarrative
        explanation
        version
        events {
          id
          occurredOn
          precision
          sortDate
          title
          agency {
            id
            name
          }
        }
        factors {
          ...EpisodeEditorFactor
        }
      }
    }
    themes(kind: PRACTICE_THEME) {
      key
      label
    }
  }
`);

export const EPISODE_EDITOR_SAVE = graphql(`
  mutation EpisodeEditorSave($id: ID!, $expectedVersion: Int!, $input: UpdateEpisodeInput!) {
    updateEpisode(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      ordinal
      title
      summary
      startDate
      endDate
      viewFromTheTunnel
      appraisal
      appraisalNarrative
      explanation
      version
      events {
        id
        occurredOn
        precision
        sortDate
        title
        agency {
          id
          name
        }
      }
    }
  }
`);

export const EPISODE_EDITOR_ADD_FACTOR = graphql(`
  mutation EpisodeEditorAddFactor($episodeId: ID!, $input: FactorInput!) {
    addContributoryFactor(episodeId: $episodeId, input: $input) {
      ...EpisodeEditorFactor
    }
  }
`);

export const EPISODE_EDITOR_UPDATE_FACTOR = graphql(`
  mutation EpisodeEditorUpdateFactor($id: ID!, $expectedVersion: Int!, $input: UpdateFactorInput!) {
    updateContributoryFactor(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...EpisodeEditorFactor
    }
  }
`);

export const EPISODE_EDITOR_REMOVE_FACTOR = graphql(`
  mutation EpisodeEditorRemoveFactor($id: ID!, $dryRun: Boolean!) {
    removeContributoryFactor(id: $id, dryRun: $dryRun) {
      removed
      consequences
    }
  }
`);
