import { afterEach, describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/core';
import {
  caseTimeline,
  createCase,
  createEvent,
  createIntervention,
  createPerson,
  createTestimony,
  personTimeline,
  timelineEntry,
  timelineProviders,
  type TimelineProvider,
} from '../../../electron/core/records';
import { parsePartialDate } from '../../../shared/domain/partialDate';
import { newVault } from '../../helpers/vault';

let open: Vault[] = [];
afterEach(async () => {
  await Promise.all(open.map((v) => v.lock()));
  open = [];
});

describe('timeline', () => {
  it('merges events, testimonies and interventions of a case in partial-date order, marking uncertainty', async () => {
    const { vault: v } = await newVault();
    open.push(v);
    const c = await createCase(v, { title: 'C' });
    const add = (title: string, start: string, end?: string) =>
      createEvent(v, c.id, { eventType: 'other', title, start, end });
    await add('unknown day in March', '2024-03');
    await add('a year only', '2024');
    await add('exact', '2024-03-15');
    await add('before the trial', 'before 2024-06-10');
    await add('after the release', 'after 2024-06');
    await add('about mid-March', '~2024-03-15');
    await add('no date', 'unknown');
    await add('detention', '2024-03-15', '2024-06-09');
    await createTestimony(v, c.id, {
      statement: 's',
      takenOn: '2024-03-15',
      witnessDescription: 'cellmate',
    });
    await createIntervention(v, c.id, {
      interventionType: 'urgent-appeal',
      recipient: 'SR',
      sentOn: '2024-03-20',
      responseOn: '2024-05',
      followUpOn: '2024-05-19',
    });

    const timeline = await caseTimeline(v, c.id);
    expect(timeline.map((e) => `${e.kind}:${e.title.replace(/^Other: /, '')}`)).toEqual([
      'event:a year only',
      'event:unknown day in March',
      'event:detention',
      'event:exact',
      // Same day: an exact date before an approximate one.
      'testimony:cellmate',
      'event:about mid-March',
      'intervention-sent:Urgent appeal',
      'intervention-response:Urgent appeal',
      'intervention-follow-up:Urgent appeal',
      'event:before the trial',
      'event:after the release',
      'event:no date',
    ]);
    const by = (title: string) => timeline.find((e) => e.title.endsWith(title))!;
    expect(by('exact')).toMatchObject({ uncertain: false, precision: 'day' });
    expect(by('unknown day in March')).toMatchObject({ uncertain: true, precision: 'month' });
    expect(by('about mid-March')).toMatchObject({
      uncertain: true,
      precision: 'day',
      date: { value: '2024-03-15', qualifier: 'approximate' },
    });
    expect(by('no date')).toMatchObject({ uncertain: true, precision: 'unknown' });
    expect(by('detention').end).toEqual({ value: '2024-06-09', qualifier: 'exact' });
  });

  it('follows one person across cases, and takes entries from added providers', async () => {
    const { vault: v } = await newVault();
    open.push(v);
    const a = await createCase(v, { title: 'A' });
    const b = await createCase(v, { title: 'B' });
    const p = await createPerson(v, { name: 'P' });
    const other = await createPerson(v, { name: 'Other' });
    await createEvent(v, a.id, {
      eventType: 'arbitrary-arrest',
      start: '2020-01',
      victims: [p.id],
    });
    await createEvent(v, a.id, { eventType: 'threats', start: '2020-02', victims: [other.id] });
    await createTestimony(v, b.id, { statement: 'x', witnessId: p.id, takenOn: '2022' });
    const timeline = await personTimeline(v, p.id);
    expect(timeline.map((e) => [e.kind, e.caseId])).toEqual([
      ['event', a.id],
      ['testimony', b.id],
    ]);

    const capture: TimelineProvider = {
      name: 'evidence',
      async entries(_q, scope) {
        return scope.caseIds.map((caseId) =>
          timelineEntry({
            kind: 'evidence-capture',
            recordType: 'evidence',
            id: 'photo-1',
            caseId,
            date: parsePartialDate('2020-01-15'),
            title: 'photo',
            detail: '',
          }),
        );
      },
    };
    const withEvidence = await caseTimeline(v, a.id, { providers: [capture] });
    expect(withEvidence.map((e) => e.kind)).toEqual(['event', 'evidence-capture', 'event']);
    timelineProviders.push(capture);
    try {
      expect((await caseTimeline(v, a.id)).map((e) => e.kind)).toContain('evidence-capture');
    } finally {
      timelineProviders.pop();
    }
  });
});
