import { Lab } from '../../src/engine/lab';

/** A lab driven through its consoles, as a learner types. */
export class ConsoleSession {
  private constructor(readonly lab: Lab) {}

  static async start(opts: { clock?: number; seed?: number } = {}): Promise<ConsoleSession> {
    const lab = Lab.create(opts);
    await lab.settle({ fastForward: true });
    return new ConsoleSession(lab);
  }

  /** Types each line followed by Enter, settling in between; returns what the console showed. */
  async type(host: string, ...lines: string[]): Promise<string> {
    const from = this.lab.host(host).console.screen.cursorRow;
    for (const line of lines) {
      this.lab.type(host, line + '\r');
      await this.lab.settle({ fastForward: true });
    }
    return this.lab.screenText(host, from);
  }

  /** Sends keys without Enter. */
  async keys(host: string, keys: string): Promise<string> {
    const from = this.lab.host(host).console.screen.cursorRow;
    this.lab.type(host, keys);
    await this.lab.settle({ fastForward: true });
    return this.lab.screenText(host, from);
  }

  /** Runs one command line on rhel1 (or host) and returns only its output lines (no prompts). */
  async run(line: string, host = 'rhel1'): Promise<string> {
    const screen = await this.type(host, line);
    const lines = screen.split('\n');
    // first line is the prompt + command, last is the next prompt
    return lines.slice(1, -1).join('\n');
  }
}
