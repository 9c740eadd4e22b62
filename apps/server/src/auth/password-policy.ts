import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { HttpError } from '../errors.js';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's score runs 0 (guessed at once) to 4; 3 means "safely unguessable" online (~10^8 guesses). */
export const MIN_PASSWORD_SCORE = 3;

// zxcvbn's feedback comes as keys (it leaves wording to the caller): the ones worth a sentence.
const WARNINGS: Record<string, string> = {
  straightRow: 'it is a row of keys',
  keyPattern: 'it is a pattern of keys',
  simpleRepeat: 'it repeats a character',
  extendedRepeat: 'it repeats a group of characters',
  sequences: 'it is a sequence such as abc or 123',
  recentYears: 'it is a recent year',
  dates: 'it is a date',
  topTen: 'it is one of the ten most used passwords',
  topHundred: 'it is one of the hundred most used passwords',
  common: 'it is a commonly used password',
  similarToCommon: 'it is close to a commonly used password',
  wordByItself: 'it is a single word',
  namesByThemselves: 'it is a single name',
  commonNames: 'it is a common name',
  userInputs: 'it is made of the user name or display name',
  pwned: 'it appears in lists of leaked passwords',
};

let zxcvbn: ZxcvbnFactory | undefined;
function checker(): ZxcvbnFactory {
  // Built on first use: the dictionaries take a moment to load. maxLength bounds the work on
  // long inputs (the first 100 characters are what is scored; they are enough to judge).
  zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, maxLength: 100 });
  return zxcvbn;
}

/**
 * Why `password` is not good enough for the account `username`, or null when it is: at least
 * 12 characters, not the user name nor containing it, and a zxcvbn score of at least 3.
 * One rule for the API and `ftai users add`.
 *
 * @example passwordProblem('password12', 'wang') // 'expected at least 12 characters …'
 */
export function passwordProblem(password: string, username: string, displayName?: string): string | null {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `expected at least ${MIN_PASSWORD_LENGTH} characters, got ${length}: a phrase of three or four unrelated words is long enough and easy to remember`;
  }
  const lower = password.normalize('NFC').toLowerCase();
  const name = username.normalize('NFC').toLowerCase();
  if (name.length > 0 && lower.includes(name))
    return 'the password must not be or contain the user name: choose one that has nothing to do with the account';
  const inputs = [username, ...(displayName ? [displayName] : [])];
  const result = checker().check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  return `too easy to guess (strength ${result.score} of 4, at least ${MIN_PASSWORD_SCORE} needed)${warning ? `: ${warning}` : ''}; avoid common passwords, repeats, sequences, names and dates, or use three or four unrelated words`;
}

/** Throws 400 FTAI_ERR_WEAK_PASSWORD (field `password`) when `passwordProblem` finds one. */
export function assertStrongPassword(password: string, username: string, displayName?: string): void {
  const problem = passwordProblem(password, username, displayName);
  if (problem) {
    throw new HttpError(400, 'FTAI_ERR_WEAK_PASSWORD', `password: ${problem}`, [
      { path: 'password', code: 'FTAI_ERR_WEAK_PASSWORD', message: problem },
    ]);
  }
}
