'use client';

import { CalendarDays } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRef, useState, type InputHTMLAttributes } from 'react';
import { cn } from './cn';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'defaultValue' | 'onChange'> & {
  defaultValue?: string | undefined;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date field that reads the same in every browser: the value as 2026-12-07 with a
 * placeholder in the page's language (年-月-日 / yyyy-mm-dd), a button that opens the
 * browser's calendar. A native `type="date"` shows the browser's own format instead
 * (mm/dd/yyyy in an English Chrome, on a Chinese page too) and is too wide for two side by
 * side at 375 px. The text field is what the form sends (`name`); the calendar's input only
 * fills it. Values are checked by the server, which names the field when one is not a date.
 */
export function DateInput({ defaultValue = '', className, min, max, disabled, ...props }: Props) {
  const t = useTranslations('dateInput');
  const [value, setValue] = useState(defaultValue);
  // A new value from the page (a filter reset by a link) replaces what was typed, as a
  // native field's defaultValue would.
  const [given, setGiven] = useState(defaultValue);
  if (given !== defaultValue) {
    setGiven(defaultValue);
    setValue(defaultValue);
  }
  const picker = useRef<HTMLInputElement>(null);
  function openCalendar() {
    const input = picker.current;
    if (!input) return;
    try {
      input.showPicker();
    } catch {
      // A browser without showPicker: the field still takes the date typed in.
    }
  }
  return (
    <span className="relative flex min-w-0">
      <input
        {...props}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={10}
        placeholder={t('placeholder')}
        value={value}
        disabled={disabled}
        onChange={(e) => setValue(e.target.value)}
        className={cn(className, 'pr-10 tabular')}
      />
      <button
        type="button"
        onClick={openCalendar}
        disabled={disabled}
        aria-label={t('openCalendar')}
        data-testid={props.name ? `${props.name}-calendar` : undefined}
        className="absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-r-lg text-gray-500 hover:text-gray-800 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <CalendarDays aria-hidden className="size-5" />
      </button>
      <input
        ref={picker}
        type="date"
        tabIndex={-1}
        aria-hidden
        min={min}
        max={max}
        value={ISO_DATE.test(value) ? value : ''}
        onChange={(e) => setValue(e.target.value)}
        className="pointer-events-none absolute right-0 bottom-0 size-px opacity-0"
      />
    </span>
  );
}
