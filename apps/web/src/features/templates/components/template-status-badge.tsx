import * as React from 'react';
import { Badge } from '../../../components/ui/badge';
import type { TemplateStatus } from '@ticklegram/domain-models';
import { statusBadge } from '../template-form';

export function TemplateStatusBadge({ status }: { status: TemplateStatus }) {
  const view = statusBadge(status);
  return (
    <Badge variant={view.tone} data-testid="template-status" data-status={status}>
      {view.label}
    </Badge>
  );
}
