// Metadata inspection and lossless, allow-list stripping of evidence files.
export type {
  CaptureFacts,
  DetectedType,
  InspectReport,
  KeptField,
  MediaType,
  MetadataField,
  MetadataGroup,
  StripReport,
} from './types';
export { detectType } from './detect';
export { inspectBuffer } from './inspect';
export { stripBuffer, stripRefusal, type StripContext, type StripOptions } from './strip';
export { inspectFile, stripFile, MAX_FILE_SIZE } from './file';
export { stripMany, type StripJob, type StripOutcome } from './stripMany';
export {
  BufferSource,
  FileSource,
  detectSource,
  isMedia,
  runPlan,
  type CopyExtent,
  type Source,
} from './media';
export { checkMediaOutput, inspectMediaSource, prepareMediaStrip } from './mediaStrip';
