/** How a file that is not a regular file is named in a refusal, from its Unix mode. */
export function describeMode(mode: number): string {
  switch (mode & 0o170000) {
    case 0o120000:
      return 'a symbolic link';
    case 0o010000:
      return 'a FIFO';
    case 0o020000:
      return 'a character device';
    case 0o060000:
      return 'a block device';
    case 0o140000:
      return 'a socket';
    case 0o040000:
      return 'a folder';
    default:
      return 'not a regular file';
  }
}
