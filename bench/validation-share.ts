// Issue 4's row, measured in process: of a pod create's registry-path time (the body parsed and
// schema-checked, then GenericStore.create against memory storage, admission included), the
// share spent decoding, defaulting and validating. The HTTP layer (TLS, authn/z, encoding the
// response) is left out of the whole, which makes the share larger, not smaller.
import type { KubeObject } from '../src/api/types.js';
import { startKubefake } from '../src/server/kubefake.js';
import { applyDefaults } from '../src/defaulting/apply-defaults.js';
import { validateObjectMeta } from '../src/validation/object-meta.js';
import { validatePod } from '../src/validation/kinds/pod.js';
import { makeTempDir } from './children.js';
import { medians, timeTurns } from './op-timing.js';
import { podJSON } from './pod.js';
import { microseconds, type Row } from './report.js';

const BATCHES = 6;
const PER_BATCH = 1_000;

export async function validationShareRows(): Promise<Row[]> {
  const kubefake = await startKubefake({ port: 0, address: '127.0.0.1', dataDir: makeTempDir('kubefake-bench-inproc-'), storage: 'memory' });
  try {
    const pods = kubefake.registry.store('', 'pods');
    const decode = (name: string): KubeObject => pods.checkSchema(JSON.parse(podJSON(name)) as KubeObject, 'Strict').object;
    // Each batch's inputs for defaulting (decoded) and validation (decoded and defaulted).
    let toDefault: KubeObject[] = [];
    let toValidate: KubeObject[] = [];
    const prepare = (b: number): void => {
      toDefault = Array.from({ length: PER_BATCH }, (_, i) => decode(`share-${b}-${i}`));
      toValidate = Array.from({ length: PER_BATCH }, (_, i) => {
        const pod = decode(`share-${b}-${i}`);
        applyDefaults(pods.def, pod);
        pod.metadata.namespace = 'default';
        return pod;
      });
    };
    const validate = (pod: KubeObject): void => {
      const errors = [...validateObjectMeta(pod.metadata, { namespaced: true, nameValidation: 'subdomain' }), ...validatePod(pod)];
      if (errors.length) throw new Error(`the bench pod is invalid: ${JSON.stringify(errors)}`);
    };
    const times = medians(await timeTurns({
      contenders: {
        decode: (b, i) => void decode(`share-${b}-${i}`),
        defaults: (_b, i) => applyDefaults(pods.def, toDefault[i]),
        validate: (_b, i) => validate(toValidate[i]),
        create: async (b, i) => void (await pods.create('default', decode(`share-${b}-${i}`), { dryRun: false, fieldManager: 'kubectl-run' })),
      },
      batches: BATCHES,
      perBatch: PER_BATCH,
      prepare,
    }));
    const share = (times.decode + times.defaults + times.validate) / times.create;
    return [
      {
        metric: `pod create in process: decode+schema / defaults / validation, of ${microseconds(times.create)} (decode + store.create, memory storage)`,
        kubefake: `${microseconds(times.decode)} / ${microseconds(times.defaults)} / ${microseconds(times.validate)} = ${(share * 100).toFixed(1)}%`,
        target: '≤ 15%',
        pass: share <= 0.15,
      },
    ];
  } finally {
    await kubefake.close();
  }
}
