/** Archiving a system (only from the stages lifecycle.ts allows) and restoring it, each after a confirmation. */
import { useState } from 'react';
import { Button } from '@trussworks/react-uswds';
import { archiveSystem, toApiError, unarchiveSystem, type AiSystem } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useOrganisation } from '../../session';
import { LIFECYCLE_LABELS } from './inventory-labels';
import { ARCHIVABLE_STAGES, isArchivable } from './inventory-rules';

export function ArchiveControls({ system, onChanged }: { system: AiSystem; onChanged: (system: AiSystem, message: string) => void }) {
  const org = useOrganisation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const archived = Boolean(system.archivedAt);

  const onConfirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const updated = archived ? await unarchiveSystem(org.slug, system.id) : await archiveSystem(org.slug, system.id);
      setConfirming(false);
      onChanged(updated, archived ? `${updated.name} has been restored to the inventory.` : `${updated.name} has been archived.`);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const stages = ARCHIVABLE_STAGES.map((s) => LIFECYCLE_LABELS[s].toLowerCase());
  return (
    <section aria-labelledby="archive-heading" className="margin-top-5">
      <h2 id="archive-heading">{archived ? 'Restore' : 'Archive'}</h2>
      {archived ? (
        <>
          <p>Restoring puts the system back in the inventory list, at the stage it was in, so it can be changed again.</p>
          <Button type="button" outline onClick={() => setConfirming(true)}>
            Restore this system
          </Button>
        </>
      ) : isArchivable(system.lifecycle) ? (
        <>
          <p>Archiving takes the system out of the inventory list. Nothing is deleted: its record and history stay, and it can be restored.</p>
          <Button type="button" secondary onClick={() => setConfirming(true)}>
            Archive this system
          </Button>
        </>
      ) : (
        <p>
          Only systems that are {stages.slice(0, -1).join(', ')} or {stages.at(-1)} can be archived. A system that is {LIFECYCLE_LABELS[system.lifecycle].toLowerCase()}{' '}
          stays in the inventory until it is moved to one of those stages, for example retired.
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={archived ? `Restore ${system.name}?` : `Archive ${system.name}?`}
          confirmLabel={archived ? 'Restore system' : 'Archive system'}
          onConfirm={() => void onConfirm()}
          onCancel={() => setConfirming(false)}
          busy={busy}
          error={error}
        >
          <p>
            {archived
              ? 'It will be back in the inventory list and can be changed again.'
              : 'It will be left out of the inventory list and cannot be changed until it is restored. Its record and history are kept.'}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
