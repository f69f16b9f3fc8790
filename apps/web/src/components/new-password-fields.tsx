/** "New password" and "Confirm new password", with the length rule stated up front. */
import { MIN_PASSWORD_LENGTH } from '../forms';
import { TextField } from './text-field';

type Props = {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  errors: Readonly<Record<string, string>>;
  /** The server's name for the password field: newPassword, or password when accepting an invitation. */
  field: string;
  label?: string;
};

export function NewPasswordFields({ password, confirm, onPassword, onConfirm, errors, field, label = 'New password' }: Props) {
  return (
    <>
      <TextField
        id={field}
        label={label}
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong password.`}
        value={password}
        onChange={onPassword}
        error={errors[field]}
        required
      />
      <TextField
        id="confirmPassword"
        label={`Confirm ${label.toLowerCase()}`}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={onConfirm}
        error={errors['confirmPassword']}
        required
      />
    </>
  );
}

/** Client-side checks before the server's; returns field errors keyed like the server's. */
export function checkNewPassword(password: string, confirm: string, field: string): Record<string, string> {
  const fields: Record<string, string> = {};
  if (password.length < MIN_PASSWORD_LENGTH) fields[field] = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (confirm !== password) fields['confirmPassword'] = 'The two passwords do not match.';
  return fields;
}
