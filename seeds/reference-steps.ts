/**
 * Proposal 202's life as the people in it would act, step by step: the committee registers and
 * assigns it, the DRC and the Science Bureau handle it, the three members rate the reply, and
 * the DRC reports each commitment done. The main job and the tests drive the same steps.
 */
import type { Actor, Command } from '../workflows/domain/commands';
import { type ReferenceCase, personFor } from './reference-case';

export interface Step {
  label: string;
  command: Command;
}

function actorFor(role: 'committee' | 'proposer' | 'officer', id?: string, unitId?: string): Actor {
  if (role === 'officer') return { role, id: personFor('officer', unitId).id, unitId: unitId! };
  if (role === 'proposer') return { role, id: id! };
  return { role, id: personFor('committee').id };
}

/** `now` stamps the contacts, which happen as the case runs. */
export function referenceSteps(c: ReferenceCase, now: () => string): Step[] {
  if (c.assignment.mode !== 'joint') throw new Error('the reference case is a joint reply');
  const lead = c.assignment.lead;
  const committee = actorFor('committee');
  const officer = (unitId: string) => actorFor('officer', undefined, unitId);
  return [
    { label: '立案 registered by the proposal committee', command: { type: 'review', actor: committee, review: { outcome: 'register' } } },
    { label: '交办 assigned: lead DRC, co-handler Science Bureau', command: { type: 'assign', actor: committee, assignment: c.assignment } },
    ...c.contacts.map((x): Step => ({
      label: `沟通 ${x.contact.phase} contact (${x.contact.form}) by ${x.unitId}`,
      command: { type: 'recordContact', actor: officer(x.unitId), contact: { ...x.contact, occurredAt: now() } },
    })),
    { label: `会办 opinion from ${c.opinion.unitId}`, command: { type: 'submitOpinion', actor: officer(c.opinion.unitId), text: c.opinion.text } },
    { label: `答复草拟 joint reply drafted by ${lead} (class ${c.draft.replyClass}, ${c.draft.commitments.length} commitments)`, command: { type: 'draftReply', actor: officer(lead), draft: c.draft } },
    // 联合答复: the draft names the Science Bureau a co-issuer, so its head signs as it countersigns.
    ...c.assignment.coHandlers.map((u): Step =>
      c.draft.coIssuers?.includes(u)
        ? { label: `会签 countersigned and signed by ${u} (${c.coSigner.title})`, command: { type: 'countersign', actor: officer(u), signer: c.coSigner } }
        : { label: `会签 countersigned by ${u}`, command: { type: 'countersign', actor: officer(u) } },
    ),
    { label: `submitted for review by ${lead}`, command: { type: 'submitReply', actor: officer(lead) } },
    { label: '审核 accepted by the committee', command: { type: 'reviewReply', actor: committee, review: { decision: 'accept' } } },
    { label: `答复 issued, signed by ${c.signer.title}`, command: { type: 'issueReply', actor: officer(lead), signer: c.signer } },
    // The reply was published in full on the city's website, as the seed's reply is.
    { label: `答复公开 published in full by ${lead}`, command: { type: 'decidePublication', actor: officer(lead), publication: { decision: 'full' } } },
    ...c.evaluations.map((e): Step => ({ label: `评价 ${e.rating} from ${e.proposerId}`, command: { type: 'evaluate', actor: actorFor('proposer', e.proposerId), rating: e.rating } })),
    ...c.followUpReports.map((r): Step => ({
      label: `跟踪 commitment ${r.commitmentNo} reported ${r.done ? 'done' : 'in progress'}`,
      command: { type: 'reportFollowUp', actor: officer(lead), commitmentNo: r.commitmentNo, progress: r.progress, done: r.done },
    })),
  ];
}
