// Admission (k8s.io/apiserver/pkg/admission/interfaces.go): what a write asks of the plugins, and
// what a plugin is. Mutating (admit) runs before the object is validated and may change it;
// validating (validate) runs after and may only refuse. A refusal is a thrown StatusError.
import type { KubeObject } from '../api/types.js';
import type { UserInfo } from '../server/context.js';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}

export interface AdmissionAttributes {
  operation: Operation;
  kind: { group: string; version: string; kind: string };
  resource: GroupVersionResource;
  subresource: string;
  name: string;
  namespace: string;
  /** The object being written: mutating plugins may change it in place. Absent for DELETE. */
  object?: KubeObject;
  /** The stored object, for UPDATE and DELETE. */
  oldObject?: KubeObject;
  dryRun: boolean;
  /** The request's options object (CreateOptions, UpdateOptions, DeleteOptions), as webhooks get it. */
  options: Record<string, unknown>;
  userInfo: UserInfo;
  /** Warnings for the client (`Warning: 299` headers); plugins append. */
  warnings: string[];
}

/**
 * A plugin, as kube-apiserver's: mutating (admit), validating (validate) or both. The chain calls
 * every plugin's admit in order, then every plugin's validate in order.
 */
export interface AdmissionPlugin {
  readonly name: string;
  handles(operation: Operation): boolean;
  admit?(attrs: AdmissionAttributes): Promise<void> | void;
  validate?(attrs: AdmissionAttributes): Promise<void> | void;
}

/** The chain the store calls: mutate, then (after the object's own validation) validate. */
export interface Admission {
  admit(attrs: AdmissionAttributes): Promise<void>;
  validate(attrs: AdmissionAttributes): Promise<void>;
}
