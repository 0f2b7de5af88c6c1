import type { VigilApi } from '../../../shared/ipc/api';

declare global {
  interface Window {
    vigil: VigilApi;
  }
}
