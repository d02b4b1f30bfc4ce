import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermissionInEdition } from "~/auth/scope.server";
import { FormErrors, PlainField } from "~/components/form/fields";
import { Breadcrumbs } from "~/components/proposals";
import { TableWrap } from "~/components/table-wrap";
import { countRegister } from "~/data/register.server";
import { db } from "~/db.server";
import { AGE_BANDS } from "~/domain/voting";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { addDeclaration, importRegister, RegisterFileError } from "~/services/register.server";
import { listDistricts } from "~/data/districts.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "register.title");

const MAX_BYTES = 20 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  // the register (and a declaration) decides eligibility in every programme: register.import in all of them
  await requirePermissionInEdition(request, "register.import");
  const districts = await listDistricts(db());
  return { count: await countRegister(db()), districts };
}

const DeclarationSchema = z.object({
  declarationId: z.string().max(64),
  /** The PESEL or Karta number the person has, if any (stored only as the keyed hash). */
  identifier: z.string().max(40).optional(),
  districtId: z.string().max(100).optional(),
  ageBand: z.enum(AGE_BANDS).optional().catch(undefined),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermissionInEdition(request, "register.import");
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BYTES + 10_000) {
    return data({ intent: "import" as const, error: "register.import.tooBig", report: null, declared: null }, { status: 413 });
  }
  // a broken multipart body (cut off, bad boundary) makes formData() throw: the file is unreadable, not a server error
  const form = await request.formData().catch(() => null);
  if (!form) return data({ intent: "import" as const, error: "register.import.badFile", report: null, declared: null }, { status: 400 });
  if (form.get("intent") === "declaration") {
    const parsed = DeclarationSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return data({ intent: "declaration" as const, error: "vote.error.declaration_format", report: null, declared: null }, { status: 400 });
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
      return data({ intent: "declaration" as const, error: result.reason === "declaration_exists" ? "register.declaration.exists" : result.reason === "declaration_identifier_invalid" ? "register.declaration.identifierInvalid" : "vote.error.declaration_format", report: null, declared: null }, { status: 400 });
    }
    return { intent: "declaration" as const, error: null, report: null, declared: parsed.data.declarationId.trim(), linked: result.linked };
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return data({ intent: "import" as const, error: "register.import.noFile", report: null, declared: null }, { status: 400 });
  if (file.size > MAX_BYTES) return data({ intent: "import" as const, error: "register.import.tooBig", report: null, declared: null }, { status: 413 });
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    const report = await importRegister(db(), text, user);
    if (!report.ok) throw new Response("Forbidden", { status: 403 });
    return { intent: "import" as const, error: null, report, declared: null };
  } catch (e) {
    if (e instanceof RegisterFileError || e instanceof TypeError) {
      return data({ intent: "import" as const, error: "register.import.badFile", report: null, declared: null }, { status: 400 });
    }
    throw e;
  }
}

export default function RegisterPage() {
  const { count, districts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, number } = useT();
  return (
    <div className="container narrow">
      <Breadcrumbs items={[{ to: "/official", label: t("official.title") }, { label: t("register.title") }]} />
      <h1>{t("register.title")}</h1>
      <p className="lead">{t("register.lead")}</p>
      <p className="amount">{t("register.count", { count: number(count) })}</p>

      <Form method="post" encType="multipart/form-data" className="form-card" aria-labelledby="import-title">
        <h2 id="import-title" className="form-title">
          {t("register.import.legend")}
        </h2>
        <FormErrors errors={result?.intent === "import" && result.error ? [result.error] : undefined} id="import-errors" />
        {result?.report ? (
          <div className="alert alert-success" role="status">
            <p>{t("register.import.report", { imported: number(result.report.imported), skipped: number(result.report.skipped.length) })}</p>
            {result.report.linked > 0 ? <p>{t("register.import.linked", { linked: number(result.report.linked) })}</p> : null}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="file">{t("register.import.file")}</label>
          <p className="hint" id="file-hint">
            {t("register.import.hint")}
          </p>
          <input id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby="file-hint" required />
        </div>
        <input type="hidden" name="intent" value="import" />
        <button type="submit" className="button button-large">
          {t("register.import.submit")}
        </button>
      </Form>
      {result?.report && result.report.skipped.length > 0 ? (
        <TableWrap label={t("register.import.col.reason")}>
          <table>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("register.import.col.line")}
                </th>
                <th scope="col">{t("register.import.col.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {result.report.skipped.slice(0, 500).map((s) => (
                <tr key={s.line}>
                  <td className="num">{s.line}</td>
                  <td>{t(`register.reason.${s.reason}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}

      <Form method="post" className="form-card" aria-labelledby="decl-title">
        <h2 id="decl-title" className="form-title">
          {t("register.declaration.legend")}
        </h2>
        <p>{t("register.declaration.lead")}</p>
        <FormErrors errors={result?.intent === "declaration" && result.error ? [result.error] : undefined} id="decl-errors" />
        {result?.declared ? (
          <div className="alert alert-success" role="status">
            <p>{t(result && "linked" in result && result.linked ? "register.declaration.linked" : "register.declaration.done", { id: result.declared })}</p>
          </div>
        ) : null}
        <input type="hidden" name="intent" value="declaration" />
        <PlainField id="declarationId" name="declarationId" label={t("register.declaration.number")} maxLength={64} required />
        <PlainField id="identifier" name="identifier" label={t("register.declaration.identifier")} hint={t("register.declaration.identifierHint")} inputMode="numeric" autoComplete="off" maxLength={40} />
        <div className="field">
          <label htmlFor="districtId">{t("register.declaration.district")}</label>
          <select id="districtId" name="districtId">
            <option value="">—</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ageBand">{t("register.declaration.ageBand")}</label>
          <select id="ageBand" name="ageBand">
            <option value="">—</option>
            {AGE_BANDS.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("register.declaration.submit")}
        </button>
      </Form>
    </div>
  );
}
