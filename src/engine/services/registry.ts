import type { ServiceDefinition } from './types';

/**
 * Service definitions registered by the lab's daemons, by init script name. They take precedence
 * over the stand-ins of services/standins.ts. A host may also register its own (tests do) with
 * ServiceManager.register, which wins over both.
 */
const registered = new Map<string, ServiceDefinition>();

export function registerService(def: ServiceDefinition): void {
  registered.set(def.name, def);
}

export function registeredService(name: string): ServiceDefinition | undefined {
  return registered.get(name);
}

/** Removes a registration (tests that register a temporary definition). */
export function unregisterService(name: string): void {
  registered.delete(name);
}
