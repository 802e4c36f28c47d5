/** The signed links a message carries; each token is good for one purpose only. */
import { signToken } from '../tokens.js';

export interface LinkDeps {
  secret: string;
  publicUrl: string;
}

const q = (t: string) => encodeURIComponent(t);

export function bookingLinks(deps: LinkDeps, bookingId: string) {
  const base = deps.publicUrl.replace(/\/+$/, '');
  const manage = signToken(deps.secret, bookingId, 'manage');
  return {
    manage: `${base}/manage?token=${q(manage)}`,
    reschedule: `${base}/manage?token=${q(manage)}&action=reschedule`,
    ics: `${base}/booking.ics?token=${q(manage)}`,
    confirm: `${base}/confirm?token=${q(signToken(deps.secret, bookingId, 'confirm'))}`,
    rebook: `${base}/rebook?token=${q(signToken(deps.secret, bookingId, 'rebook'))}`,
  };
}

export function manageUrl(deps: LinkDeps, manageToken: string): string {
  return `${deps.publicUrl.replace(/\/+$/, '')}/manage?token=${q(manageToken)}`;
}
