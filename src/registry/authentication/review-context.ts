// What a create-only review or token endpoint computes its answer from: the requesting user,
// the URL's namespace and name, and the server's authentication and authorization services.
import type { KubeObject } from '../../api/types.js';
import type { AuthServices } from '../../auth/index.js';
import type { UserInfo } from '../../server/context.js';

export interface ReviewContext {
  user: UserInfo;
  namespace: string;
  /** The object named in the URL (the ServiceAccount of serviceaccounts/<name>/token). */
  name: string;
  auth: AuthServices;
  now(): Date;
  /** A stored object by storage key (ServiceAccounts, Pods, Secrets). */
  lookup(key: string): KubeObject | undefined;
}

/** Computes the response object of a POST to a create-only resource from its decoded body. */
export type ReviewHandler = (body: KubeObject, ctx: ReviewContext) => KubeObject | Promise<KubeObject>;

/** The response skeleton: kube-apiserver echoes the body with a null creationTimestamp. */
export function reviewResponse(body: KubeObject, extra: Record<string, unknown>): KubeObject {
  const { metadata, ...rest } = body;
  return { ...rest, metadata: { ...metadata, creationTimestamp: null }, ...extra };
}
