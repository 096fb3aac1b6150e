// One answer out of a few, as buttons a clerk can work from the keyboard: Tab reaches the group,
// the digit keys (1 是, 2 否, 3 不适用 …) or the arrow keys pick, Tab goes on to the next item.
import { Radio } from 'antd';
import type { KeyboardEvent } from 'react';

interface Props {
  id?: string;
  /** One radio group per item: also makes the group a single Tab stop. */
  name: string;
  options: readonly string[];
  value?: string | number | null;
  onChange?: (value: string | null) => void;
  danger?: boolean;
  ariaLabel: string;
}

export function KeyedChoice({ id, name, options, value, onChange, danger, ariaLabel }: Props) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const n = Number(e.key);
    const picked = Number.isInteger(n) && n >= 1 ? options[n - 1] : undefined;
    if (picked !== undefined) {
      e.preventDefault();
      onChange?.(picked);
      // Focus follows the pick, so the next Tab leaves the group (from an unchecked radio the
      // browser would first move to the checked one).
      e.currentTarget.querySelectorAll<HTMLInputElement>('input[type=radio]')[n - 1]?.focus();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      onChange?.(null);
    }
  };
  return (
    <div onKeyDown={onKeyDown} role="presentation">
      <Radio.Group
        id={id}
        name={name}
        optionType="button"
        buttonStyle="solid"
        aria-label={ariaLabel}
        value={value ?? null}
        onChange={(e) => onChange?.(e.target.value as string)}
        className={danger ? 'qb-answer-problem' : undefined}
        options={options.map((o, i) => ({
          value: o,
          label: (
            <span>
              {i < 9 && (
                <span className="qb-key-hint" aria-hidden>
                  {i + 1}
                </span>
              )}
              {o}
            </span>
          ),
        }))}
      />
    </div>
  );
}
