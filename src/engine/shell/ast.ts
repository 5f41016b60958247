/** The shell's syntax tree. Words keep their quoting so expansion knows what to split and glob. */

export type Part =
  /** Unquoted text: subject to globbing (not to splitting, it is not an expansion). */
  | { k: 'lit'; s: string }
  /** Quoted or backslash-escaped text: taken literally. */
  | { k: 'sq'; s: string }
  /** A double-quoted run. */
  | { k: 'dq'; parts: Part[] }
  /** $name, ${name}, ${name<op><word>}. */
  | { k: 'var'; name: string; op: string; arg: Part[] | null; arg2?: Part[] | null; length?: boolean }
  /** $(...) or `...`: the source text, parsed when run. */
  | { k: 'cmd'; src: string }
  /** $((...)) */
  | { k: 'arith'; src: string }
  /** ~ or ~user at the start of a word. */
  | { k: 'tilde'; user: string };

export interface Word {
  parts: Part[];
  /** The text as typed, for messages and `type`/history. */
  text: string;
}

export interface Assign {
  name: string;
  value: Word;
  append: boolean;
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<<' | '<<-' | '<<<' | '>&' | '<&' | '&>' | '&>>';

export interface Redir {
  fd: number | null;
  op: RedirOp;
  target: Word;
  /** Here-document body, filled once the lines after the command are read. */
  heredoc?: { body: string; expand: boolean };
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Assign[];
  words: Word[];
  redirs: Redir[];
  line: number;
}

export interface IfCommand {
  type: 'if';
  clauses: Array<{ cond: List; body: List }>;
  elseBody: List | null;
  redirs: Redir[];
}

export interface ForCommand {
  type: 'for';
  name: string;
  words: Word[] | null;
  body: List;
  redirs: Redir[];
}

export interface ArithForCommand {
  type: 'arithfor';
  init: string;
  cond: string;
  step: string;
  body: List;
  redirs: Redir[];
}

export interface LoopCommand {
  type: 'while' | 'until';
  cond: List;
  body: List;
  redirs: Redir[];
}

export interface CaseCommand {
  type: 'case';
  word: Word;
  items: Array<{ patterns: Word[]; body: List }>;
  redirs: Redir[];
}

export interface GroupCommand {
  type: 'group' | 'subshell';
  body: List;
  redirs: Redir[];
}

export interface FunctionDef {
  type: 'function';
  name: string;
  body: Command;
}

export interface ArithCommand {
  type: 'arithcmd';
  src: string;
  redirs: Redir[];
}

export interface CondCommand {
  type: 'cond';
  /** The words between [[ and ]], expanded without splitting or globbing. */
  words: Word[];
  redirs: Redir[];
}

export type Command =
  | SimpleCommand
  | IfCommand
  | ForCommand
  | ArithForCommand
  | LoopCommand
  | CaseCommand
  | GroupCommand
  | FunctionDef
  | ArithCommand
  | CondCommand;

export interface Pipeline {
  type: 'pipeline';
  bang: boolean;
  cmds: Command[];
  /** The source text, for job messages. */
  text: string;
}

export interface AndOr {
  type: 'andor';
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
}

export interface List {
  type: 'list';
  items: Array<{ andor: AndOr; background: boolean }>;
}
