// Qualified function names (`sets.contains`, `strings.quote`, `ip.isCanonical`): the CEL package
// has none, so each namespace is a constant of its own type whose methods are the functions.
import type { Environment } from '@marcbachmann/cel-js';

const PREFIX = 'namespace.';

/** The type name of a namespace constant (`namespace.sets`). */
const namespaceType = (name: string): string => `${PREFIX}${name}`;

/** The namespace a type name stands for, or undefined when it is a value's type. */
export function namespaceOf(typeName: string): string | undefined {
  return typeName.startsWith(PREFIX) ? typeName.slice(PREFIX.length) : undefined;
}

/** A namespace's value: it carries nothing, its type selects the functions. */
export class Namespace {}

/**
 * Declares the namespace `name` in an environment; returns its type name for method signatures.
 * Each namespace gets a class of its own, as the CEL package tells types by their constructors.
 */
export function registerNamespace(env: Environment, name: string): string {
  const type = namespaceType(name);
  const ctor = class extends Namespace {};
  env.registerType(type, ctor).registerConstant(name, type, new ctor());
  return type;
}
