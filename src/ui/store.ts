import { create } from 'zustand';

export interface HostInfo {
  name: string;
  address: string;
}

interface LabState {
  status: 'starting' | 'ready';
  hosts: HostInfo[];
  active: string;
  faults: string[];
  setReady(hosts: HostInfo[]): void;
  setActive(name: string): void;
  addFault(message: string): void;
}

/** What the page knows about the lab: hosts, which console is in front, engine faults. */
export const useLab = create<LabState>((set) => ({
  status: 'starting',
  hosts: [],
  active: 'rhel1',
  faults: [],
  setReady: (hosts) => set({ status: 'ready', hosts }),
  setActive: (name) => set({ active: name }),
  addFault: (message) => set((s) => ({ faults: [...s.faults, message] })),
}));
