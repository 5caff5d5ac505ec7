/**
 * The real stack the browser tests run against: `python -m devstack run --ephemeral`
 * (throw-away PostgreSQL, the three services, nginx serving frontend/dist), on fixed
 * ports of its own so a running `make run` (8080, 8101–8103) does not clash.
 */
export const STACK_PORTS = {
  GATEWAY_PORT: 18480,
  CAMPAIGN_PORT: 18401,
  SCORING_PORT: 18402,
  LITERACY_PORT: 18403,
} as const;

export const GATEWAY_URL = `http://127.0.0.1:${STACK_PORTS.GATEWAY_PORT}`;

/** The services behind the gateway, each answering GET /api/<service>/readyz. */
export const SERVICES = ['campaign', 'scoring', 'literacy'] as const;

export function readyzUrl(service: (typeof SERVICES)[number]): string {
  return `${GATEWAY_URL}/api/${service}/readyz`;
}
