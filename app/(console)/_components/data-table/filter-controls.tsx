"use client";

/** A table filter with a fixed set of values; the empty value means "any". */
export function FilterSelect({ label, value, anyLabel, options, onChange }: { label: string; value: string | undefined; anyLabel: string; options: readonly { value: string; label: string }[]; onChange: (value: string) => void }) {
  return (
    <select aria-label={label} className="input w-auto" value={value ?? ""} onChange={(event) => onChange(event.target.value)}>
      <option value="">{anyLabel}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

/** A free-text exact-match filter (uncontrolled, like the search box, so typing never lags behind the URL). */
export function FilterText({ label, value, placeholder, className = "w-40", onChange }: { label: string; value: string | undefined; placeholder?: string; className?: string; onChange: (value: string) => void }) {
  return <input type="search" aria-label={label} placeholder={placeholder ?? label} defaultValue={value ?? ""} onChange={(event) => onChange(event.target.value.trim())} className={`input ${className}`} />;
}
