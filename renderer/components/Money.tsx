import { formatRupees } from '../../common/money';

export function Money({ paise, className }: { paise: number; className?: string }) {
  return <span className={`money ${className ?? ''} ${paise < 0 ? 'negative' : ''}`}>{formatRupees(paise)}</span>;
}
