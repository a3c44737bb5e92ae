// The pod every target receives: the body `kubectl run <name> --image=nginx` sends.

export const PODS_PATH = '/api/v1/namespaces/default/pods';

export function podJSON(name: string): string {
  return JSON.stringify({
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name, labels: { run: 'bench' } },
    spec: { containers: [{ name: 'c', image: 'nginx', resources: {} }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
    status: {},
  });
}
