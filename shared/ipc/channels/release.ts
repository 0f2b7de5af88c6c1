import { z } from 'zod';
import {
  audienceKeySchema,
  releaseApproveSchema,
  releaseEditSchema,
  releaseReviewSchema,
  releaseSettledSchema,
} from '../../release';
import { id } from '../schemas';

/** The release review of an export (the wizard's review step): show, decide and approve, edit. */
export const releaseChannels = {
  'release.review': {
    input: z.strictObject({ caseId: id, audience: audienceKeySchema }),
    output: releaseReviewSchema,
  },
  'release.approve': { input: releaseApproveSchema, output: releaseSettledSchema },
  'release.edit': { input: releaseEditSchema, output: releaseSettledSchema },
} as const;
