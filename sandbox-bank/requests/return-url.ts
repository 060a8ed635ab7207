// Where the customer goes after the bank's page: the wallet's return_url with the outcome
// appended (API.md), keeping whatever query the wallet put there.

export function returnUrlWithOutcome(returnUrl: string, reference: string, status: 'SUCCEEDED' | 'FAILED'): string {
  const url = new URL(returnUrl);
  url.searchParams.set('reference', reference);
  url.searchParams.set('status', status);
  return url.toString();
}
