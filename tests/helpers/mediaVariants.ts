import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Audio and video files as the tools people use write them, each with
// strings planted in the places those tools put metadata: many variants of
// one container (fast start or not, fragmented, edit lists, chapters,
// subtitle and timecode tracks, cover art, every tag version), so the
// parsers meet the layouts of files they have never seen. Each variant is
// made in its own directory when its test runs; every planted string starts
// with CANARY. The few structures no installed tool writes on request (APEv2,
// an ID3 chunk or iXML in a WAV) are added here by hand.

export interface MediaVariant {
  /** The file name (its extension is the format's). */
  name: string;
  /** The programs it is made with. */
  tools: string[];
  /** Makes the file in `dir`. */
  make: (dir: string) => void;
  /** For a file Vigil refuses: the refusal, which must name the format. */
  refused?: RegExp;
  /** It carries a cover-art stream: ffmpeg then shifts the audio's first timestamp (the packets are the same). */
  coverStream?: boolean;
}

function run(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.error?.message}`);
}

const ff = (dir: string, ...args: string[]): void =>
  run('ffmpeg', ['-y', '-v', 'error', '-nostdin', ...args], dir);

const VIDEO = ['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=10:duration=1'];
const AUDIO = ['-f', 'lavfi', '-i', 'sine=f=440:d=1'];
const X264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];

/** The usual tags, each naming its variant. */
function tags(id: string): string[] {
  return [
    ...['title', 'artist', 'comment', 'album', 'encoder'].flatMap((k) => [
      '-metadata',
      `${k}=CANARY-${id}-${k.toUpperCase()}`,
    ]),
    '-metadata',
    'creation_time=2024-03-05T10:00:00Z',
    '-metadata',
    'date=2024-03-05',
  ];
}

/** A small JPEG that carries its own author and GPS position, as cover art often does. */
function cover(dir: string): string {
  ff(dir, '-f', 'lavfi', '-i', 'color=c=teal:s=32x32', '-frames:v', '1', 'cover.jpg');
  run(
    'exiftool',
    [
      '-q',
      '-overwrite_original',
      '-Artist=CANARY-COVER-EXIF-ARTIST',
      '-GPSLatitude=48.8584',
      '-GPSLatitudeRef=N',
      '-GPSLongitude=2.2945',
      '-GPSLongitudeRef=E',
      'cover.jpg',
    ],
    dir,
  );
  return join(dir, 'cover.jpg');
}

function tone(dir: string): string {
  ff(
    dir,
    '-f',
    'lavfi',
    '-i',
    'sine=f=330:d=1.2:sample_rate=44100',
    '-ac',
    '2',
    '-fflags',
    '+bitexact',
    '-map_metadata',
    '-1',
    'tone.wav',
  );
  return join(dir, 'tone.wav');
}

/** An APEv2 tag (with header and footer) appended to a file, as foobar2000 and mp3gain write them. */
function appendApe(path: string, items: [string, string][]): void {
  const body = Buffer.concat(
    items.map(([k, v]) => {
      const head = Buffer.alloc(8);
      head.writeUInt32LE(Buffer.byteLength(v), 0);
      return Buffer.concat([head, Buffer.from(`${k}\0${v}`)]);
    }),
  );
  const block = (flags: number): Buffer => {
    const b = Buffer.alloc(32);
    b.write('APETAGEX', 0, 'latin1');
    b.writeUInt32LE(2000, 8);
    b.writeUInt32LE(body.length + 32, 12);
    b.writeUInt32LE(items.length, 16);
    b.writeUInt32LE(flags, 20);
    return b;
  };
  writeFileSync(
    path,
    Buffer.concat([readFileSync(path), block(0xa0000000), body, block(0x80000000)]),
  );
}

/** Appends RIFF chunks to a WAV file and fixes its size. */
function appendRiff(path: string, chunks: [string, Buffer][]): void {
  const wav = readFileSync(path);
  const extra = Buffer.concat(
    chunks.map(([id, body]) => {
      const head = Buffer.alloc(8);
      head.write(id, 0, 'latin1');
      head.writeUInt32LE(body.length, 4);
      return Buffer.concat([head, body, Buffer.alloc(body.length & 1)]);
    }),
  );
  const out = Buffer.concat([wav, extra]);
  out.writeUInt32LE(out.length - 8, 4);
  writeFileSync(path, out);
}

/** A minimal ID3v2.4 tag of text frames. */
function id3v24(frames: [string, string][]): Buffer {
  const body = Buffer.concat(
    frames.map(([id, text]) => {
      const value = Buffer.from(`\x03${text}`, 'utf8');
      const head = Buffer.alloc(10);
      head.write(id, 0, 'latin1');
      for (let i = 0; i < 4; i += 1) head[4 + i] = (value.length >> (7 * (3 - i))) & 0x7f;
      return Buffer.concat([head, value]);
    }),
  );
  const head = Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]);
  for (let i = 0; i < 4; i += 1) head[6 + i] = (body.length >> (7 * (3 - i))) & 0x7f;
  return Buffer.concat([head, body]);
}

/** Fragmented MP4 as ffmpeg writes each kind (a 3 s clip, a fragment per second), with a subtitle track carrying positions as dash cams do. */
function fragmented(name: string, flags: string, extra: string[] = []): MediaVariant {
  return {
    name,
    tools: ['ffmpeg'],
    make: (d) => {
      writeFileSync(
        join(d, 'gps.srt'),
        '1\n00:00:00,000 --> 00:00:01,500\nCANARY-FRAG-GPS 48.8584 2.2945\n\n2\n00:00:01,500 --> 00:00:03,000\nCANARY-FRAG-GPS2 48.8601 2.2950\n',
      );
      ff(
        d,
        '-f',
        'lavfi',
        '-i',
        'testsrc=size=64x48:rate=10:duration=3',
        '-f',
        'lavfi',
        '-i',
        'sine=f=440:d=3',
        '-i',
        'gps.srt',
        '-map',
        '0',
        '-map',
        '1',
        '-map',
        '2',
        ...X264,
        '-g',
        '10',
        '-c:a',
        'aac',
        '-c:s',
        'mov_text',
        '-metadata',
        'location=+48.8584+002.2945/',
        ...tags(name.replace(/\W/g, '').toUpperCase()),
        '-movflags',
        flags,
        ...extra,
        name,
      );
    },
  };
}

/**
 * Metadata planted in every fragment of a file ffmpeg wrote with fragment-relative offsets:
 * user data with a position in each track fragment, an XMP packet in each movie fragment and
 * an event message and a producer time before each, as some recorders and packagers write
 * them. The samples' offsets and the random-access index are moved to match.
 */
export function plantInFragments(path: string): void {
  const src = readFileSync(path);
  const boxOf = (type: string, ...body: Buffer[]): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + body.reduce((n, b) => n + b.length, 0), 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, ...body]);
  };
  const text = (t: string): Buffer => {
    const v = Buffer.from(t);
    const head = Buffer.alloc(4);
    head.writeUInt16BE(v.length, 0);
    return Buffer.concat([head, v]);
  };
  const udta = boxOf(
    'udta',
    boxOf('\xa9xyz', text('+48.8584+002.2945/')),
    boxOf('\xa9cmt', text('CANARY-FRAG-UDTA-COMMENT')),
  );
  const xmp = boxOf(
    'uuid',
    Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex'),
    Buffer.from(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="CANARY-FRAG-XMP-CREATOR"/></rdf:RDF></x:xmpmeta>',
    ),
  );
  const emsg = boxOf(
    'emsg',
    Buffer.alloc(4),
    Buffer.from('urn:canary\0CANARY-FRAG-EMSG\0'),
    Buffer.alloc(16),
  );
  const prft = boxOf(
    'prft',
    Buffer.alloc(4),
    Buffer.from([0, 0, 0, 1]),
    Buffer.alloc(8, 0xe9),
    Buffer.alloc(4),
  );
  const out: Buffer[] = [];
  const moved = new Map<number, number>(); // old moof offset → new
  let pos = 0;
  let at = 0;
  let mfra: Buffer | undefined;
  while (at < src.length) {
    const size = src.readUInt32BE(at);
    const type = src.toString('latin1', at + 4, at + 8);
    let piece: Buffer = src.subarray(at, at + size);
    if (type === 'moof') {
      out.push(emsg, prft);
      pos += emsg.length + prft.length;
      const kids: Buffer[] = [];
      let grown = 0;
      for (let o = at + 8; o < at + size;) {
        const n = src.readUInt32BE(o);
        let k = src.subarray(o, o + n);
        if (k.toString('latin1', 4, 8) === 'traf') {
          k = Buffer.concat([k, udta]);
          k.writeUInt32BE(k.length, 0);
          grown += udta.length;
        }
        kids.push(k);
        o += n;
      }
      kids.push(xmp);
      grown += xmp.length;
      piece = boxOf('moof', ...kids);
      // Data offsets count from the fragment's start, so the samples after it moved by what it grew.
      for (let o = 8; o + 8 <= piece.length; o += 1)
        if (piece.toString('latin1', o, o + 4) === 'trun' && (piece.readUInt32BE(o + 4) & 1) === 1)
          piece.writeInt32BE(piece.readInt32BE(o + 12) + grown, o + 12);
      moved.set(at, pos);
    }
    if (type === 'mfra') mfra = Buffer.from(piece);
    else out.push(piece);
    pos += piece.length;
    at += size;
  }
  if (mfra) {
    for (let o = 8; o < mfra.length - 16;) {
      const n = mfra.readUInt32BE(o);
      if (mfra.toString('latin1', o + 4, o + 8) === 'tfra') {
        const v = mfra[o + 8]!;
        const sizes = mfra.readUInt32BE(o + 16);
        const per = (v ? 16 : 8) + ((sizes >> 4) & 3) + ((sizes >> 2) & 3) + (sizes & 3) + 3;
        for (let i = 0; i < mfra.readUInt32BE(o + 20); i += 1) {
          const e = o + 24 + i * per + (v ? 8 : 4);
          if (v) mfra.writeBigUInt64BE(BigInt(moved.get(Number(mfra.readBigUInt64BE(e)))!), e);
          else mfra.writeUInt32BE(moved.get(mfra.readUInt32BE(e))!, e);
        }
      }
      o += n;
    }
    out.push(mfra);
  }
  writeFileSync(path, Buffer.concat(out));
}

export const MEDIA_VARIANTS: MediaVariant[] = [
  // ---- MP4, MOV, M4V, 3GP
  {
    name: 'plain.mp4',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(d, ...VIDEO, ...AUDIO, ...X264, '-c:a', 'aac', ...tags('MP4PLAIN'), 'plain.mp4'),
  },
  {
    name: 'faststart.mp4',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...VIDEO,
        ...AUDIO,
        ...X264,
        '-c:a',
        'aac',
        '-movflags',
        '+faststart',
        ...tags('MP4FAST'),
        'faststart.mp4',
      ),
  },
  {
    name: 'fragmented.mp4',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...VIDEO,
        ...AUDIO,
        ...X264,
        '-c:a',
        'aac',
        '-movflags',
        'frag_keyframe+empty_moov',
        ...tags('MP4FRAG'),
        'fragmented.mp4',
      ),
  },
  {
    name: 'fragmented-moof-base.mp4',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...VIDEO,
        ...AUDIO,
        ...X264,
        '-c:a',
        'aac',
        '-movflags',
        'frag_keyframe+empty_moov+default_base_moof',
        ...tags('MP4FRAGB'),
        'fragmented-moof-base.mp4',
      ),
  },
  fragmented('fragmented-dash.mp4', 'frag_keyframe+empty_moov+dash'),
  fragmented('fragmented-global-sidx.mp4', 'frag_keyframe+empty_moov+dash+global_sidx'),
  fragmented('fragmented-moov-samples.mp4', 'frag_keyframe'),
  fragmented('fragmented-explicit-base.mov', 'frag_keyframe+empty_moov', ['-f', 'mov']),
  // A fragment per track: the subtitle track's fragments go whole, the index's fragment numbers move.
  fragmented('fragmented-separate-moof.mp4', 'frag_keyframe+empty_moov+separate_moof'),
  {
    // ffmpeg warns that it writes this segment index wrong (it points inside boxes): refused, not guessed at.
    ...fragmented(
      'fragmented-bad-sidx.mp4',
      'frag_keyframe+empty_moov+separate_moof+dash+global_sidx',
    ),
    refused: /MP4 video has a segment index \(sidx\) that points inside a box/,
  },
  {
    // A subtitle track of positions, and metadata planted in every fragment.
    ...fragmented('fragmented-planted.mp4', 'frag_keyframe+empty_moov+default_base_moof'),
    make: (d) => {
      fragmented('fragmented-planted.mp4', 'frag_keyframe+empty_moov+default_base_moof').make(d);
      plantInFragments(join(d, 'fragmented-planted.mp4'));
    },
  },
  {
    name: 'location.mov',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...VIDEO,
        ...AUDIO,
        ...X264,
        '-c:a',
        'aac',
        '-f',
        'mov',
        '-metadata',
        'location=+48.8584+002.2945/',
        '-metadata',
        'location-eng=+48.8584+002.2945/',
        ...tags('MOVLOC'),
        'location.mov',
      ),
  },
  {
    name: 'keys.mov',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...VIDEO,
        ...AUDIO,
        ...X264,
        '-c:a',
        'aac',
        '-movflags',
        'use_metadata_tags',
        '-metadata',
        'com.apple.quicktime.location.ISO6709=+48.8584+002.2945+030.000/',
        '-metadata',
        'com.apple.quicktime.make=CANARY-MDTA-MAKE',
        '-metadata',
        'com.apple.quicktime.model=CANARY-MDTA-MODEL',
        ...tags('MOVKEYS'),
        'keys.mov',
      ),
  },
  {
    name: 'keys.mp4',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...VIDEO,
        ...AUDIO,
        ...X264,
        '-c:a',
        'aac',
        '-movflags',
        'use_metadata_tags',
        '-metadata',
        'com.apple.quicktime.location.ISO6709=+48.8584+002.2945+030.000/',
        '-metadata',
        'com.apple.quicktime.software=CANARY-MDTA-SOFTWARE',
        ...tags('MP4KEYS'),
        'keys.mp4',
      ),
  },
  {
    name: 'h263.3gp',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...VIDEO,
        ...AUDIO,
        '-c:v',
        'h263',
        '-s',
        '176x144',
        '-c:a',
        'aac',
        '-ar',
        '8000',
        '-ac',
        '1',
        ...tags('3GPH263'),
        'h263.3gp',
      ),
  },
  {
    name: 'h264.3gp',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...VIDEO,
        ...AUDIO,
        ...X264,
        '-c:a',
        'aac',
        '-f',
        '3gp',
        ...tags('3GPH264'),
        'h264.3gp',
      ),
  },
  {
    name: 'clip.m4v',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(d, ...VIDEO, ...AUDIO, ...X264, '-c:a', 'aac', '-f', 'ipod', ...tags('M4V'), 'clip.m4v'),
  },
  {
    name: 'two-audio.mp4',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...VIDEO,
        ...AUDIO,
        '-f',
        'lavfi',
        '-i',
        'sine=f=880:d=1',
        '-map',
        '0',
        '-map',
        '1',
        '-map',
        '2',
        ...X264,
        '-c:a',
        'aac',
        '-metadata:s:a:1',
        'title=CANARY-2A-TRACK-TITLE',
        '-metadata:s:a:0',
        'language=fra',
        ...tags('TWOAUDIO'),
        'two-audio.mp4',
      ),
  },
  {
    name: 'subtitles.mp4',
    tools: ['ffmpeg'],
    make: (d) => {
      writeFileSync(join(d, 'sub.srt'), '1\n00:00:00,000 --> 00:00:00,800\nCANARY-SUBTITLE-TEXT\n');
      ff(
        d,
        ...VIDEO,
        ...AUDIO,
        '-i',
        'sub.srt',
        '-map',
        '0',
        '-map',
        '1',
        '-map',
        '2',
        ...X264,
        '-c:a',
        'aac',
        '-c:s',
        'mov_text',
        '-metadata:s:s:0',
        'title=CANARY-SUBTITLE-TITLE',
        ...tags('SUBS'),
        'subtitles.mp4',
      );
    },
  },
  ...(['mp4', 'mov', 'm4a'] as const).map((ext): MediaVariant => ({
    name: `chapters.${ext}`,
    tools: ['ffmpeg'],
    make: (d) => {
      writeFileSync(
        join(d, 'chapters.txt'),
        ';FFMETADATA1\ntitle=CANARY-CHAPTERS-TITLE\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=500\ntitle=CANARY-CHAPTER-ONE\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=500\nEND=1000\ntitle=CANARY-CHAPTER-TWO\n',
      );
      ff(
        d,
        ...VIDEO,
        ...AUDIO,
        '-i',
        'chapters.txt',
        ...(ext === 'm4a' ? ['-map', '1'] : ['-map', '0', '-map', '1', ...X264]),
        '-map_metadata',
        '2',
        '-map_chapters',
        '2',
        '-c:a',
        'aac',
        ...(ext === 'm4a' ? ['-f', 'ipod'] : ext === 'mov' ? ['-f', 'mov'] : []),
        `chapters.${ext}`,
      );
    },
  })),
  {
    name: 'timecode.mov',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...VIDEO,
        ...AUDIO,
        ...X264,
        '-c:a',
        'aac',
        '-timecode',
        '01:02:03:04',
        '-f',
        'mov',
        ...tags('TMCDMOV'),
        'timecode.mov',
      ),
  },
  {
    name: 'timecode.mp4',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...VIDEO,
        ...AUDIO,
        ...X264,
        '-c:a',
        'aac',
        '-timecode',
        '01:02:03:04',
        ...tags('TMCDMP4'),
        'timecode.mp4',
      ),
  },
  {
    name: 'edit-list.mp4',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        '-f',
        'lavfi',
        '-i',
        'testsrc=size=64x48:rate=10:duration=2',
        ...AUDIO,
        ...X264,
        '-c:a',
        'aac',
        '-ss',
        '0.3',
        '-t',
        '1',
        ...tags('EDITMP4'),
        'edit-list.mp4',
      ),
  },
  {
    name: 'edit-list.mov',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...VIDEO,
        ...AUDIO,
        ...X264,
        '-c:a',
        'aac',
        '-f',
        'mov',
        '-use_editlist',
        '1',
        '-ss',
        '0.2',
        ...tags('EDITMOV'),
        'edit-list.mov',
      ),
  },
  {
    name: 'mpeg4-part2.mp4',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...VIDEO,
        ...AUDIO,
        '-c:v',
        'mpeg4',
        '-c:a',
        'libmp3lame',
        ...tags('MPEG4P2'),
        'mpeg4-part2.mp4',
      ),
  },
  // ---- M4A
  {
    name: 'cover.m4a',
    tools: ['ffmpeg', 'exiftool'],
    make: (d) => {
      cover(d);
      ff(
        d,
        ...AUDIO,
        '-i',
        'cover.jpg',
        '-map',
        '0',
        '-map',
        '1',
        '-c:a',
        'aac',
        '-c:v',
        'copy',
        '-disposition:v',
        'attached_pic',
        ...tags('M4ACOVER'),
        '-metadata',
        'composer=CANARY-M4A-COMPOSER',
        '-metadata',
        'lyrics=CANARY-M4A-LYRICS',
        '-f',
        'ipod',
        'cover.m4a',
      );
    },
  },
  {
    name: 'alac.m4a',
    tools: ['ffmpeg'],
    make: (d) => ff(d, ...AUDIO, '-c:a', 'alac', ...tags('M4AALAC'), 'alac.m4a'),
  },
  {
    name: 'faststart.m4a',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...AUDIO,
        '-c:a',
        'aac',
        '-movflags',
        '+faststart',
        ...tags('M4AFAST'),
        'faststart.m4a',
      ),
  },
  {
    name: 'fragmented.m4a',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...AUDIO,
        '-c:a',
        'aac',
        '-movflags',
        'frag_keyframe+empty_moov',
        '-f',
        'ipod',
        ...tags('M4AFRAG'),
        'fragmented.m4a',
      ),
  },
  // ---- MP3
  ...([3, 4] as const).map((v): MediaVariant => ({
    name: `id3v2${v}.mp3`,
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...AUDIO,
        '-c:a',
        'libmp3lame',
        '-id3v2_version',
        String(v),
        ...tags(`MP3V2${v}`),
        `id3v2${v}.mp3`,
      ),
  })),
  {
    name: 'id3v1.mp3',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...AUDIO,
        '-c:a',
        'libmp3lame',
        '-id3v2_version',
        '0',
        '-write_id3v1',
        '1',
        ...tags('MP3V1'),
        'id3v1.mp3',
      ),
  },
  {
    name: 'id3v2-and-v1.mp3',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(
        d,
        ...AUDIO,
        '-c:a',
        'libmp3lame',
        '-id3v2_version',
        '3',
        '-write_id3v1',
        '1',
        ...tags('MP3BOTH'),
        'id3v2-and-v1.mp3',
      ),
  },
  {
    name: 'cover.mp3',
    tools: ['ffmpeg', 'exiftool'],
    coverStream: true,
    make: (d) => {
      cover(d);
      ff(
        d,
        ...AUDIO,
        '-i',
        'cover.jpg',
        '-map',
        '0',
        '-map',
        '1',
        '-c:a',
        'libmp3lame',
        '-c:v',
        'copy',
        '-id3v2_version',
        '3',
        ...tags('MP3COVER'),
        'cover.mp3',
      );
    },
  },
  {
    name: 'vbr-xing.mp3',
    tools: ['ffmpeg'],
    make: (d) => {
      tone(d);
      ff(
        d,
        '-i',
        'tone.wav',
        '-c:a',
        'libmp3lame',
        '-q:a',
        '5',
        '-write_xing',
        '1',
        ...tags('MP3VBR'),
        'vbr-xing.mp3',
      );
    },
  },
  {
    name: 'lame-vbr-cover.mp3',
    tools: ['ffmpeg', 'lame', 'exiftool'],
    coverStream: true,
    make: (d) => {
      tone(d);
      cover(d);
      run(
        'lame',
        [
          '--quiet',
          '-V',
          '4',
          '--tt',
          'CANARY-LAME-TITLE',
          '--ta',
          'CANARY-LAME-ARTIST',
          '--add-id3v2',
          '--ti',
          'cover.jpg',
          'tone.wav',
          'lame-vbr-cover.mp3',
        ],
        d,
      );
    },
  },
  {
    name: 'lame-id3v1.mp3',
    tools: ['ffmpeg', 'lame'],
    make: (d) => {
      tone(d);
      run(
        'lame',
        [
          '--quiet',
          '-b',
          '64',
          '--id3v1-only',
          '--tt',
          'CANARY-LAMEV1-TITLE',
          'tone.wav',
          'lame-id3v1.mp3',
        ],
        d,
      );
    },
  },
  {
    name: 'apev2.mp3',
    tools: ['ffmpeg'],
    make: (d) => {
      ff(d, ...AUDIO, '-c:a', 'libmp3lame', '-id3v2_version', '0', 'apev2.mp3');
      appendApe(join(d, 'apev2.mp3'), [
        ['Artist', 'CANARY-APE-ARTIST'],
        ['Title', 'CANARY-APE-TITLE'],
      ]);
    },
  },
  {
    name: 'id3-ape-v1.mp3',
    tools: ['ffmpeg'],
    make: (d) => {
      ff(
        d,
        ...AUDIO,
        '-c:a',
        'libmp3lame',
        '-id3v2_version',
        '4',
        ...tags('MP3ALL'),
        'id3-ape-v1.mp3',
      );
      appendApe(join(d, 'id3-ape-v1.mp3'), [['Artist', 'CANARY-APE2-ARTIST']]);
      const v1 = Buffer.alloc(128);
      v1.write('TAGCANARY-V1-AFTER-APE', 0, 'latin1');
      const p = join(d, 'id3-ape-v1.mp3');
      writeFileSync(p, Buffer.concat([readFileSync(p), v1]));
    },
  },
  {
    name: 'mpeg-layer2.mp3',
    tools: ['ffmpeg'],
    make: (d) => {
      ff(d, ...AUDIO, '-c:a', 'mp2', '-f', 'mp2', 'mpeg-layer2.mp3');
      const p = join(d, 'mpeg-layer2.mp3');
      writeFileSync(p, Buffer.concat([id3v24([['TIT2', 'CANARY-MP2-TITLE']]), readFileSync(p)]));
    },
  },
  // ---- AAC in ADTS frames (raw .aac recordings)
  {
    name: 'id3v2.aac',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(d, ...AUDIO, '-c:a', 'aac', '-write_id3v2', '1', ...tags('AACID3'), 'id3v2.aac'),
  },
  {
    name: 'apev2.aac',
    tools: ['ffmpeg'],
    make: (d) =>
      ff(d, ...AUDIO, '-c:a', 'aac', '-write_apetag', '1', ...tags('AACAPE'), 'apev2.aac'),
  },
  {
    name: 'id3-both-ends.aac',
    tools: ['ffmpeg'],
    make: (d) => {
      ff(
        d,
        ...AUDIO,
        '-c:a',
        'aac',
        '-ac',
        '2',
        '-ar',
        '48000',
        '-write_id3v2',
        '1',
        ...tags('AACV1'),
        'id3-both-ends.aac',
      );
      const v1 = Buffer.alloc(128);
      v1.write('TAGCANARY-AAC-V1-TITLE', 0, 'latin1');
      const p = join(d, 'id3-both-ends.aac');
      writeFileSync(p, Buffer.concat([readFileSync(p), v1]));
    },
  },
  // ---- Ogg Vorbis and Opus
  {
    name: 'ffmpeg.ogg',
    tools: ['ffmpeg'],
    make: (d) => {
      tone(d);
      ff(d, '-i', 'tone.wav', '-c:a', 'libvorbis', ...tags('OGGFF'), 'ffmpeg.ogg');
    },
  },
  {
    name: 'ffmpeg.opus',
    tools: ['ffmpeg'],
    make: (d) => {
      tone(d);
      ff(d, '-i', 'tone.wav', '-c:a', 'libopus', ...tags('OPUSFF'), 'ffmpeg.opus');
    },
  },
  {
    name: 'oggenc-picture.ogg',
    tools: ['ffmpeg', 'exiftool', 'oggenc', 'vorbiscomment'],
    make: (d) => {
      tone(d);
      const jpeg = readFileSync(cover(d));
      const mime = Buffer.from('image/jpeg');
      const desc = Buffer.from('CANARY-OGG-PICTURE-DESC');
      const u32 = (n: number): Buffer => {
        const b = Buffer.alloc(4);
        b.writeUInt32BE(n);
        return b;
      };
      const picture = Buffer.concat([
        u32(3),
        u32(mime.length),
        mime,
        u32(desc.length),
        desc,
        u32(32),
        u32(32),
        u32(24),
        u32(0),
        u32(jpeg.length),
        jpeg,
      ]);
      run(
        'oggenc',
        [
          '-Q',
          '-a',
          'CANARY-OGGENC-ARTIST',
          '-c',
          'LOCATION=CANARY-OGGENC-LOCATION',
          'tone.wav',
          '-o',
          'oggenc-picture.ogg',
        ],
        d,
      );
      run(
        'vorbiscomment',
        ['-a', '-t', `METADATA_BLOCK_PICTURE=${picture.toString('base64')}`, 'oggenc-picture.ogg'],
        d,
      );
    },
  },
  {
    name: 'opusenc-picture.opus',
    tools: ['ffmpeg', 'exiftool', 'opusenc'],
    make: (d) => {
      tone(d);
      cover(d);
      run(
        'opusenc',
        [
          '--quiet',
          '--artist',
          'CANARY-OPUSENC-ARTIST',
          '--comment',
          'LOCATION=CANARY-OPUSENC-LOCATION',
          '--picture',
          'cover.jpg',
          'tone.wav',
          'opusenc-picture.opus',
        ],
        d,
      );
    },
  },
  // ---- FLAC
  {
    name: 'picture-seektable.flac',
    tools: ['ffmpeg', 'exiftool', 'flac'],
    make: (d) => {
      tone(d);
      cover(d);
      run(
        'flac',
        [
          '--silent',
          '-f',
          '--tag=ARTIST=CANARY-FLAC-ARTIST',
          '--picture=cover.jpg',
          '--padding=4096',
          '-S',
          '1s',
          'tone.wav',
          '-o',
          'picture-seektable.flac',
        ],
        d,
      );
    },
  },
  {
    name: 'ffmpeg.flac',
    tools: ['ffmpeg'],
    make: (d) => {
      tone(d);
      ff(d, '-i', 'tone.wav', ...tags('FLACFF'), 'ffmpeg.flac');
    },
  },
  {
    name: 'id3-in-front.flac',
    tools: ['ffmpeg', 'flac'],
    make: (d) => {
      tone(d);
      run(
        'flac',
        [
          '--silent',
          '-f',
          '--tag=TITLE=CANARY-FLAC-ID3-TITLE',
          'tone.wav',
          '-o',
          'id3-in-front.flac',
        ],
        d,
      );
      const p = join(d, 'id3-in-front.flac');
      writeFileSync(
        p,
        Buffer.concat([id3v24([['TPE1', 'CANARY-FLAC-ID3-ARTIST']]), readFileSync(p)]),
      );
    },
  },
  {
    name: 'no-padding.flac',
    tools: ['ffmpeg', 'flac', 'metaflac'],
    make: (d) => {
      tone(d);
      run(
        'flac',
        ['--silent', '-f', '--no-padding', '--no-seektable', 'tone.wav', '-o', 'no-padding.flac'],
        d,
      );
      run('metaflac', ['--set-tag=ARTIST=CANARY-METAFLAC-ARTIST', 'no-padding.flac'], d);
    },
  },
  // ---- WAV
  {
    name: 'list-info.wav',
    tools: ['ffmpeg'],
    make: (d) => {
      tone(d);
      ff(
        d,
        '-i',
        'tone.wav',
        ...tags('WAVINFO'),
        '-metadata',
        'copyright=CANARY-WAV-COPYRIGHT',
        'list-info.wav',
      );
    },
  },
  {
    name: 'bext.wav',
    tools: ['ffmpeg'],
    make: (d) => {
      tone(d);
      ff(
        d,
        '-i',
        'tone.wav',
        '-write_bext',
        '1',
        '-metadata',
        'description=CANARY-BEXT-DESCRIPTION',
        '-metadata',
        'originator=CANARY-BEXT-ORIGINATOR',
        '-metadata',
        'originator_reference=CANARY-BEXT-REFERENCE',
        '-metadata',
        'origination_date=2024-03-05',
        'bext.wav',
      );
    },
  },
  {
    name: 'rf64.wav',
    tools: ['ffmpeg'],
    make: (d) => {
      tone(d);
      ff(d, '-i', 'tone.wav', '-rf64', 'always', ...tags('RF64'), 'rf64.wav');
    },
  },
  {
    name: 'float.wav',
    tools: ['ffmpeg'],
    make: (d) => {
      tone(d);
      ff(d, '-i', 'tone.wav', '-c:a', 'pcm_f32le', ...tags('WAVF32'), 'float.wav');
    },
  },
  {
    name: 'ixml-id3-xmp.wav',
    tools: ['ffmpeg'],
    make: (d) => {
      tone(d);
      const p = join(d, 'ixml-id3-xmp.wav');
      ff(d, '-i', 'tone.wav', '-c:a', 'pcm_s24le', 'ixml-id3-xmp.wav');
      appendRiff(p, [
        [
          'iXML',
          Buffer.from(
            '<?xml version="1.0"?><BWFXML><PROJECT>CANARY-IXML-PROJECT</PROJECT><NOTE>CANARY-IXML-NOTE</NOTE></BWFXML>',
          ),
        ],
        [
          'id3 ',
          id3v24([
            ['TIT2', 'CANARY-WAV-ID3-TITLE'],
            ['TPE1', 'CANARY-WAV-ID3-ARTIST'],
          ]),
        ],
        [
          '_PMX',
          Buffer.from(
            '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>CANARY-WAV-XMP-CREATOR</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>',
          ),
        ],
      ]);
    },
  },
];

/** Formats Vigil does not handle: each must be refused by name, never called "not recognised". */
const other = (name: string, kind: RegExp, ...args: string[]): MediaVariant => ({
  name,
  tools: ['ffmpeg'],
  refused: kind,
  make: (d) => ff(d, ...AUDIO, ...args, ...tags('OTHER'), name),
});

export const OTHER_FORMATS: MediaVariant[] = [
  other('audio.aiff', /AIFF audio file/),
  other('audio.caf', /Core Audio \(CAF\) file/),
  other('audio.wma', /Windows Media file/, '-c:a', 'wmav2'),
  other('audio.ac3', /AC-3 audio file/, '-c:a', 'ac3'),
  {
    name: 'video.avi',
    tools: ['ffmpeg'],
    refused: /AVI video/,
    make: (d) => ff(d, ...VIDEO, ...AUDIO, ...tags('AVI'), 'video.avi'),
  },
  {
    name: 'video.ts',
    tools: ['ffmpeg'],
    refused: /MPEG transport stream/,
    make: (d) => ff(d, ...VIDEO, ...AUDIO, ...X264, '-c:a', 'aac', ...tags('TS'), 'video.ts'),
  },
  {
    name: 'video.flv',
    tools: ['ffmpeg'],
    refused: /Flash video/,
    make: (d) => ff(d, ...VIDEO, ...AUDIO, ...X264, '-c:a', 'aac', ...tags('FLV'), 'video.flv'),
  },
  {
    name: 'letter.doc',
    tools: ['soffice'],
    refused: /legacy Microsoft Office document/,
    make: (d) => {
      writeFileSync(
        join(d, 'letter.fodt'),
        '<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"><office:meta><dc:creator>CANARY-DOC-AUTHOR</dc:creator></office:meta><office:body><office:text><text:p>Statement.</text:p></office:text></office:body></office:document>',
      );
      run(
        'soffice',
        [
          `-env:UserInstallation=file://${join(d, 'profile')}`,
          '--headless',
          '--convert-to',
          'doc',
          'letter.fodt',
        ],
        d,
      );
    },
  },
];
