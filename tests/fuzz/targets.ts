import type { RegisteredTarget } from './harness';
import { mediaTargets } from './media';
import { metafileTargets } from './metafiles';
import { officeTargets } from './office';
import { pdfTargets } from './pdf';
import { pgpTargets } from './pgp';
import { dossierTargets } from './dossier';
import { svgTargets } from './svg';

// Every fuzz target, in one place: `npm test` runs each at its modest count,
// `npm run fuzz -- NAME --runs N` runs the ones NAME selects for longer.
// To add a target: write it beside the others (one file per area) and list it here.
export const TARGETS: RegisteredTarget[] = [
  ...pdfTargets,
  ...mediaTargets,
  ...metafileTargets,
  ...officeTargets,
  ...svgTargets,
  ...pgpTargets,
  ...dossierTargets,
];
