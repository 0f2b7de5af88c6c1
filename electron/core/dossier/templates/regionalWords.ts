import type { DossierLanguage } from '../../../../shared/dossier';
import type { ProcedureStatus, RemedyStatus } from '../../../../shared/mechanismFacts';

/**
 * Words the regional bodies' templates share when they print the case's
 * mechanism facts: where domestic remedies stand, where another procedure
 * stands, the days of the final decision.
 */
export interface RegionalWords {
  remedyStatus: Record<RemedyStatus, string>;
  procedureStatus: Record<ProcedureStatus, string>;
  /** "decided on {date}" */
  decidedOn: string;
  /** "notified on {date}" */
  notifiedOn: string;
  /** "seized on {date}" */
  seizedOn: string;
  /** When the mechanism facts were recorded with no other procedure: "None". */
  noOtherProcedures: string;
}

export const REGIONAL_WORDS: Record<DossierLanguage, RegionalWords> = {
  en: {
    remedyStatus: {
      exhausted: 'Exhausted',
      pending: 'Still pending',
      unavailable: 'Not available',
      ineffective: 'Ineffective',
    },
    procedureStatus: {
      pending: 'pending',
      decided: 'decided',
      closed: 'closed',
      withdrawn: 'withdrawn',
    },
    decidedOn: 'decided on {date}',
    notifiedOn: 'notified on {date}',
    seizedOn: 'seized on {date}',
    noOtherProcedures: 'None',
  },
  es: {
    remedyStatus: {
      exhausted: 'Agotados',
      pending: 'Aún pendientes',
      unavailable: 'No disponibles',
      ineffective: 'Ineficaces',
    },
    procedureStatus: {
      pending: 'en trámite',
      decided: 'resuelto',
      closed: 'archivado',
      withdrawn: 'retirado',
    },
    decidedOn: 'dictada el {date}',
    notifiedOn: 'notificada el {date}',
    seizedOn: 'presentado el {date}',
    noOtherProcedures: 'Ninguno',
  },
  fr: {
    remedyStatus: {
      exhausted: 'Épuisées',
      pending: 'Encore pendantes',
      unavailable: 'Indisponibles',
      ineffective: 'Inefficaces',
    },
    procedureStatus: {
      pending: 'pendante',
      decided: 'tranchée',
      closed: 'close',
      withdrawn: 'retirée',
    },
    decidedOn: 'rendue le {date}',
    notifiedOn: 'notifiée le {date}',
    seizedOn: 'saisie le {date}',
    noOtherProcedures: 'Aucune',
  },
  ar: {
    remedyStatus: {
      exhausted: 'مستنفدة',
      pending: 'لا تزال قيد النظر',
      unavailable: 'غير متاحة',
      ineffective: 'غير فعالة',
    },
    procedureStatus: {
      pending: 'قيد النظر',
      decided: 'صدر فيها قرار',
      closed: 'مغلقة',
      withdrawn: 'مسحوبة',
    },
    decidedOn: 'صدر في {date}',
    notifiedOn: 'أُبلغ به في {date}',
    seizedOn: 'قُدمت في {date}',
    noOtherProcedures: 'لا يوجد',
  },
  ru: {
    remedyStatus: {
      exhausted: 'Исчерпаны',
      pending: 'Ещё не завершены',
      unavailable: 'Недоступны',
      ineffective: 'Неэффективны',
    },
    procedureStatus: {
      pending: 'на рассмотрении',
      decided: 'решение вынесено',
      closed: 'прекращено',
      withdrawn: 'отозвано',
    },
    decidedOn: 'вынесено {date}',
    notifiedOn: 'получено {date}',
    seizedOn: 'подано {date}',
    noOtherProcedures: 'Нет',
  },
};
