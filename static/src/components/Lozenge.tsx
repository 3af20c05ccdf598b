import type { ReactNode } from 'react';
import type { ExecutionStatus } from '../../../src/shared/definitions';
import { STATUS_CLASS, STATUS_LABEL } from '../labels';

export function StatusLozenge({ status }: { status: ExecutionStatus }) {
  return <span className={`lozenge lozenge-${STATUS_CLASS[status]}`}>{STATUS_LABEL[status]}</span>;
}

export function Lozenge({ children, tone = 'default' }: { children: ReactNode; tone?: 'default' | 'warning' | 'info' | 'success' | 'danger' }) {
  return <span className={`lozenge lozenge-${tone}`}>{children}</span>;
}
