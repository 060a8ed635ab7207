// One status vocabulary (docs/ui.md): text plus icon, never colour alone.
// 处理中 blue, 成功 green, 失败 red.
import { CircleCheck, CircleX, Clock, type LucideIcon } from 'lucide-react';
import type { ActivityStatus } from './activity-query';

export const STATUS_STYLE: Record<ActivityStatus, { Icon: LucideIcon; text: string; badge: string }> = {
  PENDING: { Icon: Clock, text: 'text-brand-600', badge: 'bg-brand-50 text-brand-700' },
  SUCCEEDED: { Icon: CircleCheck, text: 'text-green-700', badge: 'bg-green-50 text-green-700' },
  FAILED: { Icon: CircleX, text: 'text-danger', badge: 'bg-red-50 text-danger' },
};
