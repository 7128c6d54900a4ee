// The lint rules that hold the invariants, each shown firing on a small fixture (and staying quiet
// on the allowed form), so a config change that silently drops one fails here.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** Rule ids reported for `code` as if it lived at `file` (the file need not exist). */
async function rulesFiring(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const RENDERER = 'src-renderer/features/example/Example.tsx';
const RESTRICTED = '@typescript-eslint/no-restricted-imports';

describe('the renderer never imports main-only code', () => {
  it.each([
    ["import { ipcRenderer } from 'electron';\nvoid ipcRenderer;", 'electron'],
    ["import keytar from 'keytar';\nvoid keytar;", 'keytar'],
    ["import axios from 'axios';\nvoid axios;", 'axios'],
    ["import fs from 'node:fs';\nvoid fs;", 'node:fs'],
    ["import path from 'path';\nvoid path;", 'path'],
    ["import { classify } from '../../../src-main/vault/classifier';\nvoid classify;", 'a relative path into src-main'],
    ["import { contract } from '@shared/contract';\nvoid contract;", 'a value from the contract (zod schemas)'],
    ["import { createKeychainApi } from '@shared/bridge';\nvoid createKeychainApi;", 'a value from the bridge'],
  ])('fires on %j (%s)', async (code) => {
    expect(await rulesFiring(RENDERER, code)).toContain(RESTRICTED);
  });

  it.each([
    ["import type { CredentialView } from '@shared/contract';\nexport type V = CredentialView;"],
    ["import type { KeychainApi } from '@shared/bridge';\nexport type A = KeychainApi;"],
    ["import { KIND_LABELS } from '@shared/vocabulary';\nexport const k = KIND_LABELS;"],
  ])('allows types and plain constants from @shared: %j', async (code) => {
    expect(await rulesFiring(RENDERER, code)).toEqual([]);
  });
});

describe('only the preload touches ipcRenderer', () => {
  const code = "import { ipcRenderer } from 'electron';\nexport const send = ipcRenderer.send;";
  it('fires anywhere else in main', async () => {
    expect(await rulesFiring('src-main/window.ts', code)).toContain('no-restricted-imports');
  });
  it('stays quiet in src-main/preload.ts', async () => {
    expect(await rulesFiring('src-main/preload.ts', code)).toEqual([]);
  });
});

describe('type imports and hook dependencies', () => {
  it('a type imported as a value is flagged (consistent-type-imports)', async () => {
    const code = "import { CredentialView } from '@shared/contract';\nexport type V = CredentialView;";
    expect(await rulesFiring('src-main/example.ts', code)).toContain('@typescript-eslint/consistent-type-imports');
  });

  it('an effect that forgets a dependency is flagged (react-hooks/exhaustive-deps)', async () => {
    const code = [
      "import { useEffect } from 'react';",
      'export function Example({ id, load }: { id: string; load: (id: string) => void }): null {',
      '  useEffect(() => load(id), []);',
      '  return null;',
      '}',
    ].join('\n');
    expect(await rulesFiring(RENDERER, code)).toContain('react-hooks/exhaustive-deps');
  });
});
