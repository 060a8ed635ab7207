// Whether the person hid their balance (docs/ui.md: the balance can be hidden). A cookie, not
// localStorage, so the server renders the page already masked: no flash of the amount.
export const HIDE_BALANCE_COOKIE = 'hide-balance';
