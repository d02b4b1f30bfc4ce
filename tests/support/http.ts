/** Small helpers for HTTP-level tests against the running server: same-origin form posts and sign-in. */
export function formPost(baseURL: string, path: string, fields: Record<string, string>, cookie?: string) {
  return fetch(baseURL + path, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: baseURL,
      "Sec-Fetch-Site": "same-origin",
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Signs in and returns the "name=value" session cookie. */
export async function signIn(baseURL: string, email: string, password: string): Promise<string> {
  const res = await formPost(baseURL, "/signin", { email, password, redirectTo: "/account" });
  const set = res.headers.get("set-cookie") ?? "";
  const m = set.match(/bo_session=([^;]+)/);
  if (res.status !== 302 || !m) throw new Error(`sign-in as ${email} failed: ${res.status}`);
  return `bo_session=${m[1]}`;
}
