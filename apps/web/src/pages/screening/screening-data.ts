/** Loading a system together with its latest screening (null when it has never been screened). */
import { getLatestScreening, getSystem, toApiError, type AiSystem, type Screening } from '../../api';

export async function loadSystemScreening(org: string, systemId: string, signal: AbortSignal): Promise<{ system: AiSystem; latest: Screening | null }> {
  const [system, latest] = await Promise.all([
    getSystem(org, systemId, signal),
    getLatestScreening(org, systemId, signal).catch((error: unknown) => {
      if (toApiError(error).status === 404) return null;
      throw error;
    }),
  ]);
  return { system, latest };
}
