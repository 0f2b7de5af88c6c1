/**
 * Splits one command line of `vigil batch` or `vigil shell` into arguments,
 * as a POSIX shell would for the quoting alone: words are separated by
 * blanks; '…' keeps everything literally; "…" keeps everything but lets \"
 * and \\ through; a backslash outside quotes keeps the next character; a word
 * starting with # begins a comment. Nothing is expanded ($VAR, ~, globs,
 * pipes): a name with a $ or a * in it stays as typed. Returns a message
 * instead when a quote is left open.
 */
export function splitCommandLine(line: string): string[] | { error: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i += 1;
    } else if (c === '#' && !inWord) {
      break;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { error: "a single quote (') is not closed" };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i += 1;
      inWord = true;
      let closed = false;
      while (i < line.length) {
        const d = line[i]!;
        if (d === '"') {
          closed = true;
          i += 1;
          break;
        }
        if (d === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) {
          word += line[i + 1];
          i += 2;
        } else {
          word += d;
          i += 1;
        }
      }
      if (!closed) return { error: 'a double quote (") is not closed' };
    } else if (c === '\\') {
      if (i + 1 >= line.length) return { error: 'the line ends with a backslash (\\)' };
      word += line[i + 1];
      inWord = true;
      i += 2;
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  return words;
}
