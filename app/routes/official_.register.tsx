import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { requirePermissionInEdition } from "~/auth/scope.server";
import { ConfirmField, DoneNotice, FileField, FormErrors, PlainField } from "~/components/form/fields";
import { DataTable } from "~/components/data-table";
import { countRegister } from "~/data/register.server";
import { listRegisterEditions, listRegisterImports } from "~/data/register-imports.server";
import { db } from "~/db.server";
import { AGE_BANDS } from "~/domain/voting";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { addDeclaration } from "~/services/register.server";
import { applyRegisterImport, previewRegisterImport, type RegisterPreview } from "~/services/register-import.server";
import { listDistricts } from "~/data/districts.server";
import type { RouteHandle } from "~/http/route-meta.server";
import { SelectField } from "~/components/form/select-field";
import { PageHeader } from "~/components/page-header";
import { SubmitButton } from "~/components/form/submit-button";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { upload: "register" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "register.title");

const MAX_BYTES = 20 * 1024 * 1024;
const EditionParam = z.string().regex(/^[a-z0-9_-]{1,40}$/);

export async function loader({ request }: LoaderFunctionArgs) {
  // the register (and a declaration) decides eligibility in every programme: register.import in all of them
  await requirePermissionInEdition(request, "register.import");
  const editions = await listRegisterEditions(db());
  const asked = EditionParam.safeParse(new URL(request.url).searchParams.get("edition"));
  // default: the current (active) edition, else the newest draft
  const edition = editions.find((e) => asked.success && e.id === asked.data) ?? editions.find((e) => e.status === "active") ?? editions[0] ?? null;
  const districts = await listDistricts(db());
  if (!edition) return { editions, edition: null, count: 0, imports: [], districts };
  return { editions, edition, count: await countRegister(db(), edition.id), imports: await listRegisterImports(db(), edition.id), districts };
}

const DeclarationSchema = z.object({
  declarationId: z.string().max(64),
  /** The PESEL or Karta number the person has, if any (stored only as the keyed hash). */
  identifier: z.string().max(40).optional(),
  districtId: z.string().max(100).optional(),
  ageBand: z.enum(AGE_BANDS).optional().catch(undefined),
});

const ImportSchema = z.object({
  intent: z.enum(["preview", "apply"]),
  edition: EditionParam,
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  confirm: z.literal("on").optional(),
});

type ImportReply = { intent: "import"; error: string | null; confirmError?: string | null; preview: RegisterPreview | null };
type DeclarationReply = { intent: "declaration"; error: string | null; declared: string | null; linked?: boolean };

const importError = (error: string, status: number, preview: RegisterPreview | null = null, confirmError: string | null = null) =>
  data<ImportReply>({ intent: "import", error, confirmError, preview }, { status });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermissionInEdition(request, "register.import");
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BYTES + 10_000) return importError("register.import.tooBig", 413);
  // a broken multipart body (cut off, bad boundary) makes formData() throw: the file is unreadable, not a server error
  const form = await request.formData().catch(() => null);
  if (!form) return importError("register.import.badFile", 400);
  if (form.get("intent") === "declaration") return declaration(form, user);

  const parsed = ImportSchema.safeParse({ intent: form.get("intent"), edition: form.get("edition"), fingerprint: form.get("fingerprint") ?? undefined, confirm: form.get("confirm") ?? undefined });
  if (!parsed.success) return importError("register.error.edition_not_found", 400);
  const upload = form.get("file");
  if (!(upload instanceof File) || upload.size === 0) return importError("register.error.no_file", 400);
  if (upload.size > MAX_BYTES) return importError("register.import.tooBig", 413);
  const file = { name: upload.name || "register.csv", bytes: new Uint8Array(await upload.arrayBuffer()) };
  const { intent, edition, fingerprint, confirm } = parsed.data;

  const preview = async () => {
    const p = await previewRegisterImport(db(), edition, file, user);
    if (!p.ok && p.reason === "not_allowed") throw new Response("Forbidden", { status: 403 });
    return p;
  };
  if (intent === "apply" && confirm === "on" && fingerprint) {
    const r = await applyRegisterImport(db(), edition, file, fingerprint, user);
    if (r.ok) return redirect(`/official/register?edition=${encodeURIComponent(edition)}&done=imported`);
    if (r.reason === "not_allowed") throw new Response("Forbidden", { status: 403 });
    if (r.reason !== "file_changed") return importError(`register.error.${r.reason}`, 400);
  }
  // a preview, or an apply that was refused for want of a tick or because the file is another one:
  // the preview of the file just sent, so nothing is lost and nothing is applied unseen
  const p = await preview();
  if (!p.ok) return importError(`register.error.${p.reason}`, 400);
  if (intent === "preview") return { intent: "import" as const, error: null, confirmError: null, preview: p };
  if (confirm !== "on") return importError("register.error.confirm", 400, p, "register.error.confirm");
  return importError("register.error.file_changed", 400, p);
}

async function declaration(form: FormData, user: Awaited<ReturnType<typeof requirePermissionInEdition>>) {
  const parsed = DeclarationSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data<DeclarationReply>({ intent: "declaration", error: "vote.error.declaration_format", declared: null }, { status: 400 });
  const district = parsed.data.districtId ? (await listDistricts(db())).find((d) => d.id === parsed.data.districtId) : undefined;
  const identifier = (parsed.data.identifier ?? "").replace(/[\s-]/g, "");
  const isPesel = /^[0-9]{11}$/.test(identifier);
  const result = await addDeclaration(
    db(),
    { declarationId: parsed.data.declarationId, districtId: district?.id ?? null, ageBand: parsed.data.ageBand ?? null, pesel: isPesel ? identifier : null, cardNumber: identifier && !isPesel ? identifier : null },
    user,
  );
  if (!result.ok && result.reason === "not_allowed") throw new Response("Forbidden", { status: 403 });
  if (!result.ok) {
    const error =
      result.reason === "declaration_exists"
        ? "register.declaration.exists"
        : result.reason === "declaration_identifier_invalid"
          ? "register.declaration.identifierInvalid"
          : result.reason === "edition_not_found"
            ? "register.edition.none"
            : "vote.error.declaration_format";
    return data<DeclarationReply>({ intent: "declaration", error, declared: null }, { status: 400 });
  }
  return data<DeclarationReply>({ intent: "declaration", error: null, declared: parsed.data.declarationId.trim(), linked: result.linked });
}

export default function RegisterPage() {
  const { editions, edition, count, imports, districts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, number, date } = useT();
  const imp = result?.intent === "import" ? (result as ImportReply) : null;
  const decl = result?.intent === "declaration" ? (result as DeclarationReply) : null;
  const statusLabel = (s: string) => t(`register.edition.status.${s}` as MessageKey);
  return (
    <div className="container narrow">
      <PageHeader parents={[{ to: "/official", label: t("official.title") }]} title={t("register.title")} lead={t("register.lead")} />
      <DoneNotice notices={["imported"]} prefix="register.done." />
      {!edition ? (
        <p className="alert">{t("register.edition.none")}</p>
      ) : (
        <>
          <Form method="get" className="filters">
            <div className="field">
              <label htmlFor="edition">{t("register.edition.label")}</label>
              <select id="edition" name="edition" defaultValue={edition.id}>
                {editions.map((e) => (
                  <option key={e.id} value={e.id}>
                    {t("register.edition.option", { year: e.year, status: statusLabel(e.status) })}
                  </option>
                ))}
              </select>
            </div>
            <SubmitButton label={t("register.edition.show")} variant="secondary" />
          </Form>
          <p className="amount register-count">{t("register.edition.count", { year: edition.year, count: number(count) })}</p>

          <Form method="post" encType="multipart/form-data" className="form-card" aria-labelledby="import-title">
            <h2 id="import-title" className="form-title">
              {t("register.preview.legend")}
            </h2>
            <p>{t("register.preview.lead")}</p>
            <FormErrors errors={imp?.error && !imp.preview ? [imp.error] : undefined} id="import-errors" />
            <FileField id="file" label={t("register.import.file")} hint={t("register.import.hint")} accept=".csv,text/csv" required />
            <input type="hidden" name="intent" value="preview" />
            <input type="hidden" name="edition" value={edition.id} />
            <SubmitButton label={t("register.preview.submit")} size="large" />
          </Form>

          {imp?.preview ? <Preview preview={imp.preview} error={imp.error} confirmError={imp.confirmError ?? null} /> : null}

          <section>
            <h2 id="history-title">{t("register.history.title")}</h2>
            <DataTable
              label={t("register.history.title")}
              rows={imports}
              empty={t("register.history.empty")}
              columns={[
                {
                  key: "when",
                  head: t("register.history.col.when"),
                  cell: (i) => (
                    <>
                      {date(i.appliedAt)}
                      <br />
                      <span className="hint">
                        {i.fileName}
                        <br />
                        {i.appliedByName ?? t("register.history.system")}
                      </span>
                    </>
                  ),
                },
                ...(["rowsTotal", "added", "removed", "moved", "unchanged", "invalid"] as const).map((k) => ({
                  key: k,
                  num: true,
                  head: t(`register.history.col.${k === "rowsTotal" ? "rows" : k}`),
                  cell: (i: (typeof imports)[number]) => number(i[k]),
                })),
              ]}
            />
          </section>
        </>
      )}

      {edition?.status === "active" ? (
        <Form method="post" className="form-card" aria-labelledby="decl-title">
          <h2 id="decl-title" className="form-title">
            {t("register.declaration.legend")}
          </h2>
          <p>{t("register.declaration.lead")}</p>
          <FormErrors errors={decl?.error ? [decl.error] : undefined} id="decl-errors" />
          {decl?.declared ? (
            <div className="alert alert-success" role="status">
              <p>{t(decl.linked ? "register.declaration.linked" : "register.declaration.done", { id: decl.declared })}</p>
            </div>
          ) : null}
          <input type="hidden" name="intent" value="declaration" />
          <PlainField id="declarationId" name="declarationId" label={t("register.declaration.number")} maxLength={64} required />
          <PlainField id="identifier" name="identifier" label={t("register.declaration.identifier")} hint={t("register.declaration.identifierHint")} inputMode="numeric" autoComplete="off" maxLength={40} />
          <SelectField id="districtId" name="districtId" label={t("register.declaration.district")} anyLabel="—" options={districts.map((d) => ({ value: d.id, label: d.name }))} />
          <SelectField id="ageBand" name="ageBand" label={t("register.declaration.ageBand")} anyLabel="—" options={AGE_BANDS.map((b) => ({ value: b, label: b }))} />
          <SubmitButton label={t("register.declaration.submit")} />
        </Form>
      ) : null}
    </div>
  );
}

/** The counts, the first rows of each kind of change, and the form that applies the import. */
function Preview({ preview, error, confirmError }: { preview: RegisterPreview; error: string | null; confirmError: string | null }) {
  const { t, number } = useT();
  const c = preview.counts;
  const dash = t("register.preview.noDistrict");
  const sample = (shown: number, total: number) => (shown < total ? <p className="hint">{t("register.preview.sample", { shown: number(shown), count: number(total) })}</p> : null);
  const kinds = [
    ["added", c.added],
    ["removed", c.removed],
    ["moved", c.moved],
    ["unchanged", c.unchanged],
    ["invalid", c.invalid],
    ["total", c.rowsTotal],
  ] as const;
  return (
    <section aria-labelledby="preview-title" className="register-preview">
      <h2 id="preview-title">{t("register.preview.title", { file: preview.fileName })}</h2>
      <p>{t("register.preview.intro", { year: preview.year })}</p>
      <DataTable
        label={t("register.preview.title", { file: preview.fileName })}
        rows={kinds}
        rowKey={([k]) => k}
        columns={[
          { key: "kind", head: t("register.preview.col.kind"), rowHeader: true, cell: ([k]) => t(`register.preview.kind.${k}` as MessageKey) },
          { key: "count", head: t("register.preview.col.count"), num: true, cell: ([, n]) => number(n) },
        ]}
      />

      <ChangeTable id="pv-invalid" kind="invalid" rows={preview.invalid} total={c.invalid} sample={sample} columns={[
        { head: "line", num: true, cell: (r) => r.line },
        { head: "identifier", cell: (r) => r.masked },
        { head: "reason", cell: (r) => t(`register.reason.${r.reason}` as MessageKey) },
      ]} />
      <ChangeTable id="pv-moved" kind="moved" rows={preview.moved} total={c.moved} sample={sample} columns={[
        { head: "line", num: true, cell: (r) => r.line },
        { head: "identifier", cell: (r) => r.masked },
        { head: "from", cell: (r) => r.from ?? dash },
        { head: "to", cell: (r) => r.to ?? dash },
      ]} />
      <ChangeTable id="pv-added" kind="added" rows={preview.added} total={c.added} sample={sample} columns={[
        { head: "line", num: true, cell: (r) => r.line },
        { head: "identifier", cell: (r) => r.masked },
        { head: "district", cell: (r) => r.district ?? dash },
      ]} />
      <ChangeTable id="pv-removed" kind="removed" rows={preview.removed} total={c.removed} sample={sample} note={t("register.preview.removedNote")} columns={[
        { head: "district", cell: (r) => r.district ?? dash },
        { head: "ageBand", cell: (r) => r.ageBand ?? dash },
      ]} />

      <Form method="post" encType="multipart/form-data" className="form-card" aria-labelledby="apply-title">
        <h3 id="apply-title" className="form-title">
          {t("register.apply.legend")}
        </h3>
        <FormErrors errors={error && !confirmError ? [error] : undefined} id="apply-errors" />
        <input type="hidden" name="intent" value="apply" />
        <input type="hidden" name="edition" value={preview.editionId} />
        <input type="hidden" name="fingerprint" value={preview.fingerprint} />
        <FileField id="apply-file" label={t("register.apply.file")} hint={t("register.apply.fileHint")} accept=".csv,text/csv" required />
        <ConfirmField id="apply-confirm" label={t("register.apply.confirm", { year: preview.year })} error={confirmError} required />
        <SubmitButton label={t("register.apply.submit")} size="large" />
      </Form>
    </section>
  );
}

type Column<R> = { head: "line" | "identifier" | "reason" | "from" | "to" | "district" | "ageBand"; num?: boolean; cell: (row: R) => ReactNode };

/** One kind of change in the preview: its heading, the "first N of M" hint and its rows (nothing when there are none). */
function ChangeTable<R>(props: {
  id: string;
  kind: "invalid" | "moved" | "added" | "removed";
  rows: readonly R[];
  total: number;
  note?: string;
  sample: (shown: number, total: number) => ReactNode;
  columns: readonly Column<R>[];
}) {
  const { t } = useT();
  const { id, kind, rows } = props;
  if (rows.length === 0) return null;
  const title = t(`register.preview.kind.${kind}`);
  return (
    <>
      <h3 id={id}>{title}</h3>
      {props.note ? <p className="hint">{props.note}</p> : null}
      {props.sample(rows.length, props.total)}
      <DataTable
        label={title}
        labelledBy={id}
        rows={rows}
        rowKey={(_, i) => i}
        columns={props.columns.map((c) => ({ key: c.head, head: t(`register.preview.col.${c.head}`), num: c.num, cell: c.cell }))}
      />
    </>
  );
}
