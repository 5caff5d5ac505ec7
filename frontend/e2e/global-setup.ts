import { SERVICES, readyzUrl } from './stack';

const TIMEOUT_MS = 60_000;

/**
 * Playwright's webServer waits for one URL (the campaign service's readyz through the
 * gateway). Runs after it and waits until the other services answer too, so a test never
 * sees a service that is still starting.
 */
export default async function globalSetup(): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (const service of SERVICES) {
    const url = readyzUrl(service);
    for (;;) {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 200) break;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) {
        throw new Error(`${url} did not answer 200 within ${TIMEOUT_MS / 1000} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
