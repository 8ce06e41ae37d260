/** Who is signed in: asked of the API at load (the cookie is HttpOnly), set by the sign-in form. */
import { createContext, useContext } from 'react';

export interface Signed {
  id: string;
  name: string;
  role: 'committee' | 'officer' | 'proposer';
  unitId?: string;
  /** For the committee: where a workflow opens in Temporal's web UI (append its ID). */
  temporalWorkflows?: string;
}
export const SessionContext = createContext<{ principal: Signed | undefined; signedIn: (p: Signed | undefined) => void }>({ principal: undefined, signedIn: () => undefined });
export const usePrincipal = () => useContext(SessionContext).principal!;
