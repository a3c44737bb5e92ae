// Every admission plugin kubefake has, in kube-apiserver's order (AllOrderedPlugins): mutating
// plugins see the object in this order, then validating plugins check it in this order.
import type { PluginFactory } from '../plugin-order.js';
import { namespaceLifecycle } from './namespace-lifecycle.js';

export const ALL_PLUGINS: readonly PluginFactory[] = [
  namespaceLifecycle,
];
