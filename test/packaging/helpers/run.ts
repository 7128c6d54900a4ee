// Runs a command the way a person would in a terminal, with a bounded time, capturing its output.
import { spawn } from 'node:child_process';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The test runner's environment without what `npm test` and CI add (npm_* from the running npm script,
 * ELECTRON_SKIP_BINARY_DOWNLOAD from .ci/run, any ELECTRON_* or electron_* setting), plus `extra`.
 */
export function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|electron_|force_no_cache$)/i.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

export function run(command: string, args: string[], options: RunOptions) {
  return new Promise<RunResult>((resolve, reject) => {
    // Own process group, so a timeout can stop the whole tree this test started (and only that).
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish in ${options.timeoutMs} ms\n${stdout}\n${stderr}`));
    }, options.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
