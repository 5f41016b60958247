import { nullOutput } from '../../io/streams';
import type { ProgramContext } from '../../proc/program';
import type { PkgSpec } from '../../packages/types';

/** %preun of a package with services: `/sbin/service NAME stop &>/dev/null` for each. */
export async function stopServices(ctx: ProgramContext, spec: PkgSpec): Promise<void> {
  for (const name of spec.services ?? []) {
    if (!ctx.host.vfs.tryLookup('/sbin/service', ctx.fs.cred)) continue;
    try {
      await ctx.spawn(['/sbin/service', name, 'stop'], { stdout: nullOutput, stderr: nullOutput, stdin: ctx.host.stringSource('') });
    } catch {
      // a failing init script does not stop rpm
    }
  }
}
