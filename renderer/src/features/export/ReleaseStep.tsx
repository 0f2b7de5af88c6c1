import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audience } from '../../../../shared/domain/audience';
import type {
  ReleaseChangeView,
  ReleaseDecision,
  ReleaseFieldView,
  ReleaseRecordView,
} from '../../../../shared/release';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoad } from '../../lib/useLoad';
import { vigil } from '../../lib/vigil';
import { useIsolatedT } from '../../i18n/isolate';
import { formatList } from '../../logic/format';

type Choice = 'accept' | 'reject' | 'edit';
interface Draft {
  choice: Choice;
  text: string;
}

const audienceKey = (audience: Audience) =>
  audience.kind === 'mechanism' ? audience.mechanism : audience.kind;

/**
 * The release review: every text going to this audience that mentions a
 * person who may not be named, side by side with its release version, change
 * by change. A certain change (a name) is always made, though its words may
 * be edited; an ambiguous one (a word that may be a name or an ordinary
 * word) waits for the user: replace, keep or other words. Nothing here
 * leaves the vault.
 */
export function ReleaseStep({ caseId, audience }: { caseId: string; audience: Audience }) {
  const { t } = useTranslation();
  const key = audienceKey(audience);
  const review = useLoad(() => vigil.release.review({ caseId, audience: key }), `${caseId}:${key}`);
  return (
    <section aria-labelledby="release-heading">
      <h2 id="release-heading">{t('release.title')}</h2>
      <p>{t('release.intro')}</p>
      <ErrorNotice error={review.error} />
      {review.data && review.data.records.length === 0 ? (
        <p className="empty">{t('release.nothing')}</p>
      ) : null}
      {review.data && review.data.records.length > 0 ? (
        <p
          role="status"
          className={review.data.issues.length > 0 ? 'release-open' : 'release-done'}
        >
          {review.data.issues.length > 0
            ? t('release.open', { count: review.data.issues.length })
            : t('release.settled')}
        </p>
      ) : null}
      {review.data?.records.map((record) => (
        <RecordReview
          key={`${record.kind}:${record.id}`}
          caseId={caseId}
          audience={key}
          record={record}
          onSaved={(updated) =>
            review.setData((previous) =>
              previous
                ? {
                    ...previous,
                    records: previous.records.map((r) => (r.id === updated.id ? updated : r)),
                    issues: previous.issues.filter(
                      (i) => i.recordId !== updated.id || !settled(updated),
                    ),
                  }
                : previous,
            )
          }
        />
      ))}
    </section>
  );
}

const settled = (record: ReleaseRecordView) =>
  record.fields.every((f) => !f.leaves || (f.status !== 'undecided' && f.status !== 'stale'));

function RecordReview({
  caseId,
  audience,
  record,
  onSaved,
}: {
  caseId: string;
  audience: string;
  record: ReleaseRecordView;
  onSaved: (record: ReleaseRecordView) => void;
}) {
  const { t } = useTranslation();
  const initial = (c: ReleaseChangeView): Draft | null =>
    c.decision
      ? {
          choice: c.decision.decision,
          text: c.decision.decision === 'edit' ? c.decision.text : c.replacement,
        }
      : c.certain
        ? { choice: 'accept', text: c.replacement }
        : null;
  const [drafts, setDrafts] = useState<Record<number, Draft | null>>(() =>
    Object.fromEntries(record.changes.map((c) => [c.n, initial(c)])),
  );
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const undecided = record.changes.filter((c) => !drafts[c.n]);
  const headingId = `release-${record.kind}-${record.id}`;

  const approve = async () => {
    setError(null);
    setSaving(true);
    try {
      type Decided = { change: number; decision: ReleaseDecision };
      const decisions: Decided[] = [];
      for (const c of record.changes) {
        const d = drafts[c.n];
        if (!d) continue;
        if (d.choice === 'edit')
          decisions.push({ change: c.n, decision: { decision: 'edit', text: d.text } });
        // A certain change is made anyway: only a decision that differs from that is sent.
        else if (!(c.certain && d.choice === 'accept' && !c.decision))
          decisions.push({ change: c.n, decision: { decision: d.choice } });
      }
      const result = await vigil.release.approve({
        caseId,
        audience,
        recordId: record.id,
        decisions,
      });
      onSaved(result.record);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <article className="release-record" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`release.kinds.${record.kind}`)}
        {record.title ? (
          <>
            {' · '}
            <span dir="auto">{record.title}</span>
          </>
        ) : null}
      </h3>
      {record.fields.map((field) => (
        <FieldReview
          key={field.path}
          field={field}
          changes={record.changes.filter((c) => c.field === field.path)}
          drafts={drafts}
          onDraft={(n, draft) => setDrafts((d) => ({ ...d, [n]: draft }))}
        />
      ))}
      <ErrorNotice error={error} />
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={saving || undecided.length > 0}
          onClick={() => void approve()}
        >
          {t('release.approve')}
        </button>
        {undecided.length > 0 ? (
          <span className="muted">{t('release.decideFirst', { count: undecided.length })}</span>
        ) : null}
      </div>
    </article>
  );
}

/** The source with each change marked, beside the text that leaves. */
function FieldReview({
  field,
  changes,
  drafts,
  onDraft,
}: {
  field: ReleaseFieldView;
  changes: ReleaseChangeView[];
  drafts: Record<number, Draft | null>;
  onDraft: (n: number, draft: Draft | null) => void;
}) {
  const { t } = useTranslation();
  const marked: (string | ReleaseChangeView)[] = [];
  let at = 0;
  for (const c of changes) {
    marked.push(field.source.slice(at, c.start), c);
    at = c.end;
  }
  marked.push(field.source.slice(at));
  const preview = marked
    .map((part) => {
      if (typeof part === 'string') return part;
      const d = drafts[part.n];
      if (!d) return part.original;
      return d.choice === 'reject'
        ? part.original
        : d.choice === 'edit'
          ? d.text
          : part.replacement;
    })
    .join('');
  return (
    <div className="release-field">
      <p className="muted small">
        {t('release.field', {
          field: t(`release.fields.${field.path}`, { defaultValue: field.path }),
        })}{' '}
        · {t(`release.status.${field.status}`)}
        {field.approval
          ? ` · ${t('release.approvedBy', { version: field.approval.version, actor: field.approval.actor, at: field.approval.at.slice(0, 16).replace('T', ' ') })}`
          : ''}
        {field.leaves ? '' : ` · ${t('release.privateField')}`}
      </p>
      {field.problem ? <p className="field-error">{t('release.stale')}</p> : null}
      <div className="release-sides">
        <div>
          <h4>{t('release.original')}</h4>
          <p className="release-text" dir="auto" data-testid="release-original">
            {marked.map((part, i) =>
              typeof part === 'string' ? (
                <span key={i}>{part}</span>
              ) : (
                <mark key={i} className={part.certain ? 'certain' : 'ambiguous'}>
                  {part.original}
                  <sup>{part.n}</sup>
                </mark>
              ),
            )}
          </p>
        </div>
        <div>
          <h4>{t('release.version')}</h4>
          <p className="release-text" dir="auto" data-testid="release-version">
            {preview}
          </p>
        </div>
      </div>
      <ol className="release-changes">
        {changes.map((c) => (
          <ChangeReview
            key={c.n}
            change={c}
            draft={drafts[c.n] ?? null}
            onDraft={(d) => onDraft(c.n, d)}
          />
        ))}
      </ol>
    </div>
  );
}

function ChangeReview({
  change,
  draft,
  onDraft,
}: {
  change: ReleaseChangeView;
  draft: Draft | null;
  onDraft: (draft: Draft | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const name = `change-${change.field}-${change.n}`;
  const choices: Choice[] = change.certain ? ['accept', 'edit'] : ['accept', 'reject', 'edit'];
  return (
    <li className={change.certain ? 'certain' : 'ambiguous'} value={change.n}>
      <fieldset>
        <legend>
          <span dir="auto">«{change.original}»</span> →{' '}
          <span dir="auto">«{change.replacement}»</span>{' '}
          <span className="muted small">
            {change.certain
              ? ti('release.certain', { name: change.person.name })
              : ti('release.ambiguous', {
                  name: change.person.name,
                  reasons: formatList(
                    change.reasons.map((r) => t(`release.reasons.${r}`)),
                    i18n.resolvedLanguage ?? 'en',
                  ),
                })}
          </span>
        </legend>
        {choices.map((choice) => (
          <label key={choice} className="choice-inline">
            <input
              type="radio"
              name={name}
              checked={draft?.choice === choice}
              onChange={() => onDraft({ choice, text: draft?.text ?? change.replacement })}
            />{' '}
            {t(`release.choices.${choice}`)}
          </label>
        ))}
        {draft?.choice === 'edit' ? (
          <label className="release-edit">
            {t('release.otherWords')}
            <input
              type="text"
              dir="auto"
              value={draft.text}
              onChange={(e) => onDraft({ choice: 'edit', text: e.target.value })}
            />
          </label>
        ) : null}
      </fieldset>
    </li>
  );
}
