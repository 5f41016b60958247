import { TerminalView } from './TerminalView';
import { useLab } from './store';

/** The lab page: a tab per host, each with its console. */
export function App() {
  const { hosts, active, setActive, status, faults } = useLab();
  const names = hosts.length ? hosts.map((h) => h.name) : ['rhel1', 'rhel2'];
  return (
    <div className="app">
      <header>
        <h1>Mail Lab</h1>
        <nav role="tablist">
          {names.map((name) => {
            const h = hosts.find((x) => x.name === name);
            return (
              <button key={name} role="tab" aria-selected={active === name} className={active === name ? 'tab active' : 'tab'} onClick={() => setActive(name)}>
                {name}
                {h ? <span className="addr"> {h.address}</span> : null}
              </button>
            );
          })}
        </nav>
        {status === 'starting' ? <span className="status">starting…</span> : null}
      </header>
      <main>
        {names.map((name) => (
          <TerminalView key={name} host={name} visible={active === name} />
        ))}
      </main>
      {faults.length ? <footer className="faults">Engine fault: {faults[faults.length - 1]}</footer> : null}
    </div>
  );
}
