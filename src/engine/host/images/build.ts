import { ROOT, Vfs, type VfsSnapshot } from '../../fs/vfs';
import { programFile } from '../../proc/binary';
import type { HostProfile } from '../profile';
import { DEFAULT_START } from '../../util/clock';
import { hashPassword } from '../../users/accounts';

// Placeholder image: enough to run a shell. The full RHEL images replace this.
export function buildImage(profile: HostProfile): VfsSnapshot {
  const vfs = new Vfs(() => DEFAULT_START - 86400_000);
  const dir = (p: string, mode = 0o755, uid = 0, gid = 0) => {
    const parts = p.split('/').filter(Boolean);
    let cur = '';
    for (const part of parts) {
      cur += '/' + part;
      if (!vfs.exists(cur, ROOT)) vfs.mkdir(cur, ROOT, 0o755, 0);
    }
    vfs.chmod(p, ROOT, mode);
    vfs.chown(p, ROOT, uid, gid);
  };
  const file = (p: string, data: string, mode = 0o644, uid = 0, gid = 0) => {
    vfs.writeFile(p, ROOT, data, { umask: 0 });
    vfs.chmod(p, ROOT, mode);
    vfs.chown(p, ROOT, uid, gid);
  };
  for (const d of ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/etc', '/var/log', '/var/spool/mail', '/home']) dir(d);
  dir('/root', 0o550);
  dir('/tmp', 0o1777);
  dir('/home/user1', 0o700, 500, 500);
  dir('/home/user2', 0o700, 501, 501);
  file('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nuser1:x:500:500::/home/user1:/bin/bash\nuser2:x:501:501::/home/user2:/bin/bash\n');
  file('/etc/group', 'root:x:0:\nmail:x:12:\nuser1:x:500:\nuser2:x:501:\n');
  file('/etc/shadow', ['root', 'user1', 'user2'].map((u) => `${u}:${hashPassword(u, 'password')}:16186:0:99999:7:::`).join('\n') + '\n', 0o000);
  file('/etc/hostname', profile.fqdn + '\n');
  file('/bin/bash', programFile('bash'), 0o755);
  file('/bin/sh', programFile('bash'), 0o755);
  return vfs.snapshot();
}
