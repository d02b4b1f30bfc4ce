/**
 * /unsubscribe?t=…: the one-click unsubscribe link of a notification (#17). No sign-in: the signed
 * token is the permission. GET shows what the link ends and a button (a GET never changes
 * anything: mail scanners open links); POST ends the follow — from that button, or straight from a
 * mail program (RFC 8058 List-Unsubscribe-Post, token in the address).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { db } from "~/db.server";
import { listFollowsOfUser } from "~/data/follows.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import type { RouteHandle } from "~/http/route-meta.server";
import { followOfToken, unsubscribeWithToken } from "~/services/follows.server";
import { SubmitButton } from "~/components/form/submit-button";

export const handle: RouteHandle = { keepsCache: true };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "follow.unsub.title");

const TokenSchema = z.string().trim().min(1).max(200);
const QuerySchema = z.object({ t: TokenSchema.optional().catch(undefined), done: z.enum(["1", "gone"]).optional().catch(undefined) });

export async function loader({ request }: LoaderFunctionArgs) {
  const q = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  if (q.done) return { state: q.done === "1" ? ("done" as const) : ("gone" as const), token: "", what: null };
  const link = q.t ? await followOfToken(db(), q.t) : ({ valid: false } as const);
  if (!link.valid) return data({ state: "invalid" as const, token: "", what: null }, { status: 400 });
  // a well-signed link whose follow is gone was used already
  const follow = link.follow;
  if (!follow) return { state: "gone" as const, token: "", what: null };
  const item = (await listFollowsOfUser(db(), follow.userId)).find((f) => f.id === follow.id);
  return { state: "confirm" as const, token: q.t!, what: { kind: follow.kind, label: item?.label ?? follow.targetId } };
}

export async function action({ request }: ActionFunctionArgs) {
  const fromUrl = new URL(request.url).searchParams.get("t");
  const form = await request.formData();
  const token = TokenSchema.safeParse(form.get("t") ?? fromUrl);
  if (!token.success) return data({ error: "follow.unsub.invalid" as const }, { status: 400 });
  const result = await unsubscribeWithToken(db(), token.data);
  if (!result.ok) return data({ error: "follow.unsub.invalid" as const }, { status: 400 });
  return redirect(`/unsubscribe?done=${result.changed ? "1" : "gone"}`);
}

export default function Unsubscribe() {
  const loaded = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useT();
  const { token, what } = loaded;
  const state = failed?.error ? "invalid" : loaded.state;
  return (
    <div className="container narrow">
      <h1>{t("follow.unsub.title")}</h1>
      {state === "confirm" && what ? (
        <>
          <p className="lead">{t("follow.unsub.lead", { what: what.label, kind: t(`follow.kind.${what.kind}`) })}</p>
          <Form method="post" className="inline-form">
            <input type="hidden" name="t" value={token} />
            <SubmitButton label={t("follow.unsub.confirm")} />
          </Form>
        </>
      ) : (
        <div className={`alert ${state === "invalid" ? "alert-error" : "alert-success"}`} role={state === "invalid" ? "alert" : "status"}>
          <p>{t(state === "done" ? "follow.unsub.done" : state === "gone" ? "follow.unsub.gone" : "follow.unsub.invalid")}</p>
        </div>
      )}
      <p>
        <Link to="/account/following">{t("follow.unsub.manage")}</Link>
      </p>
    </div>
  );
}
