/** Register an AI system: it starts as an idea, owned by whoever registers it unless a governor names someone. */
import { useNavigate } from 'react-router';
import { createSystem, type NewSystem } from '../../api';
import { Page } from '../../components/page';
import { useOrganisation } from '../../session';
import { SystemForm } from './system-form';

export function NewSystemPage() {
  const org = useOrganisation();
  const navigate = useNavigate();
  return (
    <Page title="Add an AI system">
      <p className="usa-intro">
        Record an AI system {org.name} uses, is building or is thinking about. It starts as an idea; you can complete the details and move it on
        later.
      </p>
      <SystemForm
        system={null}
        submitLabel="Add AI system"
        cancelTo="/systems"
        onSubmit={async (fields) => {
          const input: NewSystem = fields;
          const created = await createSystem(org.slug, input);
          void navigate(`/systems/${created.id}`, { state: { notice: `${created.name} has been added to the inventory as an idea.` } });
        }}
      />
    </Page>
  );
}
