import { useId } from 'react';

/** An accessible on/off switch (a checkbox with role="switch"). */
export function Toggle(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <label className="toggle" htmlFor={id}>
      <span>{props.label}</span>
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
    </label>
  );
}
