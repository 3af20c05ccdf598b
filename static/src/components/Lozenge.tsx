import type { ReactNode } from 'react';
import type { ExecutionStatus } from '../../../src/shared/facts';
import { words } from '../../../src/shared/words/base';
import { STATUS_CLASS } from '../status-style';

export function StatusLozenge({ status }: { status: ExecutionStatus }) {
  return <span className={`lozenge lozenge-${STATUS_CLASS[status]}`}>{words.status[status]}</span>;
}

export function Lozenge({ children, tone = 'default' }: { children: ReactNode; tone?: 'default' | 'warning' | 'info' | 'success' | 'danger' }) {
  return <span className={`lozenge lozenge-${tone}`}>{children}</span>;
}
