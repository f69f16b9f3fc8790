/** The owner question of the system form, which depends on who is filling it in. */
import { listPeople, type AiSystem } from '../../api';
import { RadioFieldset } from '../../components/radio-fieldset';
import { SelectField } from '../../components/select-field';
import { useOrganisation, useSession } from '../../session';
import { useApiData } from '../../use-api';
import { isGovernor } from './inventory-rules';

type OwnerProps = { system: AiSystem | null; value: string; onChange: (ownerId: string) => void; error: string | undefined };

/**
 * Administrators and governance officers choose any member (from the people list). System owners
 * own what they register and cannot hand a system on.
 */
export function OwnerField({ system, value, onChange, error }: OwnerProps) {
  const org = useOrganisation();
  const session = useSession();
  const me = session.user;
  const admin = isGovernor(org.roles);
  const members = useApiData((signal) => (admin ? listPeople(org.slug, {}, signal) : Promise.resolve(null)), [org.slug, admin]);
  const hint = system
    ? 'The person accountable for the system. They can change its details and move it through its stages. A new owner also takes over the open obligations the previous owner held.'
    : 'The person accountable for the system. They can change its details and move it through its stages.';

  if (admin && members.data) {
    const options = [...members.data.items].sort((a, b) => a.displayName.localeCompare(b.displayName)).map((m) => ({ value: m.userId, label: `${m.displayName} (${m.email})` }));
    if (!options.some((o) => o.value === value)) options.unshift({ value, label: system?.owner.id === value ? system.owner.displayName : me.displayName });
    return <SelectField id="ownerId" label="Owner" hint={hint} value={value} onChange={onChange} options={options} error={error} required />;
  }

  if (admin && !members.error) {
    return (
      <div className="usa-form-group" id="ownerId" tabIndex={-1}>
        <p className="usa-label margin-top-0">Owner</p>
        <p className="margin-y-1" role="status">
          Loading the people of {org.name}…
        </p>
      </div>
    );
  }

  if (isGovernor(org.roles)) {
    // The people list could not be loaded: choose between yourself and the current owner.
    const choices = [{ value: me.id, label: `Me (${me.displayName})` }];
    if (system && system.owner.id !== me.id) choices.push({ value: system.owner.id, label: `${system.owner.displayName} (the current owner)` });
    if (choices.length === 1) {
      return (
        <div className="usa-form-group" id="ownerId" tabIndex={-1}>
          <p className="usa-label margin-top-0">Owner</p>
          <p className="margin-y-1">You will be the owner. An administrator can hand the system to someone else later.</p>
        </div>
      );
    }
    return (
      <RadioFieldset
        name="ownerId"
        legend="Owner"
        hint={`${hint} The list of people could not be loaded; to name someone else, try again later.`}
        choices={choices}
        value={value}
        onChange={onChange}
        error={error}
      />
    );
  }

  return (
    <div className="usa-form-group" id="ownerId" tabIndex={-1}>
      <p className="usa-label margin-top-0">Owner</p>
      <p className="margin-y-1">
        {system
          ? `${system.owner.displayName}. Only a governance officer or an administrator can hand the system to someone else.`
          : 'You will be the owner of this system.'}
      </p>
    </div>
  );
}
