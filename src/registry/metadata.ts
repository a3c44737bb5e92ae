// What the generic store does to ObjectMeta on every kind (rest.BeforeCreate / BeforeUpdate and
// storage/names): uid, creation time, generated names, generation, and the fields clients may
// not set.
import { randomUUID, randomInt } from 'node:crypto';
import type { KubeObject, ObjectMeta } from '../api/types.js';
import { rfc3339 } from '../api/time.js';

const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_GENERATED_PREFIX = 58;
const RANDOM_LENGTH = 5;

/** storage/names.SimpleNameGenerator: the prefix cut to 58 characters plus 5 random ones. */
export function generateName(prefix: string): string {
  let suffix = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) suffix += NAME_ALPHABET[randomInt(NAME_ALPHABET.length)];
  return prefix.slice(0, MAX_GENERATED_PREFIX) + suffix;
}

/** Fills the metadata a new object gets from the server. Mutates obj. */
export function prepareMetaForCreate(obj: KubeObject, now: Date, keepsGeneration: boolean): void {
  const meta = obj.metadata;
  meta.uid = randomUUID();
  meta.creationTimestamp = rfc3339(now);
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.selfLink;
  if (keepsGeneration) meta.generation = 1;
  if (meta.generateName && !meta.name) meta.name = generateName(meta.generateName);
}

/** Copies what an update may not change from the old object's metadata. Mutates obj. */
export function prepareMetaForUpdate(obj: KubeObject, old: KubeObject): void {
  const meta: ObjectMeta = obj.metadata;
  const prev = old.metadata;
  if (!meta.uid) meta.uid = prev.uid;
  meta.creationTimestamp = prev.creationTimestamp;
  if (prev.generation !== undefined) meta.generation = prev.generation;
  else delete meta.generation;
  if (prev.deletionTimestamp) meta.deletionTimestamp = prev.deletionTimestamp;
  else delete meta.deletionTimestamp;
  if (prev.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = prev.deletionGracePeriodSeconds;
  else delete meta.deletionGracePeriodSeconds;
  delete meta.selfLink;
}
