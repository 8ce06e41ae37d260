/**
 * A due date coloured by urgency: red overdue, amber due soon, green on time, each dark enough to
 * read (WCAG AA); a settled duty: green done on time, brown done late, red let go undone.
 */
import { Tag } from 'antd';
import type { ReactNode } from 'react';

const COLOR: Record<string, string> = { overdue: '#a8071a', dueSoon: '#ad4e00', onTime: '#237804', done: '#237804', late: '#873800', undone: '#a8071a', open: '#0958d9' };

export const UrgencyTag = ({ urgency, children }: { urgency: string; children: ReactNode }) => <Tag color={COLOR[urgency] ?? '#434343'}>{children}</Tag>;
