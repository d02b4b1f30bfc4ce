/**
 * Form fields for conform + zod: label, hint and translated error tied to the input with
 * aria-describedby / aria-invalid, so screen readers announce what to fix. Work without JavaScript
 * (the server returns the same errors).
 */
import { getFormProps, getInputProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { Form, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT, type MessageKey } from "~/i18n";

/** Errors are translation keys, optionally with variables: "auth.error.rate_limited?minutes=15". */
export function errorMessage(t: (k: MessageKey, v?: Record<string, string>) => string, e: string): string {
  const q = e.indexOf("?");
  if (q < 0) return t(e as MessageKey);
  return t(e.slice(0, q) as MessageKey, Object.fromEntries(new URLSearchParams(e.slice(q + 1))));
}

function useErrorText() {
  const { t } = useT();
  return (errors: string[] | undefined) => (errors ?? []).map((e) => errorMessage(t, e));
}

export function FormErrors({ errors, id }: { errors: string[] | undefined; id: string }) {
  return <ErrorAlert messages={useErrorText()(errors)} id={id} />;
}

/** Errors already in words, as one alert above a form (with an id, it can take the focus). */
export function ErrorAlert({ messages, id }: { messages: readonly string[]; id?: string }) {
  if (messages.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert" id={id} tabIndex={id ? -1 : undefined}>
      {messages.map((e, i) => (
        <p key={i}>{e}</p>
      ))}
    </div>
  );
}

/** A conform form posted to its own route, as a card, with the whole form's errors above its fields. */
export function ConformForm<S extends Record<string, unknown>>({ form, children }: { form: FormMetadata<S, string[]>; children: ReactNode }) {
  return (
    <Form method="post" className="form-card" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      {children}
    </Form>
  );
}

/** The page after a form that sent a mail: what happened, and to which address (a status, read out). */
export function MailSentPage({ title, body }: { title: string; body: string }) {
  return (
    <div className="container narrow">
      <h1>{title}</h1>
      <div className="alert alert-success" role="status">
        <p>{body}</p>
      </div>
    </div>
  );
}

interface TextFieldProps {
  meta: FieldMetadata<string | undefined>;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password" | "search" | "date";
  autoComplete?: string;
}

export function TextField({ meta, label, hint, type = "text", autoComplete }: TextFieldProps) {
  const errors = useErrorText()(meta.errors);
  return (
    <FieldFrame id={meta.id} label={label} hint={hint} errors={errors}>
      {({ describedBy }) => {
        // no maxLength: the browser would cut a pasted text silently; the schema says it is too long
        const props = { ...getInputProps(meta, { type, ariaDescribedBy: describedBy }), maxLength: undefined };
        return <input {...props} key={props.key} autoComplete={autoComplete} />;
      }}
    </FieldFrame>
  );
}

export function CheckboxField({ meta, label }: { meta: FieldMetadata<string | undefined>; label: ReactNode }) {
  const errors = useErrorText()(meta.errors);
  const props = getInputProps(meta, { type: "checkbox", ariaDescribedBy: errors.length ? meta.errorId : undefined });
  return (
    <div className={`field field-check ${errors.length ? "has-error" : ""}`}>
      {errors.length ? (
        <p className="field-error" id={meta.errorId}>
          {errors.join(" ")}
        </p>
      ) : null}
      <div className="check-row">
        <input {...props} key={props.key} />
        <label htmlFor={meta.id}>{label}</label>
      </div>
    </div>
  );
}

export const DONE_NOTICES = ["signed_in", "verified", "password_reset", "signed_out", "deleted", "role_changed"] as const;

/**
 * The one-line confirmation shown after a successful POST redirects with ?done=… (or another query
 * parameter): only the values in `notices` show, as the message `${prefix}${value}`; anything else
 * shows nothing. The one way the site confirms a completed act.
 */
export function DoneNotice({ notices = DONE_NOTICES, prefix = "done.", param = "done" }: { notices?: readonly string[]; prefix?: string; param?: string }) {
  const { t } = useT();
  const [params] = useSearchParams();
  const done = params.get(param);
  if (!done || !notices.includes(done)) return null;
  return (
    <div className="alert alert-success" role="status">
      <p>{t(`${prefix}${done}` as MessageKey)}</p>
    </div>
  );
}

/**
 * The tick that confirms an irreversible act (withdraw, publish, remove…): posted as confirm=on, with
 * its error above it when the server refused for want of it. `required` also lets the browser stop
 * the form first (the server checks either way).
 */
export function ConfirmField({ id, label, error, required }: { id: string; label: ReactNode; error?: string | null; required?: boolean }) {
  const { t } = useT();
  return (
    <div className={`field field-check ${error ? "has-error" : ""}`}>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {errorMessage(t, error)}
        </p>
      ) : null}
      <div className="check-row">
        <input id={id} type="checkbox" name="confirm" value="on" required={required} aria-describedby={error ? `${id}-error` : undefined} />
        <label htmlFor={id}>{label}</label>
      </div>
    </div>
  );
}

interface PlainFieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  /** A translation key (optionally "key?var=value"). */
  error?: string | null;
  defaultValue?: string;
  type?: "text" | "email" | "search" | "date";
  autoComplete?: string;
  inputMode?: "numeric" | "text";
  maxLength?: number;
  required?: boolean;
  /** Spans the filter row (a search box). */
  wide?: boolean;
}

/**
 * Label, hint and errors (already in words) around one control: the control is given the
 * aria-describedby that points at them and whether it is invalid. Errors sit above the control,
 * where a screen-reader user meets them before the field.
 */
export function FieldFrame({ id, label, hint, errors, wide, children }: { id: string; label: string; hint?: string; errors: string[]; wide?: boolean; children: (a: { describedBy?: string; invalid: boolean }) => ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  return (
    <div className={`field ${wide ? "field-wide " : ""}${errors.length ? "has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <p className="field-error" id={errorId}>
          {errors.join(" ")}
        </p>
      ) : null}
      {children({ describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined, invalid: errors.length > 0 })}
    </div>
  );
}

/** A field for forms that are not driven by conform (several small forms on one page). */
export function PlainField({ id, name, label, hint, error, defaultValue, type = "text", autoComplete, inputMode, maxLength, required, wide }: PlainFieldProps) {
  const { t } = useT();
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={error ? [errorMessage(t, error)] : []} wide={wide}>
      {({ describedBy, invalid }) => (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={defaultValue}
          autoComplete={autoComplete}
          inputMode={inputMode}
          maxLength={maxLength}
          required={required}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  );
}

/** A file to upload, in the shared field frame (hint and translated error tied to it). */
export function FileField({ id, name = "file", label, hint, accept, required, error }: { id: string; name?: string; label: string; hint?: string; accept: string; required?: boolean; error?: string | null }) {
  const { t } = useT();
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={error ? [errorMessage(t, error)] : []}>
      {({ describedBy, invalid }) => <input id={id} name={name} type="file" accept={accept} required={required} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
    </FieldFrame>
  );
}
