/**
 * A form's submit button in the site's button styles: plain (the form's main act), secondary, or
 * danger (irreversible, after a ConfirmField), large or small. `name` and `value` tell apart several
 * buttons of one form; `ariaLabel` names the act where the visible text alone would be ambiguous
 * (one "Remove" button per row).
 */
import type { ReactNode } from "react";

export function SubmitButton({
  label,
  variant,
  size,
  name,
  value,
  ariaLabel,
}: {
  label: ReactNode;
  variant?: "secondary" | "danger";
  size?: "large" | "small";
  name?: string;
  value?: string;
  ariaLabel?: string;
}) {
  const className = ["button", variant && `button-${variant}`, size && `button-${size}`].filter(Boolean).join(" ");
  return (
    <button type="submit" name={name} value={value} className={className} aria-label={ariaLabel}>
      {label}
    </button>
  );
}
