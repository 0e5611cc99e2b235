/**
 * The baseline the reading benchmark compares against: the extension built from another commit
 * (by default da4fea2, the main branch before the scheduling rework), in a detached git worktree
 * outside the repository, so nothing in the working tree changes and nothing gets committed.
 *
 * BENCH_BASELINE_REF picks the commit; BENCH_BASELINE=off skips the baseline. A build is kept in
 * the temp directory under the commit's full hash and reused by later runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DEFAULT_BASELINE_REF = 'da4fea2';

export interface BaselineBuild {
  ref: string;
  commit: string;
  extensionDir: string;
}

const git = (args: string[], cwd = process.cwd()) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();

/** Runs a build step quietly; on failure its output is thrown with the error. */
function run(command: string, args: string[], cwd: string, env = process.env) {
  try {
    execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}${stderr}`);
  }
}

/** Builds the baseline (or finds it built), or undefined when BENCH_BASELINE=off. */
export function baselineBuild(): BaselineBuild | undefined {
  if (process.env.BENCH_BASELINE === 'off') return undefined;
  const ref = process.env.BENCH_BASELINE_REF || DEFAULT_BASELINE_REF;
  const commit = git(['rev-parse', '--verify', `${ref}^{commit}`]);
  const tree = join(tmpdir(), `redbridge-baseline-${commit}`);
  const extensionDir = join(tree, '.output', 'chrome-mv3');
  if (existsSync(join(extensionDir, 'manifest.json'))) {
    console.log(`Baseline ${ref} (${commit.slice(0, 7)}): reusing ${extensionDir}`);
    return { ref, commit, extensionDir };
  }

  console.log(`Baseline ${ref} (${commit.slice(0, 7)}): building in ${tree}`);
  if (!existsSync(join(tree, '.git'))) {
    // A stale registration (the directory was deleted by a tmp cleaner) would refuse the add.
    git(['worktree', 'prune']);
    git(['worktree', 'add', '--detach', tree, commit]);
  }
  // The installed modules are shared: `npm install --offline` would need every tarball cached, and
  // the baseline's lock file differs from ours only if dependencies changed since (then set
  // BENCH_BASELINE_REF to a commit whose dependencies match, or install in the worktree by hand).
  const modules = join(tree, 'node_modules');
  if (!existsSync(modules)) symlinkSync(resolve('node_modules'), modules, 'dir');
  // What `npm install` would have run there (postinstall): the generated dictionary, wxt's types.
  run('npx', ['tsx', 'scripts/build-dictionary.ts'], tree);
  // RB_OUTPUT_DIR from the caller's environment would send the baseline build elsewhere.
  const { RB_OUTPUT_DIR: _ignored, ...env } = process.env;
  run('npx', ['wxt', 'build'], tree, env);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`The baseline build left no manifest in ${extensionDir}`);
  }
  return { ref, commit, extensionDir };
}
