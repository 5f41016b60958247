/** The errno values the lab's filesystem raises, with the C library's strerror() text. */
export const STRERROR = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EBUSY: 'Device or resource busy',
  EXDEV: 'Invalid cross-device link',
  EROFS: 'Read-only file system',
  EBADF: 'Bad file descriptor',
  ESRCH: 'No such process',
  EPIPE: 'Broken pipe',
} as const;

export type Errno = keyof typeof STRERROR;

/** A failed filesystem call: a stable code, the path it was about, and strerror() as message. */
export class FsError extends Error {
  constructor(
    readonly code: Errno,
    readonly path: string,
  ) {
    // Failed lookups are routine (PATH searches, `test -e`): skip the costly stack capture.
    const ctor = Error as { stackTraceLimit?: number };
    const limit = ctor.stackTraceLimit;
    ctor.stackTraceLimit = 0;
    super(STRERROR[code]);
    ctor.stackTraceLimit = limit;
    this.name = 'FsError';
  }
}

export function isFsError(e: unknown): e is FsError {
  return e instanceof FsError;
}

/** The message text of any error a command meets: strerror() for FsError, else the message. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
