/**
 * "Follow" on a proposal, district or edition page (#17): a plain POST form to /follow (works
 * without JavaScript) that comes back to this page with ?follow=followed|unfollowed; for visitors
 * without an account, a sign-in link that returns here.
 */
import { Form, Link, useLocation } from "@remix-run/react";
import { DoneNotice } from "~/components/form/fields";
import type { FollowTarget } from "~/domain/follows";
import { useT } from "~/i18n";

export interface FollowState {
  signedIn: boolean;
  following: boolean;
}

export function FollowButton({ kind, id, state }: { kind: FollowTarget; id: string; state: FollowState }) {
  const { t } = useT();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("follow");
  params.delete("done");
  const back = `${location.pathname}${params.size ? `?${params}` : ""}`;
  if (!state.signedIn) {
    return (
      <p className="follow-box">
        <Link to={`/signin?redirectTo=${encodeURIComponent(back)}`}>{t("follow.button.signin")}</Link>
      </p>
    );
  }
  return (
    <div className="follow-box">
      <DoneNotice notices={["followed", "unfollowed"]} prefix="follow.done." param="follow" />
      {state.following ? (
        <p className="muted">
          {t(`follow.state.${kind}`)} <Link to="/account/following">{t("follow.state.manage")}</Link>
        </p>
      ) : null}
      <Form method="post" action="/follow" className="inline-form">
        <input type="hidden" name="intent" value={state.following ? "unfollow" : "follow"} />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="back" value={back} />
        <button type="submit" className={`button button-small ${state.following ? "button-secondary" : ""}`}>
          {state.following ? t("follow.button.unfollow") : t(`follow.button.${kind}`)}
        </button>
      </Form>
    </div>
  );
}
