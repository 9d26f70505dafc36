import { DocumentDownloads } from '../../components/DocumentDownloads';
import { downloadWithToken } from '../chronology';

/** The review report for anyone who may read the review, in the four formats. */
export function ReviewReportSection({
  reviewId,
  reference,
}: {
  reviewId: string;
  reference: string;
}) {
  return (
    <section className="review-home__card" aria-labelledby="review-report">
      <h2 id="review-report">Review report</h2>
      <p className="hint">
        The report as it stands: introduction and review questions, the case in brief, the key
        practice episodes, the findings and the appendices, with pseudonyms only: real names never
        appear, whoever downloads it.
      </p>
      <DocumentDownloads
        label="Download the review report"
        basePath={`/api/reviews/${reviewId}/report`}
        fileName={`${reference} report`}
        download={downloadWithToken}
      />
    </section>
  );
}
