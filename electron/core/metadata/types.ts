import type { KeptReason } from '../../../shared/metadataFields';

export type MediaType =
  | 'jpeg'
  | 'png'
  | 'webp'
  | 'gif'
  | 'tiff'
  | 'heic'
  | 'avif'
  | 'pdf'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'odt'
  | 'ods'
  | 'odp'
  | 'zip'
  | 'mp3'
  | 'aac'
  | 'mp4'
  | 'mov'
  | 'm4a'
  | 'm4v'
  | '3gp'
  | 'wav'
  | 'flac'
  | 'ogg'
  | 'webm'
  | 'unknown';

export interface DetectedType {
  type: MediaType;
  mime: string;
  strippable: boolean;
}

export type MetadataGroup =
  | 'location'
  | 'device'
  | 'people'
  | 'time'
  | 'software'
  | 'hidden'
  | 'document'
  | 'structure'
  | 'other';

export interface MetadataField {
  group: MetadataGroup;
  key: string;
  label: string;
  value: string;
  risky: boolean;
  /** Set when the value is binary data: its length (the value then reads "(N bytes of binary data)"). */
  binaryBytes?: number;
}

export interface CaptureFacts {
  /** ISO 8601 as found, with its offset when the file gives one. */
  time?: string;
  latitude?: number;
  longitude?: number;
  altitude?: number;
}

export interface InspectReport {
  type: MediaType;
  mime: string;
  size: number;
  sha256: string;
  /**
   * False when Vigil could not read the file's metadata (a format it does not
   * understand, or a file that does not parse): an empty `fields` then means
   * "unknown", never "nothing found".
   */
  readable: boolean;
  /** Why the metadata could not be read; present only when `readable` is false. */
  unreadableReason?: string;
  fields: MetadataField[];
  risky: number;
  warnings: string[];
  capture: CaptureFacts;
}

export interface KeptField {
  key: string;
  label: string;
  value?: string;
  reason: string;
  /** The reason as a code the UI words in the user's language. */
  code: KeptReason;
}

export interface StripReport {
  type: MediaType;
  mime: string;
  inputSha256: string;
  outputSha256: string;
  inputSize: number;
  outputSize: number;
  removed: MetadataField[];
  kept: KeptField[];
}

/** What a format's stripper hands back before the shared checks run. */
export interface FormatStripResult {
  output: Uint8Array;
  kept: KeptField[];
}
