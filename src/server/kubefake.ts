// Starting and stopping a kubefake server: certificates, storage, registry, bootstrap objects,
// discovery and OpenAPI, the handler chain, the HTTPS listener and the admin kubeconfig.
import { createServer, type Server } from 'node:https';
import { packageRoot } from './package-root.js';
import { join, resolve } from 'node:path';
import { loadOrCreatePKI, buildKubeconfig, writeKubeconfig, tlsServerOptions, type ClusterPKI } from '../certs/index.js';
import { openStorage } from '../storage/index.js';
import type { ObjectStorage } from '../storage/interfaces.js';
import { Registry } from '../registry/registry.js';
import { builtinResources } from '../registry/builtin.js';
import { bootstrapSystemObjects } from '../bootstrap/system-objects.js';
import { buildDiscovery, type DiscoveryDocuments } from '../discovery/documents.js';
import { serveNonResource } from '../discovery/handler.js';
import { OpenAPIService } from '../discovery/openapi.js';
import { createDispatcher, servesSubresource } from './dispatch.js';
import { buildHandlerChain } from './handler-chain.js';
import { createApp, expressMessageClasses, serveThrough } from './app.js';
import { apiVersionOf } from '../registry/resource.js';
import { SchemaCatalog } from '../openapi/schema-catalog.js';
import { patchMetaFor } from '../patch/patch-meta.js';
import { ObjectSchemas } from '../validation/schema/object-schemas.js';
import { buildAdmission, type AdmissionOptions } from '../admission/plugin-order.js';
import { ALL_PLUGINS } from '../admission/plugins/index.js';
import { NamespaceController } from '../controllers/namespace-controller.js';
import { ClusterRoleAggregationController } from '../controllers/clusterrole-aggregation.js';
import { ServiceAccountController } from '../controllers/serviceaccount-controller.js';
import { RootCAPublisher } from '../controllers/root-ca-publisher.js';
import { ResourceQuotaController } from '../controllers/resourcequota-controller.js';
import { CRDController } from '../controllers/crd-controller.js';
import { declaredDocuments } from '../discovery/declared-documents.js';
import { createAuth, type AuthOptions } from '../auth/index.js';
import { reconcileBootstrapPolicy } from '../auth/rbac/reconcile.js';
import type { StoreContext } from '../registry/store.js';
import { makeDirectory } from '../files/make-directory.js';

export interface KubefakeOptions {
  port: number;
  address: string;
  dataDir: string;
  /** Defaults to `<dataDir>/kubeconfig`. */
  kubeconfig?: string;
  /** Defaults to `<dataDir>/certs`. */
  certDir?: string;
  storage: 'level' | 'memory';
  /** fsync every storage batch. */
  sync?: boolean;
  debug?: boolean;
  /** How often watches with allowWatchBookmarks get a BOOKMARK (kube-apiserver: about a minute). */
  bookmarkIntervalMs?: number;
  serviceClusterIP?: string;
  /** Authentication and authorization: --authorization-mode, --anonymous-auth, --token-auth-file, --oidc-*. */
  auth?: AuthOptions;
  /** --enable-admission-plugins / --disable-admission-plugins. */
  admission?: AdmissionOptions;
  /** Not a flag: false only for the bench, which measures the managedFields bookkeeping (StoreContext.recordManagedFields). */
  recordManagedFields?: boolean;
}

export interface RunningKubefake {
  url: string;
  port: number;
  kubeconfigPath: string;
  pki: ClusterPKI;
  storage: ObjectStorage;
  registry: Registry;
  close(): Promise<void>;
}

/** The repo's top-level openapi/ folder, next to dist/ and src/. */
const OPENAPI_DIR = join(packageRoot(), 'openapi');
const DEFAULT_SERVICE_CLUSTER_IP = '10.96.0.1';

function listen(server: Server, port: number, address: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new Error(`cannot listen on ${address}:${port}: the port is already in use`));
      else if (err.code === 'EADDRNOTAVAIL') reject(new Error(`cannot listen on ${address}:${port}: the address is not available on this machine`));
      else reject(err);
    });
    server.listen(port, address, () => {
      const a = server.address();
      resolveListen(typeof a === 'object' && a ? a.port : port);
    });
  });
}

function hostForURL(address: string): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return address.includes(':') ? `[${address}]` : address;
}

async function ensureDataDir(dir: string): Promise<void> {
  try {
    await makeDirectory(dir, 0o700);
  } catch (err) {
    throw new Error(`cannot use data dir ${dir}: ${(err as Error).message}`);
  }
}

export async function startKubefake(options: KubefakeOptions): Promise<RunningKubefake> {
  const dataDir = resolve(options.dataDir);
  await ensureDataDir(dataDir);
  const serviceClusterIP = options.serviceClusterIP ?? DEFAULT_SERVICE_CLUSTER_IP;
  const extraHosts = options.address === '0.0.0.0' || options.address === '::' ? [] : [options.address];
  const [pki, storage, openapi, schemas] = await Promise.all([
    loadOrCreatePKI(options.certDir ? resolve(options.certDir) : join(dataDir, 'certs'), { hosts: extraHosts, serviceClusterIP }),
    openStorage(options.storage === 'memory' ? { kind: 'memory' } : { kind: 'level', dir: join(dataDir, 'db'), sync: options.sync }),
    OpenAPIService.load(OPENAPI_DIR, { servedGroupVersions: new Set(builtinResources.map(apiVersionOf)) }),
    SchemaCatalog.load(OPENAPI_DIR),
  ]);
  let ready = false;
  const storeContext: StoreContext = {
    storage,
    now: () => new Date(),
    patchMeta: (def) => patchMetaFor(schemas, { group: def.group, version: def.version, kind: def.kind }),
    recordManagedFields: options.recordManagedFields,
    schemas: ObjectSchemas.load(schemas),
    admission: buildAdmission(ALL_PLUGINS, options.admission ?? {}, { storage, registry: () => registry, now: () => new Date() }),
  };
  const registry: Registry = new Registry(builtinResources, storeContext);
  let auth;
  try {
    const { serviceAccountKeyPem: privateKeyPem, serviceAccountPublicKeyPem: publicKeyPem } = pki;
    if (!privateKeyPem || !publicKeyPem) throw new Error('the cluster PKI has no service-account key pair');
    auth = await createAuth(options.auth ?? {}, { storage, storeContext, serviceAccountKeys: { privateKeyPem, publicKeyPem }, now: () => new Date() });
  } catch (err) {
    await storage.close();
    throw err;
  }
  auth.start();
  const app = createApp();
  const server = createServer({ ...tlsServerOptions(pki), ...expressMessageClasses(app) }, app);
  const address = options.address;
  try {
    // Listen first so the port is known for the kubernetes Service and the kubeconfig.
    const port = await listen(server, options.port, address);
    const url = `https://${hostForURL(address)}:${port}`;
    const serverAddress = `${hostForURL(address)}:${port}`;
    const discoveryOf = (): DiscoveryDocuments => buildDiscovery({ definitions: registry.resources().map((r) => r.def), serves: servesSubresource, serverAddress });
    // Custom resources come and go with their CRDs: discovery is rebuilt when next asked for
    // after a change (a burst of CRDs costs one rebuild), and so are the OpenAPI documents, which
    // take the meta schemas (ObjectMeta, Status, …) theirs refer to from a built-in document.
    let discovery: DiscoveryDocuments | undefined;
    registry.onChange(() => {
      discovery = undefined;
      openapi.declare(() => declaredDocuments(registry, schemas.schemasOf({ group: 'apps', version: 'v1', kind: 'Deployment' }) ?? {}));
    });
    const dispatch = createDispatcher({
      registry,
      now: () => new Date(),
      watch: { bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000 },
      auth,
      nonResource: [
        { serve: (req, res, path) => serveNonResource(req, res, path, (discovery ??= discoveryOf()), { ready: () => ready }) },
        { serve: (req, res, path, query) => openapi.handle(req, res, path, query) },
      ],
    });
    serveThrough(app, buildHandlerChain(dispatch, { debug: options.debug ?? false, authenticator: auth.authenticator, authorizer: auth.authorizer }));
    await bootstrapSystemObjects(registry, { advertiseAddress: address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address, securePort: port, serviceClusterIP });
    const kubeconfigPath = resolve(options.kubeconfig ?? join(dataDir, 'kubeconfig'));
    await writeKubeconfig(kubeconfigPath, buildKubeconfig({ server: url, caPem: pki.caCertPem, clientCertPem: pki.adminCertPem, clientKeyPem: pki.adminKeyPem }));
    await reconcileBootstrapPolicy({
      clusterroles: registry.store('rbac.authorization.k8s.io', 'clusterroles'),
      clusterrolebindings: registry.store('rbac.authorization.k8s.io', 'clusterrolebindings'),
    });
    const aggregationController = new ClusterRoleAggregationController(registry);
    await aggregationController.start();
    const namespaceController = new NamespaceController(registry);
    namespaceController.start();
    // Before ready: pods created right after start find their ServiceAccount and CA ConfigMap.
    const serviceAccountController = new ServiceAccountController(registry);
    await serviceAccountController.start();
    const rootCAPublisher = new RootCAPublisher(registry, pki.caCertPem);
    await rootCAPublisher.start();
    const resourceQuotaController = new ResourceQuotaController(registry);
    resourceQuotaController.start();
    // Before ready: the custom resources of stored CRDs are served from the first request on.
    const crdController = new CRDController(registry);
    crdController.start();
    ready = true;
    const close = async (): Promise<void> => {
      ready = false;
      namespaceController.stop();
      serviceAccountController.stop();
      rootCAPublisher.stop();
      resourceQuotaController.stop();
      crdController.stop();
      aggregationController.stop();
      auth.stop();
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      await storage.close();
    };
    return { url, port, kubeconfigPath, pki, storage, registry, close };
  } catch (err) {
    auth.stop();
    server.close();
    await storage.close();
    throw err;
  }
}
