import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextArea, TextField } from '../../components/Field';
import { Form } from '../../components/Form';
import { Loading } from '../../components/Loading';
import { Status } from '../../components/Status';
import type { Organisation } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';
import { vigil } from '../../lib/vigil';

// The same loose checks as the core's (shared/domain/organisation.ts), so the form says what is wrong first.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const PHONE = /^\+?[\d\s().\-/]*\d[\d\s().\-/]*(?:\s*(?:ext\.?|x)\s*\d+)?$/iu;

function OrganisationForm({ initial, onSaved }: { initial: Organisation; onSaved: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Organisation>(initial);
  const [saved, setSaved] = useState(false);
  const { tried, busy, error, submit } = useSubmit();
  const set = (key: keyof Organisation, value: string) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const emailBad = draft.email.trim() !== '' && !EMAIL.test(draft.email.trim());
  const phoneBad = draft.phone.trim() !== '' && !PHONE.test(draft.phone.trim());
  const save = () =>
    submit(() =>
      emailBad || phoneBad
        ? null
        : async () => {
            setDraft(await vigil.organisation.update(draft));
            setSaved(true);
            onSaved();
          },
    );
  return (
    <Form onSubmit={save}>
      <ErrorNotice error={error} />
      <TextField
        label={t('settings.organisationName')}
        value={draft.name}
        onChange={(v) => set('name', v)}
      />
      <TextArea
        label={t('settings.organisationAddress')}
        value={draft.address}
        onChange={(v) => set('address', v)}
        rows={3}
      />
      <div className="grid-2">
        <TextField
          label={t('settings.organisationEmail')}
          type="email"
          dir="ltr"
          value={draft.email}
          onChange={(v) => set('email', v)}
          error={tried && emailBad ? t('settings.organisationEmailBad') : undefined}
        />
        <TextField
          label={t('settings.organisationPhone')}
          dir="ltr"
          value={draft.phone}
          onChange={(v) => set('phone', v)}
          error={tried && phoneBad ? t('settings.organisationPhoneBad') : undefined}
        />
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('settings.organisationSave')}
        </button>
        <Status when={saved} inline>
          {t('common.saved')}
        </Status>
      </div>
    </Form>
  );
}

/** The organisation that submits the vault's communications: set once, used by every submission. */
export function OrganisationProfile() {
  const { t } = useTranslation();
  const org = useLoad(() => vigil.organisation.get(), 'organisation');
  return (
    <section className="card" aria-labelledby="organisation-heading">
      <h2 id="organisation-heading">{t('settings.organisationTitle')}</h2>
      <p className="field-hint">{t('settings.organisationHint')}</p>
      <ErrorNotice error={org.error} />
      {org.data ? <OrganisationForm initial={org.data} onSaved={org.reload} /> : <Loading />}
    </section>
  );
}
