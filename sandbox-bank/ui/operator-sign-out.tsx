import { getTranslations } from 'next-intl/server';
import { operatorSignOutAction } from '../actions/operator-actions';

/** Shown on the operator's pages: who is signed in, and the way out. */
export async function OperatorSignOut() {
  const t = await getTranslations('sandboxBank.operator');
  return (
    <form
      action={operatorSignOutAction}
      className="mb-4 flex flex-wrap items-center justify-end gap-2 text-sm text-gray-600"
    >
      <span>{t('signedIn')}</span>
      <button type="submit" className="min-h-11 rounded-lg px-2 font-semibold text-teal-800 hover:underline md:min-h-9">
        {t('signOut')}
      </button>
    </form>
  );
}
