/** What the review screen asks for at once: the review, its registers, a page of events, episodes with factors, findings with evidence. */
export const REVIEW_PAGE_QUERY = `
  query ReviewPage($id: ID!) {
    review(id: $id) {
      id reference title partnership type status periodStart periodEnd version
      caseCharacteristics { key label }
      agencies { id name sector }
      events(first: 200) {
        totalCount
        edges { cursor node { id occurredOn precision sortDate title source agency { id name } } }
        pageInfo { hasNextPage endCursor }
      }
      episodes {
        id ordinal title appraisal startDate endDate
        events { id }
        factors { id level description themes { key label } }
      }
      findings {
        id ordinal title category categoryLabel statement questions
        episodes { id title }
        factors { id level }
        events { id title }
        themes { key label }
        boardActions { id description status dueDate overdue owningAgency { name } }
      }
    }
  }
`;
