/**
 * The real stack the browser tests run against: `python -m devstack run --ephemeral`
 * (throw-away PostgreSQL, the three services, nginx serving frontend/dist).
 *
 * Ports come from E2E_PORT_BASE (default 18480): the gateway listens on the base, the
 * services on base-79, base-78 and base-77 (18401–18403 by default). Give each concurrent
 * run its own base (e.g. E2E_PORT_BASE=19480) so several people or CI jobs never clash,
 * nor with a running `make run` (8080, 8101–8103).
 */
function portBase(): number {
  const raw = process.env.E2E_PORT_BASE ?? '18480';
  const base = Number(raw);
  if (!Number.isInteger(base) || base < 1104 || base > 65535) {
    throw new Error(`E2E_PORT_BASE must be a port number between 1104 and 65535; got "${raw}".`);
  }
  return base;
}

const BASE = portBase();

export const STACK_PORTS = {
  GATEWAY_PORT: BASE,
  CAMPAIGN_PORT: BASE - 79,
  SCORING_PORT: BASE - 78,
  LITERACY_PORT: BASE - 77,
} as const;

export const GATEWAY_URL = `http://127.0.0.1:${STACK_PORTS.GATEWAY_PORT}`;

/** The services behind the gateway, each answering GET /api/<service>/readyz. */
export const SERVICES = ['campaign', 'scoring', 'literacy'] as const;

export function readyzUrl(service: (typeof SERVICES)[number]): string {
  return `${GATEWAY_URL}/api/${service}/readyz`;
}
