/**
 * Passwords: argon2id (OWASP's recommended parameters: 19 MiB memory, 2 iterations, 1 lane), a
 * minimum length instead of composition rules (NIST SP 800-63B §5.1.1.2).
 */
import argon2 from 'argon2';
import { AppError } from '../errors.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

const options = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function checkPasswordRules(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new AppError(
      'bad_request',
      'auth.weak_password',
      `The password must be between ${MIN_PASSWORD_LENGTH} and ${MAX_PASSWORD_LENGTH} characters long.`,
      { fields: { [field]: `Use at least ${MIN_PASSWORD_LENGTH} characters.` } },
    );
  }
}

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, options);

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    // Spend the same time as a real check so response times do not reveal unknown accounts.
    await argon2.hash(password, options);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
