import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/text-field';
import { MAX_DAILY_CHARACTER_BUDGET } from '@/utils/translate/provider-config';

/** The daily character limit of a service that spends the user's money or quota. */
export function BudgetField(props: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('providerSetup.budget')}
      hint={t('providerSetup.budgetHint')}
      type="number"
      inputMode="numeric"
      min={0}
      max={MAX_DAILY_CHARACTER_BUDGET}
      step={1000}
      value={props.value}
      onChange={props.onChange}
    />
  );
}

/** The typed limit as a number, or undefined when it is not a whole number in range. */
export function parseBudget(value: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(value)) return undefined;
  const budget = Number(value);
  return budget <= MAX_DAILY_CHARACTER_BUDGET ? budget : undefined;
}
