// The sign-up form's limits, apart from the zod schema: the form (a client component) needs
// them, and importing the schema would bring zod into the browser, where zod probes whether
// eval is allowed, which the CSP reports as a violation on every sign-up page.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const DISPLAY_NAME_MAX = 40;
