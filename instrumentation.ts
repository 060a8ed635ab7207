// Runs once when the Next server starts: background work starts with the app (docs/architecture.md, "Background work").
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // `next build` loads this too: no workers while building.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // First, so no TRACE reaches Next (which cannot represent it and answered 500).
  const { refuseUnrepresentableMethods } = await import('./server/http/refuse-unrepresentable-methods');
  refuseUnrepresentableMethods();
  const { pgBoss } = await import('./server/jobs/background-work');
  // Not awaited: the server answers requests while the queue's schema is checked.
  void pgBoss().catch((error: unknown) => console.error('[jobs] failed to start', error));
  const { startSandboxBank } = await import('./sandbox-bank/start-sandbox-bank');
  await startSandboxBank();
}
