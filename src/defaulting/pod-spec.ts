// Defaults of everything a PodSpec holds, for pods and every pod template (pkg/apis/core/v1
// defaults.go: SetDefaults_PodSpec, _Container, _Probe, _HTTPGetAction, _Volume and the volume
// sources; declarative `+default` markers of k8s.io/api/core/v1 types.go).
import { child, ensureChild, fill, items, type Fields } from './fields.js';
import { defaultPullPolicy } from './image-pull-policy.js';

/** v1.SecretVolumeSourceDefaultMode and its siblings: 0644. */
const DEFAULT_MODE = 0o644;

/** SetDefaults_ObjectFieldSelector on the fieldRef `holder` may have. */
function defaultFieldRef(holder: Fields | undefined): void {
  const fieldRef = child(holder, 'fieldRef');
  if (fieldRef) fill(fieldRef, { apiVersion: 'v1' });
}

function defaultDownwardAPIItems(source: Fields | undefined): void {
  for (const item of items(source, 'items')) defaultFieldRef(item);
}

function defaultHandler(handler: Fields | undefined): void {
  const httpGet = child(handler, 'httpGet');
  if (httpGet) fill(httpGet, { path: '/', scheme: 'HTTP' });
  const grpc = child(handler, 'grpc');
  if (grpc) fill(grpc, { service: '' });
}

function defaultProbe(probe: Fields | undefined): void {
  if (!probe) return;
  // int32 fields that are not pointers: 0 counts as unset.
  const zeroDefaults: Record<string, number> = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
  for (const [key, value] of Object.entries(zeroDefaults)) if (!probe[key]) probe[key] = value;
  defaultHandler(probe);
}

export function defaultContainer(container: Fields): void {
  fill(container, {
    imagePullPolicy: defaultPullPolicy(container.image),
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  });
  ensureChild(container, 'resources');
  for (const port of items(container, 'ports')) fill(port, { protocol: 'TCP' });
  for (const env of items(container, 'env')) defaultFieldRef(child(env, 'valueFrom'));
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(child(container, key));
  const lifecycle = child(container, 'lifecycle');
  defaultHandler(child(lifecycle, 'postStart'));
  defaultHandler(child(lifecycle, 'preStop'));
}

function defaultProjectedSources(projected: Fields): void {
  for (const source of items(projected, 'sources')) {
    const token = child(source, 'serviceAccountToken');
    if (token) fill(token, { expirationSeconds: 3600 });
    defaultDownwardAPIItems(child(source, 'downwardAPI'));
  }
}

export function defaultVolume(volume: Fields): void {
  if (Object.keys(volume).every((key) => key === 'name')) volume.emptyDir = {};
  for (const key of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const source = child(volume, key);
    if (source) fill(source, { defaultMode: DEFAULT_MODE });
  }
  defaultDownwardAPIItems(child(volume, 'downwardAPI'));
  const projected = child(volume, 'projected');
  if (projected) defaultProjectedSources(projected);
  const hostPath = child(volume, 'hostPath');
  if (hostPath && hostPath.type === undefined) hostPath.type = '';
  const claimTemplate = child(child(volume, 'ephemeral'), 'volumeClaimTemplate');
  if (claimTemplate) {
    fill(ensureChild(claimTemplate, 'metadata'), { creationTimestamp: null });
    fill(ensureChild(claimTemplate, 'spec'), { volumeMode: 'Filesystem' });
  }
}

/** SetDefaults_PodSpec and the defaults of what the spec holds. */
export function defaultPodSpec(spec: Fields): void {
  fill(spec, { dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', securityContext: {}, terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler' });
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) for (const c of items(spec, key)) defaultContainer(c);
  for (const volume of items(spec, 'volumes')) defaultVolume(volume);
}

/**
 * A PodTemplateSpec: its spec's defaults, and the zero creationTimestamp Go writes as null
 * because ObjectMeta is a struct, not a pointer (what `kubectl get -o yaml` shows in templates).
 */
export function defaultPodTemplate(template: Fields | undefined): void {
  if (!template) return;
  fill(ensureChild(template, 'metadata'), { creationTimestamp: null });
  defaultPodSpec(ensureChild(template, 'spec'));
}
