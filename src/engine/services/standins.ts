/**
 * The stand-in definition of every service in the catalog: the real init scripts with
 * placeholder daemons. A definition registered with registerService() replaces one of these.
 */
import type { ServiceDefinition } from './types';
import { postfixService, standinPostfixControl } from './scripts/postfix';
import { namedService, standinNamedControl } from './scripts/named';
import { dovecotService, standinDovecotControl } from './scripts/dovecot';
import { sendmailService, standinSendmailControl } from './scripts/sendmail';
import { iptablesService, standinFirewallControl } from './scripts/iptables';
import { networkService } from './scripts/network';
import { crondService, rsyslogService, saslauthdService, sshdService, syslogService, xinetdService } from './scripts/simple';

const factories: Record<string, () => ServiceDefinition> = {
  postfix: () => postfixService(standinPostfixControl),
  named: () => namedService(standinNamedControl),
  dovecot: () => dovecotService(standinDovecotControl),
  sendmail: () => sendmailService(standinSendmailControl),
  iptables: () => iptablesService('iptables', standinFirewallControl('iptables')),
  ip6tables: () => iptablesService('ip6tables', standinFirewallControl('ip6tables')),
  network: networkService,
  sshd: sshdService,
  crond: crondService,
  rsyslog: rsyslogService,
  syslog: syslogService,
  xinetd: xinetdService,
  saslauthd: saslauthdService,
};

const made = new Map<string, ServiceDefinition>();

export function standinService(name: string): ServiceDefinition | undefined {
  if (!Object.prototype.hasOwnProperty.call(factories, name)) return undefined;
  let def = made.get(name);
  if (!def) {
    def = factories[name]!();
    made.set(name, def);
  }
  return def;
}

export function standinNames(): string[] {
  return Object.keys(factories);
}
