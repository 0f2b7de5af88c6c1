// OpenType shaping (fontkit) with the direction chosen by the bidi algorithm,
// and the font object pdfkit embeds, which shapes the same way.
//
// Why an adapter: pdfkit lays a string out with fontkit's own guess of its
// direction (from its script), which reverses Arabic-Indic digits and never
// reverses punctuation that sits in right-to-left text. And a ligature glyph in
// right-to-left text (e.g. the Allah ligature of Naskh fonts) must map back to
// its characters in visual order: pdftotext and pdf.js read glyphs left to
// right and reverse right-to-left text character by character, so a logical
// order mapping would come back reversed.

import type * as fontkit from 'fontkit';
import type { Direction } from './model';
import type { Face } from './fonts';

const DIRECTION = Symbol('vigil.render.direction');

type DirectionTag = string[] & { readonly [DIRECTION]: Direction };

function tag(direction: Direction): DirectionTag {
  const list: string[] = [];
  return Object.freeze(Object.assign(list, { [DIRECTION]: direction }));
}

const TAGS: Record<Direction, DirectionTag> = { ltr: tag('ltr'), rtl: tag('rtl') };

/**
 * What to pass as pdfkit's `features` text option so that the adapter shapes a
 * string in `direction`. It is an empty feature list, so a plain fontkit font
 * would simply apply its default features.
 */
export function shapeDirection(direction: Direction): string[] {
  return TAGS[direction];
}

function directionOf(features: unknown): Direction | null {
  if (Array.isArray(features) && DIRECTION in features) {
    return (features as DirectionTag)[DIRECTION];
  }
  return null;
}

interface Shaped {
  readonly glyphs: readonly fontkit.Glyph[];
  readonly positions: readonly fontkit.GlyphPosition[];
  /** In font units. */
  readonly advance: number;
}

/** Shapes strings and remembers the results for one render. */
export class Shaper {
  private readonly cache = new Map<Face, Map<string, Shaped>>();

  shape(face: Face, text: string, direction: Direction): Shaped {
    let perFace = this.cache.get(face);
    if (!perFace) {
      perFace = new Map();
      this.cache.set(face, perFace);
    }
    const key = direction === 'rtl' ? `r${text}` : `l${text}`;
    let shaped = perFace.get(key);
    if (!shaped) {
      const run = face.font.layout(text, [], undefined, undefined, direction);
      const glyphs =
        direction === 'rtl'
          ? run.glyphs.map((glyph) =>
              glyph.codePoints.length > 1
                ? (Object.create(glyph, {
                    codePoints: { value: [...glyph.codePoints].reverse(), enumerable: true },
                  }) as fontkit.Glyph)
                : glyph,
            )
          : run.glyphs;
      const positions = run.positions.map((p) => ({
        xAdvance: p.xAdvance,
        yAdvance: p.yAdvance,
        xOffset: p.xOffset,
        yOffset: p.yOffset,
      }));
      const advance = positions.reduce((sum, p) => sum + p.xAdvance, 0);
      shaped = { glyphs, positions, advance };
      perFace.set(key, shaped);
    }
    return shaped;
  }

  /** Width in points at `size`. */
  width(face: Face, text: string, direction: Direction, size: number): number {
    return (this.shape(face, text, direction).advance * size) / face.font.unitsPerEm;
  }

  /**
   * The font object to register with pdfkit for `face`: the real fontkit font
   * (pdfkit subsets and embeds it) whose `layout` honours `shapeDirection`.
   */
  pdfFont(face: Face): fontkit.Font {
    const layout = (text: string, features?: string[] | Record<string, boolean>): unknown => {
      const direction = directionOf(features);
      if (!direction) return face.font.layout(text, features);
      const shaped = this.shape(face, text, direction);
      // pdfkit scales the positions in place, so it gets its own copies.
      const positions = shaped.positions.map((p) => ({ ...p }));
      return {
        glyphs: shaped.glyphs,
        positions,
        direction,
        get advanceWidth(): number {
          return positions.reduce((sum, p) => sum + p.xAdvance, 0);
        },
      };
    };
    return new Proxy(face.font, {
      get(target, property, receiver) {
        if (property === 'layout') return layout;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  }
}
