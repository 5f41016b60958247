import type { PkgFile, PkgSpec, Release } from '../types';

export interface PkgInput {
  name: string;
  version: string;
  release: string;
  epoch?: number;
  arch?: string;
  summary: string;
  description?: string;
  group?: string;
  license?: string;
  url?: string;
  size?: number;
  packageSize?: number;
  buildTime?: number;
  buildHost?: string;
  repo?: string;
  requires?: string[];
  rpmRequires?: string[];
  provides?: string[];
  files: PkgFile[];
  sysGroups?: PkgSpec['sysGroups'];
  sysUsers?: PkgSpec['sysUsers'];
  services?: string[];
  alternatives?: PkgSpec['alternatives'];
  post?: string[];
}

export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const EL6_BUILD_FROM = Date.UTC(2010, 5, 1) / 1000;
const EL6_BUILD_SPAN = 300 * 86400;
const EL5_BUILD_FROM = Date.UTC(2008, 9, 1) / 1000;
const EL5_BUILD_SPAN = 280 * 86400;

/** Fills in the details a package needs but the catalogue does not spell out for each one. */
export function mk(rel: Release, p: PkgInput): PkgSpec {
  const h = hash32(p.name + p.version);
  const arch = p.arch ?? (rel === 'el6' ? 'i686' : 'i386');
  let dataBytes = 0;
  for (const file of p.files) dataBytes += file.data?.length ?? 0;
  const size = p.size ?? 40_000 + (h % 900_000) + dataBytes * 3;
  const packageSize = p.packageSize ?? Math.floor(size * (0.35 + (h % 20) / 100));
  const buildTime =
    p.buildTime ?? (rel === 'el6' ? EL6_BUILD_FROM + (h % EL6_BUILD_SPAN) : EL5_BUILD_FROM + (h % EL5_BUILD_SPAN));
  const buildHost =
    p.buildHost ??
    (rel === 'el6' ? `x86-${String(1 + (h % 13)).padStart(3, '0')}.build.bos.redhat.com` : `hs20-bc1-${1 + (h % 7)}.build.redhat.com`);
  const requires = p.requires ?? [];
  const hasConfig = p.files.some((x) => x.config);
  const evrText = `${p.epoch ? p.epoch + ':' : ''}${p.version}-${p.release}`;
  const rpmlib =
    rel === 'el6'
      ? ['rpmlib(CompressedFileNames) <= 3.0.4-1', 'rpmlib(FileDigests) <= 4.6.0-1', 'rpmlib(PayloadFilesHavePrefix) <= 4.0-1', 'rpmlib(PayloadIsXz) <= 5.2-1']
      : ['rpmlib(CompressedFileNames) <= 3.0.4-1', 'rpmlib(PayloadFilesHavePrefix) <= 4.0-1'];
  const rpmRequires = [
    ...[...(p.rpmRequires ?? requires), ...(hasConfig ? [`config(${p.name}) = ${evrText}`] : [])].sort(),
    ...(arch === 'noarch' ? [] : ['libc.so.6']),
    ...rpmlib,
  ];
  const provides = [
    ...(hasConfig ? [`config(${p.name}) = ${evrText}`] : []),
    ...(p.provides ?? []),
    `${p.name} = ${evrText}`,
    ...(arch === 'noarch' ? [] : [`${p.name}(x86-32) = ${evrText}`]),
  ];
  return {
    name: p.name,
    epoch: p.epoch ?? 0,
    version: p.version,
    release: p.release,
    arch,
    summary: p.summary,
    description: p.description ?? p.summary + '.',
    group: p.group ?? 'System Environment/Base',
    license: p.license ?? 'GPLv2+',
    url: p.url,
    vendor: 'Red Hat, Inc.',
    packager: 'Red Hat, Inc. <http://bugzilla.redhat.com/bugzilla>',
    buildHost,
    buildTime,
    size,
    packageSize,
    repo: p.repo ?? 'rhel-dvd',
    requires,
    rpmRequires,
    provides,
    files: p.files,
    sysGroups: p.sysGroups,
    sysUsers: p.sysUsers,
    services: p.services,
    alternatives: p.alternatives,
    post: p.post,
  };
}
