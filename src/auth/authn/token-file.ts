// Static bearer tokens from kube-apiserver's `--token-auth-file` (authenticator/token/tokenfile):
// CSV lines `token,user,uid,"group1,group2"`; the group column is optional.
import { readFile } from 'node:fs/promises';
import type { UserInfo } from '../../server/context.js';
import type { AuthnResult, TokenAuthenticator } from './authenticator.js';

/** One CSV record (RFC 4180 quoting, as Go's encoding/csv reads it). */
function parseRecord(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

export function parseTokenFile(content: string, path: string): Map<string, UserInfo> {
  const tokens = new Map<string, UserInfo>();
  const lines = content.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const record = parseRecord(line);
    if (record.length < 3) throw new Error(`token file '${path}' must have at least 3 columns (token, user name, user uid), found ${record.length}`);
    const [token, username, uid, groups] = record;
    if (token === '') {
      process.stderr.write(`kubefake: empty token has been found in token file '${path}', record number '${i + 1}'\n`);
      return;
    }
    const user: UserInfo = { username, uid, groups: groups ? groups.split(',').map((g) => g.trim()).filter(Boolean) : [] };
    tokens.set(token, user);
  });
  return tokens;
}

export class TokenFileAuthenticator implements TokenAuthenticator {
  readonly #tokens: Map<string, UserInfo>;

  constructor(tokens: Map<string, UserInfo>) {
    this.#tokens = tokens;
  }

  static async load(path: string): Promise<TokenFileAuthenticator> {
    let content: string;
    try {
      content = await readFile(path, 'utf8');
    } catch (err) {
      throw new Error(`cannot read --token-auth-file ${path}: ${(err as Error).message}`);
    }
    return new TokenFileAuthenticator(parseTokenFile(content, path));
  }

  authenticateToken(token: string): AuthnResult {
    const user = this.#tokens.get(token);
    return user ? { user: structuredClone(user) } : undefined;
  }
}
