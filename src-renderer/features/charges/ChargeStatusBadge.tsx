// A charge attempt's status in words and shape (colour only repeats it).
import type { ReactElement } from 'react';
import type { ChargeStatus } from '@shared/vocabulary';
import { Icon, type IconName } from '../../ui/Icon';

const LOOK: Record<ChargeStatus, { label: string; icon: IconName; tone: 'ok' | 'bad' | 'warn' | 'none' }> = {
  pending: { label: 'Pending', icon: 'hourglass', tone: 'none' },
  succeeded: { label: 'Succeeded', icon: 'check-circle', tone: 'ok' },
  declined: { label: 'Declined', icon: 'x-circle', tone: 'bad' },
  failed: { label: 'Failed', icon: 'x-circle', tone: 'bad' },
  unknown: { label: 'Outcome unknown', icon: 'alert', tone: 'warn' },
  refunded: { label: 'Refunded', icon: 'refresh', tone: 'none' },
  partially_refunded: { label: 'Partly refunded', icon: 'refresh', tone: 'none' },
};

export function ChargeStatusBadge({ status }: { status: ChargeStatus }): ReactElement {
  const l = LOOK[status];
  return (
    <span className={`health verdict-${l.tone}`}>
      <Icon name={l.icon} size={15} />
      {l.label}
    </span>
  );
}
