import { UsageError } from './command';
import { readFirstLineOfFile, secretSourceProblem } from './io';

/** The first line of FILE, which must hold `what` (a passphrase, a recovery key), as UTF-8 text. */
export async function secretFromFile(file: string, what: string): Promise<string> {
  const value = await readFirstLineOfFile(file).catch((error: unknown) => {
    throw new UsageError(secretSourceProblem(error, `${file} (${what})`));
  });
  if (value.length === 0)
    throw new UsageError(`the first line of ${file} is empty; it must hold ${what}.`);
  return value;
}
