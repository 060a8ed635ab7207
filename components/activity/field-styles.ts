// Native form controls styled like components/ui/text-field.tsx (16 px text so iOS does not zoom).
export const CONTROL_CLASS =
  'min-h-11 w-full rounded-lg border border-gray-300 bg-white px-3 text-base text-gray-900 outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100 aria-invalid:border-danger';
export const LABEL_CLASS = 'text-sm font-semibold text-gray-700';
