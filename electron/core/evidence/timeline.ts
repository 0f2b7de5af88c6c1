import { timelineEntry, type TimelineProvider } from '../records/timeline';

/**
 * Evidence on the case timeline: each original whose file says when it was
 * captured (a photo's EXIF date), at that day. The file's own clock can be
 * wrong, so the entry is marked approximate.
 */
export const evidenceCaptureProvider: TimelineProvider = {
  name: 'evidence-capture',
  async entries(q, scope) {
    if (scope.personId || scope.caseIds.length === 0) return [];
    const rows = await q.all<{
      id: string;
      case_id: string;
      capture_time: string;
      original_name: string | null;
      media_type: string;
    }>(
      `SELECT id, case_id, capture_time, original_name, media_type FROM evidence
       WHERE kind = 'original' AND capture_time IS NOT NULL AND case_id IN (${scope.caseIds.map(() => '?').join(', ')})`,
      scope.caseIds,
    );
    return rows
      .filter((r) => /^\d{4}-\d{2}-\d{2}/.test(r.capture_time))
      .map((r) =>
        timelineEntry({
          kind: 'evidence-capture',
          recordType: 'evidence',
          id: r.id,
          caseId: r.case_id,
          date: { value: r.capture_time.slice(0, 10), qualifier: 'approximate' },
          title: r.original_name ?? r.media_type,
          detail: r.capture_time,
        }),
      );
  },
};
