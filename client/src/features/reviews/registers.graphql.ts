import { graphql } from '../../gql';

export const REGISTERS = graphql(`
  query RegistersOfReview($id: ID!) {
    review(id: $id) {
      id
      agencies {
        id
        name
        sector
        version
      }
      people {
        id
        pseudonym
        name
        aliases
        relationship
        household
        sex
        bornOn
        ageAtPeriodStart
        diedOn
        deceased
        isSubjectChild
        households {
          id
          household
          from
          to
          knownToAgencies
          note
        }
        contactSummary {
          seen
          seenAlone
          spokenTo
          mentioned
          total
          byAgency {
            agencyId
            seen
            seenAlone
            spokenTo
            mentioned
            total
          }
        }
        version
      }
      relationships {
        id
        fromPersonId
        kind
        toPersonId
        separated
        endedOn
      }
    }
  }
`);

/** Who each event involved and which agency recorded it: the genogram's agency markers. */
export const REGISTERS_EVENT_CONTACTS = graphql(`
  query RegistersEventContacts($reviewId: ID!, $after: String) {
    review(id: $reviewId) {
      id
      events(first: 500, after: $after) {
        totalCount
        edges {
          node {
            id
            agency {
              id
              name
            }
            people {
              id
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

export const REGISTERS_ADD_AGENCY = graphql(`
  mutation RegistersAddAgency($reviewId: ID!, $input: AgencyInput!) {
    addAgency(reviewId: $reviewId, input: $input) {
      id
      name
      sector
      version
    }
  }
`);

export const REGISTERS_UPDATE_AGENCY = graphql(`
  mutation RegistersUpdateAgency($id: ID!, $expectedVersion: Int!, $input: AgencyInput!) {
    updateAgency(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      name
      sector
      version
    }
  }
`);

export const REGISTERS_REMOVE_AGENCY = graphql(`
  mutation RegistersRemoveAgency($id: ID!, $dryRun: Boolean!) {
    removeAgency(id: $id, dryRun: $dryRun) {
      consequences
      removed
    }
  }
`);

export const REGISTERS_ADD_PERSON = graphql(`
  mutation RegistersAddPerson($reviewId: ID!, $input: PersonInput!) {
    addPerson(reviewId: $reviewId, input: $input) {
      id
      pseudonym
      name
      aliases
      relationship
      household
      sex
      bornOn
      ageAtPeriodStart
      diedOn
      deceased
      isSubjectChild
      households {
        id
        household
        from
        to
        knownToAgencies
        note
      }
      version
    }
  }
`);

export const REGISTERS_UPDATE_PERSON = graphql(`
  mutation RegistersUpdatePerson($id: ID!, $expectedVersion: Int!, $input: PersonInput!) {
    updatePerson(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      pseudonym
      name
      aliases
      relationship
      household
      sex
      bornOn
      ageAtPeriodStart
      diedOn
      deceased
      isSubjectChild
      households {
        id
        household
        from
        to
        knownToAgencies
        note
      }
      version
    }
  }
`);

export const REGISTERS_REMOVE_PERSON = graphql(`
  mutation RegistersRemovePerson($id: ID!, $dryRun: Boolean!) {
    removePerson(id: $id, dryRun: $dryRun) {
      consequences
      removed
    }
  }
`);

export const REGISTERS_ADD_RELATIONSHIP = graphql(`
  mutation RegistersAddRelationship($reviewId: ID!, $input: RelationshipInput!) {
    addRelationship(reviewId: $reviewId, input: $input) {
      id
      fromPersonId
      kind
      toPersonId
      separated
      endedOn
    }
  }
`);

export const REGISTERS_REMOVE_RELATIONSHIP = graphql(`
  mutation RegistersRemoveRelationship($id: ID!) {
    removeRelationship(id: $id) {
      consequences
      removed
    }
  }
`);
