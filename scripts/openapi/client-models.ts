// Reads the models @kubernetes/client-node generated from the Kubernetes OpenAPI: each field's JSON
// name, TypeScript type and format from the class's attributeTypeMap, and the descriptions and
// optional-ness that only survive in the model's .d.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unescapeDoc } from './client-docs.js';

export interface ModelField {
  name: string;
  type: string;
  format: string;
  description?: string;
  required: boolean;
}

export interface Model {
  name: string;
  description?: string;
  fields: ModelField[];
}

interface Attribute {
  name: string;
  baseName: string;
  type: string;
  format: string;
}

interface DeclaredField {
  description?: string;
  required: boolean;
}

const CLASS_DOC = /\/\*\*\s*\n\*\s?([\s\S]*?)\n\*\/\s*\nexport declare class (\w+)/;
const FIELD = /(?:\/\*\*\s*\n\s*\*\s?([\s\S]*?)\n\s*\*\/\s*\n)?\s*'([^']+)'(\?)?:/g;

function readDeclaration(text: string): { description?: string; fields: Map<string, DeclaredField> } {
  const classDoc = CLASS_DOC.exec(text);
  const body = text.slice(text.indexOf('export declare class'));
  const fields = new Map<string, DeclaredField>();
  for (const m of body.matchAll(FIELD)) {
    fields.set(m[2], { description: m[1] ? unescapeDoc(m[1]) : undefined, required: m[3] !== '?' });
  }
  return { description: classDoc ? unescapeDoc(classDoc[1]) : undefined, fields };
}

async function readModel(dir: string, file: string): Promise<Model | undefined> {
  const name = file.slice(0, -'.js'.length);
  const mod = (await import(join(dir, file))) as Record<string, { attributeTypeMap?: Attribute[] } | undefined>;
  const attributes = mod[name]?.attributeTypeMap;
  if (!attributes) return undefined;
  const declared = readDeclaration(readFileSync(join(dir, `${name}.d.ts`), 'utf8'));
  const fields = attributes.map((a): ModelField => {
    const d = declared.fields.get(a.name);
    return { name: a.baseName, type: a.type, format: a.format, description: d?.description, required: d?.required ?? false };
  });
  return { name, description: declared.description, fields };
}

/** Every generated model, by its client-node class name (V1Pod, CoreV1Event, …). */
export async function readModels(modelsDir: string): Promise<Map<string, Model>> {
  const files = readdirSync(modelsDir).filter((f) => f.endsWith('.js') && f !== 'all.js' && f !== 'ObjectSerializer.js').sort();
  const models = new Map<string, Model>();
  for (const file of files) {
    const model = await readModel(modelsDir, file);
    if (model) models.set(model.name, model);
  }
  return models;
}
