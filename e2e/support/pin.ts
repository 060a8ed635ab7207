// The payment PIN in the browser, as a person types it: six boxes (one real input under them).
// Demo and new users start without a PIN, so the first PIN-confirmed flow of a run asks to
// set one (entered twice); setPinIfAsked does that when the page asks and nothing otherwise.
import { expect, type Locator, type Page } from '@playwright/test';

/** The PIN every e2e user sets (not a trivial one: those are refused). */
export const E2E_PIN = '135790';

/** Types the new PIN twice into the set-up form on the page (inline gate or /me/payment-pin). */
export async function setPinInForm(page: Page, pin = E2E_PIN): Promise<void> {
  const form = page.getByTestId('set-pin-form');
  await form.getByTestId('new-pin-input').fill(pin);
  await form.getByTestId('new-pin-again-input').fill(pin);
  await expect(form).toHaveCount(0);
}

/**
 * Once the page shows either the flow (`ready`) or the request to set a payment PIN first (the
 * user has none yet): sets it in the latter case, so the flow shows.
 */
export async function setPinIfAsked(page: Page, ready: Locator, pin = E2E_PIN): Promise<void> {
  const gate = page.getByTestId('pin-setup-gate');
  await expect(gate.or(ready).first()).toBeVisible();
  if (await gate.isVisible()) {
    await setPinInForm(page, pin);
    await expect(gate).toHaveCount(0);
    await expect(ready).toBeVisible();
  }
}

/** Sets the PIN at 我的 › 支付密码 (for a user who has none). */
export async function setPin(page: Page, pin = E2E_PIN): Promise<void> {
  await page.goto('/me/payment-pin');
  await setPinInForm(page, pin);
  await expect(page.getByTestId('pin-status')).toBeVisible();
}

/** Types the PIN into the confirm step's PIN boxes. */
export async function enterPin(page: Page, pin = E2E_PIN): Promise<void> {
  await page.getByTestId('pin-input').fill(pin);
}
