// The bank's own class-name joiner. The bank stands for an outside system and shares no code
// with the wallet, so this small helper is repeated here on purpose.
import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

/** Joins class names, letting later Tailwind classes override earlier ones. */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
