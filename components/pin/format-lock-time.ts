// "在 HH:mm 后重试": the time a PIN lock ends, in China time like every time in the app.
export function formatLockTime(iso: string | Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
