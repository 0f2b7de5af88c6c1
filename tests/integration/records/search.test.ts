import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/core';
import {
  createCase,
  createEvent,
  createIntervention,
  createPerson,
  createTestimony,
  deleteTestimony,
  search,
  updatePerson,
  updateTestimony,
} from '../../../electron/core/records';
import type { SearchHit } from '../../../shared/domain/search';
import { newVault } from '../../helpers/vault';

let v: Vault;
let ids: Record<
  'egypt' | 'russia' | 'mohamed' | 'fedor' | 'jose' | 'arrest' | 'beating' | 't1' | 't2' | 'appeal',
  string
>;

const text = (hit: SearchHit) =>
  hit.snippet.segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');
const idsOf = async (query: Parameters<typeof search>[1]) =>
  (await search(v, query)).hits.map((h) => h.id);

beforeEach(async () => {
  v = (await newVault()).vault;
  const egypt = await createCase(v, {
    title: 'Detention of a Cairo lawyer',
    countries: ['EG'],
    summary: 'A women’s rights lawyer held incommunicado.',
  });
  const russia = await createCase(v, { title: 'Journalist beaten in Moscow', countries: ['RU'] });
  const mohamed = await createPerson(
    v,
    { name: 'مُحَمَّد أَحْمَد', aliases: ['Mohamed Ahmed'] },
    { caseId: egypt.id, role: 'victim' },
  );
  const fedor = await createPerson(
    v,
    { name: 'Фёдор Семёнов', aliases: ['Fyodor Semyonov'], nationalities: ['RU'] },
    { caseId: russia.id, role: 'victim' },
  );
  const jose = await createPerson(
    v,
    { name: 'José Pérez Núñez' },
    { caseId: egypt.id, role: 'legal-representative' },
  );
  const arrest = await createEvent(v, egypt.id, {
    eventType: 'arbitrary-arrest',
    start: '2024-03-15',
    title: 'Arrest at the courthouse',
    location: { country: 'EG', place: 'Cairo courthouse' },
    victims: [mohamed.id],
  });
  const beating = await createEvent(v, russia.id, {
    eventType: 'physical-attack',
    start: '2023-11',
    description: 'Beaten by unidentified men near the metro.',
    location: { country: 'RU' },
  });
  const t1 = await createTestimony(v, egypt.id, {
    takenOn: '2024-04-02',
    statement:
      'My brother was taken from the courthouse by officers of the National Security Agency. We did not know where he was for eleven days.',
    translation: 'أُخِذَ أخي من المحكمة على يد ضباط الأمن الوطني.',
  });
  const t2 = await createTestimony(v, russia.id, {
    takenOn: '2023-12-01',
    statement: 'Я видел, как трое мужчин избили журналиста у метро. Фёдор лежал на земле.',
  });
  const appeal = await createIntervention(v, egypt.id, {
    interventionType: 'urgent-appeal',
    recipient: 'Special Rapporteur',
    sentOn: '2024-03-18',
    outcome: 'Opinion No. 45/2016',
  });
  ids = {
    egypt: egypt.id,
    russia: russia.id,
    mohamed: mohamed.id,
    fedor: fedor.id,
    jose: jose.id,
    arrest: arrest.id,
    beating: beating.id,
    t1: t1.id,
    t2: t2.id,
    appeal: appeal.id,
  };
});

afterEach(async () => {
  await v.lock();
});

describe('search', () => {
  it('finds records of every type and says which record matched', async () => {
    const results = await search(v, { text: 'courthouse' });
    expect(results.hits.map((h) => h.id).sort()).toEqual([ids.arrest, ids.t1].sort());
    const hit = results.hits.find((h) => h.id === ids.t1)!;
    expect(hit).toMatchObject({
      kind: 'testimony',
      caseId: ids.egypt,
      caseIds: [ids.egypt],
      field: 'statement',
    });
    expect(results.total).toBe(2);
    expect((await search(v, { text: 'Opinion 45' })).hits.map((h) => [h.kind, h.id])).toEqual([
      ['intervention', ids.appeal],
    ]);
    expect((await search(v, { text: 'lawyer' })).hits.map((h) => h.id)).toEqual([ids.egypt]);
  });

  it('ranks title matches above body matches (bm25 with weighted columns)', async () => {
    const c = await createCase(v, { title: 'Checkpoint' });
    const inBody = await createEvent(v, c.id, {
      eventType: 'threats',
      description: 'Stopped twice at a checkpoint, then threatened at the checkpoint again.',
    });
    const inTitle = await createEvent(v, c.id, {
      eventType: 'threats',
      title: 'Checkpoint threats',
    });
    const hits = (await search(v, { text: 'checkpoint', kinds: ['event'] })).hits;
    expect(hits.map((h) => h.id)).toEqual([inTitle.id, inBody.id]);
    expect(hits[0]!.score).toBeLessThan(hits[1]!.score);
  });

  it('returns highlighted snippets as plain segments', async () => {
    const [hit] = (await search(v, { text: 'eleven days' })).hits;
    expect(text(hit!)).toContain('for [eleven] [days]');
    expect(
      hit!.snippet.segments.every(
        (s) => typeof s.text === 'string' && typeof s.match === 'boolean',
      ),
    ).toBe(true);
    // The whole (short) statement fits in the passage.
    expect(hit!.snippet.truncatedStart).toBe(false);
    // Markup in the text stays text: segments are never HTML.
    const c = await createCase(v, { title: '<b>bold</b> & <script>x</script>' });
    const [markup] = (await search(v, { text: 'script', caseId: c.id })).hits;
    expect(markup!.snippet.segments.map((s) => s.text).join('')).toContain('<script>');
  });

  it('matches Arabic names across diacritics (tashkeel) and alef forms', async () => {
    for (const query of ['محمد احمد', 'مُحَمَّد', 'أحمد', 'احمد', 'إحمد']) {
      expect(await idsOf({ text: query, kinds: ['person'] }), query).toEqual([ids.mohamed]);
    }
    const [hit] = (await search(v, { text: 'احمد', kinds: ['person'] })).hits;
    expect(text(hit!)).toBe('مُحَمَّد [أَحْمَد]');
    // Arabic inside a testimony's translation: teh marbuta/heh and hamza forms fold too.
    expect(await idsOf({ text: 'اخي المحكمه' })).toEqual([ids.t1]);
    const [t] = (await search(v, { text: 'المحكمة' })).hits;
    expect(t!.field).toBe('translation');
  });

  it('matches Cyrillic names with ё or е, and Latin names with or without accents', async () => {
    for (const query of ['Фёдор', 'Федор', 'федор', 'СЕМЕНОВ']) {
      expect((await idsOf({ text: query })).sort(), query).toEqual(
        [ids.fedor, ids.t2]
          .filter((id) => (query.toLowerCase().startsWith('сем') ? id === ids.fedor : true))
          .sort(),
      );
    }
    for (const query of ['José Pérez Núñez', 'jose perez nunez', 'JOSE', 'nunez']) {
      expect(await idsOf({ text: query }), query).toEqual([ids.jose]);
    }
    expect(await idsOf({ text: 'Semyonov' })).toEqual([ids.fedor]);
  });

  it('supports prefixes and quoted phrases', async () => {
    expect((await idsOf({ text: 'court*' })).sort()).toEqual([ids.arrest, ids.t1].sort());
    expect(await idsOf({ text: '"National Security Agency"' })).toEqual([ids.t1]);
    expect(await idsOf({ text: '"Agency National"' })).toEqual([]);
  });

  it('filters by case, record type, event type, country and date range', async () => {
    expect((await idsOf({ text: 'Фёдор', caseId: ids.russia })).sort()).toEqual(
      [ids.fedor, ids.t2].sort(),
    );
    expect(await idsOf({ text: 'Фёдор', caseId: ids.egypt })).toEqual([]);
    expect(await idsOf({ text: 'Фёдор', kinds: ['testimony'] })).toEqual([ids.t2]);
    expect(await idsOf({ text: 'courthouse', eventType: 'arbitrary-arrest' })).toEqual([
      ids.arrest,
    ]);
    expect(await idsOf({ text: 'courthouse', eventType: 'torture' })).toEqual([]);
    expect(await idsOf({ text: 'courthouse', country: 'eg', kinds: ['event'] })).toEqual([
      ids.arrest,
    ]);
    expect(await idsOf({ text: 'Фёдор', country: 'RU', kinds: ['person'] })).toEqual([ids.fedor]);
    expect(await idsOf({ text: 'courthouse', from: '2024-04', to: '2024' })).toEqual([ids.t1]);
    expect(await idsOf({ text: 'courthouse', from: '2024-03-15', to: '2024-03-15' })).toEqual([
      ids.arrest,
    ]);
    expect(await idsOf({ text: 'courthouse', to: '2023' })).toEqual([]);
  });

  it('never fails on what a user types, however odd', async () => {
    for (const query of [
      '"foo',
      'AND',
      'OR NOT',
      'NEAR(a b)',
      'title:x',
      '*',
      '"',
      '(',
      ')',
      '^',
      '-',
      '+',
      "'",
      'a"b',
      '""',
      'col:"x" AND',
      '\\',
      '%_',
    ]) {
      const results = await search(v, { text: query });
      expect(Array.isArray(results.hits), query).toBe(true);
    }
    expect((await search(v, { text: '   ' })).hits).toEqual([]);
    await expect(search(v, { text: 'x', caseId: 'not-an-id' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('stays in step with edits and deletions (triggers)', async () => {
    expect(await idsOf({ text: 'Ahmed' })).toEqual([ids.mohamed]);
    await updatePerson(v, ids.mohamed, { aliases: ['Muhammad Ahmad'] });
    expect(await idsOf({ text: 'Ahmed' })).toEqual([]);
    expect(await idsOf({ text: 'Muhammad' })).toEqual([ids.mohamed]);
    await updateTestimony(v, ids.t1, { statement: 'Rewritten entirely.', translation: '' });
    expect(await idsOf({ text: 'eleven' })).toEqual([]);
    expect(await idsOf({ text: 'rewritten' })).toEqual([ids.t1]);
    await deleteTestimony(v, ids.t1);
    expect(await idsOf({ text: 'rewritten' })).toEqual([]);
    // Secure delete: the words are gone from the index itself, not just hidden.
    await v.db.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'search_fts', 'row')");
    expect(await v.db.get("SELECT count(*) AS n FROM vocab WHERE term = 'rewritten'")).toEqual({
      n: 0,
    });
    expect(await v.db.get("SELECT count(*) AS n FROM vocab WHERE term = 'courthouse'")).toEqual({
      n: 1,
    });
  });

  it('ranks a very common word a window at a time, newest first, every match still reachable', async () => {
    const c = await createCase(v, { title: 'Common' });
    const made: string[] = [];
    // Some statements say the word more often: within a window they rank first.
    for (let i = 0; i < 130; i += 1)
      made.push(
        (
          await createTestimony(v, c.id, {
            statement: `${'ubiquitous '.repeat(1 + (i % 4))}statement number ${i}`,
          })
        ).id,
      );
    const newest = made.slice(30);
    const oldest = made.slice(0, 30);
    const full = await search(v, { text: 'ubiquitous', limit: 200, rankWithin: 1_000_000 });
    expect(full).toMatchObject({ total: 130, partialRanking: false });
    expect(full.hits).toHaveLength(130);

    const windows = await search(v, { text: 'ubiquitous', limit: 200, rankWithin: 100 });
    expect(windows).toMatchObject({ total: 130, partialRanking: true });
    const ids = windows.hits.map((h) => h.id);
    expect(ids.slice(0, 100).sort()).toEqual([...newest].sort());
    expect(ids.slice(100).sort()).toEqual([...oldest].sort());
    const sorted = (scores: number[]) => scores.every((s, i) => i === 0 || scores[i - 1]! <= s);
    expect(sorted(windows.hits.slice(0, 100).map((h) => h.score))).toBe(true);
    expect(sorted(windows.hits.slice(100).map((h) => h.score))).toBe(true);
    expect(sorted(full.hits.map((h) => h.score))).toBe(true);

    // Pages of 20, one crossing from the newest window into the older one: each match once.
    const seen: string[] = [];
    for (let offset = 0; offset < 140; offset += 20) {
      const page = await search(v, { text: 'ubiquitous', limit: 20, offset, rankWithin: 100 });
      expect(page.total).toBe(130);
      seen.push(...page.hits.map((h) => h.id));
    }
    expect(seen).toEqual(ids);
    // A page beyond the last match is empty; the total says how many there are.
    expect(await search(v, { text: 'ubiquitous', offset: 300, rankWithin: 100 })).toMatchObject({
      total: 130,
      hits: [],
    });
    // Below the window nothing changes; filters always rank every match.
    expect(
      (await search(v, { text: 'ubiquitous', limit: 200, rankWithin: 200 })).partialRanking,
    ).toBe(false);
    expect(
      (await search(v, { text: 'ubiquitous', limit: 200, rankWithin: 100, caseId: c.id }))
        .partialRanking,
    ).toBe(false);
  });

  it('pages through results with a total', async () => {
    const c = await createCase(v, { title: 'Paging' });
    for (let i = 0; i < 7; i += 1)
      await createTestimony(v, c.id, { statement: `Repeated word paging number ${i}` });
    const first = await search(v, { text: 'paging', kinds: ['testimony'], limit: 3 });
    const second = await search(v, { text: 'paging', kinds: ['testimony'], limit: 3, offset: 3 });
    expect(first.total).toBe(7);
    expect(second.total).toBe(7);
    expect(new Set([...first.hits, ...second.hits].map((h) => h.id)).size).toBe(6);
  });

  it('names a testimony of an anonymous, undescribed witness by its first words', async () => {
    const c = await createCase(v, { title: 'Anonymous' });
    await createTestimony(v, c.id, {
      statement: 'Lanternfish men came at dawn and took the two brothers from the bakery away',
    });
    await createTestimony(v, c.id, { statement: 'Lanternfish again' });
    const titles = (await search(v, { text: 'lanternfish' })).hits.map((h) => h.title).sort();
    expect(titles).toEqual(['“Lanternfish again”', '“Lanternfish men came at dawn and took the…”']);
  });
});
