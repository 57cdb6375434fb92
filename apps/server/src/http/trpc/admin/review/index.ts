import { router } from '../../trpc.js';
import { reviewApprove, reviewReject } from './decide.js';
import { reviewList } from './list.js';

/** `admin.review.*`: the fraud review queue. */
export const adminReviewRouter = router({ list: reviewList, approve: reviewApprove, reject: reviewReject });
