import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { Suspense, type ReactNode } from "react";
import { useNonce } from "./components/nonce";
import { SiteFooter, SiteHeader } from "./components/layout";
import { getTranslator, I18nContext, DEFAULT_LOCALE, type Locale } from "./i18n";
import { getLocale } from "./i18n/locale.server";
import { useRequestLocale } from "./i18n/request-locale";
import { getCurrentUser } from "./auth/session.server";
import { getEnv } from "./env.server";
import { can } from "./auth/permissions.server";
import styles from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

function errorTitle(error: unknown, locale: Locale): string {
  const { t } = getTranslator(locale);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 400 ? "badRequest" : "unexpected";
  return `${t(`error.${kind}.title`)} · ${t("site.name")}`;
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  // without loader data (an action threw) the language is unknown here: Layout writes the title
  if (!data) return [];
  const { t } = getTranslator(data.locale ?? DEFAULT_LOCALE);
  if (!error) return [{ title: t("site.name") }];
  return [{ title: errorTitle(error, data.locale) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return {
    locale: getLocale(request),
    mapTileUrl: getEnv().MAP_TILE_URL,
    user: user
      ? {
          admin: can(user, "roles.manage"),
          official: can(user, "official.panel"),
          moderator: can(user, "moderation.panel"),
        }
      : null,
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  // no loader data when an action threw: fall back to the language the request asked for
  const requested = useRequestLocale();
  const locale: Locale = data?.locale ?? requested;
  const error = useRouteError();
  const nonce = useNonce();
  const tr = getTranslator(locale);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b4f8a" />
        <Meta />
        {data ? null : <title>{error ? errorTitle(error, locale) : tr.t("site.name")}</title>}
        <Links />
      </head>
      <body>
        <I18nContext.Provider value={tr}>
          <a className="skip-link" href="#main">
            {tr.t("site.skip")}
          </a>
          <SiteHeader user={data?.user ?? null} />
          <main id="main" tabIndex={-1}>
            {/* a render that needs a message the page did not bring waits here for the dictionary
                (a navigation keeps showing the previous page meanwhile; see app/i18n/index.ts) */}
            <Suspense fallback={null}>{children}</Suspense>
          </main>
          <SiteFooter />
        </I18nContext.Provider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const requested = useRequestLocale();
  const { t } = getTranslator(data?.locale ?? requested);
  let kind: "notFound" | "forbidden" | "badRequest" | "unexpected" = "unexpected";
  if (isRouteErrorResponse(error)) {
    kind = error.status === 404 ? "notFound" : error.status === 403 ? "forbidden" : error.status === 400 ? "badRequest" : "unexpected";
  } else {
    console.error(error);
  }
  return (
    <div className="container narrow error-page">
      <h1>{t(`error.${kind}.title`)}</h1>
      <p>{t(`error.${kind}.body`)}</p>
      <p>
        <a className="button" href="/">
          {t("error.home")}
        </a>
      </p>
    </div>
  );
}
