import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayReviews } from '@/utils/learning/phrase-store';
import { sendMessage } from '@/utils/transport/messages';
import './learning.css';
import { useLearningData } from './learning-data';

const DAYS = 30;
const WIDTH = 600;
const HEIGHT = 120;
/** Room under the bars for the first and last day's dates. */
const FOOT = 16;

/** Reviews per day as bars, the remembered part drawn solid over the total. */
export function ReviewChart({ days, label }: { days: DayReviews[]; label: string }) {
  const { t } = useTranslation();
  const most = Math.max(1, ...days.map((day) => day.reviews));
  const slot = WIDTH / days.length;
  const bar = Math.max(1, slot - 2);
  const base = HEIGHT - FOOT;
  const height = (count: number) => (count / most) * (base - 14);
  return (
    <svg className="review-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <line x1={0} x2={WIDTH} y1={base + 0.5} y2={base + 0.5} className="axis" />
      {days.map((day, index) => (
        <g key={day.day} data-day={day.day} data-reviews={day.reviews}>
          <title>
            {t('learning.progress.dayTooltip', {
              day: day.day,
              reviews: day.reviews,
              remembered: day.remembered,
            })}
          </title>
          <rect
            className="all"
            x={index * slot + 1}
            width={bar}
            y={base - height(day.reviews)}
            height={height(day.reviews)}
          />
          <rect
            className="remembered"
            x={index * slot + 1}
            width={bar}
            y={base - height(day.remembered)}
            height={height(day.remembered)}
          />
        </g>
      ))}
      <text x={0} y={10} className="label">
        {most}
      </text>
      <text x={0} y={HEIGHT - 3} className="label">
        {days[0]?.day}
      </text>
      <text x={WIDTH} y={HEIGHT - 3} className="label" textAnchor="end">
        {days.at(-1)?.day}
      </text>
    </svg>
  );
}

/** How the reader is doing: reviews per day and how much they remember. */
export function ProgressSection() {
  const { t, i18n } = useTranslation();
  const load = useCallback(() => sendMessage('getReviewProgress', { days: DAYS }), []);
  const { data, error } = useLearningData(load);
  if (error) return <p role="alert">{t('learning.error', { message: error })}</p>;
  if (!data) return <p>{t('common.loading')}</p>;
  const total = data.days.reduce((sum, day) => sum + day.reviews, 0);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <div className="learning progress">
      <dl className="progress-figures">
        <div>
          <dt>{t('learning.progress.phrases')}</dt>
          <dd>{data.phrases}</dd>
        </div>
        <div>
          <dt>{t('learning.progress.dueNow')}</dt>
          <dd>{data.dueNow}</dd>
        </div>
        <div>
          <dt>{t('learning.progress.reviews', { days: DAYS })}</dt>
          <dd>{total}</dd>
        </div>
        <div>
          <dt>{t('learning.progress.retention')}</dt>
          <dd data-retention={data.retention ?? ''}>
            {data.retention === null ? '—' : percent.format(data.retention)}
          </dd>
        </div>
      </dl>
      <ReviewChart days={data.days} label={t('learning.progress.chartLabel', { days: DAYS, total })} />
      <p className="muted">{t('learning.progress.retentionHelp')}</p>
    </div>
  );
}
