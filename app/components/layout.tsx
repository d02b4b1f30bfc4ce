import { NavLink, useLocation, useMatches } from "@remix-run/react";
import type { RouteHandle } from "~/http/route-meta.server";
import { LOCALES, useT } from "~/i18n";

/**
 * What the header shows of a signed-in person: which of their desks it links to, and nothing that
 * names them, so the page can be shared by everyone with the same roles (the signed-in page cache,
 * app/auth/page-variant.server.ts). Their name is on their account page.
 */
export interface HeaderUser {
  admin: boolean;
  official: boolean;
  moderator: boolean;
}

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const { t } = useT();
  const location = useLocation();
  // the voting steps are a focused task: no site navigation to wander off mid-ballot (#14); each step has its own back link
  const focused = useMatches().some((m) => (m.handle as RouteHandle | undefined)?.layout === "focused");
  return (
    <header className={focused ? "site-header is-focused" : "site-header"}>
      <div className="container header-row">
        <a className="brand" href="/">
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="8" />
            <path d="M8 20c3-6 5-6 8 0s5 6 8 0" />
          </svg>
          <span>
            <span className="brand-name">{t("site.name")}</span>
            <span className="brand-city">{t("site.city")}</span>
          </span>
        </a>
        <div className="header-tools">
          <LanguageSwitcher />
          <UserMenu user={user} />
        </div>
      </div>
      {focused ? null : (
      <nav className="main-nav" aria-label={t("nav.label")}>
        {/* on a phone the menu folds behind a button that works without JavaScript; on a wide screen
            the list shows as always (the summary is hidden where the browser can style details) */}
        <details className="nav-menu container" key={location.pathname}>
          <summary className="nav-menu-button">
            <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <path d="M3 5h14M3 10h14M3 15h14" />
            </svg>
            {t("nav.menu")}
          </summary>
          <ul>
            <li>
              <NavLink to="/" end>
                {t("nav.home")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/districts">{t("nav.districts")}</NavLink>
            </li>
            <li>
              <NavLink to="/city">{t("nav.city")}</NavLink>
            </li>
            <li>
              <NavLink to="/programmes/youth">{t("nav.youth")}</NavLink>
            </li>
            <li>
              <NavLink to="/programmes/children">{t("nav.children")}</NavLink>
            </li>
            <li>
              <NavLink to="/archive">{t("nav.archive")}</NavLink>
            </li>
            <li><NavLink to="/realizacje">{t("implementation.nav")}</NavLink></li>
            <li>
              <NavLink to="/turnout">{t("nav.turnout")}</NavLink>
            </li>
            <li>
              <NavLink to="/vote" className="nav-vote">
                {t("nav.vote")}
              </NavLink>
            </li>
          </ul>
        </details>
      </nav>
      )}
    </header>
  );
}

/** A plain form with one button per language: works without JavaScript, remembered in a cookie. */
export function LanguageSwitcher() {
  const { t, locale } = useT();
  const location = useLocation();
  return (
    <form method="post" action="/lang" className="lang-switcher" aria-label={t("lang.change")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <span className="lang-label" aria-hidden="true">
        {t("lang.label")}:
      </span>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="lang"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          aria-label={t(`lang.${l}`)}
          className="lang-button"
        >
          {l.toUpperCase()}
        </button>
      ))}
    </form>
  );
}

function UserMenu({ user }: { user: HeaderUser | null }) {
  const { t } = useT();
  if (!user) {
    return (
      <NavLink className="button button-secondary header-signin" to="/signin">
        {t("nav.signin")}
      </NavLink>
    );
  }
  return (
    <nav className="user-nav" aria-label={t("nav.user")}>
      <ul>
        {user.admin ? (
          <li>
            <NavLink to="/admin">{t("nav.admin")}</NavLink>
          </li>
        ) : null}
        {user.official ? (
          <li>
            <NavLink to="/official">{t("nav.official")}</NavLink>
          </li>
        ) : null}
        {user.moderator ? (
          <li>
            <NavLink to="/moderation">{t("nav.moderation")}</NavLink>
          </li>
        ) : null}
        <li>
          <NavLink to="/account/proposals">{t("nav.myProposals")}</NavLink>
        </li>
        <li>
          <NavLink to="/account" className="account-link">
            {t("nav.account")}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

export function SiteFooter() {
  const { t } = useT();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <strong>{t("site.name")}</strong> · {t("site.city")}
        </p>
        <p>{t("site.footer.about")}</p>
        <p>{t("site.footer.pabulib")}</p>
        <p>
          <a href="/jak-to-dziala">{t("ux2.how.title")}</a> · <a href="/proposals">{t("ux2.search.title")}</a> · <a href="/privacy">{t("nav.privacy")}</a> · <a href="/accessibility">{t("nav.accessibility")}</a> · <a href="/api">{t("api.nav")}</a>
        </p>
      </div>
    </footer>
  );
}
