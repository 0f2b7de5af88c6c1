import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/Dialog';
import { countDrafts, useDraftList } from '../components/DraftNotes';
import { useDrafts } from '../lib/drafts';
import { vigil } from '../lib/vigil';

/**
 * Main holds a close (or quit) while drafts are open and asks here: the user
 * reads what would be lost, by kind, and keeps editing (the safe choice, with
 * the focus) or closes anyway. With nothing unsaved the window just closes.
 */
export function CloseWarning() {
  const { t } = useTranslation();
  const drafts = useDrafts();
  const draftList = useDraftList();
  const [asked, setAsked] = useState(false);
  const hasDrafts = drafts.length > 0;
  const hasDraftsNow = useRef(hasDrafts);
  useEffect(() => {
    hasDraftsNow.current = hasDrafts;
  });

  useEffect(
    () =>
      vigil.on('closeRequested', () => {
        // Main's counts can trail the page by a moment: nothing left to lose, nothing to ask.
        if (hasDraftsNow.current) setAsked(true);
        else void vigil.app.closeWindow().catch(() => undefined);
      }),
    [],
  );

  if (!asked || !hasDrafts) return null;
  return (
    <ConfirmDialog
      title={t('drafts.closeTitle')}
      message={t('drafts.closeWarning', { list: draftList(countDrafts(drafts)) })}
      confirmLabel={t('drafts.closeAnyway')}
      cancelLabel={t('drafts.keepEditing')}
      danger
      onConfirm={() => {
        setAsked(false);
        void vigil.app.closeWindow().catch(() => undefined);
      }}
      onCancel={() => setAsked(false)}
    />
  );
}
