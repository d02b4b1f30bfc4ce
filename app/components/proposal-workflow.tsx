/** The workflow parts of a proposal page: author's actions, support, public history, discussion. */
import { ConfirmField } from "~/components/form/fields";
import { Form, Link, useActionData } from "@remix-run/react";
import { Fragment } from "react";
import { FLAG_REASONS } from "~/domain/flag-reasons";
import { linkify } from "~/domain/workflow/linkify";
import { useT, type MessageKey } from "~/i18n";
import { useErrorText } from "./proposal-form";
import { DecisionHistory, type HistoryDecision } from "./review";

type Decision = HistoryDecision;
interface Version {
  version: number;
  createdAt: string;
  byOfficial: boolean;
  title: string;
  summary: string;
  description: string;
  location: string;
  costGrosze: number;
}
interface Comment {
  id: string;
  parentId: string | null;
  authorUserId: string | null;
  authorName: string | null;
  authorIsProposalAuthor: boolean;
  authorIsStaff: boolean;
  body: string | null;
  notifyReplies: boolean;
  createdAt: string;
  hidden: boolean;
  hiddenReason: string | null;
}
export interface Extras {
  signedIn: boolean;
  userId: string | null;
  isAuthor: boolean;
  canReview: boolean;
  actions: string[];
  supported: boolean;
  supportCount: number;
  supportsRequired: number;
  /** Whether the proposal is gathering supports now (submitted, in the submission phase). */
  supportsOpen: boolean;
  decisions: Decision[];
  versions: Version[];
  comments: Comment[];
  appeal: { justification: string; outcome: string | null; decisionReason: string | null } | null;
}
type Reply = { intent: string; errors: Record<string, string[]>; values?: Record<string, string>; target?: string } | undefined;

function PlainText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((part, i) =>
        part.kind === "link" ? (
          <a key={i} href={part.href} rel="nofollow ugc noopener noreferrer">
            {part.text}
          </a>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}

function Errors({ errors }: { errors: string[] | undefined }) {
  const tr = useErrorText();
  if (!errors?.length) return null;
  return (
    <div className="alert alert-error" role="alert">
      {errors.map((e, i) => (
        <p key={i}>{tr(e)}</p>
      ))}
    </div>
  );
}

export function ProposalWorkflow({ x, proposalId }: { x: Extras; proposalId: string }) {
  const { t } = useT();
  const reply = useActionData() as Reply;
  const topErrors = reply && !reply.target ? [...(reply.errors[""] ?? []), ...(reply.errors.confirm ?? [])] : undefined;
  const can = (a: string) => x.actions.includes(a);
  return (
    <>
      <Errors errors={topErrors} />
      {x.isAuthor || x.canReview ? (
        <section className="card author-box" aria-labelledby="author-title">
          <h2 id="author-title">{x.isAuthor ? t("author.title") : t("author.review")}</h2>
          <ul className="link-list">
            {can("edit") ? (
              <li>
                <Link to={`/proposals/${proposalId}/edit`}>{t("author.edit")}</Link>
              </li>
            ) : null}
            {can("appeal") ? (
              <li>
                <Link to={`/proposals/${proposalId}/appeal`}>{t("author.appeal")}</Link>
              </li>
            ) : null}
            {x.canReview ? (
              <li>
                <Link to={`/proposals/${proposalId}/review`}>{t("review.title")}</Link>
              </li>
            ) : null}
          </ul>
          {can("withdraw") ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="withdraw" />
              <ConfirmField id="withdraw-confirm" label={t("author.withdraw.confirm")} />
              <button type="submit" className="button button-danger button-small">
                {t("author.withdraw")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {x.supportsRequired > 0 && x.supportsOpen ? (
        <section id="support" className="card support-box" aria-labelledby="support-title">
          <h2 id="support-title">{t("support.title")}</h2>
          <p>
            <strong>{t("support.count", { count: x.supportCount, required: x.supportsRequired })}</strong>
          </p>
          {x.supportCount >= x.supportsRequired ? <p>{t("support.enough")}</p> : null}
          {x.supported ? (
            <p role="status">{t("support.done")}</p>
          ) : can("support") ? (
            <Form method="post">
              <input type="hidden" name="intent" value="support" />
              <button type="submit" className="button">
                {t("support.button")}
              </button>
            </Form>
          ) : !x.signedIn ? (
            <p>
              <Link to={`/signin?redirectTo=${encodeURIComponent(`/proposals/${proposalId}`)}`}>{t("support.signin")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("history.title")}</h2>
        <h3>{t("history.decisions")}</h3>
        <DecisionHistory decisions={x.decisions} />
        {x.versions.length > 0 ? (
          <>
            <h3>{t("history.versions")}</h3>
            {x.versions.map((v) => (
              <details key={v.version} className="version">
                <summary>
                  {t("history.version", { n: v.version, date: "" })}
                  <DateText iso={v.createdAt} />
                  {v.byOfficial ? ` · ${t("history.version.byOfficial")}` : ""}
                </summary>
                <p>
                  <strong>{v.title}</strong>
                </p>
                <p>{v.summary}</p>
                <p className="pre-line">{v.description}</p>
                <p>{v.location}</p>
                <Money g={v.costGrosze} />
              </details>
            ))}
          </>
        ) : null}
        {x.appeal ? (
          <>
            <h3>{t("review.appeal")}</h3>
            <p className="pre-line">{x.appeal.justification || t("appeal.justification_removed")}</p>
          </>
        ) : null}
      </section>

      <Comments x={x} reply={reply} />
    </>
  );
}

function DateText({ iso }: { iso: string }) {
  const { date } = useT();
  return <time dateTime={iso}>{date(iso)}</time>;
}
function Money({ g }: { g: number }) {
  const { money } = useT();
  return <p className="amount">{money(g)}</p>;
}

function CommentForm({ parentId, reply }: { parentId: string | null; reply: Reply }) {
  const { t } = useT();
  const key = parentId ?? "new";
  const mine = reply?.intent === "comment" && reply.target === key ? reply : undefined;
  const id = `comment-body-${key}`;
  const tr = useErrorText();
  const errs = [...(mine?.errors.body ?? []), ...(mine?.errors[""] ?? [])].map(tr);
  return (
    <Form method="post" className="comment-form">
      <input type="hidden" name="intent" value="comment" />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <div className={`field ${errs.length ? "has-error" : ""}`}>
        <label htmlFor={id}>{parentId ? t("comments.replyTo") : t("comments.new")}</label>
        <p className="hint" id={`${id}-hint`}>
          {t("comments.plain")}
        </p>
        {errs.length ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {errs.join(" ")}
          </p>
        ) : null}
        <textarea id={id} name="body" rows={parentId ? 2 : 4} defaultValue={mine?.values?.body ?? ""} aria-describedby={`${id}-hint${errs.length ? ` ${id}-error` : ""}`} aria-invalid={errs.length > 0 || undefined} />
      </div>
      <div className="field field-check">
        <div className="check-row">
          <input id={`notify-${key}`} type="checkbox" name="notifyReplies" value="on" defaultChecked={!parentId} />
          <label htmlFor={`notify-${key}`}>{t("comments.notify")}</label>
        </div>
      </div>
      <button type="submit" className="button button-small">
        {parentId ? t("comments.submitReply") : t("comments.submit")}
      </button>
    </Form>
  );
}

function CommentItem({ c, x, reply, children }: { c: Comment; x: Extras; reply: Reply; children?: React.ReactNode }) {
  const { t, date } = useT();
  const flagErr = reply?.intent === "flag" && reply.target === c.id ? reply.errors : undefined;
  return (
    <li id={`c-${c.id}`} className={`comment ${c.hidden ? "is-hidden" : ""}`}>
      <p className="comment-meta">
        <strong>{c.authorName ?? t("comments.removed")}</strong>
        {c.authorIsProposalAuthor ? <span className="badge badge-author">{t("comments.badge.author")}</span> : null}
        {c.authorIsStaff ? <span className="badge badge-staff">{t("comments.badge.staff")}</span> : null}
        <time dateTime={c.createdAt}>{date(c.createdAt)}</time>
      </p>
      {c.hidden ? (
        <p className="comment-hidden">{t("comments.hidden", { reason: c.hiddenReason ?? "" })}</p>
      ) : c.body === "" ? (
        // the author deleted their account: the text went with it
        <p className="comment-hidden">{t("comments.body_removed")}</p>
      ) : (
        <p className="comment-body pre-line"><PlainText text={c.body ?? ""} /></p>
      )}
      {x.signedIn && !c.hidden && c.authorUserId !== x.userId ? (
        <details className="flag-box">
          <summary>{t("comments.flag")}</summary>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="flag" />
            <input type="hidden" name="commentId" value={c.id} />
            <Errors errors={flagErr ? [...(flagErr[""] ?? []), ...(flagErr.reason ?? [])] : undefined} />
            <div className="field">
              <label htmlFor={`flag-${c.id}`}>{t("comments.flag.reason")}</label>
              <select id={`flag-${c.id}`} name="reason" defaultValue="">
                <option value="">—</option>
                {FLAG_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`comments.flag.${r}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-secondary button-small">
              {t("comments.flag.submit")}
            </button>
          </Form>
        </details>
      ) : null}
      {x.signedIn && c.authorUserId === x.userId && c.parentId === null ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value={c.notifyReplies ? "notify_off" : "notify_on"} />
          <input type="hidden" name="commentId" value={c.id} />
          <button type="submit" className="button button-secondary button-small">
            {c.notifyReplies ? t("comments.notify.off") : t("comments.notify.on")}
          </button>
        </Form>
      ) : null}
      {children}
    </li>
  );
}

function Comments({ x, reply }: { x: Extras; reply: Reply }) {
  const { t } = useT();
  const top = x.comments.filter((c) => c.parentId === null);
  return (
    <section id="comments" aria-labelledby="comments-title" className="comments">
      <h2 id="comments-title">{t("comments.title")}</h2>
      {top.length === 0 ? <p className="muted">{t("comments.empty")}</p> : null}
      <ul className="comment-list">
        {top.map((c) => (
          <CommentItem key={c.id} c={c} x={x} reply={reply}>
            <ul className="comment-list replies">
              {x.comments
                .filter((r) => r.parentId === c.id)
                .map((r) => (
                  <CommentItem key={r.id} c={r} x={x} reply={reply} />
                ))}
            </ul>
            {x.signedIn && !c.hidden ? (
              <details className="reply-box" open={reply?.intent === "comment" && reply.target === c.id}>
                <summary>{t("comments.reply")}</summary>
                <CommentForm parentId={c.id} reply={reply} />
              </details>
            ) : null}
          </CommentItem>
        ))}
      </ul>
      {x.signedIn ? (
        <CommentForm parentId={null} reply={reply} />
      ) : (
        <p>
          <Link to="/signin">{t("comments.signin")}</Link>
        </p>
      )}
    </section>
  );
}
