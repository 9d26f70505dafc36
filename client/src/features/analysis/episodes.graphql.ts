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
          id
          level
          description
          version
          themes {
            key
            label
          }
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

/** The review's chronology for the event picker, read in pages of 500. */
export const EPISODE_EDITOR_CHRONOLOGY = graphql(`
  query EpisodeEditorChronology($reviewId: ID!, $after: String) {
    review(id: $reviewId) {
      id
      events(first: 500, after: $after) {
        totalCount
        edges {
          node {
            id
            occurredOn
            precision
            sortDate
            endDate
            title
            description
            agency {
              id
              name
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const EPISODE_EDITOR_ADD_FACTOR = graphql(`
  mutation EpisodeEditorAddFactor($episodeId: ID!, $input: FactorInput!) {
    addContributoryFactor(episodeId: $episodeId, input: $input) {
      id
      level
      description
      version
      themes {
        key
        label
      }
    }
  }
`);

export const EPISODE_EDITOR_UPDATE_FACTOR = graphql(`
  mutation EpisodeEditorUpdateFactor($id: ID!, $expectedVersion: Int!, $input: UpdateFactorInput!) {
    updateContributoryFactor(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      level
      description
      version
      themes {
        key
        label
      }
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
