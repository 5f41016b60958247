// BIND files: the package's stock zone files and the lab's own named.conf and zones.

const soa = (mname: string, rname: string, serial: string) => `@	IN SOA	${mname} ${rname} (
					${serial}	; serial
					1D	; refresh
					1H	; retry
					1W	; expire
					3H )	; minimum
`;

export const NAMED_LOCALHOST = `$TTL 1D
${soa('@', 'rname.invalid.', '0')}	NS	@
	A	127.0.0.1
	AAAA	::1
`;

export const NAMED_LOOPBACK = `$TTL 1D
${soa('@', 'rname.invalid.', '0')}	NS	@
	A	127.0.0.1
	AAAA	::1
	PTR	localhost.
`;

export const NAMED_EMPTY = `$TTL 3H
${soa('@', 'rname.invalid.', '0')}	NS	@
	A	127.0.0.1
	AAAA	::1
`;

const ROOTS: [string, string][] = [
  ['A', '198.41.0.4'],
  ['B', '192.228.79.201'],
  ['C', '192.33.4.12'],
  ['D', '128.8.10.90'],
  ['E', '192.203.230.10'],
  ['F', '192.5.5.241'],
  ['G', '192.112.36.4'],
  ['H', '128.63.2.53'],
  ['I', '192.36.148.17'],
  ['J', '192.58.128.30'],
  ['K', '193.0.14.129'],
  ['L', '199.7.83.42'],
  ['M', '202.12.27.33'],
];

export const NAMED_CA = `; The root name servers, used by named to prime its cache when it
; resolves names recursively. Refresh it now and then from
; ftp://ftp.internic.net/domain/named.cache
;
.			518400	IN	NS	${ROOTS.map(([l]) => `${l}.ROOT-SERVERS.NET.`).join('\n.			518400	IN	NS	')}
;
${ROOTS.map(([l, ip]) => `${l}.ROOT-SERVERS.NET.	3600000	IN	A	${ip}`).join('\n')}
`;

export const NAMED_RFC1912_ZONES = `// named.rfc1912.zones:
//
// The zones every name server should answer for itself (RFC 1912
// section 4.1): localhost and the loopback networks.
//

zone "localhost.localdomain" IN {
	type master;
	file "named.localhost";
	allow-update { none; };
};

zone "localhost" IN {
	type master;
	file "named.localhost";
	allow-update { none; };
};

zone "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa" IN {
	type master;
	file "named.loopback";
	allow-update { none; };
};

zone "1.0.0.127.in-addr.arpa" IN {
	type master;
	file "named.loopback";
	allow-update { none; };
};

zone "0.in-addr.arpa" IN {
	type master;
	file "named.empty";
	allow-update { none; };
};
`;

export const NAMED_ISCDLV_KEY = `/* The public key of the ISC DNSSEC lookaside validation registry
 * (dlv.isc.org), used with "dnssec-lookaside auto;". */
trusted-keys {
	dlv.isc.org. 257 3 5 "BEAAAAPHMu/5onzrEE7z1egmhg/WPO0+juoZrW3euWEn4MxDCE1+lLy2 brhQv5rN32RKtMzX6Mj70jdzeND4XknW58dnJNPCxn8+jAGl2FZLK8t+ 1uq4W+nnA3qO2+DL+k6BD4mewMLbIYFwe0PG73Te9fZ2kJb56dhgMde5 ymX4BI/oQ+cAK50/xvJv00Frf8kw6ucMTwFlgPe+jnGxPPEmHAte/URk Y62ZfkLoBAADLHQ9IrS2tryAe7mbBZVcOwIeU/Rw/mRx/vwwMCTgNboM QKtUdvNXDrYJDSHZws3xiRXF1Rf+al9UmZfSav/4NWLKjHzpT59k/VSt TDN0YUuWrBNh";
};
`;

export const SYSCONFIG_NAMED = `# Options of the named init script.
#
# ROOTDIR="/var/named/chroot"  -- run named in a chroot jail
# OPTIONS="whatever"           -- extra command-line options
# KEYTAB_FILE="/dir/file"      -- GSS-TSIG keytab
# DISABLE_ZONE_CHECKING        -- "yes" skips named-checkzone at start
`;

/** The lab's /etc/named.conf on rhel1 (LAB.md): any address, any client, local.com master. */
export const NAMED_CONF_LAB = `//
// named.conf
//
// The name server of rhel1: master of local.com and of its reverse
// zone, listening on every address and answering every client.
//
// More examples: /usr/share/doc/bind*/sample/
//

options {
	listen-on port 53 { any; };
	listen-on-v6 port 53 { ::1; };
	directory 	"/var/named";
	dump-file 	"/var/named/data/cache_dump.db";
        statistics-file "/var/named/data/named_stats.txt";
        memstatistics-file "/var/named/data/named_mem_stats.txt";
	allow-query     { any; };
	recursion yes;

	dnssec-enable yes;
	dnssec-validation yes;
	dnssec-lookaside auto;

	/* The key of the ISC lookaside registry */
	bindkeys-file "/etc/named.iscdlv.key";
};

logging {
        channel default_debug {
                file "data/named.run";
                severity dynamic;
        };
};

zone "." IN {
	type hint;
	file "named.ca";
};

zone "local.com" IN {
	type master;
	file "local.com.zone";
	allow-update { none; };
};

zone "2.168.192.in-addr.arpa" IN {
	type master;
	file "192.168.2.zone";
	allow-update { none; };
};

include "/etc/named.rfc1912.zones";
`;

/** The stock RHEL 6 named.conf (what the bind package ships). */
export const NAMED_CONF_STOCK = NAMED_CONF_LAB.replace('listen-on port 53 { any; };', 'listen-on port 53 { 127.0.0.1; };')
  .replace('allow-query     { any; };', 'allow-query     { localhost; };')
  .replace(/\/\/ The name server of rhel1[^]*?\/\/ More examples/, '// A caching name server for this host only.\n//\n// More examples')
  .replace(/zone "local\.com" IN \{[^]*?\};\n\nzone "2\.168[^]*?\};\n\n/, '');

export const LOCAL_COM_ZONE = `$TTL 86400
${soa('rhel1.local.com.', 'root.local.com.', '2014041901')}@	IN	NS	rhel1.local.com.
@	IN	NS	rhel2.local.com.
rhel1	IN	A	192.168.2.2
rhel2	IN	A	192.168.2.3
`;

export const REVERSE_ZONE = `$TTL 86400
${soa('rhel1.local.com.', 'root.local.com.', '2014041901')}@	IN	NS	rhel1.local.com.
@	IN	NS	rhel2.local.com.
2	IN	PTR	rhel1.local.com.
3	IN	PTR	rhel2.local.com.
`;

export function rndcKey(secret: string): string {
  return `key "rndc-key" {
	algorithm hmac-md5;
	secret "${secret}";
};
`;
}
