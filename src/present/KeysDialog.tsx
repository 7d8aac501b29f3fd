/** The list of presenter keys ('?'): a native modal <dialog>, so focus moves in, Escape closes it and focus returns. */
import { useTranslation } from 'react-i18next';
import { keyHelp } from './present-keys.ts';
import { useModalDialog } from '../ui/use-modal-dialog.ts';

export function KeysDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useModalDialog(open);
  return (
    <dialog ref={ref} className="present-keys" aria-labelledby="present-keys-title" onClose={onClose}>
      <h2 id="present-keys-title">{t('present.keysTitle')}</h2>
      <p>{t('present.keysIntro')}</p>
      <table>
        <thead><tr><th scope="col">{t('present.keyColumn')}</th><th scope="col">{t('present.actionColumn')}</th></tr></thead>
        <tbody>
          {keyHelp(document.documentElement.dir === 'rtl').map((k) => (
            <tr key={k.action}>
              <td>{k.keys.map((key, i) => <span key={key}>{i > 0 && ' '}<kbd>{key}</kbd></span>)}</td>
              <td>{t(`present.action.${k.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog"><button type="submit" autoFocus>{t('present.close')}</button></form>
    </dialog>
  );
}
