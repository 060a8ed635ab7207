import { createServer } from 'node:net';

/** The first port from `preferred` upwards that nothing listens on. */
export async function freePort(preferred: number, attempts = 20): Promise<number> {
  for (let port = preferred; port < preferred + attempts; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer()
        .once('error', () => resolve(false))
        .once('listening', () => server.close(() => resolve(true)))
        .listen(port, '0.0.0.0');
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${preferred}-${preferred + attempts - 1}`);
}
