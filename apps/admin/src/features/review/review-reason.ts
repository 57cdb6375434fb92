/** Longest reason the server keeps (`admin.review.approve` / `reject`). */
export const REVIEW_REASON_MAX_LENGTH = 1000;

/** What is wrong with a review decision's reason, or undefined: every decision needs one for the history. */
export function reviewReasonProblem(reason: string): string | undefined {
  if (reason.trim() === '') return 'Write why: the reason goes into the referral’s history.';
  if (reason.length > REVIEW_REASON_MAX_LENGTH) {
    return `Keep it to ${REVIEW_REASON_MAX_LENGTH} characters.`;
  }
  return undefined;
}
