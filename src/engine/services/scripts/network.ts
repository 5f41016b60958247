/**
 * /etc/rc.d/init.d/network (initscripts): brings lo and the ifcfg-* interfaces up and down.
 * The lab's network itself is always there; this stand-in keeps which interfaces are "up" in
 * the host's runtime state so `service network status` and stop/start read right.
 */
import type { InitScript } from '../initscript';
import type { ServiceDefinition } from '../types';
import type { Host } from '../../host/host';
import { ROOT } from '../../fs/vfs';
import { LOCK_DIR } from '../initscript';
import { removeRootFile, rootFileExists } from '../daemon';
import { ignoredServiceFile } from '../links';

const SCRIPTS = '/etc/sysconfig/network-scripts';

/** The configured interfaces other than lo, in the script's order (eth0 eth1 ...). */
export function configuredInterfaces(host: Host): string[] {
  const dir = host.vfs.tryLookup(SCRIPTS, ROOT);
  if (!dir || dir.type !== 'dir' || !dir.entries) return ['eth0'];
  const names: string[] = [];
  for (const entry of dir.entries.keys()) {
    if (!entry.startsWith('ifcfg-') || ignoredServiceFile(entry) || /\.(bak|orig)$/.test(entry)) continue;
    const name = entry.slice(6);
    if (name === 'lo' || name.includes(':') || name.endsWith('-range')) continue;
    names.push(name);
  }
  const key = (n: string): [string, number] => {
    const m = /^(\D*)(\d*)(.*)$/.exec(n)!;
    return [m[1]!, m[2] === '' ? -1 : Number(m[2])];
  };
  return names.sort((a, b) => {
    const [pa, na] = key(a);
    const [pb, nb] = key(b);
    return pa < pb ? -1 : pa > pb ? 1 : na - nb;
  });
}

interface NetState {
  up: Set<string>;
}

function state(host: Host): NetState {
  return host.services.state<NetState>('network', () => ({ up: new Set() }));
}

export function networkService(): ServiceDefinition {
  const start = (sc: InitScript): number => {
    if (!sc.root) return 4;
    const st = state(sc.host);
    sc.action('Bringing up loopback interface: ', true);
    st.up.add('lo');
    for (const dev of configuredInterfaces(sc.host)) {
      sc.action(`Bringing up interface ${dev}: `, true);
      st.up.add(dev);
    }
    sc.lock('network');
    return 0;
  };
  const stop = (sc: InitScript): number => {
    if (!sc.root) return 4;
    const st = state(sc.host);
    for (const dev of configuredInterfaces(sc.host).reverse()) {
      if (!st.up.has(dev)) continue;
      sc.action(`Shutting down interface ${dev}: `, true);
      st.up.delete(dev);
    }
    sc.action('Shutting down loopback interface: ', true);
    st.up.delete('lo');
    sc.unlock('network');
    return 0;
  };
  return {
    name: 'network',
    running: (host) => rootFileExists(host, `${LOCK_DIR}/network`),
    halt: (host) => {
      state(host).up.clear();
      removeRootFile(host, `${LOCK_DIR}/network`);
    },
    async script(sc, args) {
      switch (args[0]) {
        case 'start':
          return start(sc);
        case 'stop':
          return stop(sc);
        case 'restart':
        case 'reload':
        case 'force-reload': {
          const rc = stop(sc);
          if (rc !== 0) return rc;
          return start(sc);
        }
        case 'status': {
          const up = state(sc.host).up;
          sc.echo('Configured devices:');
          sc.echo(['lo', ...configuredInterfaces(sc.host)].join(' '));
          sc.echo('Currently active devices:');
          sc.echo(['lo', ...configuredInterfaces(sc.host)].filter((d) => up.has(d)).join(' '));
          return 0;
        }
        default:
          if (sc.el5) {
            sc.usage('{start|stop|restart|reload|status}');
            return 1;
          }
          sc.usage('{start|stop|status|restart|reload|force-reload}');
          return 2;
      }
    },
  };
}
