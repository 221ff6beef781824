import { TemplateStatus } from '../api/templates';

/** Meta's documented rejection codes (reference §9) and common review outcomes, in plain words. */
const REJECTION_REASONS: Record<string, string> = {
  INCORRECT_PARAMS: 'its variables are not accepted (the text may start or end with a variable, or the variables are not numbered in order)',
  PARAMS_TO_WORD_RATIO_EXCEED_LIMIT: 'it has too many variables for its length; add more fixed text',
  TAG_SHOULD_BE_MARKETING: 'Meta considers it marketing rather than a utility message; remove promotional wording',
  PROMOTIONAL: 'Meta considers it promotional; utility templates must not advertise',
  TEMPLATE_VARIABLES_MISSING_SAMPLE_VALUES: 'some variables have no example value',
  INVALID_FORMAT: 'its format is not valid',
  ABUSIVE_CONTENT: 'Meta found abusive content in it',
  SCAM: 'Meta considers it a possible scam',
};

/** `NONE` is what Meta sends as the reason of non-rejections. */
export function meaningfulReason(code: string | null | undefined): string | null {
  const value = code?.trim();
  return value && value.toUpperCase() !== 'NONE' ? value : null;
}

export function describeRejectionReason(code: string | null | undefined): string {
  const reason = meaningfulReason(code);
  if (!reason) return 'Meta gave no reason';
  return REJECTION_REASONS[reason.toUpperCase()] ?? `Meta's reason: ${reason}`;
}

/** What a status means for whoever wants to send the template; null when it is ready (approved). */
export function describeTemplateStatus(status: TemplateStatus, reasonCode: string | null): string | null {
  const reason = meaningfulReason(reasonCode);
  switch (status) {
    case TemplateStatus.APPROVED:
      return null;
    case TemplateStatus.DRAFT:
      return 'Not submitted to Meta yet.';
    case TemplateStatus.PENDING:
      return 'Waiting for Meta’s review (usually seconds to a few minutes).';
    case TemplateStatus.REJECTED:
      return `Meta rejected it: ${describeRejectionReason(reason)}.`;
    case TemplateStatus.PAUSED:
      return `Meta paused it because customers reported or blocked it${reason ? ` (${reason})` : ''}. It can be sent again once Meta lifts the pause.`;
    case TemplateStatus.DISABLED:
      return `Meta disabled it after repeated reports${reason ? ` (${reason})` : ''}. Create a new template instead.`;
  }
}

export const TEMPLATE_STATUS_LABELS: Record<TemplateStatus, string> = {
  [TemplateStatus.DRAFT]: 'Draft',
  [TemplateStatus.PENDING]: 'In review',
  [TemplateStatus.APPROVED]: 'Approved',
  [TemplateStatus.REJECTED]: 'Rejected',
  [TemplateStatus.PAUSED]: 'Paused',
  [TemplateStatus.DISABLED]: 'Disabled',
};
