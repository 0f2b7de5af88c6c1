import exifr from 'exifr';
import { exifDateToIso, type Collector } from './collector';
import type { MetadataGroup } from './types';

const EXIFR_OPTIONS = {
  tiff: true,
  ifd0: {},
  ifd1: true,
  exif: true,
  gps: true,
  interop: true,
  makerNote: true,
  userComment: true,
  iptc: true,
  icc: true,
  xmp: false,
  jfif: false,
  ihdr: false,
  mergeOutput: false,
  translateKeys: true,
  translateValues: true,
  reviveValues: false,
  sanitize: false,
  silentErrors: true,
} as const;

/** Structural tags: they describe the picture itself and are not treated as metadata. */
const STRUCTURAL = new Set([
  'ImageWidth',
  'ImageHeight',
  'BitsPerSample',
  'Compression',
  'PhotometricInterpretation',
  'StripOffsets',
  'SamplesPerPixel',
  'RowsPerStrip',
  'StripByteCounts',
  'XResolution',
  'YResolution',
  'ResolutionUnit',
  'PlanarConfiguration',
  'YCbCrSubSampling',
  'YCbCrPositioning',
  'YCbCrCoefficients',
  'ReferenceBlackWhite',
  'Orientation',
  'ExifVersion',
  'FlashpixVersion',
  'ColorSpace',
  'ComponentsConfiguration',
  'ExifImageWidth',
  'ExifImageHeight',
  'PixelXDimension',
  'PixelYDimension',
  'TileWidth',
  'TileLength',
  'TileOffsets',
  'TileByteCounts',
  'ExtraSamples',
  'SampleFormat',
  'Predictor',
  'FillOrder',
  'NewSubfileType',
  'SubfileType',
  'ColorMap',
  'InteropIndex',
  'InteropVersion',
  'GPSVersionID',
  'ThumbnailOffset',
  'ThumbnailLength',
  'JPEGInterchangeFormat',
  'JPEGInterchangeFormatLength',
  'ExifIFD',
  'GpsIFD',
  'InteropIFD',
  'PageNumber',
  'WhitePoint',
  'PrimaryChromaticities',
  'TransferFunction',
  'HalftoneHints',
  'InkSet',
  'NumberOfInks',
  'DotRange',
  'SMinSampleValue',
  'SMaxSampleValue',
  'MinSampleValue',
  'MaxSampleValue',
  'GrayResponseUnit',
  'GrayResponseCurve',
  'T4Options',
  'T6Options',
  'Thresholding',
  'Threshholding',
  'CellWidth',
  'CellLength',
  'ApplicationRecordVersion',
]);

const RULES: [RegExp, MetadataGroup, boolean][] = [
  [
    /SerialNumber|UniqueCameraModel|ImageUniqueID|OwnerName|CameraOwner|CameraID|BodySerial|LensSerial/i,
    'device',
    true,
  ],
  [
    /^(Artist|Copyright|XPAuthor|Byline|BylineTitle|Credit|Source|Writer|Contact|CopyrightNotice|Editor|OriginalTransmissionReference)$/i,
    'people',
    true,
  ],
  [/^(HostComputer|DocumentName|PageName|TargetPrinter)$/i, 'software', true],
  [/^(Software|ProcessingSoftware|OriginatingProgram|ProgramVersion)$/i, 'software', false],
  [
    /^(Make|Model|LensMake|LensModel|LensInfo|LensSpecification|LocalizedCameraModel|CameraLabel)$/i,
    'device',
    false,
  ],
  [
    /^(City|Sublocation|ProvinceState|CountryPrimaryLocationCode|CountryPrimaryLocationName|ContentLocationName|ContentLocationCode)$/i,
    'location',
    true,
  ],
  [/Date|Time|OffsetTime|SubSec/i, 'time', false],
  [
    /^(ImageDescription|UserComment|XPComment|Caption|CaptionAbstract|Headline|SpecialInstructions|ObjectName|XPTitle|XPSubject|XPKeywords|Keywords)$/i,
    'document',
    true,
  ],
  [/MakerNote/i, 'hidden', true],
  [
    /^(ExposureTime|FNumber|ExposureProgram|ISO|ISOSpeed.*|ShutterSpeedValue|ApertureValue|BrightnessValue|ExposureCompensation|MaxApertureValue|MeteringMode|LightSource|Flash|FocalLength.*|SensingMethod|SceneType|CustomRendered|ExposureMode|WhiteBalance|DigitalZoomRatio|SceneCaptureType|Contrast|Saturation|Sharpness|SubjectDistance.*|SensitivityType|RecommendedExposureIndex|FocalPlane.*|GainControl|CompositeImage)$/i,
    'device',
    false,
  ],
];

function classify(segment: string, key: string): { group: MetadataGroup; risky: boolean } | null {
  if (segment === 'gps') return { group: 'location', risky: true };
  if (STRUCTURAL.has(key)) return { group: 'structure', risky: false };
  for (const [re, group, risky] of RULES) if (re.test(key)) return { group, risky };
  if (segment === 'iptc') return { group: 'document', risky: true };
  return { group: 'other', risky: false };
}

const SEGMENT_LABEL: Record<string, string> = {
  ifd0: 'EXIF',
  exif: 'EXIF',
  gps: 'GPS',
  interop: 'EXIF interoperability',
  iptc: 'IPTC',
  icc: 'ICC profile',
};

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * Lists EXIF, GPS, IPTC and ICC fields through exifr. `input` is a whole JPEG,
 * TIFF, HEIC or PNG file, or a bare TIFF-structured EXIF block. exifr is a
 * display aid: its failures become warnings, never a verdict on cleanliness.
 */
export async function inspectExif(
  c: Collector,
  input: Uint8Array,
  where: string,
  prefix = 'exif',
  options: { ifd1?: boolean } = {},
): Promise<void> {
  let parsed: Record<string, Record<string, unknown> | undefined> | undefined;
  const hasData = (p: typeof parsed): boolean =>
    !!p && typeof p === 'object' && Object.keys(p).some((k) => k !== 'errors');
  try {
    parsed = (await exifr.parse(input, {
      ...EXIFR_OPTIONS,
      ifd1: options.ifd1 ?? true,
    })) as typeof parsed;
    // One undecodable segment (often IPTC or ICC) makes exifr drop everything: retry without them.
    if (!hasData(parsed))
      parsed = (await exifr.parse(input, {
        ...EXIFR_OPTIONS,
        ifd1: options.ifd1 ?? true,
        iptc: false,
        icc: false,
        makerNote: false,
      })) as typeof parsed;
  } catch {
    parsed = { errors: {} };
  }
  if (!parsed || typeof parsed !== 'object') return;
  if (!hasData(parsed)) {
    if ('errors' in parsed)
      c.warn(
        `The EXIF data in ${where} could not be fully decoded; the stripper removes it anyway.`,
      );
    return;
  }
  for (const [segment, tags] of Object.entries(parsed)) {
    if (!tags || typeof tags !== 'object' || segment === 'errors') continue;
    if (segment === 'ifd1') {
      // In a TIFF file the second directory is the next page, not a thumbnail; the TIFF reader lists pages.
      if (options.ifd1 === false) continue;
      const length = num(tags.ThumbnailLength) ?? num(tags.JPEGInterchangeFormatLength);
      const isImage = length !== undefined || tags.StripOffsets !== undefined;
      if (isImage)
        c.add(
          'hidden',
          `${prefix}.thumbnail`,
          `Embedded thumbnail (${where})`,
          length !== undefined ? `JPEG, ${length} bytes` : 'uncompressed image',
          true,
        );
      continue;
    }
    if (segment === 'icc') {
      const desc = tags.ProfileDescription ?? tags.ProfileCMMType ?? 'present';
      c.add('other', `${prefix}.icc`, `ICC colour profile (${where})`, desc, false);
      for (const key of [
        'DeviceManufacturer',
        'DeviceModel',
        'ProfileCopyright',
        'ProfileCreator',
        'ProfileDateTime',
      ]) {
        if (tags[key] !== undefined && tags[key] !== '')
          c.add(
            key === 'ProfileDateTime' ? 'time' : 'other',
            `${prefix}.icc.${key}`,
            `ICC ${key}`,
            tags[key],
            false,
          );
      }
      continue;
    }
    for (const [key, value] of Object.entries(tags)) {
      if (segment === 'gps' && (key === 'latitude' || key === 'longitude')) continue;
      const cls = classify(segment, key);
      if (!cls) continue;
      if (
        cls.group === 'structure' &&
        (key.endsWith('IFD') || (Array.isArray(value) && value.length > 8))
      )
        continue;
      const label = `${/^\d+$/.test(key) ? `Tag ${key}` : key} (${SEGMENT_LABEL[segment] ?? segment}, ${where})`;
      c.add(
        cls.group,
        `${prefix}.${segment}.${key}`,
        label,
        key === 'MakerNote' && value instanceof Uint8Array
          ? `${value.length} bytes of maker notes`
          : value,
        cls.risky,
      );
    }
  }
  const exif = parsed.exif ?? {};
  const ifd0 = parsed.ifd0 ?? {};
  c.setTime(
    exifDateToIso(exif.DateTimeOriginal, exif.OffsetTimeOriginal, exif.SubSecTimeOriginal) ??
      exifDateToIso(
        exif.CreateDate ?? exif.DateTimeDigitized,
        exif.OffsetTimeDigitized,
        exif.SubSecTimeDigitized,
      ) ??
      exifDateToIso(ifd0.ModifyDate ?? ifd0.DateTime, exif.OffsetTime, exif.SubSecTime),
  );
  const gps = parsed.gps;
  if (gps) {
    const lat = num(gps.latitude);
    const lon = num(gps.longitude);
    let alt = num(gps.GPSAltitude);
    const ref = gps.GPSAltitudeRef;
    if (
      alt !== undefined &&
      (ref === 1 ||
        (typeof ref === 'string' && /below/i.test(ref)) ||
        (ref instanceof Uint8Array && ref[0] === 1))
    )
      alt = -alt;
    if (lat !== undefined && lon !== undefined) {
      c.add(
        'location',
        `${prefix}.gps.position`,
        `GPS position (${where})`,
        `${lat.toFixed(6)}, ${lon.toFixed(6)}`,
        true,
      );
      c.setPosition(lat, lon, alt);
    }
  }
}
