import { useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { labClient } from './labClient';

/** One host's console in xterm.js, sized to its box. */
export function TerminalView({ host, visible }: { host: string; visible: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const fit = useRef<FitAddon | null>(null);

  useEffect(() => {
    const t = new Terminal({
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      lineHeight: 1.15,
      cursorBlink: true,
      scrollback: 5000,
      theme: { background: '#111417', foreground: '#d8dee4' },
    });
    const f = new FitAddon();
    t.loadAddon(f);
    t.open(box.current!);
    term.current = t;
    fit.current = f;
    const detach = labClient.attach(host, (data) => t.write(data));
    const typed = t.onData((data) => labClient.send({ type: 'input', host, data }));
    const resized = t.onResize(({ cols, rows }) => labClient.send({ type: 'resize', host, cols, rows }));
    const onWindow = () => f.fit();
    window.addEventListener('resize', onWindow);
    f.fit();
    return () => {
      window.removeEventListener('resize', onWindow);
      typed.dispose();
      resized.dispose();
      detach();
      t.dispose();
    };
  }, [host]);

  useEffect(() => {
    if (visible) {
      fit.current?.fit();
      term.current?.focus();
    }
  }, [visible]);

  return <div className="terminal" ref={box} style={{ display: visible ? 'block' : 'none' }} data-host={host} />;
}
