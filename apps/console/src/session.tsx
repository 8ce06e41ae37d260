/** Who is signed in: asked of the API at load (the cookie is HttpOnly), set by the sign-in form. */
import { createContext, useContext } from 'react';
import type { Answer } from './api/client';

type SessionAnswer = Answer<'/session'>;
/** The signed-in person as the API answers it, and for the committee where a workflow opens in Temporal's web UI. */
export type Signed = SessionAnswer['principal'] & Pick<SessionAnswer, 'temporalWorkflows'>;
export const SessionContext = createContext<{ principal: Signed | undefined; signedIn: (p: Signed | undefined) => void }>({ principal: undefined, signedIn: () => undefined });
export const usePrincipal = () => useContext(SessionContext).principal!;
