import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { utcToWarsaw } from "~/domain/warsaw-time";
import { useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { listOutbox } from "~/data/outbox.server";
import { db } from "~/db.server";
import { getEnv } from "~/env.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { invariantResponse } from "~/http/invariant";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "mailbox.title");

// Only where DEV_MAILBOX is on (the default outside production): lets the whole account flow be
// tried locally without a mail server. Elsewhere it does not exist. It shows mail not yet sent with
// its links; a sent mail's text (and any older than 24 hours) is erased, so only the subject stays.
export async function loader(_: LoaderFunctionArgs) {
  invariantResponse(getEnv().devMailbox, 404);
  return { mails: await listOutbox(db(), { limit: 50 }) };
}

/** Plain text with this site's links made clickable; nothing else is interpreted. */
function MailBody({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <pre className="mail-body">
      {parts.map((p, i) =>
        /^https?:\/\//.test(p) ? (
          <a key={i} href={new URL(p).pathname + new URL(p).search}>
            {p}
          </a>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </pre>
  );
}

export default function DevMailbox() {
  const { mails } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="container narrow">
      <PageHeader title={t("mailbox.title")} lead={t("mailbox.lead")} />
      {mails.length === 0 ? <p className="empty">{t("mailbox.empty")}</p> : null}
      <ul className="plain-list">
        {mails.map((m) => (
          <li key={m.id} className="card mail">
            <h2 className="card-title">{m.subject}</h2>
            <p className="muted">
              {t("mailbox.to")}: {m.to} · {t("mailbox.at")}: <time dateTime={m.createdAt}>{utcToWarsaw(m.createdAt).replace("T", " ")}</time> ({t("ux2.mailbox.zone")})
            </p>
            {m.body ? <MailBody text={m.body} /> : <p className="muted">{t("mailbox.purged")}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
