import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripFile } from '../../electron/core/metadata';
import { exiftool } from '../helpers/exiftool';
import { tempDir } from '../helpers/tmp';
import { FIXTURES, has } from '../unit/metadata/helpers';

// exiftool's verdict on Vigil's output: every tag it reports must be structural.
// The System group (file system facts) is ignored; Warning, Error and any
// Comment count as leaks, as does every tag not allowed below for its group.

const TIFF_STRUCTURE = [
  'SubfileType',
  'OldSubfileType',
  'ImageWidth',
  'ImageHeight',
  'BitsPerSample',
  'Compression',
  'PhotometricInterpretation',
  'FillOrder',
  'StripOffsets',
  'Orientation',
  'SamplesPerPixel',
  'RowsPerStrip',
  'StripByteCounts',
  'PlanarConfiguration',
  'PageNumber',
  'Predictor',
  'WhitePoint',
  'PrimaryChromaticities',
  'XResolution',
  'YResolution',
  'ResolutionUnit',
  'ExtraSamples',
  'SampleFormat',
  'ColorMap',
  'TileWidth',
  'TileLength',
  'TileOffsets',
  'TileByteCounts',
  'YCbCrCoefficients',
  'YCbCrSubSampling',
  'YCbCrPositioning',
  'ReferenceBlackWhite',
  'TransferFunction',
];

const ALLOWED: Record<string, RegExp | string[]> = {
  File: [
    'FileType',
    'FileTypeExtension',
    'MIMEType',
    'ImageWidth',
    'ImageHeight',
    'EncodingProcess',
    'BitsPerSample',
    'ColorComponents',
    'YCbCrSubSampling',
    'ExifByteOrder',
    'PageCount',
  ],
  JFIF: ['JFIFVersion', 'ResolutionUnit', 'XResolution', 'YResolution'],
  Adobe: ['DCTEncodeVersion', 'APP14Flags0', 'APP14Flags1', 'ColorTransform'],
  IFD0: TIFF_STRUCTURE,
  IFD1: TIFF_STRUCTURE,
  PNG: [
    'ImageWidth',
    'ImageHeight',
    'BitDepth',
    'ColorType',
    'Compression',
    'Filter',
    'Interlace',
    'Gamma',
    'WhitePointX',
    'WhitePointY',
    'RedX',
    'RedY',
    'GreenX',
    'GreenY',
    'BlueX',
    'BlueY',
    'SRGBRendering',
    'PixelsPerUnitX',
    'PixelsPerUnitY',
    'PixelUnits',
    'SignificantBits',
    'AnimationFrames',
    'AnimationPlays',
  ],
  RIFF: [
    'WebP_Flags',
    'ImageWidth',
    'ImageHeight',
    'VP8Version',
    'HorizontalScale',
    'VerticalScale',
    'AlphaPreprocessing',
    'AlphaFiltering',
    'AlphaCompression',
    'BackgroundColor',
    'AnimationLoopCount',
  ],
  GIF: [
    'GIFVersion',
    'ImageWidth',
    'ImageHeight',
    'HasColorMap',
    'ColorResolutionDepth',
    'BitsPerPixel',
    'BackgroundColor',
    'AnimationIterations',
    'FrameCount',
    'Duration',
    'PixelAspectRatio',
  ],
  QuickTime:
    /^(MajorBrand|MinorVersion|CompatibleBrands|HandlerType|HEVCConfigurationVersion|GeneralProfileSpace|GeneralTierFlag|GeneralProfileIDC|GenProfileCompatibilityFlags|ConstraintIndicatorFlags|GeneralLevelIDC|MinSpatialSegmentationIDC|ParallelismType|ChromaFormat|BitDepthLuma|BitDepthChroma|AverageFrameRate|ConstantFrameRate|NumTemporalLayers|TemporalIDNested|ImageSpatialExtent|ImagePixelDepth|ColorProfiles|ColorPrimaries|TransferCharacteristics|MatrixCoefficients|VideoFullRangeFlag|AV1ConfigurationVersion|ChromaSamplePosition|SeqProfile|SeqLevelIdx\d|SeqTier\d|HighBitDepth|TwelveBit|Monochrome|ChromaSubsamplingX|ChromaSubsamplingY|InitialDelaySamples|MediaData|MediaDataSize|MediaDataOffset|Free|Rotation)$/,
  Meta: ['PrimaryItemReference', 'MetaImageSize'],
  PDF: [
    'PDFVersion',
    'Linearized',
    'PageCount',
    'EmbeddedImageWidth',
    'EmbeddedImageHeight',
    'EmbeddedImageFilter',
    'EmbeddedImageColorSpace',
    'EmbeddedImageBitsPerComponent',
    'EmbeddedImage',
  ],
  Composite: ['ImageSize', 'Megapixels'],
};

function leaks(json: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(json)) {
    if (name === 'SourceFile' || name.startsWith('System:') || name === 'ExifTool:ExifToolVersion')
      continue;
    const [group, tag] = name.includes(':') ? name.split(':') : ['?', name];
    const allowed = ALLOWED[group!];
    const ok =
      tag !== 'Comment' &&
      allowed !== undefined &&
      (Array.isArray(allowed) ? allowed.includes(tag!) : allowed.test(tag!));
    if (!ok) out.push(`${name}=${JSON.stringify(value).slice(0, 60)}`);
  }
  return out;
}

const STRIPPABLE = [
  'camera.jpg',
  'cmyk.jpg',
  'progressive.jpg',
  'meta.png',
  'meta.webp',
  'alpha.webp',
  'anim.gif',
  'multipage.tif',
  'bigendian.tif',
  'meta.heic',
  'meta.avif',
  'classic.pdf',
  'updated.pdf',
  'ghostscript.pdf',
];

const NO_EXIFTOOL = !has('exiftool');
if (NO_EXIFTOOL)
  console.warn(
    'exiftool is not installed (Debian: libimage-exiftool-perl): the exiftool interop tests are skipped.',
  );

describe('exiftool finds nothing but structure in stripped files (skipped without exiftool)', () => {
  it.skipIf(NO_EXIFTOOL)(
    'sees the planted metadata in the originals (the check can fail)',
    async () => {
      const r = await exiftool([
        '-j',
        '-a',
        '-G1',
        '-s',
        '-u',
        '-ee3',
        join(FIXTURES, 'camera.jpg'),
      ]);
      const [json] = JSON.parse(r.stdout) as Record<string, unknown>[];
      const found = leaks(json!).map((l) => l.split('=')[0]);
      for (const tag of [
        'IFD0:Artist',
        'GPS:GPSLatitude',
        'ExifIFD:SerialNumber',
        'XMP-dc:Creator',
        'File:Comment',
        'IFD1:ThumbnailImage',
      ])
        expect(found).toContain(tag);
    },
  );

  for (const name of STRIPPABLE) {
    it.skipIf(NO_EXIFTOOL)(`${name}`, async () => {
      const dir = await tempDir();
      const out = join(dir, `clean-${name}`);
      await stripFile(join(FIXTURES, name), out);
      const r = await exiftool(['-j', '-a', '-G1', '-s', '-u', '-ee3', out]);
      expect(r.status, r.stderr).toBe(0);
      const [json] = JSON.parse(r.stdout) as Record<string, unknown>[];
      expect(leaks(json!)).toEqual([]);
    });
  }
});
