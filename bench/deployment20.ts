// The Deployment the server-side apply and update rows write: a pod template of 20 containers,
// each with a port, an env var and resource requests, all images tagged with the write's number.

export const CONTAINERS = 20;

export function deployment20(name: string, version: number): Record<string, unknown> {
  const containers = Array.from({ length: CONTAINERS }, (_, c) => ({
    name: `c${c}`,
    image: `registry.example/app-${c}:v${version}`,
    ports: [{ name: `p${c}`, containerPort: 8000 + c, protocol: 'TCP' }],
    env: [{ name: 'INDEX', value: String(c) }],
    resources: { requests: { cpu: '10m', memory: '16Mi' } },
  }));
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers } },
    },
  };
}
