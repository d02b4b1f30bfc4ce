/**
 * conform's form for one zod schema: the browser checks what the server will check (the same schema,
 * over the same fields: parseForm), shows the server's last answer, and takes the constraints
 * (required, lengths) from the schema.
 */
import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import type { z } from "zod";
import { parseForm } from "~/http/form";

type When = "onSubmit" | "onBlur" | "onInput";

export function useSchemaForm<S extends z.ZodObject>(schema: S, lastResult: SubmissionResult<string[]> | null | undefined, when: { shouldValidate?: When; shouldRevalidate?: When } = {}) {
  return useForm({
    lastResult,
    constraint: getZodConstraint(schema),
    ...when,
    onValidate: ({ formData }) => parseForm(formData, schema),
  });
}
