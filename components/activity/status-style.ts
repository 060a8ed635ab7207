// One status vocabulary (docs/ui.md): text plus icon, never colour alone.
// 处理中 blue, 成功 green, 失败 red; 已取消 / 已关闭 grey (nothing went wrong, nothing moved).
import { Ban, CircleCheck, CircleMinus, CircleX, Clock, type LucideIcon } from 'lucide-react';
import type { OperationOutcome } from '@/lib/activity/operation-outcome';

export const STATUS_STYLE: Record<OperationOutcome, { Icon: LucideIcon; text: string; badge: string }> = {
  PENDING: { Icon: Clock, text: 'text-brand-600', badge: 'bg-brand-50 text-brand-700' },
  SUCCEEDED: { Icon: CircleCheck, text: 'text-green-700', badge: 'bg-green-50 text-green-700' },
  FAILED: { Icon: CircleX, text: 'text-danger', badge: 'bg-red-50 text-danger' },
  CANCELLED: { Icon: Ban, text: 'text-gray-500', badge: 'bg-gray-100 text-gray-700' },
  CLOSED: { Icon: CircleMinus, text: 'text-gray-500', badge: 'bg-gray-100 text-gray-700' },
};
