import type { Shell } from './interp';
import { builtinNames } from './builtins/index';
import { X_OK, permits } from '../fs/vfs';
import type { Completer } from './readline';

const KEYWORDS = ['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'function', 'time', 'in', 'select'];

/** Tab completion as bash offers it by default: commands in command position, else file names. */
export function shellCompleter(sh: Shell): Completer {
  return {
    complete(word: string, command: boolean): string[] {
      if (command && !word.includes('/')) {
        const names = new Set<string>();
        for (const n of [...sh.aliases.keys(), ...sh.functions.keys(), ...builtinNames(), ...KEYWORDS]) if (n.startsWith(word)) names.add(n);
        for (const dir of (sh.getVar('PATH') ?? '').split(':')) {
          let entries: string[];
          try {
            entries = sh.fs.readdir(dir || '.');
          } catch {
            continue;
          }
          for (const e of entries) {
            if (!e.startsWith(word)) continue;
            try {
              const node = sh.fs.lookup(`${dir}/${e}`);
              if (node.type !== 'dir' && permits(node, sh.cred, X_OK)) names.add(e);
            } catch {
              // dangling link
            }
          }
        }
        if (word === '') return [];
        return [...names];
      }
      return fileCandidates(sh, word, command);
    },
  };
}

function fileCandidates(sh: Shell, word: string, executablesOnly: boolean): string[] {
  let expanded = word;
  let tildePrefix = '';
  const tm = /^~([^/]*)/.exec(word);
  if (tm) {
    const home = tm[1] === '' ? sh.getVar('HOME') : sh.host.users.getpwnam(tm[1]!)?.home;
    if (!word.includes('/')) {
      // ~us<TAB> completes user names
      return sh.host.users
        .users()
        .filter((u) => u.name.startsWith(tm[1]!))
        .map((u) => '~' + u.name + '/');
    }
    if (home) {
      tildePrefix = tm[0];
      expanded = home + word.slice(tm[0].length);
    }
  }
  const slash = expanded.lastIndexOf('/');
  const dir = slash < 0 ? '.' : expanded.slice(0, slash + 1) || '/';
  const base = slash < 0 ? expanded : expanded.slice(slash + 1);
  let names: string[];
  try {
    names = sh.fs.readdir(dir);
  } catch {
    return [];
  }
  const shownDir = slash < 0 ? '' : word.slice(0, word.lastIndexOf('/') + 1);
  void tildePrefix;
  const out: string[] = [];
  for (const n of names) {
    if (!n.startsWith(base)) continue;
    if (base === '' && n.startsWith('.')) continue;
    const full = (dir.endsWith('/') ? dir : dir + '/') + n;
    const st = sh.fs.tryStat(full);
    const isDir = st?.type === 'dir';
    if (executablesOnly && !isDir) {
      try {
        if (!permits(sh.fs.lookup(full), sh.cred, X_OK)) continue;
      } catch {
        continue;
      }
    }
    out.push(shownDir + n + (isDir ? '/' : ''));
  }
  return out;
}
