import { approveRelease, editRelease, reviewRelease } from '../../core/dossier';
import type { Handlers } from '../ipc/dispatch';
import type { AppContext } from './context';

type ReleaseChannels = 'release.review' | 'release.approve' | 'release.edit';

/** The release review: inputs are validated by the contract, then again by the core. */
export function releaseHandlers(ctx: AppContext): Pick<Handlers, ReleaseChannels> {
  return {
    async 'release.review'({ caseId, audience }) {
      return reviewRelease(ctx.session.requireVault(), caseId, audience);
    },
    async 'release.approve'(input) {
      return approveRelease(ctx.session.requireVault(), input);
    },
    async 'release.edit'(input) {
      return editRelease(ctx.session.requireVault(), input);
    },
  };
}
