import { timelineProviders } from '../records/timeline';
import { evidenceCaptureProvider } from './timeline';

export * from './evidence';
export * from './batch';
export { checkEvidenceBlobs, repairEvidenceBlobs } from './check';
export { BLOB_CHUNK } from './blobStore';
export { emptyTrash } from './trash';

// Evidence capture times join every case timeline once this module is loaded.
if (!timelineProviders.includes(evidenceCaptureProvider))
  timelineProviders.push(evidenceCaptureProvider);
