import type { Tx } from '../../db/client.js';
import { queueMail } from '../../platform/notify/mail.js';
import { notify } from '../notifications/notifications.service.js';

export interface ReferralNotice {
  networkId: string;
  kind: string;
  title: string;
  body: string;
  /** A path in the web app; mail makes it absolute with baseUrl (PUBLIC_URL). */
  link: string;
  baseUrl?: string | undefined;
}

/** MT-12: email and in-app notification, in the step's transaction (both exist only if the step commits). */
export async function notifyPeople(tx: Tx, people: { id: string; name: string; email: string }[], n: ReferralNotice) {
  const seen = new Set<string>();
  for (const person of people) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    await queueMail(tx, {
      networkId: n.networkId,
      to: person.email,
      subject: n.title,
      // No client names in mail: the link opens the referral for those allowed to see it.
      text: `Hello ${person.name},\n\n${n.body}\n\nOpen it in the portal: ${n.baseUrl ?? ''}${n.link}\n`,
    });
    await notify(tx, {
      networkId: n.networkId,
      userId: person.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
    });
  }
}
