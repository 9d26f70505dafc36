import { PRACTICE_APPRAISAL_LABELS, type PracticeAppraisalName } from '@scr/shared';

/** A shape per appraisal, so that it never rests on colour alone: circle, square, triangle, dashed ring. */
export function AppraisalIcon({ appraisal }: { appraisal: PracticeAppraisalName }) {
  return (
    <svg
      className={`appraisal-icon appraisal-icon--${appraisal.toLowerCase()}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {appraisal === 'GOOD' && (
        <>
          <circle cx="8" cy="8" r="7.5" />
          <path d="M4.5 8.3l2.3 2.3 4.7-4.9" className="appraisal-icon__mark" />
        </>
      )}
      {appraisal === 'ADEQUATE' && (
        <>
          <rect x="1" y="1" width="14" height="14" rx="2" />
          <path d="M4.5 6.5h7M4.5 9.5h7" className="appraisal-icon__mark" />
        </>
      )}
      {appraisal === 'BELOW_EXPECTED' && (
        <>
          <path d="M8 0.8l7.4 14H0.6z" />
          <path d="M8 5.5v4.5M8 11.6v1.2" className="appraisal-icon__mark" />
        </>
      )}
      {appraisal === 'NOT_APPRAISED' && (
        <>
          <circle cx="8" cy="8" r="6.8" className="appraisal-icon__ring" />
          <path d="M6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.6M8 11.4v1" />
        </>
      )}
    </svg>
  );
}

/** The appraisal in words with its shape. */
export function EpisodeAppraisal({ appraisal }: { appraisal: PracticeAppraisalName }) {
  return (
    <span className={`episode-appraisal episode-appraisal--${appraisal.toLowerCase()}`}>
      <AppraisalIcon appraisal={appraisal} />
      {PRACTICE_APPRAISAL_LABELS[appraisal]}
    </span>
  );
}
