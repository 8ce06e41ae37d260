/** A due date coloured by urgency: red overdue, amber due soon, green on time, each dark enough to read (WCAG AA). */
import { Tag } from 'antd';
import type { ReactNode } from 'react';

const COLOR: Record<string, string> = { overdue: '#a8071a', dueSoon: '#ad4e00', onTime: '#237804' };

export const UrgencyTag = ({ urgency, children }: { urgency: string; children: ReactNode }) => <Tag color={COLOR[urgency] ?? '#434343'}>{children}</Tag>;
