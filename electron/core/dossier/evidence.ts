import type { WithheldItem } from '../../../shared/dossier';
import { VigilError } from '../errors';
import { evidenceBlob, listEvidence, stripEvidence } from '../evidence';
import { STRIPPABLE } from '../metadata/detect';
import type { MediaType } from '../metadata';
import type { Vault } from '../vault/vault';

/** One evidence file as it goes into a dossier. */
export interface DossierEvidence {
  /** The original's id in the vault. */
  id: string;
  path: string;
  type: string;
  copy: 'stripped' | 'original';
  /** The id of the item whose bytes are exported (the working copy or the original). */
  sourceId: string;
  sha256: string;
  size: number;
  originalSha256: string;
  /**
   * What the item shows, as the user described it (free text that the
   * template releases before printing; never written to the manifest).
   */
  title: string;
  description: string;
  /** When the original was captured (from its metadata), or null. */
  capturedAt: string | null;
}

const EXTENSIONS: Record<string, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  tiff: 'tif',
  heic: 'heic',
  avif: 'avif',
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  odt: 'odt',
  ods: 'ods',
  odp: 'odp',
  mp3: 'mp3',
  mp4: 'mp4',
  mov: 'mov',
  m4a: 'm4a',
  wav: 'wav',
  flac: 'flac',
  ogg: 'ogg',
  webm: 'webm',
};

/**
 * Chooses what evidence goes into a dossier: the stripped working copy of
 * each original (made now if needed), or the original when asked. A file
 * that cannot be stripped is left out and listed, never sent with its
 * metadata by surprise. Files are renamed E01, E02…: original names can
 * identify people.
 */
export async function selectEvidence(
  vault: Vault,
  caseId: string,
  options: { includeOriginals: boolean; only?: readonly string[]; preview?: boolean },
): Promise<{ items: DossierEvidence[]; withheld: WithheldItem[] }> {
  const all = (await listEvidence(vault, caseId)).filter((item) => item.kind === 'original');
  if (options.only) {
    for (const id of options.only) {
      if (!all.some((item) => item.id === id))
        throw new VigilError('NOT_FOUND', `Evidence ${id} is not an original of this case.`);
    }
  }
  const chosen = options.only ? all.filter((item) => options.only!.includes(item.id)) : all;
  const items: DossierEvidence[] = [];
  const withheld: WithheldItem[] = [];
  for (const [i, item] of chosen.entries()) {
    const code = `E${String(i + 1).padStart(2, '0')}`;
    const path = `evidence/${code}.${EXTENSIONS[item.type] ?? 'bin'}`;
    let sourceId = item.id;
    let copy: DossierEvidence['copy'] = 'original';
    if (!options.includeOriginals && options.preview) {
      // A preview changes nothing: it says what export would do without making working copies.
      const existing = item.derivatives.length > 0;
      if (!existing && !STRIPPABLE.has(item.type as MediaType)) {
        withheld.push({
          kind: 'evidence',
          what: `evidence ${code} (${item.type})`,
          reason:
            'Vigil cannot remove metadata from this format yet (include originals to send it with its metadata)',
        });
        continue;
      }
      items.push({
        id: item.id,
        path,
        type: item.type,
        copy: 'stripped',
        sourceId: item.derivatives[0] ?? item.id,
        sha256: '',
        size: 0,
        originalSha256: item.sha256,
        title: item.title ?? '',
        description: item.description ?? '',
        capturedAt: item.capture.time,
      });
      continue;
    }
    if (!options.includeOriginals) {
      try {
        sourceId = (await stripEvidence(vault, item.id)).id;
        copy = 'stripped';
      } catch (error) {
        const reason =
          error instanceof VigilError ? error.message : 'its metadata could not be removed';
        withheld.push({
          kind: 'evidence',
          what: `evidence ${code} (${item.type})`,
          reason: `${reason} (include originals to send it with its metadata)`,
        });
        continue;
      }
    }
    const blob = await evidenceBlob(vault, sourceId);
    items.push({
      id: item.id,
      path,
      type: item.type,
      copy,
      sourceId,
      sha256: blob.sha256,
      size: blob.size,
      originalSha256: item.sha256,
      title: item.title ?? '',
      description: item.description ?? '',
      capturedAt: item.capture.time,
    });
  }
  return { items, withheld };
}
