// The bank's button. The bank is an outside system and shares no code with the wallet; its
// buttons keep the same sizes (44 px touch targets) and the variants its pages use.
import { cva, type VariantProps } from 'class-variance-authority';
import type { ButtonHTMLAttributes } from 'react';
import { cn } from './cn';

const bankButtonVariants = cva(
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 font-semibold transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-50',
  {
    variants: {
      variant: {
        primary: 'bg-brand-600 text-white hover:bg-brand-700',
        secondary: 'border border-gray-300 bg-white text-gray-800 hover:bg-gray-50',
        ghost: 'text-gray-700 hover:bg-gray-100',
      },
      size: { md: 'text-base md:text-sm', lg: 'min-h-12 text-base', sm: 'min-h-9 px-3 text-sm' },
      block: { true: 'w-full' },
    },
    defaultVariants: { variant: 'primary', size: 'md' },
  },
);

type BankButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & VariantProps<typeof bankButtonVariants>;

export function BankButton({ className, variant, size, block, type = 'button', ...props }: BankButtonProps) {
  return <button type={type} className={cn(bankButtonVariants({ variant, size, block }), className)} {...props} />;
}
