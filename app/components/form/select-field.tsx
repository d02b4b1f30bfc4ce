/**
 * A labelled <select> for plain GET/POST forms, in the shared field frame (hint and translated error
 * tied to it with aria-describedby / aria-invalid), an optional "any" first option, the value kept.
 */
import type { ReactNode } from "react";
import { FieldFrame } from "./fields";

export type SelectOption = { value: string; label: ReactNode };

export function SelectField({
  id,
  name,
  label,
  options,
  defaultValue,
  hint,
  error,
  anyLabel,
}: {
  id: string;
  name: string;
  label: string;
  options: readonly SelectOption[];
  defaultValue?: string;
  hint?: string;
  /** Already translated. */
  error?: string | null;
  /** A first option with the empty value (filters: "any"). */
  anyLabel?: ReactNode;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={error ? [error] : []}>
      {({ describedBy, invalid }) => (
        <select id={id} name={name} defaultValue={defaultValue} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
          {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
