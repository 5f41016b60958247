import { conf, d, doc, exe, exes, f, initScript, mans, type PkgSpec, type Release } from '../types';
import { mk } from './mk';
import * as B from './text-bind';
import { IPTABLES_CONFIG, OPENSSL_CNF } from './text-system';

/** Name service, firewall and network client packages. */
export function netPackages(rel: Release): PkgSpec[] {
  const el6 = rel === 'el6';
  const out: PkgSpec[] = [];
  const add = (p: Parameters<typeof mk>[1]) => out.push(mk(rel, p));

  const bindVer = el6 ? { epoch: 32, version: '9.7.3', release: '2.el6' } : { epoch: 30, version: '9.3.6', release: '4.P1.el5_4.2' };
  add({
    name: 'bind-libs',
    ...bindVer,
    summary: 'Libraries used by the BIND DNS packages',
    group: 'Network/Daemons',
    license: 'ISC',
    url: 'http://www.isc.org/products/BIND/',
    size: el6 ? 2_345_000 : 2_093_000,
    files: [f(`/usr/lib/libdns.so.${el6 ? '69.0.1' : '26.0.0'}`, '\x7fELF shared library\n', 0o755), f(`/usr/lib/libisc.so.${el6 ? '62.0.1' : '15.0.0'}`, '\x7fELF shared library\n', 0o755), f('/usr/lib/liblwres.so.60.0.1', '\x7fELF shared library\n', 0o755)],
  });
  add({
    name: 'bind-utils',
    ...bindVer,
    summary: 'Utilities for querying DNS name servers',
    description:
      'Bind-utils contains a collection of utilities for querying DNS (Domain\nName System) name servers to find out information about Internet\nhosts. These tools will provide you with the IP addresses for given\nhost names, as well as other information about registered domains and\nnetwork addresses.\n\nYou should install bind-utils if you need to get information from DNS name\nservers.',
    group: 'Applications/System',
    license: 'ISC',
    url: 'http://www.isc.org/products/BIND/',
    size: el6 ? 414_000 : 416_000,
    requires: ['bind-libs'],
    files: [...exes('/usr/bin', ['dig', 'host', 'nslookup', 'nsupdate']), ...mans(1, ['dig', 'host', 'nslookup', 'nsupdate'])],
  });
  add({
    name: 'bind',
    ...bindVer,
    summary: 'The Berkeley Internet Name Domain (BIND) DNS (Domain Name System) server',
    description:
      'BIND (Berkeley Internet Name Domain) is an implementation of the DNS\n(Domain Name System) protocols. BIND includes a DNS server (named),\nwhich resolves host names to IP addresses; a resolver library\n(routines for applications to use when interfacing with DNS); and\ntools for verifying that the DNS server is operating properly.',
    group: 'System Environment/Daemons',
    license: 'ISC',
    url: 'http://www.isc.org/products/BIND/',
    size: el6 ? 6_914_000 : 2_245_000,
    packageSize: el6 ? 3_946_000 : 983_000,
    requires: ['bind-libs', 'chkconfig', 'initscripts', 'shadow-utils'],
    sysGroups: [{ name: 'named', gid: 25 }],
    sysUsers: [{ name: 'named', uid: 25, group: 'named', gecos: 'Named', home: '/var/named', shell: '/sbin/nologin' }],
    services: ['named'],
    post: ['rndc-key'],
    files: [
      ...exes('/usr/sbin', ['named', 'named-checkconf', 'named-checkzone', 'rndc', 'rndc-confgen', 'dnssec-keygen', 'dnssec-signzone', 'lwresd']),
      exe('/usr/sbin/named-compilezone', 'named-checkzone'),
      conf('/etc/named.conf', B.NAMED_CONF_STOCK, 0o640, { group: 'named' }),
      conf('/etc/named.rfc1912.zones', B.NAMED_RFC1912_ZONES, 0o640, { group: 'named' }),
      conf('/etc/named.iscdlv.key', B.NAMED_ISCDLV_KEY, 0o644, { group: 'named' }),
      { path: '/etc/rndc.key', kind: 'file', mode: 0o640, group: 'named', data: '', config: true, ghost: true },
      conf('/etc/sysconfig/named', B.SYSCONFIG_NAMED),
      initScript('named'),
      d('/var/named', 0o750, 'root', 'named'),
      d('/var/named/data', 0o770, 'named', 'named'),
      d('/var/named/dynamic', 0o770, 'named', 'named'),
      d('/var/named/slaves', 0o770, 'named', 'named'),
      conf('/var/named/named.ca', B.NAMED_CA, 0o640, { group: 'named' }),
      conf('/var/named/named.empty', B.NAMED_EMPTY, 0o640, { group: 'named' }),
      conf('/var/named/named.localhost', B.NAMED_LOCALHOST, 0o640, { group: 'named' }),
      conf('/var/named/named.loopback', B.NAMED_LOOPBACK, 0o640, { group: 'named' }),
      d('/var/run/named', 0o770, 'named', 'named'),
      d(`/usr/share/doc/bind-${bindVer.version}`),
      doc(`/usr/share/doc/bind-${bindVer.version}/README`, 'BIND 9: the named name server and its tools. Samples are in the sample/ directory.\n'),
      ...mans(5, ['named.conf']),
      ...mans(8, ['named', 'named-checkconf', 'named-checkzone', 'rndc']),
    ],
  });

  const iptVer = el6 ? { version: '1.4.7', release: '4.el6' } : { version: '1.3.5', release: '5.3.el5' };
  add({
    name: 'iptables',
    ...iptVer,
    summary: 'Tools for managing Linux kernel packet filtering capabilities',
    description:
      'The iptables utility controls the network packet filtering code in the\nLinux kernel. If you need to set up firewalls and/or IP masquerading,\nyou should install this package.',
    group: 'System Environment/Base',
    license: 'GPLv2',
    url: 'http://www.netfilter.org/',
    size: el6 ? 661_000 : 678_000,
    requires: ['chkconfig', 'initscripts'],
    services: ['iptables'],
    files: [...exes('/sbin', ['iptables', 'iptables-save', 'iptables-restore']), exe('/sbin/iptables-multi', 'iptables'), conf('/etc/sysconfig/iptables-config', IPTABLES_CONFIG, 0o600), initScript('iptables'), ...mans(8, ['iptables', 'iptables-save', 'iptables-restore'])],
  });
  add({
    name: 'iptables-ipv6',
    ...iptVer,
    summary: 'IPv6 support for iptables',
    group: 'System Environment/Base',
    license: 'GPLv2',
    size: el6 ? 187_000 : 209_000,
    requires: ['iptables'],
    services: ['ip6tables'],
    files: [...exes('/sbin', ['ip6tables', 'ip6tables-save', 'ip6tables-restore']), conf('/etc/sysconfig/ip6tables-config', IPTABLES_CONFIG.replace(/IPTABLES/g, 'IP6TABLES').replace('iptables', 'ip6tables'), 0o600), initScript('ip6tables')],
  });

  add({
    name: 'openssl',
    ...(el6 ? { version: '1.0.0', release: '10.el6' } : { version: '0.9.8e', release: '12.el5' }),
    arch: 'i686',
    summary: 'A general purpose cryptography library with TLS implementation',
    description:
      'The OpenSSL toolkit provides support for secure communications between\nmachines. OpenSSL includes a certificate management tool and shared\nlibraries which provide various cryptographic algorithms and\nprotocols.',
    group: 'System Environment/Libraries',
    license: 'OpenSSL',
    url: 'http://www.openssl.org/',
    size: el6 ? 3_946_000 : 3_610_000,
    files: [
      exe('/usr/bin/openssl'),
      d('/etc/pki/tls'),
      d('/etc/pki/tls/certs'),
      d('/etc/pki/tls/private'),
      d('/etc/pki/tls/misc'),
      d('/etc/pki/CA'),
      d('/etc/pki/CA/private', 0o700),
      conf('/etc/pki/tls/openssl.cnf', OPENSSL_CNF),
      f('/etc/pki/tls/certs/ca-bundle.crt', '# The certificate authorities trusted by default.\n'),
      f('/etc/pki/tls/certs/Makefile', '# make NAME.pem: a self-signed certificate and key in one file.\n'),
      f('/etc/pki/tls/misc/CA', '#!/bin/sh\n# A helper to run a small certificate authority.\n', 0o755),
      f(`/lib/libssl.so.${el6 ? '1.0.0' : '0.9.8e'}`, '\x7fELF shared library\n', 0o755),
      f(`/lib/libcrypto.so.${el6 ? '1.0.0' : '0.9.8e'}`, '\x7fELF shared library\n', 0o755),
      ...mans(1, ['openssl', 'req', 'x509', 's_client']),
    ],
  });
  add({
    name: 'telnet',
    epoch: 1,
    ...(el6 ? { version: '0.17', release: '46.el6' } : { version: '0.17', release: '39.el5' }),
    summary: 'The client program for the Telnet remote login protocol',
    description:
      'Telnet is a popular protocol for logging into remote systems over the\nInternet. The package provides a command line Telnet client',
    group: 'Applications/Internet',
    license: 'BSD',
    size: el6 ? 106_048 : 98_044,
    packageSize: el6 ? 58_244 : 56_011,
    files: [exe('/usr/bin/telnet'), ...mans(1, ['telnet'])],
  });

  return out;
}
