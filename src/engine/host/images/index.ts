import type { VfsSnapshot } from '../../fs/vfs';
import type { HostProfile } from '../profile';
import { buildImage } from './build';

const cache = new Map<string, VfsSnapshot>();

/**
 * The files of a freshly installed host. Built once per profile and copied for each lab, so a new
 * lab costs a tree copy, not a rebuild.
 */
export function baseImage(profile: HostProfile): VfsSnapshot {
  let snap = cache.get(profile.name);
  if (!snap) {
    snap = buildImage(profile);
    cache.set(profile.name, snap);
  }
  return snap;
}
