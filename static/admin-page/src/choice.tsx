import Select from '@atlaskit/select';

/** An option of a `Choice`. */
export interface ChoiceOption<T extends string | number> {
  label: string;
  value: T;
}

/**
 * Returns a labelled Atlaskit single select. Its styles are Compiled CSS extracted at build time
 * (no <style> injected under Forge's CSP); "any" clears the choice when `anyLabel` is given.
 */
export function Choice<T extends string | number>({ id, label, anyLabel, options, value, onChange, testId }: { id: string; label: string; anyLabel?: string; options: ChoiceOption<T>[]; value: T | undefined; onChange: (value: T | undefined) => void; testId?: string }) {
  const all = anyLabel ? [{ label: anyLabel, value: undefined as T | undefined }, ...options] : options;
  const selected = all.find((o) => o.value === value) ?? all[0];
  return (
    <div className="si-filter-select" data-testid={testId}>
      <Select<{ label: string; value: T | undefined }>
        inputId={id}
        aria-label={label}
        options={all}
        value={selected}
        onChange={(o) => onChange(o?.value)}
        isSearchable={false}
        spacing="compact"
        classNamePrefix="si-select"
      />
    </div>
  );
}
