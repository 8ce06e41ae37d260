/** Why an action was refused: a typed reason the API maps to an HTTP status, never a thrown string. */
export type RefusalCode =
  | 'invalid' // the data is malformed or breaks a rule of its own (422)
  | 'forbidden' // this role may not take this action (403)
  | 'wrongUnit' // this unit has no such duty on this proposal (403)
  | 'wrongStage' // not allowed in the proposal's current stage (409)
  | 'notReady' // a prerequisite is missing, such as a co-handler's countersign (409)
  | 'windowClosed' // the period for this action has passed (409)
  | 'alreadyDone' // this duty was already done (409)
  | 'notFound'; // the thing named does not exist on this proposal (404)

export interface Refusal {
  code: RefusalCode;
  message: string;
  /** The field path that failed, when the refusal is about one field. */
  path?: (string | number)[];
}

export type Decision<E> = { ok: true; events: E[] } | { ok: false; refusal: Refusal };

export const refuse = (code: RefusalCode, message: string, path?: (string | number)[]): { ok: false; refusal: Refusal } => ({
  ok: false,
  refusal: path ? { code, message, path } : { code, message },
});
