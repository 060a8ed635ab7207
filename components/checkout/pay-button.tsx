import { Button } from '@/components/ui/button';

/** The one primary button; on phones it stays at the bottom of the screen while scrolling. */
export function PayButton({ label, disabled }: { label: string; disabled: boolean }) {
  return (
    <div className="sticky bottom-0 -mx-5 -mb-5 border-t border-gray-100 bg-white/95 px-5 py-3 backdrop-blur md:static md:m-0 md:border-0 md:bg-transparent md:p-0">
      <Button type="submit" size="lg" block disabled={disabled} data-testid="pay-button">
        <span className="tabular">{label}</span>
      </Button>
    </div>
  );
}
